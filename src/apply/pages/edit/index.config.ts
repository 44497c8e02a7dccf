export default definePageConfig({
  navigationBarTitleText: '申报书',
});
