// Calendar-day helpers for the screens. core/calendar/working-days is not imported here: it carries the
// holiday tables (chinese-days), which only the server needs — it sends the publicity period ready-made.
import { formatShanghaiDate, inShanghai } from '@/core/calendar/shanghai';

/** The Shanghai calendar day of an instant ('2023-07-03T01:00:00Z' → '2023-07-03'), and a day as read ('2023年9月27日'). */
export { shanghaiDay as shanghaiDayOf, formatCalendarDay as chineseDay } from '@/core/calendar/shanghai';

/** The day a period of whole months from now ends, as shown: '2023年8月3日'. */
export function chineseDayAfterMonths(instant: string, months: number): string {
  return formatShanghaiDate(inShanghai(instant).add(months, 'month').toDate());
}

/** The Shanghai day (YYYY-MM-DD) and minute (HH:mm) a picked instant shows; empty for none. */
export function pickedParts(iso: string | null): { day: string; time: string } {
  if (!iso) return { day: '', time: '' };
  const local = inShanghai(iso);
  return { day: local.format('YYYY-MM-DD'), time: local.format('HH:mm') };
}

/**
 * The instant a day or minute picked in Shanghai makes, as the draft stores times ("2024-05-31T23:59:59+08:00"): the
 * part not picked and the seconds are the original's; a new time is a deadline, to the end of 23:59.
 */
export function pickedInstant(original: string | null, picked: { day?: string; time?: string }): string {
  const was = original ? inShanghai(original) : null;
  const day = picked.day ?? was?.format('YYYY-MM-DD') ?? '';
  const time = picked.time ?? was?.format('HH:mm') ?? '23:59';
  return `${day}T${time}:${was ? was.format('ss') : '59'}+08:00`;
}
