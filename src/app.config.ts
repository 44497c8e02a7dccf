export default defineAppConfig({
  pages: ['pages/index/index', 'pages/login/index'],
  // One subpackage per audience; each root sits directly under src/.
  subPackages: [
    {
      root: 'apply',
      pages: ['pages/mine/index', 'pages/edit/index', 'pages/claim/index', 'pages/report/index'],
    },
    {
      root: 'admin',
      pages: [
        'pages/queue/index',
        'pages/detail/index',
        'pages/dashboard/index',
        'pages/ranking/index',
        'pages/publicity/index',
        'pages/programs/index',
        'pages/program-edit/index',
        'pages/organizations/index',
        'pages/organization/index',
      ],
    },
    {
      root: 'review',
      pages: ['pages/queue/index', 'pages/score/index'],
    },
    {
      // Messages of any signed-in person; small, so opening one from a subscribe message is quick.
      root: 'inbox',
      pages: ['pages/messages/index'],
    },
    {
      // The public notice (公示): opened from a shared card by anyone, signed in or not.
      root: 'public',
      pages: ['pages/notice/index'],
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
