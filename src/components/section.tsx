// A titled block of a page: a card with its title, and an optional note on the right (a count, a link).
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Card } from './card';
import './section.css';

export function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card className="section">
      <View className="section__head">
        <Text className="section__title">{title}</Text>
        {extra ? <View className="section__extra">{extra}</View> : null}
      </View>
      {children}
    </Card>
  );
}
