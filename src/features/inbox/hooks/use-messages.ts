// The signed-in person's messages: list, mark read, and the one-time subscribe-message consent asked on a tap.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Notification } from '@/core/schemas/documents';
import { showMessage } from '@/lib/feedback';
import { askSubscribeConsent } from '@/lib/subscribe';
import { useAction } from '@/features/common/use-action';
import { useRemote } from '@/features/common/use-remote';
import { listNotifications, markNotificationsRead, notificationTemplates, subscribeNotifications } from '../api/notifications';

/** Messages per request: the first page on opening, then one more on each "earlier" tap. */
export const MESSAGE_PAGE = 30;

interface Earlier {
  items: Notification[];
  nextCursor: number | null;
}

/** The first page, reloaded whenever the screen shows, and the earlier pages asked for since. */
function useMessagePages() {
  const remote = useRemote(() => listNotifications({ pageSize: MESSAGE_PAGE }), []);
  const [earlier, setEarlier] = useState<Earlier | null>(null);
  // An earlier page asked for; a failure is shown under the list.
  const paging = useAction();
  // A fresh first page starts the list again (its cursor counts from the newest message).
  useEffect(() => setEarlier(null), [remote.data]);

  const cursor = earlier ? earlier.nextCursor : (remote.data?.nextCursor ?? null);
  const messages = useMemo(() => {
    const seen = new Set<string>();
    // A message arriving between pages shifts the next page by one: show each message once.
    return [...(remote.data?.items ?? []), ...(earlier?.items ?? [])].filter((message) => !seen.has(message._id) && seen.add(message._id));
  }, [remote.data, earlier]);

  const { run } = paging;
  const loadEarlier = useCallback(async () => {
    if (cursor === null) return;
    const page = await run(() => listNotifications({ cursor, pageSize: MESSAGE_PAGE }));
    if (page) setEarlier((current) => ({ items: [...(current?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
  }, [cursor, run]);

  return {
    remote,
    messages,
    hasEarlier: cursor !== null,
    loadingEarlier: paging.busy,
    earlierError: paging.error,
    loadEarlier,
  };
}

export function useMessages() {
  const pages = useMessagePages();
  const { remote, messages } = pages;
  const [readIds, setReadIds] = useState<ReadonlySet<string>>(new Set());
  const subscription = useAction({ toast: showMessage });
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
      await markNotificationsRead({ ids: ids.slice(start, start + 200) }).catch(() => undefined);
    }
  }, []);

  /** Must run from a tap: WeChat shows its consent sheet only in answer to one. */
  const { run: runSubscription } = subscription;
  const subscribe = useCallback(async () => {
    const result = await runSubscription(async () => {
      setSubscribeResult(null);
      const templates = await notificationTemplates();
      if (templates.length === 0) return { ok: false, text: '暂未配置订阅消息模板' };
      const accepted = await askSubscribeConsent(templates);
      if (accepted.length === 0) return { ok: false, text: '未订阅：您没有同意接收提醒' };
      const answer = await subscribeNotifications({ templateKeys: accepted });
      const names = templates.filter((template) => accepted.includes(template.key)).map((template) => template.title);
      const left = Object.entries(answer.subscriptions)
        .map(([key, count]) => `${templates.find((template) => template.key === key)?.title ?? key} ${count} 次`)
        .join('，');
      return { ok: true, text: `已订阅：${names.join('、')}。可接收提醒：${left}` };
    });
    if (result) setSubscribeResult(result);
  }, [runSubscription]);

  // A failed subscription shows its reason where the result goes.
  const subscribeShown = subscription.error ? { ok: false, text: subscription.error } : subscribeResult;
  return { ...pages, unreadCount, isRead, markRead, subscribe, subscribing: subscription.busy, subscribeResult: subscribeShown };
}
