// Subscribe-message templates come from configuration: SUBSCRIBE_TEMPLATES='{"statusChange":"<id>","reminder":"<id>"}'
// in the function's environment. Locally, stand-in ids are used so the whole path can be seen.
import type { SubscribeTemplate } from './ports';

const titles: Record<SubscribeTemplate['key'], string> = { statusChange: '申报进度通知', reminder: '截止提醒' };

export function templatesFrom(setting: string | undefined, fallback: 'local' | 'none'): SubscribeTemplate[] {
  let ids: Partial<Record<SubscribeTemplate['key'], string>> = {};
  if (setting) {
    try {
      ids = JSON.parse(setting) as typeof ids;
    } catch {
      console.error('[config] SUBSCRIBE_TEMPLATES is not JSON; subscribe messages are off');
    }
  } else if (fallback === 'local') {
    ids = { statusChange: 'local-status-change', reminder: 'local-reminder' };
  }
  return (Object.keys(titles) as SubscribeTemplate['key'][])
    .filter((key) => typeof ids[key] === 'string' && ids[key])
    .map((key) => ({ key, templateId: ids[key]!, title: titles[key] }));
}
