export default definePageConfig({
  navigationBarTitleText: '下属单位',
});
