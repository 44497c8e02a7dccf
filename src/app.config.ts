export default defineAppConfig({
  // join and setup: opened by people in no role yet (a scanned invitation code, the first secretariat).
  pages: ['pages/index/index', 'pages/login/index', 'pages/join/index', 'pages/setup/index'],
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
        'pages/indicator/index',
        'pages/ranking/index',
        'pages/publicity/index',
        'pages/programs/index',
        'pages/program-edit/index',
        'pages/organizations/index',
        'pages/people/index',
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
      // What the person's data is used for (隐私保护指引) and what is held about them (我的数据); small and rarely opened.
      root: 'me',
      pages: ['pages/privacy/index', 'pages/data/index'],
    },
    {
      // The public notice (公示): opened from a shared card by anyone, signed in or not.
      root: 'public',
      pages: ['pages/notice/index'],
    },
  ],
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check: a privacy API waits for onNeedPrivacyAuthorization to be answered (lib/privacy.ts).
  __usePrivacyCheck__: true,
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '学会奖补通',
    navigationBarTextStyle: 'black',
  },
});
