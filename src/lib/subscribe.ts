// One-time subscribe messages (订阅消息): WeChat shows its consent sheet only in answer to a user's tap,
// so askSubscribeConsent must be called from a tap handler. H5 has no such sheet: every template counts
// as accepted there, and the local server only records what it would have sent.
import Taro from '@tarojs/taro';
import { isWeapp } from './platform';

export interface SubscribeTemplateRef {
  key: string;
  templateId: string;
}

/** Asks consent for the templates; resolves to the keys of those the person accepted. */
export async function askSubscribeConsent(templates: readonly SubscribeTemplateRef[]): Promise<string[]> {
  if (templates.length === 0) return [];
  if (!isWeapp) return templates.map((template) => template.key);
  const result = (await Taro.requestSubscribeMessage({
    tmplIds: templates.map((template) => template.templateId),
    entityIds: [],
  })) as unknown as Record<string, string>;
  return templates.filter((template) => result[template.templateId] === 'accept').map((template) => template.key);
}
