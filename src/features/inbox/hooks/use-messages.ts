// The signed-in person's messages: list, mark read, and the one-time subscribe-message consent asked on a tap.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Notification } from '@/core/schemas/documents';
import { call, messageOf } from '@/lib/api';
import { askSubscribeConsent } from '@/lib/subscribe';
import { useRemote } from '@/features/common/use-remote';

/** Messages per request: the first page on opening, then one more on each "earlier" tap. */
export const MESSAGE_PAGE = 30;

interface Earlier {
  items: Notification[];
  nextCursor: number | null;
}

/** The first page, reloaded whenever the screen shows, and the earlier pages asked for since. */
function useMessagePages() {
  const remote = useRemote(() => call('notification.list', { pageSize: MESSAGE_PAGE }), []);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  const [loadingEarlier, setLoadingEarlier] = useState(false);
  const [earlierError, setEarlierError] = useState<string | null>(null);
  // A fresh first page starts the list again (its cursor counts from the newest message).
  useEffect(() => setEarlier(null), [remote.data]);

  const cursor = earlier ? earlier.nextCursor : (remote.data?.nextCursor ?? null);
  const messages = useMemo(() => {
    const seen = new Set<string>();
    // A message arriving between pages shifts the next page by one: show each message once.
    return [...(remote.data?.items ?? []), ...(earlier?.items ?? [])].filter((message) => !seen.has(message._id) && seen.add(message._id));
  }, [remote.data, earlier]);

  const loadEarlier = useCallback(async () => {
    if (cursor === null || loadingEarlier) return;
    setLoadingEarlier(true);
    setEarlierError(null);
    try {
      const page = await call('notification.list', { cursor, pageSize: MESSAGE_PAGE });
      setEarlier((current) => ({ items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      setEarlierError(messageOf(error));
    } finally {
      setLoadingEarlier(false);
    }
  }, [cursor, loadingEarlier]);

  return { remote, messages, hasEarlier: cursor !== null, loadingEarlier, earlierError, loadEarlier };
}

export function useMessages() {
  const pages = useMessagePages();
  const { remote, messages } = pages;
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const [subscribing, setSubscribing] = useState(false);
  const [subscribeResult, setSubscribeResult] = useState<{ ok: boolean; text: string } | null>(null);

  const isRead = useCallback((message: Notification) => message.readAt !== null || readIds.has(message._id), [readIds]);
  // The server counts every unread message, loaded or not; those read here since are taken off.
  const readHere = messages.filter((message) => message.readAt === null && readIds.has(message._id)).length;
  const unreadCount = Math.max(0, (remote.data?.unread ?? 0) - readHere);

  const markRead = useCallback(async (ids: string[]) => {
    if (ids.length === 0) return;
    // Shown as read at once; a failed call only means it is marked again next time.
    setReadIds((current) => new Set([...current, ...ids]));
    // The server takes 200 ids a call; several loaded pages may hold more.
    for (let start = 0; start < ids.length; start += 200) {
      await call('notification.read', { ids: ids.slice(start, start + 200) }).catch(() => undefined);
    }
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

  return { ...pages, unreadCount, isRead, markRead, subscribe, subscribing, subscribeResult };
}
