// How an indicator's number reads: "30 项", "90%", "前 50 名", "是"; "—" where nothing is summed.
import type { IndicatorKind } from '@/core/program/program-schema';

export function formatIndicatorValue(kind: string, unit: string, value: number | null): string {
  if (value === null) return '—';
  switch (kind as IndicatorKind) {
    case 'percent':
      return `${value}%`;
    case 'rank':
      return `前 ${value} ${unit || '名'}`;
    case 'yesno':
      return value >= 1 ? '是' : '否';
    default:
      return `${value} ${unit}`.trim();
  }
}
