// What the empty 我的申报 list says: the way to start one only when a call is open (a button is there to press),
// otherwise when the next call opens, or that none is open — never a button that is not there.
import { formatShanghaiDate } from '@/core/calendar/shanghai';
import type { ProgramView } from '@/core/schemas/actions';

type Call = Pick<ProgramView, 'name' | 'opensAt' | 'windowOpen' | 'serverNow'>;

export function noApplicationsText(calls: readonly Call[]): string {
  if (calls.some((call) => call.windowOpen)) return '还没有申报。点击下方“新建申报”开始填写，填写内容会自动暂存在本机。';
  const coming = calls
    .filter((call) => Date.parse(call.opensAt) > Date.parse(call.serverNow))
    .sort((a, b) => Date.parse(a.opensAt) - Date.parse(b.opensAt))[0];
  if (coming) return `还没有申报。${coming.name}将于${formatShanghaiDate(coming.opensAt)}开始申报，届时可在此新建申报。`;
  return calls.length > 0 ? '还没有申报。当前没有正在接受申报的项目。' : '还没有申报，暂无可申报的项目。';
}
