// Reloads a screen when a person comes back to it (after saving, or after a decision elsewhere);
// the first show is the initial load, so it is skipped.
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

export function useReloadOnShow(reload: () => unknown): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (shownBefore.current) void reload();
    shownBefore.current = true;
  });
}
