// Calendar-day helpers for the screens. core/calendar/working-days is not imported here: it carries the
// holiday tables (chinese-days), which only the server needs — it sends the publicity period ready-made.
import { formatShanghaiDate, inShanghai } from '@/core/calendar/shanghai';

/** The Shanghai calendar day of an instant ('2023-07-03T01:00:00Z' → '2023-07-03'), and a day as read ('2023年9月27日'). */
export { shanghaiDay as shanghaiDayOf, formatCalendarDay as chineseDay } from '@/core/calendar/shanghai';

/** The day a period of whole months from now ends, as shown: '2023年8月3日'. */
export function chineseDayAfterMonths(instant: string, months: number): string {
  return formatShanghaiDate(inShanghai(instant).add(months, 'month').toDate());
}
