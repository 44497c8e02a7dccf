// Facts as label and value pairs in two columns (金额 3,000 元; 拨付日期 2023年7月10日); long values wrap.
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './key-value.css';

export function KeyValues({ className, children }: { className?: string; children: ReactNode }) {
  return <View className={className ? `key-values ${className}` : 'key-values'}>{children}</View>;
}

export function KeyValue({ label, tone, children }: { label: string; tone?: 'attention'; children: ReactNode }) {
  return (
    <>
      <Text className="key-values__label">{label}</Text>
      <View className={tone ? `key-values__value key-values__value--${tone}` : 'key-values__value'}>{children}</View>
    </>
  );
}
