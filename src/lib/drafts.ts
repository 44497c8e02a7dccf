// Keeps what a person typed on the phone itself, so a lost signal or a closed page loses nothing.
import Taro from '@tarojs/taro';

const PREFIX = 'xhjb.draft.';

export function loadLocalDraft<T>(key: string): T | null {
  const saved = Taro.getStorageSync<T | ''>(PREFIX + key);
  return saved === '' || saved === undefined ? null : (saved as T);
}

export function saveLocalDraft<T>(key: string, value: T): void {
  Taro.setStorageSync(PREFIX + key, value);
}

export function dropLocalDraft(key: string): void {
  Taro.removeStorageSync(PREFIX + key);
}

export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}
