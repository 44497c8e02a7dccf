// A moment shown as people write it in Shanghai time (2023年7月3日, or 2023年7月3日 14:30 with the time).
import { Text } from '@tarojs/components';
import { formatShanghaiDate, formatShanghaiDateTime } from '@/core/calendar/shanghai';

export function DateText({ value, withTime = false }: { value: string | Date; withTime?: boolean }) {
  return <Text className="date-text">{withTime ? formatShanghaiDateTime(value) : formatShanghaiDate(value)}</Text>;
}
