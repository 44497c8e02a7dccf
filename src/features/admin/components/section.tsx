import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

export function Section({ id, title, extra, children }: { id?: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <View className="admin-section" id={id}>
      <View className="admin-section__head">
        <Text className="admin-section__title">{title}</Text>
        {extra ? <Text className="admin-section__extra">{extra}</Text> : null}
      </View>
      {children}
    </View>
  );
}
