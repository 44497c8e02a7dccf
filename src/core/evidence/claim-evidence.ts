// What a claim offers as evidence besides its files: a record on 天府科技云, the platform the provincial
// programme runs on (seed 002, line 44: "项目申报平台为天府科技云平台（网址：https://www.tfkjy.cn）"), and the day
// and place of the activity it reports.
import { formatCalendarDay, shanghaiDay } from '../calendar/shanghai';

/** 天府科技云's domain (seed 002, line 44); its records live on it or on a subdomain. */
export const TFKJY_DOMAIN = 'tfkjy.cn';
export const MAX_EVIDENCE_LINKS = 5;
export const LINK_MESSAGE = `链接须为天府科技云（${TFKJY_DOMAIN}）上记录的 https 地址，例如 https://www.${TFKJY_DOMAIN}/…`;

/** Whether a link is an https address on 天府科技云 (no user name or password in it, no other port). */
export function isTfkjyLink(value: string): boolean {
  if (value.length > 500 || /\s/.test(value)) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return (
    url.protocol === 'https:' &&
    !url.username &&
    !url.password &&
    (url.port === '' || url.port === '443') &&
    (host === TFKJY_DOMAIN || host.endsWith(`.${TFKJY_DOMAIN}`))
  );
}

/** Why the activity's day cannot be accepted (in Chinese), or null: it must not be after today in Shanghai. */
export function activityDayProblem(day: string, now: Date): string | null {
  const today = shanghaiDay(now);
  return day > today ? `活动日期不能晚于今天（${formatCalendarDay(today)}）` : null;
}
