// 我的数据: everything the system holds about the caller as a person (every role bound to their WeChat identity),
// for them to see and keep. Only their own records: never a unit's applications, never another person's.
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { CollectionName, DocumentOf } from '@/core/schemas/documents';
import type { HandlerContext } from '../context';
import { orgNames } from '../loaders';
import type { StoreReader } from '../ports';
import { toPersonView } from './people';

/** At most this many records of each kind per role: a long-serving secretary's history stays a readable file. */
const PER_ROLE_CAP = 500;

/** The WeChat identity shown only enough to recognise it (the full one is a key, not information). */
export function maskedOpenid(openid: string): string {
  return openid.length <= 6 ? '***' : `${openid.slice(0, 3)}***${openid.slice(-3)}`;
}

/** The records of one kind that name any of the person's roles in `field`, newest first, each role capped. */
async function recordsOf<C extends CollectionName>(
  store: StoreReader,
  collection: C,
  field: string,
  userIds: readonly string[],
  newestFirstBy: string,
): Promise<DocumentOf<C>[]> {
  const perRole = await Promise.all(
    userIds.map((userId) =>
      store.find(collection, { [field]: userId }, { orderBy: { field: newestFirstBy, direction: 'desc' }, limit: PER_ROLE_CAP }),
    ),
  );
  return perRole.flat();
}

export async function exportMyData(_input: ParsedInput<'me.export'>, context: HandlerContext): Promise<ActionOutput<'me.export'>> {
  const { store } = context.deps;
  // Identity from the platform (the caller's record), never the input: every role of this WeChat identity.
  const users = await store.find('users', { openid: context.caller.user.openid }, { orderBy: { field: 'createdAt', direction: 'asc' } });
  const userIds = users.map((user) => user._id);
  const names = await orgNames(
    store,
    users.map((user) => user.orgId),
  );
  const [notifications, reviews, invitations, actedAudit, aboutAudit] = await Promise.all([
    recordsOf(store, 'notifications', 'userId', userIds, 'createdAt'),
    recordsOf(store, 'reviews', 'reviewerId', userIds, 'createdAt'),
    recordsOf(store, 'invitations', 'userId', userIds, 'createdAt'),
    recordsOf(store, 'audit', 'actorId', userIds, 'at'),
    recordsOf(store, 'audit', 'entityId', userIds, 'at'),
  ]);
  const aboutRoles = aboutAudit.filter((entry) => entry.entity === 'user');
  // A change the person made names the messages it sent: only theirs are theirs to see, not other people's.
  const own = new Set(userIds);
  const audit = [...new Map([...actedAudit, ...aboutRoles].map((entry) => [entry._id, entry])).values()]
    .sort((a, b) => b.at.localeCompare(a.at))
    .map(({ notified, ...entry }) => {
      const theirs = notified?.filter((message) => own.has(message.userId)) ?? [];
      return theirs.length ? { ...entry, notified: theirs } : entry;
    });
  return {
    exportedAt: context.now.toISOString(),
    roles: users.map((user) => toPersonView(user, names.get(user.orgId) ?? '（未知单位）')),
    records: {
      users: users.map((user) => ({ ...user, openid: maskedOpenid(user.openid) })),
      notifications,
      reviews,
      invitations,
      audit,
    },
  };
}
