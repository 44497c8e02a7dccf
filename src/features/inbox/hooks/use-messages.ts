// The signed-in person's messages: list, mark read, and the one-time subscribe-message consent asked on a tap.
import { useCallback, useState } from 'react';
import type { Notification } from '@/core/schemas/documents';
import { call, messageOf } from '@/lib/api';
import { askSubscribeConsent } from '@/lib/subscribe';
import { useRemote } from '@/features/common/use-remote';

export function useMessages() {
  const remote = useRemote(() => call('notification.list', {}), []);
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [subscribing, setSubscribing] = useState(false);
  const [subscribeResult, setSubscribeResult] = useState<{ ok: boolean; text: string } | null>(null);

  const isRead = useCallback((message: Notification) => message.readAt !== null || readIds.has(message._id), [readIds]);

  const markRead = useCallback(async (ids: string[]) => {
    if (ids.length === 0) return;
    // Shown as read at once; a failed call only means it is marked again next time.
    setReadIds((current) => new Set([...current, ...ids]));
    await call('notification.read', { ids }).catch(() => undefined);
  }, []);

  /** Must run from a tap: WeChat shows its consent sheet only in answer to one. */
  const subscribe = useCallback(async () => {
    if (subscribing) return;
    setSubscribing(true);
    setSubscribeResult(null);
    try {
      const templates = await call('notification.templates', {});
      if (templates.length === 0) {
        setSubscribeResult({ ok: false, text: '暂未配置订阅消息模板' });
        return;
      }
      const accepted = await askSubscribeConsent(templates);
      if (accepted.length === 0) {
        setSubscribeResult({ ok: false, text: '未订阅：您没有同意接收提醒' });
        return;
      }
      const answer = await call('notification.subscribe', { templateKeys: accepted });
      const names = templates.filter((template) => accepted.includes(template.key)).map((template) => template.title);
      const left = Object.entries(answer.subscriptions)
        .map(([key, count]) => `${templates.find((template) => template.key === key)?.title ?? key} ${count} 次`)
        .join('，');
      setSubscribeResult({ ok: true, text: `已订阅：${names.join('、')}。可接收提醒：${left}` });
    } catch (error) {
      setSubscribeResult({ ok: false, text: messageOf(error) });
    } finally {
      setSubscribing(false);
    }
  }, [subscribing]);

  return { remote, isRead, markRead, subscribe, subscribing, subscribeResult };
}
