// Publicity (公示): the shortlist (拟立项公示) or the accepted awards' assessment results (考核结果公示) are published
// for N Chinese working days on a public page anyone can open and object on. When it ends it closes — into approval
// or into confirmed results (core/publicity/notice-kinds.ts) — by the timer, or lazily when anyone reads it, except
// for entries whose objection the secretariat upheld or has not yet handled.
import { formatCalendarDay, isAfter, shanghaiDay } from '@/core/calendar/shanghai';
import { publicityEndsAtUtc, publicityPeriod, publicityPeriodText } from '@/core/calendar/working-days';
import { AppError } from '@/core/errors';
import { categoryByKey } from '@/core/program/program-schema';
import { kindOf, listedStatuses, noticeKinds } from '@/core/publicity/notice-kinds';
import { normalizeObjectionContent, normalizePhone, PHONE_MESSAGE, receiptNumber } from '@/core/publicity/objection-rules';
import type { ActionOutput, ParsedInput, PublicNoticeView } from '@/core/schemas/actions';
import type { Application, Objection, Publicity } from '@/core/schemas/documents';
import { actionTable } from '@/core/workflow/award-workflow';
import { systemActor, type Actor } from '@/core/workflow/transition';
import { writeAudit } from '../audit';
import { settleEach } from '../batch';
import { batchJobView, createJob, loadStaffJob, runBudget, runJob, startJob } from '../batch-jobs';
import { changeApplication } from '../award-change';
import { retryingRaces } from '../races';
import type { HandlerContext, PublicContext } from '../context';
import { checkAllowances, digest, nextInSequence, objectionAllowances, takeAllowances } from '../rate-limit';
import { loadProgram, loadStaffProgram, orgNames, requireSecretariat } from '../loaders';
import { audienceUsers, pages, writeNotifications } from '../notify';
import type { Deps, WorkBudget } from '../ports';
import { moderationOf, publishable, requireCleanNotice, screenObjection } from '../moderation';

async function loadPublicity(deps: Deps, publicityId: string): Promise<Publicity> {
  const publicity = await deps.store.get('publicities', publicityId);
  if (!publicity) throw new AppError('NOT_FOUND', '公示不存在');
  return publicity;
}

/** A notice of a programme the caller's secretariat runs. */
async function loadStaffPublicity(context: HandlerContext, publicityId: string): Promise<Publicity> {
  const publicity = await loadPublicity(context.deps, publicityId);
  await loadStaffProgram(context.deps.store, context.caller, publicity.programId);
  return publicity;
}

export async function noticeView(deps: Deps, publicity: Publicity, now: Date): Promise<PublicNoticeView> {
  const program = await loadProgram(deps.store, publicity.programId);
  const kind = kindOf(publicity);
  const issuer = (await orgNames(deps.store, [program.societyId])).get(program.societyId) ?? '';
  return {
    id: publicity._id,
    programName: program.name,
    issuer,
    // Dated the day it opens, as the Word copy of the notice is signed (core/exports/documents.ts publicityDocument).
    issuedOn: publicity.opensOn,
    kind,
    kindLabel: noticeKinds[kind].label,
    title: publicity.title,
    periodText: publicityPeriodText(publicity),
    opensOn: publicity.opensOn,
    closesOn: publicity.closesOn,
    workingDays: publicity.workingDays,
    calendarWarning:
      publicity.fallbackYears.length > 0
        ? `节假日日历尚未收录 ${publicity.fallbackYears.join('、')} 年，该年度按周一至周五计算工作日，请人工核对公示期`
        : null,
    entries: publicity.entries,
    contact: publicity.contact,
    open: publicity.status === 'open' && !isAfter(now, publicity.endsAt),
  };
}

export async function openPublicity(
  input: ParsedInput<'publicity.open'>,
  context: HandlerContext,
): Promise<ActionOutput<'publicity.open'>> {
  const { deps, now, caller } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const today = shanghaiDay(now);
  const opensOn = input.opensOn ?? today;
  if (opensOn < today) throw new AppError('INVALID_INPUT', '公示开始日期不能早于今天');
  const kind = noticeKinds[input.kind];
  const notice = program.stages[kind.stage];
  if (!notice) throw new AppError('TRANSITION_NOT_ALLOWED', kind.absent);
  await requireCleanNotice(deps, caller, input);
  const period = publicityPeriod(opensOn, notice.workingDays);
  // A retried open (or a second click) while the last one is still being carried out answers that one.
  const [under] = await deps.store.find('batchJobs', { programId: program._id, kind: 'openNotice', status: 'running' }, { limit: 1 });
  const underWay = under?.publicityId ? await deps.store.get('publicities', under.publicityId) : null;
  if (under && underWay) {
    const job = await runJob(deps, now, under._id, runBudget(deps), underWay);
    return { publicity: underWay, notice: await noticeView(deps, underWay, now), job: batchJobView(job) };
  }
  const waiting: Application[] = [];
  for (const status of listedStatuses(input.kind)) {
    waiting.push(
      ...(await deps.store.find('applications', { programId: program._id, status }, { orderBy: { field: 'updatedAt', direction: 'asc' } })),
    );
  }
  const listed = publishable(waiting);
  if (listed.length === 0) throw new AppError('NOTHING_TO_PUBLISH', `当前没有${kind.listed}`);

  // The notice lists every entry at once; the entries go into it as a batch job (the timer carries on what does
  // not fit in this call), and one that could not go in leaves the list when the job finishes.
  const publicityId = deps.newId();
  const names = await orgNames(
    deps.store,
    listed.map((application) => application.orgId),
  );
  const publicity: Publicity = {
    _id: publicityId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    programId: program._id,
    kind: input.kind,
    title: input.title,
    opensOn: period.opensOn,
    closesOn: period.closesOn,
    workingDays: notice.workingDays,
    endsAt: publicityEndsAtUtc(period.closesOn),
    fallbackYears: period.fallbackYears,
    entries: listed.map((application) => {
      const category = categoryByKey(program, application.categoryKey);
      return {
        applicationId: application._id,
        orgName: names.get(application.orgId) ?? '',
        projectName: application.projectName,
        categoryName: category?.name ?? '',
        // A result lists the award as granted; a shortlist the amount it would be granted at.
        awardFen: application.awardFen ?? category?.awardAmountFen ?? 0,
      };
    }),
    contact: input.contact,
    status: 'open',
    closedAt: null,
  };
  const started = await deps.store.transaction(async (tx) => {
    await tx.create('publicities', publicity);
    await writeAudit(
      tx,
      [{ action: 'open', from: null, to: 'open', reason: null }],
      { entity: 'publicity', id: publicityId, version: 1 },
      caller.actor,
      now,
      deps.newId,
    );
    return createJob(tx, deps, now, {
      kind: 'openNotice',
      action: kind.opening,
      programId: program._id,
      publicityId,
      reason: null,
      items: listed.map((application) => ({ applicationId: application._id, version: application.version })),
      actor: caller.actor,
    });
  });
  const job = await runJob(deps, now, started._id, runBudget(deps), publicity);
  const current = (await deps.store.get('publicities', publicityId)) ?? publicity;
  return { publicity: current, notice: await noticeView(deps, current, now), job: batchJobView(job) };
}

export async function listPublicities(input: ParsedInput<'publicity.list'>, context: HandlerContext) {
  await loadStaffProgram(context.deps.store, context.caller, input.programId);
  return context.deps.store.find('publicities', { programId: input.programId }, { orderBy: { field: 'createdAt', direction: 'desc' } });
}

/**
 * Takes every entry still in the notice on by the kind's closing action (approval, confirmed results) once the
 * notice has ended — the table refuses those with an objection not yet handled — and marks the notice closed when
 * the last is done: a batch job, one per notice, carried on by the timer past this call's budget. Run by the timer,
 * on read, or by the secretariat; starting it again carries the same job on.
 */
export async function closePublicity(deps: Deps, now: Date, publicity: Publicity, actor: Actor, budget: WorkBudget) {
  if (isAfter(publicity.endsAt, now)) throw new AppError('PUBLICITY_NOT_ENDED', `公示期至 ${formatCalendarDay(publicity.closesOn)}`);
  const job = await startJob(deps, now, {
    id: `batch_close_${publicity._id}`,
    kind: 'closeNotice',
    action: noticeKinds[kindOf(publicity)].closing,
    programId: publicity.programId,
    publicityId: publicity._id,
    reason: null,
    items: publicity.entries.map((entry) => ({ applicationId: entry.applicationId, version: null })),
    actor,
  });
  return runJob(deps, now, job._id, budget, publicity);
}

export async function closePublicityNow(input: ParsedInput<'publicity.close'>, context: HandlerContext) {
  const publicity = await loadStaffPublicity(context, input.publicityId);
  const { deps, now, caller } = context;
  return batchJobView(await closePublicity(deps, now, publicity, caller.actor, runBudget(deps)));
}

/** Notices whose period has ended and that are still open: the timer closes them (or carries their closing on). */
export async function closeDuePublicities(deps: Deps, now: Date, budget: WorkBudget): Promise<number> {
  const open = await deps.store.find('publicities', { status: 'open' });
  let closed = 0;
  for (const publicity of open) {
    if (isAfter(publicity.endsAt, now)) continue;
    const job = await closePublicity(deps, now, publicity, systemActor, budget);
    if (job.status === 'done') closed += 1;
  }
  return closed;
}

/** The secretariat's view of a batch's progress. */
export async function getBatchJob(input: ParsedInput<'batch.get'>, context: HandlerContext): Promise<ActionOutput<'batch.get'>> {
  return batchJobView(await loadStaffJob(context.deps, context.caller, input.jobId));
}

/** Public: the notice, closed first if its period has ended (lazily, in case the timer has not run yet). */
export async function getPublicNotice(input: ParsedInput<'publicity.get'>, context: PublicContext) {
  let publicity = await loadPublicity(context.deps, input.publicityId);
  if (publicity.status === 'open' && !isAfter(publicity.endsAt, context.now)) {
    await closePublicity(context.deps, context.now, publicity, systemActor, runBudget(context.deps));
    publicity = await loadPublicity(context.deps, input.publicityId);
  }
  return noticeView(context.deps, publicity, context.now);
}

function receiptOf(objection: Objection, duplicate: boolean): ActionOutput<'objection.lodge'> {
  return { id: objection._id, receivedAt: objection.createdAt, receiptNo: objection.receiptNo ?? objection._id, duplicate };
}

/**
 * Public: anyone may object while the notice runs, leaving a contact; the secretariat is told at once.
 * The same phone saying the same about the same entry gets the first objection's receipt back (a retry
 * too); each phone and each client may lodge only so many an hour.
 */
export async function lodgeObjection(
  input: ParsedInput<'objection.lodge'>,
  context: PublicContext,
): Promise<ActionOutput<'objection.lodge'>> {
  const { deps, now, clientKey } = context;
  const publicity = await loadPublicity(deps, input.publicityId);
  const phone = normalizePhone(input.contactPhone);
  if (!phone) throw new AppError('INVALID_INPUT', PHONE_MESSAGE);
  // The objection's id is its content's: a duplicate lands on the same document, even when racing.
  const sameness = [publicity._id, input.applicationId ?? '', phone, normalizeObjectionContent(input.content)].join('\n');
  const objectionId = `objection_${digest(sameness)}`;
  const existing = await deps.store.get('objections', objectionId);
  if (existing) return receiptOf(existing, true);
  if (publicity.status !== 'open' || isAfter(now, publicity.endsAt)) throw new AppError('PUBLICITY_CLOSED');
  if (shanghaiDay(now) < publicity.opensOn) throw new AppError('INVALID_INPUT', '公示尚未开始');
  const entry = publicity.entries.find((candidate) => candidate.applicationId === input.applicationId);
  if (input.applicationId && !entry) throw new AppError('INVALID_INPUT', '该项目不在本次公示名单中');
  const program = await loadProgram(deps.store, publicity.programId);
  const secretaries = await audienceUsers(deps.store, 'secretariat', { orgId: program.societyId }, program);
  const allowances = objectionAllowances(publicity._id, phone, clientKey);
  await checkAllowances(deps.store, allowances, now);
  const screening = await screenObjection(deps, context.identity?.openid ?? null, input, now);
  const today = shanghaiDay(now);
  return retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const lodged = await tx.get('objections', objectionId);
      if (lodged) return receiptOf(lodged, true); // the same objection, sent twice at once
      await takeAllowances(tx, allowances, now);
      const sequence = await nextInSequence(tx, `receipt_${today}`, now);
      const objection: Objection = {
        _id: objectionId,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        publicityId: publicity._id,
        programId: publicity.programId,
        applicationId: input.applicationId,
        content: input.content,
        contactName: input.contactName,
        contactPhone: phone,
        status: 'open',
        handledBy: null,
        handlingNote: null,
        receiptNo: receiptNumber(today, sequence),
        moderation: moderationOf(undefined, screening),
      };
      await tx.create('objections', objection);
      const actor = { userId: 'public', name: input.contactName, role: 'public' as const };
      await writeAudit(
        tx,
        [{ action: 'lodge', from: null, to: 'open', reason: objection.receiptNo }],
        { entity: 'objection', id: objection._id, version: 1 },
        actor,
        now,
        deps.newId,
      );
      await writeNotifications(
        tx,
        secretaries.map((user) => ({
          userId: user._id,
          programId: publicity.programId,
          applicationId: input.applicationId,
          title: `收到公示异议：${entry?.projectName ?? publicity.title}`.slice(0, 60),
          body: `受理编号 ${objection.receiptNo}：${input.content}`.slice(0, 300),
          page: input.applicationId ? pages.secretariat(input.applicationId) : null,
        })),
        now,
        deps.newId,
      );
      return receiptOf(objection, false);
    }),
  );
}

export async function listObjections(input: ParsedInput<'objection.list'>, context: HandlerContext) {
  await loadStaffPublicity(context, input.publicityId);
  return context.deps.store.find('objections', { publicityId: input.publicityId }, { orderBy: { field: 'createdAt', direction: 'asc' } });
}

/** Upholding an objection against an entry still in a notice takes the award back (out of the quota and the pool). */
async function handleOne(context: HandlerContext, input: ParsedInput<'objection.handle'>): Promise<Objection> {
  const { deps, now, caller } = context;
  const objection = await deps.store.get('objections', input.objectionId);
  if (!objection) throw new AppError('NOT_FOUND', '异议不存在');
  await loadStaffProgram(deps.store, caller, objection.programId);
  if (objection.version !== input.version) throw new AppError('CONFLICT');
  if (objection.status !== 'open') throw new AppError('TRANSITION_NOT_ALLOWED', '该异议已处理');
  if (input.decision === 'upheld' && objection.applicationId) {
    const application = await deps.store.get('applications', objection.applicationId);
    if (application && actionTable.upholdObjection.from.includes(application.status)) {
      await changeApplication(deps, now, {
        applicationId: application._id,
        version: application.version,
        action: 'upholdObjection',
        actor: caller.actor,
        caller,
        reason: input.note,
      });
    }
  }
  return deps.store.transaction(async (tx) => {
    const current = await tx.get('objections', objection._id);
    if (!current || current.version !== input.version) throw new AppError('CONFLICT');
    const next: Objection = {
      ...current,
      status: input.decision,
      handledBy: caller.user._id,
      handlingNote: input.note,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await tx.replace('objections', next, current.version);
    await writeAudit(
      tx,
      [{ action: 'handle', from: 'open', to: input.decision, reason: input.note }],
      { entity: 'objection', id: next._id, version: next.version },
      caller.actor,
      now,
      deps.newId,
    );
    return next;
  });
}

export function handleObjection(input: ParsedInput<'objection.handle'>, context: HandlerContext) {
  return handleOne(context, input);
}

/** One decision and note on several objections, each handled (and audited) on its own. */
export async function handleManyObjections(
  input: ParsedInput<'objection.handleMany'>,
  context: HandlerContext,
): Promise<ActionOutput<'objection.handleMany'>> {
  requireSecretariat(context.caller);
  const outcomes = await settleEach(
    input.items,
    (item) => item.objectionId,
    (item) => handleOne(context, { ...item, decision: input.decision, note: input.note }),
  );
  return outcomes.map(({ id, ...outcome }) => ({ objectionId: id, ...outcome }));
}
