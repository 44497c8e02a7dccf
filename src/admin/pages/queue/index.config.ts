export default definePageConfig({
  navigationBarTitleText: '申报审核',
});
