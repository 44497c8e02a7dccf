// The bar fixed to the foot of the screen holding a page's decision buttons, with the reason a button is held back
// above them. The page leaves room for it with the action-bar-space class on its root.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './action-bar.css';

export function ActionBar({ note, children }: { note?: string | null; children: ReactNode }) {
  return (
    <View className="action-bar">
      {note ? <Text className="action-bar__note">{note}</Text> : null}
      {children}
    </View>
  );
}
