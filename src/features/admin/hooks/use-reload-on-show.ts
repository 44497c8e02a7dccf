// Reloads a screen when the clerk comes back to it (e.g. from a decision); the first show is the initial load.
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

export function useReloadOnShow(reload: () => unknown): void {
  const shownBefore = useRef(false);
  useDidShow(() => {
    if (!shownBefore.current) {
      shownBefore.current = true;
      return;
    }
    void reload();
  });
}
