// Times are stored as UTC ISO strings and judged and shown in Asia/Shanghai (UTC+8 all year, no DST).
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const SHANGHAI_OFFSET_MINUTES = 8 * 60;

export function inShanghai(iso: string | Date) {
  return dayjs(iso).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** The year is left out where the reader's now is in the same Shanghai year ("7月10日 14:00"). */
export interface DateFormatOptions {
  sameYearAs?: string | Date;
}

function dayPattern(iso: string | Date, options: DateFormatOptions): string {
  const sameYear = options.sameYearAs !== undefined && inShanghai(options.sameYearAs).year() === inShanghai(iso).year();
  return sameYear ? 'M月D日' : 'YYYY年M月D日';
}

/** "2023-12-31T15:59:59.999Z" → "2023年12月31日 23:59" (or "12月31日 23:59" within the year of sameYearAs) */
export function formatShanghaiDateTime(iso: string | Date, options: DateFormatOptions = {}): string {
  return inShanghai(iso).format(`${dayPattern(iso, options)} HH:mm`);
}

/** "2023-09-27T…" → "2023年9月27日" (or "9月27日" within the year of sameYearAs) */
export function formatShanghaiDate(iso: string | Date, options: DateFormatOptions = {}): string {
  return inShanghai(iso).format(dayPattern(iso, options));
}

/** The UTC instant of a wall-clock time in Shanghai, e.g. shanghaiToUtcIso('2023-12-31 23:59:59'). */
export function shanghaiToUtcIso(wallClock: string): string {
  const parsed = dayjs.utc(wallClock);
  if (!parsed.isValid()) throw new RangeError(`not a date: ${wallClock}`);
  return parsed.subtract(SHANGHAI_OFFSET_MINUTES, 'minute').toISOString();
}

/** A deadline names a second (…23:59:59): it lasts to the end of that second. */
export function isPastDeadline(now: Date, deadline: string): boolean {
  return now.getTime() > new Date(deadline).getTime() + 999;
}

/** The last second of a Shanghai calendar day ('2023-11-10' → 23:59:59 that day), as deadlines are written. */
export function endOfShanghaiDay(day: string): string {
  return shanghaiToUtcIso(`${day} 23:59:59`);
}

export function isAfter(a: string | Date, b: string | Date): boolean {
  return new Date(a).getTime() > new Date(b).getTime();
}

/** The Shanghai calendar year of an instant (2023-12-31T16:00Z is already 2024 there). */
export function shanghaiYear(instant: string | Date): number {
  return inShanghai(instant).year();
}

/** The Shanghai calendar day of an instant: '2023-09-26T16:00:00.000Z' → '2023-09-27'. */
export function shanghaiDay(instant: string | Date): string {
  const local = inShanghai(instant);
  if (!local.isValid()) throw new RangeError(`not an instant: ${String(instant)}`);
  return local.format('YYYY-MM-DD');
}

/** The same calendar day `years` earlier ('2024-02-29', 2 → '2022-02-28'). */
export function calendarDayYearsBefore(day: string, years: number): string {
  return dayjs.utc(day).subtract(years, 'year').format('YYYY-MM-DD');
}

/** A calendar day as people read it: '2023-07-03' → '2023年7月3日' (no time zone: it is already a day). */
export function formatCalendarDay(day: string): string {
  return dayjs.utc(day).format('YYYY年M月D日');
}

/** Two calendar days as a span people read: ('2023-07-01', '2023-09-30') → '2023年7月1日至2023年9月30日'. */
export function formatDaySpan(from: string, to: string): string {
  return `${formatCalendarDay(from)}至${formatCalendarDay(to)}`;
}
