// The one-time setup: the code the deploy configured makes the caller the first secretariat member of a new
// organiser. After that, people join only by invitation.
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '@/core/errors';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { organizationProfileSchema, type Organization } from '@/core/schemas/documents';
import { writeAudit } from '../audit';
import { actorOf, type IdentityContext } from '../context';
import { StoreConflict } from '../ports';
import { checkAllowances, takeAllowances, wrongSetupCodeAllowances } from '../rate-limit';
import { newRole, sessionOf } from '../roles';

/** Created in the claim's transaction: a second claim, however close behind, finds it and is refused. */
export const SETUP_MARKER_ID = 'setup-claimed';

/** As typed or as configured: spaces and dashes ignored, lower case accepted (the code is read out in groups). */
const normalised = (code: string) => code.replace(/[\s-]/gu, '').toUpperCase();

/** Compared as digests of equal length in constant time, so the answer's timing says nothing of the code. */
function codeMatches(configured: string | null, typed: string): boolean {
  if (!configured) return false;
  const digest = (code: string) => createHash('sha256').update(normalised(code)).digest();
  return timingSafeEqual(digest(configured), digest(typed));
}

export async function claimSetup(input: ParsedInput<'setup.claim'>, context: IdentityContext): Promise<ActionOutput<'setup.claim'>> {
  const { deps, now, identity } = context;
  const allowances = wrongSetupCodeAllowances(context.clientKey);
  await checkAllowances(deps.store, allowances, now);
  if (!codeMatches(deps.setupCode, input.code)) {
    await deps.store.transaction((tx) => takeAllowances(tx, allowances, now));
    throw new AppError('SETUP_CODE_INVALID');
  }
  const [member] = await deps.store.find('users', { role: 'secretariat' }, { limit: 1 });
  if (member) throw new AppError('SETUP_DONE');
  const stamp = now.toISOString();
  const organiser: Organization = {
    _id: `org_${deps.newId()}`,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    name: input.organiserName,
    kind: input.organiserKind,
    societyId: null,
    profile: organizationProfileSchema.parse({}),
    active: true,
  };
  const user = newRole(
    deps.newId(),
    {
      openid: identity.openid,
      name: input.personName,
      role: 'secretariat',
      orgId: organiser._id,
      phone: input.phone,
      invitationId: null,
    },
    now,
  );
  try {
    await deps.store.transaction(async (tx) => {
      if (await tx.get('counters', SETUP_MARKER_ID)) throw new AppError('SETUP_DONE');
      await tx.create('counters', {
        _id: SETUP_MARKER_ID,
        version: 1,
        createdAt: stamp,
        updatedAt: stamp,
        kind: 'setupClaimed',
        count: 1,
        windowStart: null,
      });
      await tx.create('organizations', organiser);
      await tx.create('users', user);
      const actor = actorOf(user);
      await writeAudit(
        tx,
        [{ action: 'setup', from: null, to: organiser.kind, reason: null }],
        { entity: 'organization', id: organiser._id, version: 1 },
        actor,
        now,
        deps.newId,
      );
      await writeAudit(
        tx,
        [{ action: 'bind', from: null, to: 'secretariat', reason: null }],
        { entity: 'user', id: user._id, version: 1 },
        actor,
        now,
        deps.newId,
      );
    });
  } catch (error) {
    if (error instanceof StoreConflict) throw new AppError('SETUP_DONE');
    throw error;
  }
  return sessionOf(deps.store, user, organiser, now);
}
