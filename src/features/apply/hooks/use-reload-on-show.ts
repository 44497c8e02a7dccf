// Reloads when the page comes back into view (e.g. after saving on the edit page), not on the first show,
// which the initial load already covers.
import { useDidShow } from '@tarojs/taro';
import { useRef } from 'react';

export function useReloadOnShow(reload: () => Promise<void>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
}
