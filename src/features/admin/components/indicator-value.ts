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

/** How far an indicator still is from its target: "差 5 项", "达标"; "—" where nothing is summed. */
export function formatGap(kind: string, unit: string, gap: number | null): string {
  if (gap === null) return '—';
  if (gap <= 0) return '达标';
  if ((kind as IndicatorKind) === 'yesno') return '未达成';
  if ((kind as IndicatorKind) === 'rank') return `差 ${gap} ${unit || '名'}`;
  return `差 ${formatIndicatorValue(kind, unit, gap)}`;
}
