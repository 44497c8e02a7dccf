// An amount held in fen, shown in yuan the way people write it (3,000 元); never split across lines.
import { Text } from '@tarojs/components';
import { formatYuan, type Fen } from '@/core/money';
import './money.css';

export function Money({ fen, strong = false, className }: { fen: Fen; strong?: boolean; className?: string }) {
  const classes = ['money', strong ? 'money--strong' : '', className ?? ''].filter(Boolean).join(' ');
  return <Text className={classes}>{formatYuan(fen)}</Text>;
}
