export default definePageConfig({
  navigationBarTitleText: '公示管理',
});
