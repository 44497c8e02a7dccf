// The H5 demo session: a signed token from the local server, kept in storage. In the mini-program the
// platform itself identifies the caller (OPENID), so there is no token at all.
// Both runtimes keep the role the person chose to act in (per device: Taro storage is the platform's own).
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';
import type { ChoiceStore } from './role-choice';

const TOKEN_KEY = 'xhjb.session';
const ROLE_KEY = 'xhjb.actingRole';

export function sessionToken(): string | null {
  if (isWeapp) return null;
  const token = Taro.getStorageSync<string>(TOKEN_KEY);
  return token || null;
}

export function saveSessionToken(token: string): void {
  Taro.setStorageSync(TOKEN_KEY, token);
  // Another person may sign in on the same browser: their roles are not the last person's.
  Taro.removeStorageSync(ROLE_KEY);
}

export function clearSession(): void {
  Taro.removeStorageSync(TOKEN_KEY);
  Taro.removeStorageSync(ROLE_KEY);
}

/** Whether the app must show the sign-in page first (H5 without a session). */
export function needsSignIn(): boolean {
  return !isWeapp && !sessionToken();
}

/** The role chosen on this device (a userId), sent with every call. */
export const actingRole: ChoiceStore = {
  get: () => Taro.getStorageSync<string>(ROLE_KEY) || null,
  set: (userId) => Taro.setStorageSync(ROLE_KEY, userId),
  clear: () => Taro.removeStorageSync(ROLE_KEY),
};
