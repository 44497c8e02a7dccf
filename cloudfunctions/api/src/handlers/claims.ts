import { AppError } from '@/core/errors';
import { indicatorByKey, isSummable, type Program } from '@/core/program/program-schema';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { Claim } from '@/core/schemas/documents';
import { transition } from '@/core/workflow/transition';
import { claimChange, type AwardFacts } from '@/core/kpi/tally';
import { writeAudit } from '../audit';
import { moveAwardFigures } from '../indicator-ledger';
import { retryingRaces } from '../races';
import type { HandlerContext } from '../context';
import { StoreConflict, type StoreTx, type Where } from '../ports';
import { nextCursorOf, readPage, type Order } from '../list-pages';
import { byIds, loadProgram, loadStaffApplication, loadStaffProgram, loadVisibleApplication, orgNames } from '../loaders';
import { recordScreening, screenClaim } from '../moderation';
import { audienceUsers, deliverSubscribeMessages, pages, writeNotifications } from '../notify';
import { checkNewFiles } from './files';
import { activityDayProblem } from '@/core/evidence/claim-evidence';
import { findDuplicates, readFileFacts, recordFingerprints } from '../evidence';

/** An awardee claims an achievement against an indicator, with evidence already uploaded to storage. */
export async function addClaim(input: ParsedInput<'claim.add'>, context: HandlerContext): Promise<ActionOutput<'claim.add'>> {
  const { deps, caller, now } = context;
  const application = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const program = await loadProgram(deps.store, application.programId);
  const allowed = transition(application, 'claim', caller.actor, { ...program, facts: { now } });
  if (!allowed.ok) throw new AppError(allowed.code, allowed.detail);
  const indicator = indicatorByKey(program, input.indicatorKey);
  if (!indicator || !isSummable(indicator)) throw new AppError('INDICATOR_UNKNOWN', input.indicatorKey);
  const dayProblem = input.activityOn ? activityDayProblem(input.activityOn, now) : null;
  if (dayProblem) throw new AppError('INVALID_INPUT', dayProblem);
  await checkNewFiles(deps.store, deps.files, caller, application, input.fileIds);
  const claimId = `claim_${input.requestId}`;
  const fileFacts = await readFileFacts(deps, input.fileIds, now);
  const duplicates = await findDuplicates(deps.store, program.societyId, claimId, fileFacts);
  const claim: Claim = {
    _id: claimId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    applicationId: application._id,
    programId: application.programId,
    orgId: application.orgId,
    indicatorKey: indicator.key,
    amount: input.amount,
    description: input.description,
    fileIds: input.fileIds,
    createdBy: caller.user._id,
    verification: 'pending',
    verificationReason: null,
    activityOn: input.activityOn ?? null,
    place: input.place,
    links: input.links,
    fileFacts,
    duplicates,
    duplicated: duplicates.length > 0,
  };
  const screening = await screenClaim(deps, caller, claim, now);
  return retryingRaces(async () => {
    try {
      return await deps.store.transaction(async (tx) => {
        claim.moderation = await recordScreening(tx, undefined, screening);
        await recordFingerprints(tx, claim, program.societyId);
        return await insertClaim(tx, application, claim, context, program);
      });
    } catch (error) {
      // The claim's id is its request's: creating it refuses one that exists (the same request again), and only
      // then is the stored claim read, to answer it again. A conflict with no such claim was a race: tried again.
      if (!(error instanceof StoreConflict)) throw error;
      const existing = await deps.store.get('claims', claim._id);
      if (!existing) throw error;
      if (existing.applicationId !== claim.applicationId || existing.createdBy !== claim.createdBy) throw new AppError('CONFLICT');
      return existing;
    }
  });
}

/**
 * Records a new claim inside the caller's transaction, with everything each new claim brings: its audit entry and
 * its move of the indicator ledger's running totals. Every claim is created here, whether a person claims it
 * (claim.add) or a report's figure becomes one.
 */
export async function insertClaim(
  tx: StoreTx,
  application: AwardFacts,
  claim: Claim,
  context: HandlerContext,
  /** The award's programme, when the caller holds it already (else it is read in the transaction, if needed). */
  program?: Program,
): Promise<Claim> {
  await tx.create('claims', claim);
  await moveAwardFigures(tx, application, claim.indicatorKey, claimChange(null, claim), context.now, 0, program);
  await writeAudit(
    tx,
    [{ action: 'claim', from: null, to: claim.verification, reason: null }],
    { entity: 'claim', id: claim._id, version: claim.version },
    context.caller.actor,
    context.now,
    context.deps.newId,
  );
  return claim;
}

/** The secretariat verifies a claim against its evidence, or rejects it with a reason. */
export async function verifyClaim(input: ParsedInput<'claim.verify'>, context: HandlerContext): Promise<ActionOutput<'claim.verify'>> {
  const { deps, caller, now } = context;
  const claim = await deps.store.get('claims', input.claimId);
  if (!claim) throw new AppError('NOT_FOUND', '填报记录不存在');
  const application = await loadStaffApplication(deps.store, caller, claim.applicationId);
  const reason = input.reason?.trim() || null;
  if (input.decision === 'rejected' && !reason) throw new AppError('REASON_REQUIRED');
  const program = await loadProgram(deps.store, application.programId);
  // A rejection tells the unit's contacts which figure was refused and why, so they can claim it again.
  const contacts = input.decision === 'rejected' ? await audienceUsers(deps.store, 'applicant', application, program) : [];
  const { saved, notifications } = await deps.store.transaction(async (tx) => {
    const current = await tx.get('claims', input.claimId);
    if (!current) throw new AppError('NOT_FOUND', '填报记录不存在');
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const next: Claim = {
      ...current,
      verification: input.decision,
      verificationReason: reason,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await tx.replace('claims', next, current.version);
    await moveAwardFigures(tx, application, next.indicatorKey, claimChange(current, next), now, 0, program);
    await writeAudit(
      tx,
      [{ action: 'verify', from: current.verification, to: input.decision, reason }],
      { entity: 'claim', id: next._id, version: next.version },
      context.caller.actor,
      now,
      deps.newId,
    );
    const indicator = indicatorByKey(program, next.indicatorKey);
    const figure = `${indicator?.name ?? next.indicatorKey} ${next.amount}${indicator?.unit ?? ''}`;
    const drafts = contacts.map((user) => ({
      userId: user._id,
      programId: application.programId,
      applicationId: application._id,
      title: '成果填报未通过核实',
      body: `“${application.projectName}”填报的${figure}未通过核实：${reason ?? ''}`,
      page: pages.applicant(application._id),
    }));
    return { saved: next, notifications: await writeNotifications(tx, drafts, now, deps.newId) };
  });
  await deliverSubscribeMessages(deps, notifications, 'statusChange');
  return saved;
}

/** The claim queue's order: the claim waiting longest first (by creation, then _id). */
const claimQueueOrder: Order = { field: 'createdAt', direction: 'asc' };

/**
 * What waits for the secretariat's verification across a programme's awards, oldest first, a page at a time. Each
 * filter is a field of the claim with an index of its own after (programme, verification), ordered by creation
 * (indexes.ts), so a page reads about a page of claims; two filters together walk one of those indexes and match
 * the other filter's field on the way.
 */
export async function queueClaims(input: ParsedInput<'claim.queue'>, context: HandlerContext): Promise<ActionOutput<'claim.queue'>> {
  const { store } = context.deps;
  const program = await loadStaffProgram(store, context.caller, input.programId);
  const where: Where = { programId: program._id, verification: 'pending' };
  if (input.indicatorKey) where.indicatorKey = input.indicatorKey;
  if (input.orgId) where.orgId = input.orgId;
  if (input.duplicated) where.duplicated = true;
  const page = await readPage(store, 'claims', where, claimQueueOrder, input.cursor, input.limit);
  const [applications, names] = await Promise.all([
    byIds(
      store,
      'applications',
      page.items.map((claim) => claim.applicationId),
    ),
    orgNames(
      store,
      page.items.map((claim) => claim.orgId),
    ),
  ]);
  const items = page.items.map((claim) => {
    const indicator = indicatorByKey(program, claim.indicatorKey);
    return {
      _id: claim._id,
      version: claim.version,
      applicationId: claim.applicationId,
      orgId: claim.orgId,
      orgName: names.get(claim.orgId) ?? '',
      projectName: applications.get(claim.applicationId)?.projectName ?? '',
      indicatorKey: claim.indicatorKey,
      indicatorName: indicator?.name ?? claim.indicatorKey,
      unit: indicator?.unit ?? '',
      amount: claim.amount,
      createdAt: claim.createdAt,
      duplicates: claim.duplicates,
    };
  });
  return { items, nextCursor: nextCursorOf(page, claimQueueOrder) };
}
