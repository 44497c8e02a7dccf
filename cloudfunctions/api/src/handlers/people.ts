// People, as their organiser's secretariat manages them: the list of roles, ending a role, moving a contact or
// an expert to another organisation, and erasing a person at their request. Each change audited.
import { AppError } from '@/core/errors';
import { managesRole } from '@/core/people/manages';
import { poolOrgIdsOf } from '@/core/review/pool';
import type { ParsedInput, PersonView } from '@/core/schemas/actions';
import type { Invitation, Organization, User } from '@/core/schemas/documents';
import { writeAudit, type AuditRecord } from '../audit';
import type { HandlerContext } from '../context';
import { byIds, orgNames } from '../loaders';
import type { StoreReader, StoreTx } from '../ports';
import { orgForRole } from './invitations';
import { organiserIdOf, organiserOf } from './organizations';

/** What a removed person's name reads as everywhere it is shown from their record. */
export const ERASED_NAME = '已删除的用户';

/** A role as the secretariat (and the person, in their export) sees it. */
export function toPersonView(user: User, orgName: string): PersonView {
  return {
    userId: user._id,
    version: user.version,
    name: user.name,
    role: user.role,
    orgId: user.orgId,
    orgName,
    ...(user.phone ? { phone: user.phone } : {}),
    active: user.active,
    removed: user.removedAt !== null,
    invitationId: user.invitationId,
    createdAt: user.createdAt,
  };
}

async function viewOf(store: Pick<StoreReader, 'find'>, user: User): Promise<PersonView> {
  const names = await orgNames(store, [user.orgId]);
  return toPersonView(user, names.get(user.orgId) ?? '');
}

/** A role the caller's organiser manages; anyone else's is reported as missing. */
async function loadPerson(store: Pick<StoreReader, 'get'>, context: HandlerContext, userId: string): Promise<User> {
  const organiserId = organiserIdOf(context);
  const user = await store.get('users', userId);
  const unit = user ? await store.get('organizations', user.orgId) : null;
  if (!user || !managesRole(organiserId, user, unit)) throw new AppError('NOT_FOUND', '人员不存在');
  return user;
}

function requireCurrent(user: User, version: number | null): void {
  if (version !== null && user.version !== version) throw new AppError('CONFLICT');
  if (user.removedAt !== null) throw new AppError('TRANSITION_NOT_ALLOWED', '该人员已删除');
}

/**
 * Nobody ends their own acting role, or erases themselves (which ends all their roles here): an organiser
 * always keeps a member who can act.
 */
function requireNotSelf(user: User, context: HandlerContext, what: '撤销' | '删除'): void {
  const self = what === '撤销' ? user._id === context.caller.user._id : user.openid === context.caller.user.openid;
  if (self) throw new AppError('FORBIDDEN', `不能${what}自己的身份，请由其他秘书处成员办理`);
}

async function save(tx: StoreTx, context: HandlerContext, current: User, changes: Partial<User>, record: AuditRecord): Promise<User> {
  const next: User = { ...current, ...changes, version: current.version + 1, updatedAt: context.now.toISOString() };
  // A field set to undefined (an erased phone) is gone from the record, not stored empty.
  for (const key of Object.keys(next) as (keyof User)[]) if (next[key] === undefined) delete next[key];
  await tx.replace('users', next, current.version);
  await writeAudit(
    tx,
    [record],
    { entity: 'user', id: next._id, version: next.version },
    context.caller.actor,
    context.now,
    context.deps.newId,
  );
  return next;
}

async function eraseInvitee(tx: StoreTx, context: HandlerContext, invitationId: string, reason: string): Promise<void> {
  const current = await tx.get('invitations', invitationId);
  if (!current) return;
  const { inviteePhone: _erased, ...kept } = current;
  const next: Invitation = { ...kept, inviteeName: ERASED_NAME, version: current.version + 1, updatedAt: context.now.toISOString() };
  await tx.replace('invitations', next, current.version);
  const subject = { entity: 'invitation' as const, id: next._id, version: next.version };
  await writeAudit(
    tx,
    [{ action: 'erase', from: null, to: 'erased', reason }],
    subject,
    context.caller.actor,
    context.now,
    context.deps.newId,
  );
}

/** Every role the organiser manages, removed ones included (shown as removed), in the order they were bound. */
export async function listPeople(_input: ParsedInput<'person.list'>, context: HandlerContext): Promise<PersonView[]> {
  const organiser = await organiserOf(context);
  const { store } = context.deps;
  const units = await store.find('organizations', { societyId: organiser._id });
  const [members, contacts, experts] = await Promise.all([
    store.find('users', { orgId: organiser._id, role: 'secretariat' }),
    store.find('users', { orgId: { in: units.map((unit) => unit._id) }, role: 'applicant' }),
    store.find('users', { role: 'reviewer' }),
  ]);
  const unitById = new Map<string, Organization>([organiser, ...units].map((org) => [org._id, org]));
  const pooled = experts.filter((expert) => poolOrgIdsOf(expert, unitById.get(expert.orgId) ?? null).includes(organiser._id));
  const people = [...members, ...contacts, ...pooled].sort((a, b) =>
    a.createdAt === b.createdAt ? (a._id < b._id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1,
  );
  const names = await orgNames(
    store,
    people.map((person) => person.orgId),
  );
  return people.map((person) => toPersonView(person, names.get(person.orgId) ?? ''));
}

/** Ends a role: it no longer acts; its records and audit entries stay. */
export async function revokePerson(input: ParsedInput<'person.revoke'>, context: HandlerContext): Promise<PersonView> {
  const revoked = await context.deps.store.transaction(async (tx) => {
    const current = await loadPerson(tx, context, input.userId);
    requireCurrent(current, input.version);
    requireNotSelf(current, context, '撤销');
    if (!current.active) throw new AppError('TRANSITION_NOT_ALLOWED', '该身份已撤销');
    return save(tx, context, current, { active: false }, { action: 'revoke', from: 'active', to: 'revoked', reason: input.reason });
  });
  return viewOf(context.deps.store, revoked);
}

/** Moves a contact to another unit, or records an expert's new employer (their pool stays; recusal follows the employer). */
export async function reassignPerson(input: ParsedInput<'person.reassign'>, context: HandlerContext): Promise<PersonView> {
  const moved = await context.deps.store.transaction(async (tx) => {
    const current = await loadPerson(tx, context, input.userId);
    requireCurrent(current, input.version);
    if (current.role === 'secretariat') throw new AppError('INVALID_INPUT', '秘书处成员不能调整单位，请撤销后重新邀请');
    if (current.orgId === input.orgId) throw new AppError('INVALID_INPUT', '已在该单位，无需调整');
    const target = await orgForRole(tx, context, current.role, input.orgId);
    const before = await tx.get('organizations', current.orgId);
    const changes: Partial<User> = { orgId: target._id };
    // An expert recorded before pools existed keeps the pool their old employer put them in.
    if (current.role === 'reviewer') changes.poolOrgIds = poolOrgIdsOf(current, before);
    return save(tx, context, current, changes, { action: 'reassign', from: before?.name ?? current.orgId, to: target.name, reason: null });
  });
  return viewOf(context.deps.store, moved);
}

/**
 * Erases a person at their request: name and phone gone, WeChat identity unbound, the role ended, for every
 * role of theirs this organiser manages. Audit entries are left as they are (they record what happened).
 */
export async function removePerson(input: ParsedInput<'person.remove'>, context: HandlerContext): Promise<PersonView> {
  const organiserId = organiserIdOf(context);
  const { store } = context.deps;
  const named = await loadPerson(store, context, input.userId);
  requireCurrent(named, null);
  requireNotSelf(named, context, '删除');
  const sameIdentity = await store.find('users', { openid: named.openid });
  const units = await byIds(
    store,
    'organizations',
    sameIdentity.map((user) => user.orgId),
  );
  const managed = sameIdentity.filter((user) => user.removedAt === null && managesRole(organiserId, user, units.get(user.orgId) ?? null));
  // The invitations that bound those roles hold the same name and phone.
  const invitations = await store.find('invitations', { userId: { in: managed.map((user) => user._id) } });
  const removed = await store.transaction(async (tx) => {
    let answer: User | null = null;
    for (const { _id } of managed) {
      const current = await loadPerson(tx, context, _id);
      requireCurrent(current, null);
      const erased: Partial<User> = {
        name: ERASED_NAME,
        phone: undefined,
        openid: `removed:${current._id}`,
        active: false,
        removedAt: context.now.toISOString(),
      };
      const next = await save(tx, context, current, erased, { action: 'remove', from: null, to: 'removed', reason: input.reason });
      if (next._id === named._id) answer = next;
    }
    for (const { _id } of invitations) await eraseInvitee(tx, context, _id, input.reason);
    return answer!;
  });
  return viewOf(store, removed);
}
