export default definePageConfig({
  navigationBarTitleText: '提交报告',
});
