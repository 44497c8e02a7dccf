export default definePageConfig({
  navigationBarTitleText: '首次设置',
});
