// Chinese working days (工作日): weekdays minus statutory holidays, plus make-up workdays (调休), from chinese-days.
// Its data covers 2004–2026; other years fall back to Monday–Friday and are reported so the UI can warn.
import { getDayDetail, getHolidaysInRange, isWorkday } from 'chinese-days';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatDaySpan, shanghaiToUtcIso } from './shanghai';

dayjs.extend(utc);

const MAX_WORKING_DAYS = 60;

export type PublicityPeriod = {
  opensOn: string;
  /** The last of the working dates: the notice runs through the end of this day in Shanghai. */
  closesOn: string;
  workingDates: string[];
  /** Years judged Monday–Friday because chinese-days has no (trustworthy) holiday data for them. */
  fallbackYears: number[];
};

/** Parses a 'YYYY-MM-DD' calendar day strictly: dayjs alone would roll '2023-13-01' over into 2024. */
function parseDay(date: string) {
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(date) ? dayjs.utc(date) : null;
  if (!parsed?.isValid() || parsed.format('YYYY-MM-DD') !== date) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${date}`);
  return parsed;
}

function nextDay(date: string): string {
  return dayjs.utc(date).add(1, 'day').format('YYYY-MM-DD');
}

// chinese-days reads 'YYYY-MM-DD' as UTC midnight but builds and queries its table in local time, so west of UTC
// every answer is a day off. On such a host its data is not trusted: every year falls back, with the usual warning.
let packageReadsDaysRight: boolean | undefined;
const coverageByYear = new Map<number, boolean>();

/** Whether chinese-days has holiday data for the year: every covered year has the New Year holiday. */
export function calendarCovers(year: number): boolean {
  if (!Number.isInteger(year)) throw new RangeError(`not a year: ${year}`);
  packageReadsDaysRight ??= getDayDetail('2023-10-07').date === '2023-10-07';
  let covered = coverageByYear.get(year);
  if (covered === undefined) {
    const yyyy = String(year).padStart(4, '0');
    covered = packageReadsDaysRight && getHolidaysInRange(`${yyyy}-01-01`, `${yyyy}-12-31`, false).length > 0;
    coverageByYear.set(year, covered);
  }
  return covered;
}

/** fallback: the year has no holiday data, so only Monday–Friday was checked. */
export function isWorkingDay(date: string): { working: boolean; fallback: boolean } {
  const day = parseDay(date);
  if (calendarCovers(day.year())) return { working: isWorkday(date), fallback: false };
  const weekday = day.day();
  return { working: weekday >= 1 && weekday <= 5, fallback: true };
}

/**
 * The N working days of a notice opening on opensOn: the opening day counts when it is a working day,
 * otherwise counting starts with the next working day (the notice still opens on opensOn).
 */
export function publicityPeriod(opensOn: string, workingDays: number): PublicityPeriod {
  if (!Number.isInteger(workingDays) || workingDays < 1 || workingDays > MAX_WORKING_DAYS) {
    throw new RangeError(`working days must be an integer from 1 to ${MAX_WORKING_DAYS}: ${workingDays}`);
  }
  parseDay(opensOn);
  const workingDates: string[] = [];
  const fallbackYears = new Set<number>();
  for (let date = opensOn; workingDates.length < workingDays; date = nextDay(date)) {
    const { working, fallback } = isWorkingDay(date);
    if (fallback) fallbackYears.add(Number(date.slice(0, 4)));
    if (working) workingDates.push(date);
  }
  return {
    opensOn,
    closesOn: workingDates[workingDates.length - 1]!,
    workingDates,
    fallbackYears: [...fallbackYears].sort((a, b) => a - b),
  };
}

/** The UTC instant the closing day ends in Shanghai: '2023-10-09' → '2023-10-09T16:00:00.000Z'. */
export function publicityEndsAtUtc(closesOn: string): string {
  parseDay(closesOn);
  return shanghaiToUtcIso(`${nextDay(closesOn)} 00:00:00`);
}

/** '公示期 2023年9月27日至2023年10月9日' */
export function publicityPeriodText(period: Pick<PublicityPeriod, 'opensOn' | 'closesOn'>): string {
  return `公示期 ${formatDaySpan(period.opensOn, period.closesOn)}`;
}

/** Calendar months later, clamped to the month's end: '2024-01-31' + 1 → '2024-02-29'. */
export function addCalendarMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`months must be an integer: ${months}`);
  return parseDay(date).add(months, 'month').format('YYYY-MM-DD');
}
