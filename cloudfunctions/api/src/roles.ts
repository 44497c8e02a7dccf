// The roles a person (one WeChat identity) holds: one users record per role, the same openid on each.
// The router picks the acting one; the session lists them all for the role switcher.
import { AppError } from '@/core/errors';
import { mayAct } from '@/core/people/manages';
import type { SessionView } from '@/core/schemas/actions';
import type { Organization, User } from '@/core/schemas/documents';
import type { Caller } from './context';
import { actorOf } from './context';
import { orgNames } from './loaders';
import type { StoreReader } from './ports';
import { remembered } from './read-memo';

/**
 * Every role of this identity that may act, in the order they were bound (createdAt, then id). Read on every call:
 * kept while the store has no transaction (read-memo.ts), so the list is frozen.
 */
export function activeRolesOf(store: StoreReader, openid: string): Promise<readonly User[]> {
  return remembered(store, `roles\u0000${openid}`, async () => {
    const records = await store.find('users', { openid }, { orderBy: { field: 'createdAt', direction: 'asc' } });
    return records.filter(mayAct);
  });
}

/**
 * The role a call acts in: the one it names (`as`, a users id), which must be this person's and active;
 * without `as`, their first. Revoked and removed records never act.
 */
export async function resolveCaller(store: StoreReader, openid: string, as: string | undefined): Promise<Caller> {
  const roles = await activeRolesOf(store, openid);
  if (roles.length === 0) throw new AppError('NOT_REGISTERED');
  const user = as === undefined ? roles[0] : roles.find((role) => role._id === as);
  if (!user) throw new AppError('ROLE_UNKNOWN');
  return callerOf(store, user);
}

/** A role as the caller of an action; its organisation is read only if the action asks for it, once. */
export function callerOf(store: StoreReader, user: User): Caller {
  let organization: Promise<Organization> | undefined;
  const loadOrganization = async () => {
    const org = await remembered(store, `organization\u0000${user.orgId}`, () => store.get('organizations', user.orgId));
    if (!org) throw new AppError('NOT_REGISTERED', '所属单位不存在');
    return org;
  };
  return { user, actor: actorOf(user), organization: () => (organization ??= loadOrganization()) };
}

/** What a new role is bound with: whose identity, for what, and how (an invitation, or the setup code). */
export type NewRole = Pick<User, 'openid' | 'name' | 'role' | 'orgId' | 'phone' | 'poolOrgIds' | 'invitationId'>;

/** A role just bound to a WeChat identity: active, no message consents yet; a missing phone or pool is left out. */
export function newRole(id: string, fields: NewRole, now: Date): User {
  const stamp = now.toISOString();
  const { phone, poolOrgIds, ...rest } = fields;
  return {
    _id: id,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    ...rest,
    ...(phone ? { phone } : {}),
    ...(poolOrgIds ? { poolOrgIds } : {}),
    subscriptions: {},
    active: true,
    removedAt: null,
  };
}

/** The session of one role, listing every active role of the same person. */
export async function sessionOf(store: StoreReader, user: User, org: Organization, now: Date): Promise<SessionView> {
  // Asked at every page a person opens (the unread badge, the role switcher): what it reads is kept like the
  // caller's roles, until any transaction (a message written or read, a unit renamed) is asked of the store.
  const [roles, unread] = await Promise.all([
    activeRolesOf(store, user.openid),
    remembered(
      store,
      `unread\u0000${user._id}`,
      async () => (await store.find('notifications', { userId: user._id, readAt: null })).length,
    ),
  ]);
  const orgIds = roles.map((role) => role.orgId);
  // The names depend on the units alone: one kept answer serves everyone with the same units.
  const names = await remembered(store, `orgNames\u0000${orgIds.join('\u0000')}`, () => orgNames(store, orgIds));
  return {
    user: { id: user._id, name: user.name, role: user.role },
    org: { id: org._id, name: org.name, kind: org.kind, profile: org.profile },
    unreadNotifications: unread,
    serverNow: now.toISOString(),
    roles: roles.map((role) => ({ userId: role._id, role: role.role, orgId: role.orgId, orgName: names.get(role.orgId) ?? '' })),
  };
}
