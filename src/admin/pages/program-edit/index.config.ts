export default definePageConfig({
  navigationBarTitleText: '编辑项目设置',
});
