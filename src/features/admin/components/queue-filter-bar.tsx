import { Text, View } from '@tarojs/components';
import { queueFilters, type QueueFilter } from '../hooks/use-admin-queue';

interface QueueFilterBarProps {
  value: QueueFilter;
  counts: Record<QueueFilter, number> | null;
  onChange: (filter: QueueFilter) => void;
}

export function QueueFilterBar({ value, counts, onChange }: QueueFilterBarProps) {
  return (
    <View className="admin-filter" role="tablist">
      {queueFilters.map((filter) => (
        <View
          key={filter.value}
          role="tab"
          aria-selected={filter.value === value}
          className={`admin-filter__item${filter.value === value ? ' admin-filter__item--active' : ''}`}
          onClick={() => onChange(filter.value)}
        >
          <Text>{filter.label}</Text>
          {counts ? <Text className="admin-filter__count">{counts[filter.value]}</Text> : null}
        </View>
      ))}
    </View>
  );
}
