import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Font faces no screen uses, dropped from the CSS that embeds them (see drop-font-faces.cjs): NutUI's theme carries
 * its JDZH digit fonts (Badge, Price, CountDown, Rate), and Taro's H5 components their weui icon font (Icon,
 * Checkbox, Radio); the app uses none of those components.
 */
function dropUnusedFontFaces(chain: Chain): void {
  chain.module
    .rule('css-without-unused-fonts')
    .test([
      /@nutui[\\/]nutui-react-taro[\\/]dist[\\/]styles[\\/]themes[\\/].*\.css$/,
      /@tarojs[\\/]components[\\/]dist[\\/]taro-components[\\/]taro-components\.css$/,
    ])
    .enforce('pre')
    .use('drop-font-faces')
    .loader(path.resolve(__dirname, 'drop-font-faces.cjs'));
}

// Base URL the client prefixes to API calls. H5 talks to the same origin `/api` by default;
// the weapp build uses Taro.cloud.callFunction and ignores it.
const apiBase = process.env.TARO_APP_API_BASE ?? '/api';

/** Modules that are left out of a bundle (webpack's `alias: false`): an empty module stands in for them. */
function leaveOut(chain: Chain, modules: readonly string[]): void {
  for (const name of modules) chain.resolve.alias.set(name, false as unknown as string);
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'xuehui-jiangbu',
    // NutUI is drawn at 375 px; our own styles at 750 px (STACK-NOTES pitfall 3).
    designWidth(input) {
      const file = typeof input === 'object' && input !== null ? (input as { file?: string }).file : undefined;
      if (file && file.replace(/\\+/g, '/').includes('@nutui')) return 375;
      return 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // Separate folders: Taro empties its output on every build (STACK-NOTES pitfall 2).
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(apiBase),
      // CloudBase environment id for the weapp build (empty: the one selected in WeChat DevTools).
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: {
      patterns: [],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    // The weapp's templates cannot recurse, so Taro writes one set per nesting level into base.wxml (about 2.6 KB
    // each, in the main package; 16 by default); a node deeper than this is drawn through Taro's `comp` component,
    // which renders the same at the cost of one more component. 14 levels keep the main package under 420 KB.
    baseLevel: 14,
    // The persistent webpack cache served a stale module map after source changes (the weapp smoke test caught
    // pages failing to load), so production builds, which are what we test and ship, always start clean.
    cache: {
      enable: process.env.NODE_ENV !== 'production',
    },
    mini: {
      webpackChain(chain) {
        dropUnusedFontFaces(chain);
      },
      optimizeMainPackage: {
        enable: true,
      },
      postcss: {
        pxtransform: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
    h5: {
      // Taro splits only initial chunks on H5, so every lazily loaded page would carry its own copy of
      // the NutUI components it uses; sharing async chunks too keeps one copy.
      webpackChain(chain) {
        dropUnusedFontFaces(chain);
        // Taro's H5 api polyfills fetch and AbortController, which every browser the app runs in has (it already
        // relies on URL, Blob.arrayBuffer and canvas.toBlob): about 18 KB of the first page, left out.
        leaveOut(chain, ['whatwg-fetch', 'abortcontroller-polyfill/dist/abortcontroller-polyfill-only']);
        chain.optimization.splitChunks({
          ...chain.optimization.get('splitChunks'),
          chunks: 'all',
        });
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: {
        mode: 'hash',
      },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {},
        },
        cssModules: {
          enable: false,
          config: {
            namingPattern: 'module',
            generateScopedName: '[name]__[local]___[hash:base64:5]',
          },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
