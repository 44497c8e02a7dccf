export default definePageConfig({
  navigationBarTitleText: '评审排名',
});
