export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  // One subpackage per audience; each root sits directly under src/.
  subPackages: [
    {
      root: 'apply',
      pages: ['pages/mine/index', 'pages/edit/index', 'pages/claim/index'],
    },
    {
      root: 'admin',
      pages: ['pages/queue/index', 'pages/detail/index', 'pages/dashboard/index'],
    },
    {
      root: 'review',
      pages: ['pages/queue/index'],
    },
  ],
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '学会奖补通',
    navigationBarTextStyle: 'black',
  },
});
