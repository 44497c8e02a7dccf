// A titled block of a page: a card with its title, and an optional note on the right (a count, a link).
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Card } from './card';
import './section.css';

/** id: where a section index jumps to (Taro.pageScrollTo with #id). */
export function Section({ id, title, extra, children }: { id?: string; title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card className="section" id={id}>
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {extra ? <View className="section__extra">{extra}</View> : null}
      </View>
      {children}
    </Card>
  );
}
