// Form helpers for what the secretariat records on an award: money in the yuan field, deadlines picked as a
// Shanghai day and minute, and where an extension's pickers start.
import { inShanghai, isAfter, shanghaiDay, shanghaiToUtcIso } from '@/core/calendar/shanghai';
import { formatFen } from '@/core/money';

/** An amount as the yuan field starts with it: 150000 → '1500', 80005 → '800.05'. */
export function yuanField(fen: number | null): string {
  if (fen === null) return '';
  const text = formatFen(fen).replace(/,/g, '');
  return text.endsWith('.00') ? text.slice(0, -3) : text;
}

/** The instant a deadline picked as a Shanghai day and minute ends: ('2023-10-20', '23:59') → '2023-10-20T15:59:59.000Z'. */
export function deadlineOf(day: string, time: string): string {
  return shanghaiToUtcIso(`${day} ${time}:59`);
}

/** Where an extension's pickers start: two weeks after the later of now and the current due time, at 23:59. */
export function extensionStart(currentDue: string | null, now: string): { day: string; time: string } {
  const from = currentDue && isAfter(currentDue, now) ? currentDue : now;
  return { day: shanghaiDay(inShanghai(from).add(14, 'day').toDate()), time: '23:59' };
}
