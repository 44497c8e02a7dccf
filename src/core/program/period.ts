// The programme's period (项目期): the Shanghai days from the call's opening through the later of the
// implementation end and the final report's due date. An application's schedule (进度安排) and the programme's own
// dated steps (the mid-term report, the experts' deadline) lie inside it; the settings form, the application form's
// pickers and the server all ask this one rule.
import { formatDaySpan, shanghaiDay } from '../calendar/shanghai';

export interface ProgramPeriod {
  /** The first day, YYYY-MM-DD (Shanghai). */
  from: string;
  /** The last day, YYYY-MM-DD (Shanghai). */
  to: string;
}

type Dated = { opensAt: string; implementationEndsAt: string; finalReportDueAt: string };

const valid = (iso: string) => Number.isFinite(new Date(iso).getTime());

/** The period, or null while one of its dates is no time (a form half filled in). */
export function programPeriod(program: Dated): ProgramPeriod | null {
  const { opensAt, implementationEndsAt, finalReportDueAt } = program;
  if (![opensAt, implementationEndsAt, finalReportDueAt].every(valid)) return null;
  const ends = [shanghaiDay(implementationEndsAt), shanghaiDay(finalReportDueAt)].sort();
  return { from: shanghaiDay(opensAt), to: ends[1]! };
}

/** '2023年6月25日至2024年1月15日' */
export function periodText(period: ProgramPeriod): string {
  return formatDaySpan(period.from, period.to);
}

/** Whether a calendar day (YYYY-MM-DD) lies inside the period. */
export function withinPeriod(day: string, period: ProgramPeriod): boolean {
  return day >= period.from && day <= period.to;
}

/** Why a schedule row's days cannot stand, or null: both days inside the period. */
export function scheduleRowPeriodIssue(row: { startsOn: string; endsOn: string }, period: ProgramPeriod | null): string | null {
  if (!period || (withinPeriod(row.startsOn, period) && withinPeriod(row.endsOn, period))) return null;
  return `日期须在项目期内（${periodText(period)}）`;
}

/** Why an instant the programme sets (a due date) cannot stand, or null: its Shanghai day is inside the period. */
export function instantPeriodIssue(label: string, instant: string | null | undefined, period: ProgramPeriod | null): string | null {
  if (!instant || !period || !valid(instant) || withinPeriod(shanghaiDay(instant), period)) return null;
  return `${label}须在项目期内（${periodText(period)}）`;
}
