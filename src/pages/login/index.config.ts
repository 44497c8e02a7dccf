export default definePageConfig({
  // The mini-program has no demo accounts: WeChat identifies the person.
  navigationBarTitleText: process.env.TARO_ENV === 'weapp' ? '登录' : '选择演示账号',
});
