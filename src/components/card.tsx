// A white rounded box on the grey page: the one container every screen's blocks sit in.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './card.css';

export function Card({ id, className, children }: { id?: string; className?: string; children: ReactNode }) {
  return (
    <View className={className ? `card ${className}` : 'card'} id={id}>
      {children}
    </View>
  );
}
