export default definePageConfig({
  navigationBarTitleText: '专家评审',
});
