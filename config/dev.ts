import type { UserConfigExport } from '@tarojs/cli';

export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    // Fast Refresh would need react-refresh and its webpack plugin; a full reload is enough here.
    devServer: {
      hot: false,
    },
  },
} satisfies UserConfigExport<'webpack5'>;
