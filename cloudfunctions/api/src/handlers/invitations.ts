// Invitations: the secretariat invites a person to a role (a unit's contact, an expert, a fellow member);
// the person, signed in to WeChat, looks at it and takes it. Single use, expiring, revocable, audited.
import { randomInt } from 'node:crypto';
import { AppError } from '@/core/errors';
import { INVITATION_CODE_ALPHABET, INVITATION_CODE_LENGTH, JOIN_PAGE, h5LinkOf } from '@/core/people/join';
import type { ActionOutput, InvitationView, ParsedInput } from '@/core/schemas/actions';
import type { Role } from '@/core/schemas/common';
import type { Invitation, Organization } from '@/core/schemas/documents';
import { writeAudit } from '../audit';
import { actorOf, type HandlerContext, type IdentityContext } from '../context';
import { orgNames } from '../loaders';
import type { StoreReader } from '../ports';
import { checkAllowances, takeAllowances, wrongCodeAllowances } from '../rate-limit';
import { activeRolesOf, newRole, sessionOf } from '../roles';
import { loadManaged, organiserIdOf } from './organizations';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Tries at a code no other invitation has: a clash among 31^8 codes is rare, two in a row rarer still. */
const CODE_TRIES = 5;

function newCode(): string {
  let code = '';
  for (let index = 0; index < INVITATION_CODE_LENGTH; index += 1)
    code += INVITATION_CODE_ALPHABET[randomInt(INVITATION_CODE_ALPHABET.length)];
  return code;
}

async function freshCode(store: StoreReader): Promise<string> {
  for (let attempt = 0; attempt < CODE_TRIES; attempt += 1) {
    const code = newCode();
    const [taken] = await store.find('invitations', { code }, { limit: 1 });
    if (!taken) return code;
  }
  throw new AppError('INTERNAL', '未能生成邀请码');
}

function statusOf(invitation: Invitation, now: Date): InvitationView['status'] {
  return invitation.status === 'open' && Date.parse(invitation.expiresAt) <= now.getTime() ? 'expired' : invitation.status;
}

function toView(invitation: Invitation, orgName: string, now: Date): InvitationView {
  const { status: _stored, ...rest } = invitation;
  return { ...rest, status: statusOf(invitation, now), orgName };
}

/** Refuses an invitation that can no longer be taken, with the reason its holder should hear. */
function requireOpen(invitation: Invitation, now: Date): void {
  const status = statusOf(invitation, now);
  if (status === 'used') throw new AppError('INVITATION_USED');
  if (status === 'revoked') throw new AppError('INVITATION_REVOKED');
  if (status === 'expired') throw new AppError('INVITATION_EXPIRED');
}

/**
 * The organisation a role acts for under the caller's organiser: a contact's active unit; an expert's
 * employer (an active unit, or the organiser itself); a secretariat member's organiser. Any other is missing.
 */
export async function orgForRole(
  store: Pick<StoreReader, 'get'>,
  context: HandlerContext,
  role: Role,
  orgId: string,
): Promise<Organization> {
  const organiserId = organiserIdOf(context);
  if (role === 'secretariat' || (role === 'reviewer' && orgId === organiserId)) {
    const organiser = orgId === organiserId ? await store.get('organizations', organiserId) : null;
    if (!organiser) throw new AppError('NOT_FOUND', '单位不存在');
    return organiser;
  }
  const unit = await loadManaged(store, context, orgId);
  if (!unit.active) throw new AppError('INVALID_INPUT', `“${unit.name}”已停用`);
  return unit;
}

/** The unit is still where the invitation put it: the organiser itself, or an active unit under it. */
function requireStillUnder(org: Organization | null, invitation: Invitation): Organization {
  const { organiserId } = invitation;
  if (org?.active && (org._id === organiserId || org.societyId === organiserId)) return org;
  throw new AppError('NOT_FOUND', '邀请所属单位已停用或已调整，请联系秘书处重新邀请');
}

async function loadOwnInvitation(store: Pick<StoreReader, 'get'>, context: HandlerContext, invitationId: string): Promise<Invitation> {
  const invitation = await store.get('invitations', invitationId);
  if (!invitation || invitation.organiserId !== organiserIdOf(context)) throw new AppError('NOT_FOUND', '邀请不存在');
  return invitation;
}

async function viewOf(store: StoreReader, invitation: Invitation, now: Date): Promise<InvitationView> {
  const names = await orgNames(store, [invitation.orgId]);
  return toView(invitation, names.get(invitation.orgId) ?? '', now);
}

/** Creates the invitation once per requestId: a retried create answers the same invitation. */
export async function createInvitation(input: ParsedInput<'invitation.create'>, context: HandlerContext): Promise<InvitationView> {
  const organiserId = organiserIdOf(context);
  const { deps, now, caller } = context;
  const invitationId = `inv_${input.requestId}`;
  const earlier = await deps.store.get('invitations', invitationId);
  // The same id chosen by another organiser is not theirs to read.
  if (earlier && earlier.organiserId !== organiserId) throw new AppError('CONFLICT');
  if (earlier) return viewOf(deps.store, earlier, now);
  const org = await orgForRole(deps.store, context, input.role, input.orgId);
  const code = await freshCode(deps.store);
  const created = await deps.store.transaction(async (tx) => {
    const existing = await tx.get('invitations', invitationId);
    if (existing && existing.organiserId !== organiserId) throw new AppError('CONFLICT');
    if (existing) return existing;
    const stamp = now.toISOString();
    const invitation: Invitation = {
      _id: invitationId,
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      code,
      organiserId,
      role: input.role,
      orgId: org._id,
      inviteeName: input.name,
      ...(input.phone ? { inviteePhone: input.phone } : {}),
      invitedBy: { userId: caller.user._id, name: caller.user.name },
      expiresAt: new Date(now.getTime() + input.validDays * DAY_MS).toISOString(),
      status: 'open',
      usedAt: null,
      userId: null,
      revokedAt: null,
      revokeReason: null,
    };
    await tx.create('invitations', invitation);
    const subject = { entity: 'invitation' as const, id: invitation._id, version: invitation.version };
    await writeAudit(tx, [{ action: 'create', from: null, to: input.role, reason: null }], subject, caller.actor, now, deps.newId);
    return invitation;
  });
  return viewOf(deps.store, created, now);
}

/** The organiser's invitations, newest first. */
export async function listInvitations(_input: ParsedInput<'invitation.list'>, context: HandlerContext): Promise<InvitationView[]> {
  const { store } = context.deps;
  const invitations = await store.find(
    'invitations',
    { organiserId: organiserIdOf(context) },
    { orderBy: { field: 'createdAt', direction: 'desc' } },
  );
  const names = await orgNames(
    store,
    invitations.map((invitation) => invitation.orgId),
  );
  return invitations.map((invitation) => toView(invitation, names.get(invitation.orgId) ?? '', context.now));
}

/** Withdraws an invitation not yet taken (an expired one too, so the list says why it is gone). */
export async function revokeInvitation(input: ParsedInput<'invitation.revoke'>, context: HandlerContext): Promise<InvitationView> {
  const { deps, now, caller } = context;
  const revoked = await deps.store.transaction(async (tx) => {
    const current = await loadOwnInvitation(tx, context, input.invitationId);
    if (current.status === 'used') throw new AppError('INVITATION_USED');
    if (current.status === 'revoked') throw new AppError('INVITATION_REVOKED');
    const stamp = now.toISOString();
    const next: Invitation = {
      ...current,
      status: 'revoked',
      revokedAt: stamp,
      revokeReason: input.reason ?? null,
      version: current.version + 1,
      updatedAt: stamp,
    };
    await tx.replace('invitations', next, current.version);
    const subject = { entity: 'invitation' as const, id: next._id, version: next.version };
    await writeAudit(
      tx,
      [{ action: 'revoke', from: 'open', to: 'revoked', reason: input.reason ?? null }],
      subject,
      caller.actor,
      now,
      deps.newId,
    );
    return next;
  });
  return viewOf(deps.store, revoked, now);
}

/** The invitation's mini-program code (its scene is the short code) and the H5 link to the same page. */
export async function invitationQrcode(
  input: ParsedInput<'invitation.qrcode'>,
  context: HandlerContext,
): Promise<ActionOutput<'invitation.qrcode'>> {
  const invitation = await loadOwnInvitation(context.deps.store, context, input.invitationId);
  requireOpen(invitation, context.now);
  let image;
  try {
    image = await context.deps.miniCodes.unlimited({ scene: invitation.code, page: JOIN_PAGE });
  } catch (error) {
    console.error('[api] mini-program code failed', error);
    throw new AppError('INTERNAL', '小程序码生成失败，可改发邀请码或链接');
  }
  return {
    code: invitation.code,
    scene: invitation.code,
    mime: image.mime,
    base64: image.bytes.toString('base64'),
    link: h5LinkOf(JOIN_PAGE, invitation.code),
  };
}

/** The invitation behind a code; a wrong code costs one of the client's few tries an hour. */
async function findByCode(context: IdentityContext, code: string): Promise<Invitation> {
  const { store } = context.deps;
  const allowances = wrongCodeAllowances(context.clientKey);
  await checkAllowances(store, allowances, context.now);
  const [invitation] = await store.find('invitations', { code }, { limit: 1 });
  if (invitation) return invitation;
  await store.transaction((tx) => takeAllowances(tx, allowances, context.now));
  throw new AppError('INVITATION_INVALID');
}

export async function peekInvitation(
  input: ParsedInput<'invitation.peek'>,
  context: IdentityContext,
): Promise<ActionOutput<'invitation.peek'>> {
  const invitation = await findByCode(context, input.code);
  requireOpen(invitation, context.now);
  requireStillUnder(await context.deps.store.get('organizations', invitation.orgId), invitation);
  const names = await orgNames(context.deps.store, [invitation.orgId, invitation.organiserId]);
  return {
    code: invitation.code,
    role: invitation.role,
    orgName: names.get(invitation.orgId) ?? '',
    organiserName: names.get(invitation.organiserId) ?? '',
    inviterName: invitation.invitedBy.name,
    inviteeName: invitation.inviteeName,
    expiresAt: invitation.expiresAt,
  };
}

/** Binds the caller's WeChat identity to the invited role, and uses the invitation up, in one step. */
export async function acceptInvitation(
  input: ParsedInput<'invitation.accept'>,
  context: IdentityContext,
): Promise<ActionOutput<'invitation.accept'>> {
  const { deps, now, identity } = context;
  const found = await findByCode(context, input.code);
  requireOpen(found, now);
  const held = await activeRolesOf(deps.store, identity.openid);
  if (held.some((role) => role.role === found.role && role.orgId === found.orgId)) throw new AppError('ALREADY_BOUND');
  const { user, org } = await deps.store.transaction(async (tx) => {
    const invitation = await tx.get('invitations', found._id);
    if (!invitation) throw new AppError('INVITATION_INVALID');
    requireOpen(invitation, now);
    const unit = requireStillUnder(await tx.get('organizations', invitation.orgId), invitation);
    const stamp = now.toISOString();
    const bound = newRole(
      deps.newId(),
      {
        // Identity from the platform, never the input.
        openid: identity.openid,
        name: invitation.inviteeName,
        role: invitation.role,
        orgId: invitation.orgId,
        phone: invitation.inviteePhone,
        poolOrgIds: invitation.role === 'reviewer' ? [invitation.organiserId] : undefined,
        invitationId: invitation._id,
      },
      now,
    );
    await tx.create('users', bound);
    const used: Invitation = {
      ...invitation,
      status: 'used',
      usedAt: stamp,
      userId: bound._id,
      version: invitation.version + 1,
      updatedAt: stamp,
    };
    await tx.replace('invitations', used, invitation.version);
    const actor = actorOf(bound);
    await writeAudit(
      tx,
      [{ action: 'bind', from: null, to: bound.role, reason: null }],
      { entity: 'user', id: bound._id, version: 1 },
      actor,
      now,
      deps.newId,
    );
    await writeAudit(
      tx,
      [{ action: 'accept', from: 'open', to: 'used', reason: null }],
      { entity: 'invitation', id: used._id, version: used.version },
      actor,
      now,
      deps.newId,
    );
    return { user: bound, org: unit };
  });
  return sessionOf(deps.store, user, org, now);
}
