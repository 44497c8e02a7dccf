// How one indicator's progress is drawn on the board: the share of the bar its verified figure (or recorded value)
// fills, the pending claims beside it, where the provincial minimum and the goal sit, and the words under it. A rank
// is better when smaller: its bar runs from a rank well past the worst one in view (empty) to first place (full).
import { valueIssue } from '@/core/kpi/tally';
import { meetsFloor, type IndicatorKind } from '@/core/program/program-rules';
import type { DashboardView } from '@/core/schemas/actions';
import { formatIndicatorValue } from './components/indicator-value';

type Row = Pick<
  DashboardView['rows'][number],
  'kind' | 'unit' | 'source' | 'goal' | 'provinceMinimum' | 'achieved' | 'pending' | 'risk' | 'value' | 'valueOn'
>;

export interface IndicatorProgress {
  /** Width of the verified (or recorded) part, 0–100. */
  achievedPercent: number;
  /** Width of the pending part drawn after it, 0–100 (0 where nothing waits or at society level). */
  pendingPercent: number;
  /** Where the provincial minimum sits on the bar, 0–100; null where there is none (or it is the goal itself). */
  minimumPercent: number | null;
  /** Where the goal sits on the bar, 0–100. */
  goalPercent: number;
  /** Whether the achieved figure reaches the goal. */
  reached: boolean;
  /** 'missed' is red; the other risks ask for attention (orange); null: nothing to flag. */
  tone: 'missed' | 'attention' | null;
}

const clamp = (value: number) => Math.min(100, Math.max(0, Math.round(value * 10) / 10));

/** The bar of one row: counts and head counts against the largest of goal, minimum and figures; percentages out of 100. */
export function indicatorProgress(row: Row): IndicatorProgress {
  const tone = row.risk === 'missed' ? 'missed' : row.risk ? 'attention' : null;
  const achieved = row.achieved;
  const minimum = row.provinceMinimum !== null && row.provinceMinimum !== row.goal ? row.provinceMinimum : null;
  const reached = achieved !== null && meetsFloor(row.kind as IndicatorKind, achieved, row.goal);
  if (row.kind === 'rank') {
    // Rank r sits at (worst − r) / (worst − 1): first place fills the bar, `worst` leaves it empty.
    const worst = 2 * Math.max(row.goal, row.provinceMinimum ?? 0, achieved ?? 0, 1);
    const at = (rank: number) => clamp(((worst - rank) / (worst - 1)) * 100);
    return {
      achievedPercent: achieved === null ? 0 : at(achieved),
      pendingPercent: 0,
      minimumPercent: minimum === null ? null : at(minimum),
      goalPercent: at(row.goal),
      reached,
      tone,
    };
  }
  if (row.kind === 'yesno') {
    return {
      achievedPercent: achieved !== null && achieved >= 1 ? 100 : 0,
      pendingPercent: 0,
      minimumPercent: null,
      goalPercent: 100,
      reached,
      tone,
    };
  }
  const pending = row.source === 'claims' ? (row.pending ?? 0) : 0;
  const scale = row.kind === 'percent' ? 100 : Math.max(row.goal, minimum ?? 0, (achieved ?? 0) + pending, 1);
  const achievedPercent = clamp(((achieved ?? 0) / scale) * 100);
  return {
    achievedPercent,
    pendingPercent: Math.min(clamp((pending / scale) * 100), 100 - achievedPercent),
    minimumPercent: minimum === null ? null : clamp((minimum / scale) * 100),
    goalPercent: clamp((row.goal / scale) * 100),
    reached,
    tone,
  };
}

/** A figure reached (not a target): "第 28 名", "92%", "是", "3 篇"; "未填报" where nothing is recorded. */
export function formatAchieved(kind: string, unit: string, value: number | null): string {
  if (value === null) return '未填报';
  if (kind === 'rank') return `第 ${value} ${unit || '名'}`;
  return formatIndicatorValue(kind, unit, value);
}

/** A target or minimum: "前 30 名", "至少 90%", "是", "20 篇". */
export function formatGoal(kind: string, unit: string, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'percent') return `至少 ${value}%`;
  return formatIndicatorValue(kind, unit, value);
}

/** The words under a bar: what counts so far and what waits, e.g. "已核实 3 篇 · 待核实 5 篇" or "第 28 名（2023年7月1日）". */
export function progressLine(row: Row, dayText: (day: string) => string): string {
  if (row.source === 'society') {
    const value = formatAchieved(row.kind, row.unit, row.value);
    return row.valueOn ? `${value}（${dayText(row.valueOn)}）` : value;
  }
  const verified = `已核实 ${formatIndicatorValue(row.kind, row.unit, row.achieved ?? 0)}`;
  return row.pending ? `${verified} · 待核实 ${formatIndicatorValue(row.kind, row.unit, row.pending)}` : verified;
}

/** The value typed into the record form as the number the api takes, or why it cannot be sent (the server's rule). */
export function parseRecordedValue(indicator: { name: string; kind: string }, text: string): { value: number } | { issue: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { issue: indicator.kind === 'yesno' ? '请选择“是”或“否”' : '请填写数值' };
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { issue: '请填写数字' };
  const issue = valueIssue({ name: indicator.name, kind: indicator.kind as IndicatorKind }, value);
  return issue ? { issue } : { value };
}

/**
 * The line above the board: how many indicators need attention, or that all are on track — said only when there is
 * something to judge. A board with no indicators, or with no figure yet (nothing claimed, verified or recorded),
 * says so instead of claiming everything is fine.
 */
export function boardHeadline(rows: readonly Pick<Row, 'achieved' | 'pending' | 'risk'>[], daysLeft: number): string {
  if (rows.length === 0) return '本项目未设置绩效指标';
  const flagged = rows.filter((row) => row.risk !== null).length;
  if (flagged > 0) return `${flagged} 项指标需要关注（剩 ${daysLeft} 天）`;
  const figures = rows.filter((row) => (row.achieved ?? 0) > 0 || (row.pending ?? 0) > 0).length;
  if (figures === 0) return '尚无完成数据：还没有填报或核实的指标完成情况';
  if (figures < rows.length) return `${figures} / ${rows.length} 项指标已有完成数据，其余尚无数据`;
  return '各项指标均已达标或进度正常';
}
