// The in-app message list, and the one-time consents for WeChat subscribe messages given on a tap.
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { writeAudit } from '../audit';
import type { HandlerContext } from '../context';

/** A page of the caller's messages, newest first; nothing old is dropped, it is only further on. */
export async function listNotifications(
  input: ParsedInput<'notification.list'>,
  context: HandlerContext,
): Promise<ActionOutput<'notification.list'>> {
  const { store } = context.deps;
  const userId = context.caller.user._id;
  // One more than asked tells whether another page follows, without counting them all.
  const found = await store.find(
    'notifications',
    { userId },
    { orderBy: { field: 'createdAt', direction: 'desc' }, skip: input.cursor, limit: input.pageSize + 1 },
  );
  // Whether a WeChat reminder went out is the secretariat's concern; a person's own messages read as letters.
  const staff = context.caller.user.role === 'secretariat';
  const items = found.slice(0, input.pageSize).map((item) => (staff ? item : { ...item, subscribe: null }));
  const hasMore = found.length > input.pageSize;
  const unread = await store.find('notifications', { userId, readAt: null });
  return { items, hasMore, nextCursor: hasMore ? input.cursor + items.length : null, unread: unread.length };
}

export async function markRead(
  input: ParsedInput<'notification.read'>,
  context: HandlerContext,
): Promise<ActionOutput<'notification.read'>> {
  const { deps, caller, now } = context;
  await deps.store.transaction(async (tx) => {
    for (const id of input.ids) {
      const notification = await tx.get('notifications', id);
      if (!notification || notification.userId !== caller.user._id || notification.readAt) continue;
      await tx.replace(
        'notifications',
        { ...notification, readAt: now.toISOString(), version: notification.version + 1 },
        notification.version,
      );
      const subject = { entity: 'notification' as const, id, version: notification.version + 1 };
      await writeAudit(tx, [{ action: 'read', from: null, to: 'read', reason: null }], subject, caller.actor, now, deps.newId);
    }
  });
  const unread = await deps.store.find('notifications', { userId: caller.user._id, readAt: null });
  return { unread: unread.length };
}

/** Each accepted template adds one message the server may send (WeChat's one-time subscription). */
export async function recordSubscriptions(
  input: ParsedInput<'notification.subscribe'>,
  context: HandlerContext,
): Promise<ActionOutput<'notification.subscribe'>> {
  const { deps, caller, now } = context;
  const known = new Set<string>(deps.templates.map((template) => template.key));
  return deps.store.transaction(async (tx) => {
    const user = await tx.get('users', caller.user._id);
    if (!user) return { subscriptions: {} };
    const subscriptions = { ...user.subscriptions };
    for (const key of input.templateKeys) if (known.has(key)) subscriptions[key] = (subscriptions[key] ?? 0) + 1;
    await tx.replace('users', { ...user, subscriptions, version: user.version + 1, updatedAt: now.toISOString() }, user.version);
    const subject = { entity: 'user' as const, id: user._id, version: user.version + 1 };
    const accepted = input.templateKeys.filter((key) => known.has(key)).join(',');
    await writeAudit(tx, [{ action: 'subscribe', from: null, to: accepted, reason: null }], subject, caller.actor, now, deps.newId);
    return { subscriptions };
  });
}

export async function listTemplates(_input: ParsedInput<'notification.templates'>, context: HandlerContext) {
  return context.deps.templates.map((template) => ({ key: template.key, templateId: template.templateId, title: template.title }));
}
