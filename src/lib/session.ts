// The H5 demo session: a signed token from the local server, kept in storage. In the mini-program the
// platform itself identifies the caller (OPENID), so there is no token at all.
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

const TOKEN_KEY = 'xhjb.session';

export function sessionToken(): string | null {
  if (isWeapp) return null;
  const token = Taro.getStorageSync<string>(TOKEN_KEY);
  return token || null;
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
}

/** Whether the app must show the sign-in page first (H5 without a session). */
export function needsSignIn(): boolean {
  return !isWeapp && !sessionToken();
}
