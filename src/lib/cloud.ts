// The mini-program reaches the api through CloudBase; H5 uses HTTP and never calls this.
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

export function initCloud(): void {
  if (!isWeapp || !Taro.cloud) return;
  const env = process.env.TARO_APP_CLOUD_ENV;
  // Without a configured environment id the mini-program uses the one selected in WeChat DevTools.
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true });
}
