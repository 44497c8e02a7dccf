// A white rounded box on the grey page: the one container every screen's blocks sit in.
import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './card.css';

/** onClick: the whole card is tappable (a row of a list that opens its item). */
export function Card({ id, className, onClick, children }: { id?: string; className?: string; onClick?: () => void; children: ReactNode }) {
  return (
    <View className={className ? `card ${className}` : 'card'} id={id} onClick={onClick}>
      {children}
    </View>
  );
}
