/// <reference types="@tarojs/taro" />

// Style and asset imports are handled by the bundler.
declare module '*.css';
declare module '*.scss';
declare module '*.less';
declare module '*.png';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.gif';
declare module '*.svg';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by the Taro CLI from `--type`. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'quickapp' | 'qq' | 'jd' | 'harmony';
    /** Base URL of the HTTP API used by the H5 build; injected by config/index.ts defineConstants. */
    TARO_APP_API_BASE?: string;
    /** Optional mini-program appid for DevTools; see https://docs.taro.zone/docs/env-mode-config */
    TARO_APP_ID?: string;
    /** CloudBase environment id used by Taro.cloud.init in the weapp build. */
    TARO_APP_CLOUD_ENV?: string;
  }
}

// exifr's browser build (JPEG only, no tag names, about 29 KB): the package has no exports map for it.
declare module 'exifr/dist/mini.esm.mjs' {
  import exifr from 'exifr';
  export default exifr;
}
