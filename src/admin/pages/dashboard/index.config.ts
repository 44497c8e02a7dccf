export default definePageConfig({
  navigationBarTitleText: '指标看板',
});
