import { applicationWindow, checkApplicationWindow, checkContentLimits, checkSubmittable, requireCategory } from '@/core/application/rules';
import { AppError } from '@/core/errors';
import { eligibilityIssues, limitIssues, membershipIssue } from '@/core/program/eligibility';
import { amountDueFen, type MoneyAction } from '@/core/award/amounts-due';
import { createHash } from 'node:crypto';
import { categoryByKey, hasMidterm, indicatorByKey } from '@/core/program/program-schema';
import { reportClaimDescription, reportFigureIssue, reportLines, type ReportKind } from '@/core/kpi/report-ledger';
import { isAfter } from '@/core/calendar/shanghai';
import { formatYuan } from '@/core/money';
import type { ActionOutput, ParsedInput, RecordInput, StaffDecision } from '@/core/schemas/actions';
import type { Application, Organization, Program, Report } from '@/core/schemas/documents';
import {
  applicationStatuses,
  emptyOutcomes,
  statusTable,
  type ApplicationStatus,
  type WorkflowAction,
} from '@/core/workflow/award-workflow';
import { ledgerId } from '@/core/award/quota';
import { writeAudit } from '../audit';
import { retryingRaces } from '../races';
import { batchJobView, runBudget, settleInChunks, startJob } from '../batch-jobs';
import { changeApplication, factsFor, moveProgramTotals, type ApplicationChange } from '../award-change';
import type { Caller, HandlerContext } from '../context';
import {
  loadOrganization,
  loadProgram,
  loadPrograms,
  loadStaffProgram,
  loadVisibleApplication,
  orgNames,
  requireSecretariat,
} from '../loaders';
import { loadStaffApplication } from '../loaders';
import { actionReadiness, checksFor, mayAct } from '@/core/workflow/transition';
import type { Deps, StoreReader, StoreTx, Where } from '../ports';
import { toApplicationView, toProgramView, toReviewView } from '../views';
import { among, nextCursorOf, readPage, type Order } from '../list-pages';
import { insertClaim } from './claims';
import { checkNewFiles } from './files';
import { ledgerFor } from './programs';
import { recordScreening, screenApplication, screenReport } from '../moderation';

async function viewOf(application: Application, program: Program, context: HandlerContext) {
  const names = await orgNames(context.deps.store, [application.orgId]);
  return toApplicationView(application, program, names.get(application.orgId) ?? '', context.caller, context.now);
}

/** Refuses an organisation outside the programme's applicants (another society's unit, a kind it is not open to). */
async function checkMembership(store: Pick<StoreReader, 'get'>, program: Program, org: Organization): Promise<void> {
  if (membershipIssue(program, org) === null) return;
  const runner = await store.get('organizations', program.societyId);
  throw new AppError('APPLICANT_NOT_ELIGIBLE', membershipIssue(program, org, runner?.name) ?? undefined);
}

/** Creates the draft once per requestId: a retried or doubled create returns the same application. */
export async function createApplication(
  input: ParsedInput<'application.create'>,
  context: HandlerContext,
): Promise<ActionOutput<'application.create'>> {
  const { caller, deps, now } = context;
  if (caller.user.role !== 'applicant') throw new AppError('FORBIDDEN', '仅申报单位联系人可以申报');
  const [program, org] = await Promise.all([loadProgram(deps.store, input.programId), caller.organization()]);
  await checkMembership(deps.store, program, org);
  const category = categoryByKey(program, input.content.categoryKey);
  if (!category) throw new AppError('INVALID_INPUT', '请选择申报类别');
  const issues = eligibilityIssues(program, category, org, now);
  if (issues.length > 0) throw new AppError('APPLICANT_NOT_ELIGIBLE', issues.join('；'));
  checkApplicationWindow(applicationWindow(program, category.key), now);
  checkContentLimits(program, input.content);
  const applicationId = `app_${input.requestId}`;
  // A draft gets upload slots once it exists, so a first create carries no file of its own yet.
  await checkNewFiles(deps.store, deps.files, caller, { _id: applicationId }, fileIdsOf(input.content.attachments));

  const application = await retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const existing = await tx.get('applications', applicationId);
      if (existing) {
        if (existing.orgId !== org._id || existing.programId !== program._id) throw new AppError('CONFLICT');
        return existing;
      }
      const created: Application = {
        _id: applicationId,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        programId: program._id,
        orgId: org._id,
        societyId: program.societyId,
        createdBy: caller.user._id,
        requestId: input.requestId,
        status: 'draft',
        ...input.content,
        outcomes: emptyOutcomes,
        decisionReason: null,
        submittedAt: null,
        decidedAt: null,
        awardFen: null,
        publicityId: null,
        reports: { midterm: null, final: null, rectification: null },
        dueAt: null,
        payout: null,
      };
      await tx.create('applications', created);
      await moveProgramTotals(tx, program, null, created, now);
      await writeAudit(
        tx,
        [{ action: 'create', from: null, to: 'draft', reason: null }],
        { entity: 'application', id: applicationId, version: 1 },
        caller.actor,
        now,
        deps.newId,
      );
      return created;
    }),
  );
  return viewOf(application, program, context);
}

function fileIdsOf(attachments: Application['attachments']): string[] {
  return attachments.map((attachment) => attachment.fileId);
}

function change(
  context: HandlerContext,
  applicationId: string,
  version: number,
  action: WorkflowAction,
  options: Pick<ApplicationChange, 'reason' | 'patch' | 'current'> = {},
) {
  return changeApplication(context.deps, context.now, {
    applicationId,
    version,
    action,
    actor: context.caller.actor,
    caller: context.caller,
    ...options,
  });
}

export async function saveApplication(input: ParsedInput<'application.save'>, context: HandlerContext) {
  const org = await context.caller.organization();
  const { saved, program } = await change(context, input.applicationId, input.version, 'save', {
    patch: async (current, program, tx) => {
      await checkMembership(tx, program, org);
      if (input.content.categoryKey !== current.categoryKey) {
        const category = categoryByKey(program, input.content.categoryKey);
        const issues = category ? eligibilityIssues(program, category, org, context.now) : ['申报类别不存在'];
        if (issues.length > 0) throw new AppError('APPLICANT_NOT_ELIGIBLE', issues.join('；'));
      }
      checkContentLimits(program, input.content);
      await checkNewFiles(
        tx,
        context.deps.files,
        context.caller,
        current,
        fileIdsOf(input.content.attachments),
        fileIdsOf(current.attachments),
      );
      return { ...input.content };
    },
  });
  return viewOf(saved, program, context);
}

/** Eligibility and per-applicant limits, as submit would judge them now: the reasons the applicant sees. */
export async function submitIssues(deps: Deps, program: Program, application: Application, now: Date): Promise<string[]> {
  const category = categoryByKey(program, application.categoryKey);
  if (!category) return ['请选择申报类别'];
  const org = await loadOrganization(deps.store, application.orgId);
  const others = await deps.store.find('applications', { programId: program._id, orgId: application.orgId });
  const runner = await deps.store.get('organizations', program.societyId);
  const membership = membershipIssue(program, org, runner?.name);
  return [
    ...(membership ? [membership] : []),
    ...eligibilityIssues(program, category, org, now),
    ...limitIssues(program, application, others),
  ];
}

function tallyId(programId: string, orgId: string): string {
  return `limits_${programId}_${orgId}`;
}

/**
 * Judges eligibility and the per-organisation limits inside the submit transaction, against the
 * organisation's tally of submitted applications, and adds this one to the tally in the same step.
 */
async function checkAndTally(tx: StoreTx, program: Program, application: Application, now: Date): Promise<void> {
  const category = requireCategory(program, application.categoryKey);
  const org = await loadOrganization(tx, application.orgId);
  await checkMembership(tx, program, org);
  const eligibility = eligibilityIssues(program, category, org, now);
  if (eligibility.length > 0) throw new AppError('APPLICANT_NOT_ELIGIBLE', eligibility.join('；'));
  const id = tallyId(program._id, application.orgId);
  const tally = await tx.get('limitTallies', id);
  const others: Application[] = [];
  for (const otherId of tally?.applicationIds ?? []) {
    const other = otherId === application._id ? null : await tx.get('applications', otherId);
    if (other) others.push(other);
  }
  const limits = limitIssues(program, application, others);
  if (limits.length > 0) throw new AppError('LIMIT_EXCEEDED', limits.join('；'));
  const stamp = now.toISOString();
  if (!tally) {
    await tx.create('limitTallies', {
      _id: id,
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      programId: program._id,
      orgId: application.orgId,
      applicationIds: [application._id],
    });
  } else if (!tally.applicationIds.includes(application._id)) {
    await tx.replace(
      'limitTallies',
      { ...tally, applicationIds: [...tally.applicationIds, application._id], version: tally.version + 1, updatedAt: stamp },
      tally.version,
    );
  }
}

/** Submits a draft, or resubmits a returned application; eligibility and limits are judged here, on the server. */
export async function submitApplication(input: ParsedInput<'application.submit'>, context: HandlerContext) {
  const { deps, caller, now } = context;
  const current = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const action = current.status === 'returned' ? 'resubmit' : 'submit';
  const screening = await screenApplication(deps, caller, current, now);
  const { saved, program } = await change(context, input.applicationId, input.version, action, {
    patch: async (latest, program, tx) => {
      checkSubmittable(program, latest);
      await checkAndTally(tx, program, latest, now);
      return { submittedAt: now.toISOString(), decisionReason: null, moderation: await recordScreening(tx, latest.moderation, screening) };
    },
  });
  return viewOf(saved, program, context);
}

export async function withdrawApplication(input: ParsedInput<'application.withdraw'>, context: HandlerContext) {
  const { saved, program } = await change(context, input.applicationId, input.version, 'withdraw', { reason: input.reason });
  return viewOf(saved, program, context);
}

async function decideOne(context: HandlerContext, applicationId: string, version: number, decision: StaffDecision, reason?: string) {
  // Another organiser's application is missing before anything about it (a pending objection) is told; the change
  // judges it as read here, not read again.
  const current = await loadStaffApplication(context.deps.store, context.caller, applicationId);
  return change(context, applicationId, version, decision, { reason, current });
}

export async function decideApplication(input: ParsedInput<'application.decide'>, context: HandlerContext) {
  const { saved, program } = await decideOne(context, input.applicationId, input.version, input.decision, input.reason);
  return viewOf(saved, program, context);
}

/**
 * The decisions, as many as fit in the call now; what does not fit becomes a batch job the timer carries on
 * (batch.get shows its progress). Each is one change with its own audit entry, judged on the version the clerk saw;
 * a batch settled in the call, refusals and all, leaves nothing but its changes.
 */
export async function decideManyApplications(input: ParsedInput<'application.decideMany'>, context: HandlerContext) {
  const { deps, now, caller } = context;
  requireSecretariat(caller);
  const changes = input.items.map(({ applicationId, version }) => ({
    applicationId,
    version,
    action: input.decision,
    actor: caller.actor,
    caller,
    reason: input.reason,
  }));
  const settled = await settleInChunks(deps, now, changes, runBudget(deps));
  if (settled.length === input.items.length)
    return { id: null, kind: 'decide' as const, status: 'done' as const, total: settled.length, done: settled.length, outcomes: settled };
  const job = await startJob(deps, now, {
    kind: 'decide',
    action: input.decision,
    programId: null,
    publicityId: null,
    reason: input.reason ?? null,
    items: input.items.map((item) => ({ applicationId: item.applicationId, version: item.version })),
    settled,
    actor: caller.actor,
  });
  return batchJobView(job);
}

/** Which report the application's status asks for, and the action that files it. */
function reportStep(application: Application, program: Program): { action: WorkflowAction; slot: keyof Application['reports'] } {
  switch (application.status) {
    case 'implementing':
      return hasMidterm(program.stages, application.categoryKey)
        ? { action: 'submitMidterm', slot: 'midterm' }
        : { action: 'submitFinal', slot: 'final' };
    case 'midtermRectify':
      return { action: 'submitMidterm', slot: 'midterm' };
    case 'midtermPassed':
      return { action: 'submitFinal', slot: 'final' };
    case 'inRectification':
      return { action: 'submitRectification', slot: 'rectification' };
    default:
      throw new AppError('TRANSITION_NOT_ALLOWED', `当前状态（${statusTable[application.status].applicantLabel}）无需提交报告`);
  }
}

export async function submitReport(input: ParsedInput<'application.report'>, context: HandlerContext) {
  const { deps, caller, now } = context;
  const current = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const program = await loadProgram(deps.store, current.programId);
  // The same report sent again after its answer was lost: it is already filed, with the claims it made.
  if (Object.values(current.reports).some((filed) => filed?.requestId === input.requestId)) return viewOf(current, program, context);
  const step = reportStep(current, program);
  // Who may file it is decided before the files are looked at, as the workflow table orders it.
  if (!mayAct(caller.actor, step.action, current)) throw new AppError('FORBIDDEN', '仅本单位可以提交报告');
  const filed = Object.values(current.reports).flatMap((report) => report?.fileIds ?? []);
  await checkNewFiles(deps.store, deps.files, caller, current, input.fileIds, filed);
  await checkReportFigures(deps.store, current, program, input.achievements);
  const report: Report = {
    summary: input.summary,
    achievements: input.achievements,
    fileIds: input.fileIds,
    submittedAt: now.toISOString(),
    requestId: input.requestId,
    claimIds: [],
  };
  const screening = await screenReport(deps, caller, current, step.slot, report, now);
  const { saved } = await change(context, input.applicationId, input.version, step.action, {
    patch: async (latest, _program, tx) => ({
      reports: {
        ...latest.reports,
        [step.slot]: { ...report, claimIds: await claimReportFigures(tx, latest, report, step.slot, context) },
      },
      moderation: await recordScreening(tx, latest.moderation, screening),
    }),
  });
  return viewOf(saved, program, context);
}

/**
 * Refuses a report figure the award's claims already hold (see reportFigureIssue for why it is refused, not capped).
 * The claims are read by query, before the report's transaction: a claim added in between may take the total past
 * the commitment, which claim.add allows anyway (with a warning); no claim is ever counted twice.
 */
async function checkReportFigures(
  store: StoreReader,
  application: Application,
  program: Program,
  achievements: readonly Report['achievements'][number][],
): Promise<void> {
  const lines = reportLines(application.commitments, await store.find('claims', { applicationId: application._id }));
  const seen = new Set<string>();
  for (const achievement of achievements) {
    const indicator = indicatorByKey(program, achievement.indicatorKey);
    if (!indicator) throw new AppError('INDICATOR_UNKNOWN', achievement.indicatorKey);
    if (seen.has(indicator.key)) throw new AppError('INVALID_INPUT', `指标“${indicator.name}”重复填写`);
    seen.add(indicator.key);
    const line = lines.find((candidate) => candidate.indicatorKey === indicator.key);
    const issue = reportFigureIssue(line, achievement.amount, indicator);
    if (issue) throw new AppError('INVALID_INPUT', issue);
  }
}

/** A claim's id derived from the report's requestId and the indicator: a retried transaction finds, not repeats, it. */
function reportClaimId(requestId: string, indicatorKey: string): string {
  const plain = `rclaim_${requestId}_${indicatorKey}`;
  // Claim ids stay within the id limit the claim actions accept; indicator keys have no "_", so this stays unique.
  return plain.length <= 128 ? plain : `rclaim_${requestId}_${createHash('sha256').update(indicatorKey).digest('hex').slice(0, 24)}`;
}

/** A claim holds at most this many files (claimSchema); a report may carry more. */
const CLAIM_FILES_MAX = 9;

/**
 * Each figure above 0 in the report becomes a claim waiting for verification, in the report's transaction, with the
 * report's evidence (as much as a claim holds). Returns the ids of the report's claims.
 */
async function claimReportFigures(
  tx: StoreTx,
  application: Application,
  report: Report,
  kind: ReportKind,
  context: HandlerContext,
): Promise<string[]> {
  const stamp = context.now.toISOString();
  const fileIds = report.fileIds.slice(0, CLAIM_FILES_MAX);
  const ids: string[] = [];
  for (const achievement of report.achievements.filter((figure) => figure.amount > 0)) {
    const claimId = reportClaimId(report.requestId ?? '', achievement.indicatorKey);
    const existing = await tx.get('claims', claimId);
    if (existing && existing.applicationId !== application._id) throw new AppError('CONFLICT');
    if (!existing) {
      await insertClaim(
        tx,
        application,
        {
          _id: claimId,
          version: 1,
          createdAt: stamp,
          updatedAt: stamp,
          applicationId: application._id,
          programId: application.programId,
          orgId: application.orgId,
          indicatorKey: achievement.indicatorKey,
          amount: achievement.amount,
          description: reportClaimDescription(kind, report.fileIds.length, fileIds.length),
          fileIds,
          createdBy: context.caller.user._id,
          verification: 'pending',
          verificationReason: null,
          // The report's own evidence and text stand behind it; its files were screened with the report.
          activityOn: null,
          place: '',
          links: [],
          fileFacts: [],
          duplicates: [],
          duplicated: false,
        },
        context,
      );
    }
    ids.push(claimId);
  }
  return ids;
}

/** A record as stored: what the secretariat entered, who recorded it and when. */
function recorded<T extends object>(entered: T, context: HandlerContext): T & { recordedBy: string; recordedAt: string } {
  return { ...entered, recordedBy: context.caller.user._id, recordedAt: context.now.toISOString() };
}

/** Refuses an amount above what the action may record now (core/award/amounts-due), naming both. */
function atMost(amountFen: number, action: MoneyAction, current: Application, program: Program, what: string): void {
  const dueFen = amountDueFen(action, current, program.stages);
  if (dueFen !== null && amountFen > dueFen) throw new AppError('INVALID_INPUT', `${what}不能超过应付金额 ${formatYuan(dueFen)}`);
}

/** The balance after acceptance: the award less what was paid after 立项. */
export async function payApplication(input: ParsedInput<'application.pay'>, context: HandlerContext) {
  requireSecretariat(context.caller);
  const { saved, program } = await change(context, input.applicationId, input.version, 'pay', {
    patch: (current, program) => {
      atMost(input.payout.amountFen, 'pay', current, program, '发放金额');
      return { payout: recorded(input.payout, context) };
    },
  });
  return viewOf(saved, program, context);
}

/** What each record action adds to the application, checked against the award and its due dates. */
function recordPatch(record: RecordInput, context: HandlerContext): ApplicationChange['patch'] {
  switch (record.action) {
    case 'recordAgreement':
      return () => ({ agreement: recorded(record.agreement, context) });
    case 'disburse':
      return (current, program) => {
        atMost(record.payout.amountFen, 'disburse', current, program, '拨付金额');
        return { advance: recorded(record.payout, context) };
      };
    case 'recordRefund':
      return (current, program) => {
        atMost(record.refund.amountFen, 'recordRefund', current, program, '退还金额');
        return { refund: recorded(record.refund, context) };
      };
    case 'extendDue':
      return () => {
        if (!isAfter(record.until, context.now)) throw new AppError('INVALID_INPUT', '延期后的截止时间须晚于现在');
        return {
          extension: {
            // Stored in UTC, whatever offset the picker sent.
            until: new Date(record.until).toISOString(),
            reason: record.reason,
            grantedBy: context.caller.user._id,
            grantedAt: context.now.toISOString(),
          },
        };
      };
  }
}

/** The agreement, the payment after 立项, the refund or an extension, each one change with its audit entry. */
export async function recordOnApplication(input: ParsedInput<'application.record'>, context: HandlerContext) {
  await loadStaffApplication(context.deps.store, context.caller, input.applicationId);
  const { record } = input;
  const { saved, program } = await change(context, input.applicationId, input.version, record.action, {
    reason: record.action === 'extendDue' ? record.reason : null,
    patch: recordPatch(record, context),
  });
  return viewOf(saved, program, context);
}

export async function getApplication(
  input: ParsedInput<'application.get'>,
  context: HandlerContext,
): Promise<ActionOutput<'application.get'>> {
  const { deps, caller, now } = context;
  const application = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const program = await loadProgram(deps.store, application.programId);
  const staff = caller.user.role === 'secretariat';
  // An applicant's application is their own unit's (its name, and what it may join, read with their organisation);
  // staff read the unit's name only.
  const own = application.orgId === caller.user.orgId;
  const applicant = caller.user.role === 'applicant';
  const [claims, audit, reviews, objections, ledger, creator, names, callerOrg] = await Promise.all([
    deps.store.find('claims', { applicationId: application._id }, { orderBy: { field: 'createdAt', direction: 'asc' } }),
    deps.store.find('audit', { entity: 'application', entityId: application._id }),
    staff ? deps.store.find('reviews', { applicationId: application._id }) : Promise.resolve([]),
    staff ? deps.store.find('objections', { applicationId: application._id }) : Promise.resolve([]),
    ledgerFor(deps, program),
    staff ? deps.store.get('users', application.createdBy) : Promise.resolve(null),
    own ? Promise.resolve(null) : orgNames(deps.store, [application.orgId]),
    own || applicant ? caller.organization() : Promise.resolve(null),
  ]);
  audit.sort((a, b) => a.entityVersion - b.entityVersion);
  const orgName = own ? (callerOrg?.name ?? '') : (names?.get(application.orgId) ?? '');
  const editable = statusTable[application.status].editable;
  const view = toApplicationView(application, program, orgName, caller, now);
  return {
    application: view,
    program: toProgramView(program, now, ledger, applicant ? callerOrg : null),
    claims,
    // Whom each change's messages went to is the secretariat's to see (notify.ts notifiedIn), not the unit's.
    audit: staff ? audit : audit.map(({ notified: _sent, ...entry }) => entry),
    reviews: reviews.map((review) => toReviewView(review, application, program, orgName)),
    objections,
    submitIssues: editable && caller.user.role === 'applicant' ? await submitIssues(deps, program, application, now) : [],
    contact: creator ? { name: creator.name, phone: creator.phone ?? null } : null,
    blocked: staff ? await blockedActions(deps, caller, application, program, view.availableActions, now) : [],
  };
}

/** The offered actions whose checks refuse them now, each with why and from when (read as the decision reads them). */
async function blockedActions(
  deps: Deps,
  caller: Caller,
  application: Application,
  program: Program,
  offered: readonly WorkflowAction[],
  now: Date,
): Promise<ActionOutput<'application.get'>['blocked']> {
  const checked = offered.filter((action) => checksFor(action, application.status).length > 0);
  const facts = await factsFor(
    deps,
    checked.map((action) => ({ application, action })),
    now,
    undefined,
  );
  const judged = checked.map((action, at) => ({
    action,
    readiness: actionReadiness(caller.actor, action, application, { ...program, facts: facts[at]! }),
  }));
  return judged.flatMap(({ action, readiness }) =>
    readiness.allowed ? [] : [{ action, reason: readiness.reason, opensAt: readiness.opensAt, automatic: readiness.automatic }],
  );
}

export async function listViews(applications: Application[], context: Pick<HandlerContext, 'deps' | 'now'> & { caller: Caller }) {
  const { deps, caller, now } = context;
  const names = await orgNames(
    deps.store,
    applications.map((application) => application.orgId),
  );
  const programs = await loadPrograms(
    deps.store,
    applications.map((application) => application.programId),
  );
  return applications.map((application) =>
    toApplicationView(application, programs.get(application.programId)!, names.get(application.orgId) ?? '', caller, now),
  );
}

export async function listMyApplications(input: ParsedInput<'application.listMine'>, context: HandlerContext) {
  if (context.caller.user.role !== 'applicant') return [];
  const where: Where = { orgId: context.caller.user.orgId };
  if (input.programId) where.programId = input.programId;
  const applications = await context.deps.store.find('applications', where, { orderBy: { field: 'updatedAt', direction: 'desc' } });
  return listViews(applications, context);
}

/** Oldest submission first (first come, first served): submission time moves only on a resubmission. */
const queueOrder: Order = { field: 'submittedAt', direction: 'asc' };

/** The statuses a queue asks for: those named, or those of the stage, or all; never a draft. */
function queueStatuses(input: Pick<ParsedInput<'application.queue'>, 'stage' | 'status' | 'statuses'>): ApplicationStatus[] {
  const named = input.statuses ?? (input.status ? [input.status] : applicationStatuses);
  return named.filter((status) => status !== 'draft' && (!input.stage || statusTable[status].stage === input.stage));
}

/** A text search reads at most this many pages of the queue per call to fill one page of matches. */
export const QUEUE_SEARCH_PAGES = 5;

/** The queue's where: the statuses, and the filters named that the application's own (indexed) fields answer. */
async function queueWhere(store: StoreReader, program: Program, statuses: ApplicationStatus[], input: ParsedInput<'application.queue'>) {
  const where: Where = { programId: program._id, status: among(statuses) };
  if (input.categoryKey) where.categoryKey = input.categoryKey;
  if (input.orgId) where.orgId = input.orgId;
  if (input.pendingClaims) {
    // The claims waiting for verification are the claim queue's own list (indexed by programme and verification).
    const pending = await store.find('claims', { programId: program._id, verification: 'pending' });
    where._id = among([...new Set(pending.map((claim) => claim.applicationId))]);
  }
  return where;
}

function matchesSearch(application: Application, orgName: string, words: readonly string[]): boolean {
  const text = `${application.projectName} ${orgName}`.toLowerCase();
  return words.every((word) => text.includes(word));
}

/** The secretariat's queue, a page of summaries at a time: drafts stay private to their unit until submitted. */
export async function queueApplications(
  input: ParsedInput<'application.queue'>,
  context: HandlerContext,
): Promise<ActionOutput<'application.queue'>> {
  const { store } = context.deps;
  const program = await loadStaffProgram(store, context.caller, input.programId);
  const statuses = queueStatuses(input);
  if (statuses.length === 0) return { items: [], nextCursor: null };
  const filtered = Boolean(input.categoryKey || input.orgId || input.pendingClaims || input.q);
  const [where, ledger] = await Promise.all([
    queueWhere(store, program, statuses, input),
    filtered ? null : store.get('ledgers', ledgerId(program._id)),
  ]);
  const words = (input.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  // A search keeps the rows whose names match, reading on (a bounded number of pages) until a page is filled.
  let page = await readPage(store, 'applications', where, queueOrder, input.cursor, input.limit);
  let names = await orgNames(
    store,
    page.items.map((application) => application.orgId),
  );
  let found = page.items.filter((application) => matchesSearch(application, names.get(application.orgId) ?? '', words));
  const wanted = input.limit ?? 30;
  for (let reads = 1; words.length > 0 && found.length < wanted && page.more && reads < QUEUE_SEARCH_PAGES; reads += 1) {
    page = await readPage(store, 'applications', where, queueOrder, nextCursorOf(page, queueOrder), input.limit);
    const more = await orgNames(
      store,
      page.items.map((application) => application.orgId),
    );
    names = new Map([...names, ...more]);
    found = [...found, ...page.items.filter((application) => matchesSearch(application, more.get(application.orgId) ?? '', words))];
  }
  // How many the whole queue holds, from the programme's running counts (absent before the repair fills them; not
  // known for a filtered list).
  const counted = ledger?.totals?.statuses;
  const total = counted ? statuses.reduce((sum, status) => sum + (counted[status] ?? 0), 0) : undefined;
  // The contract's summary keeps only what a row shows (the router's output check drops the rest).
  const items = found.map((application) =>
    toApplicationView(application, program, names.get(application.orgId) ?? '', context.caller, context.now),
  );
  return { items, nextCursor: nextCursorOf(page, queueOrder), total };
}
