// Expert review: assignment with automatic recusal, a conflict-of-interest declaration before the
// application is shown, scoring per criterion, blind until one's own review is in, and the ranking.
import { formatShanghaiDateTime, isPastDeadline } from '@/core/calendar/shanghai';
import { AppError } from '@/core/errors';
import { mayAct } from '@/core/people/manages';
import { rankingPublished, withoutNames } from '@/core/review/blind';
import { inPool } from '@/core/review/pool';
import { countingReviews, outlierIds, rankFrom, scoreSheetIssue, summarize, weightedTotal, withReviewTotal } from '@/core/review/scoring';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { reviewStatuses, type Application, type Program, type Review, type User } from '@/core/schemas/documents';
import { applicationStatuses, statusTable } from '@/core/workflow/award-workflow';
import { categoryByKey, programOf } from '@/core/program/program-schema';
import { writeAudit } from '../audit';
import { retryingRaces } from '../races';
import type { StoreReader, StoreTx } from '../ports';
import { changeApplication } from '../award-change';
import type { HandlerContext } from '../context';
import { byIds, findAmong, loadProgram, loadStaffApplication, loadStaffProgram, orgNames, requireSecretariat } from '../loaders';
import { audienceUsers, pages, writeNotifications } from '../notify';
import { toApplicationView, toProgramView, toReviewView } from '../views';
import { among, nextCursorOf, readPage, type Order } from '../list-pages';
import { ledgerFor } from './programs';
import { requireNotHeld } from '../moderation';
import { failureOf } from '../batch';

function reviewIdOf(applicationId: string, reviewerId: string): string {
  return `review_${applicationId}_${reviewerId}`;
}

/**
 * Why a reviewer may not review an application, or null: a reviewer of the applicant unit is excluded, and so is
 * one who declared a conflict on it and stepped back (review.recuse).
 */
function recusalReason(reviewer: User, application: Application, orgName: string, reviews: readonly Review[]): string | null {
  if (reviewer.orgId === application.orgId) return `与申报单位同属“${orgName}”，按回避规定不能评审`;
  const stepped = reviews.find((review) => review.reviewerId === reviewer._id && review.withdrawal?.by === 'reviewer');
  return stepped ? `本人已声明利益冲突并回避：${stepped.withdrawal!.reason}` : null;
}

/** Whether the reviewer is in the pool of the organiser running the programme (older records: their unit's organiser). */
/** Which of these people are experts in the organiser's pool (one read for the units the answer depends on). */
async function inOrganiserPool(store: StoreReader, people: readonly User[], organiserId: string): Promise<Set<string>> {
  // A revoked or removed expert has left the pool.
  const experts = people.filter((reviewer) => reviewer.role === 'reviewer' && mayAct(reviewer));
  const units = await byIds(
    store,
    'organizations',
    experts.filter((reviewer) => !reviewer.poolOrgIds).map((reviewer) => reviewer.orgId),
  );
  const pooled = experts.filter((reviewer) =>
    inPool(reviewer, reviewer.poolOrgIds ? null : (units.get(reviewer.orgId) ?? null), organiserId),
  );
  return new Set(pooled.map((reviewer) => reviewer._id));
}

export async function reviewCandidates(
  input: ParsedInput<'review.candidates'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.candidates'>> {
  const application = await loadStaffApplication(context.deps.store, context.caller, input.applicationId);
  const { store } = context.deps;
  const [everyReviewer, reviews, program] = await Promise.all([
    store.find('users', { role: 'reviewer' }),
    store.find('reviews', { applicationId: application._id }),
    loadProgram(store, application.programId),
  ]);
  const pooled = await inOrganiserPool(store, everyReviewer, program.societyId);
  const reviewers = everyReviewer.filter((reviewer) => pooled.has(reviewer._id));
  const names = await orgNames(store, [application.orgId, ...reviewers.map((reviewer) => reviewer.orgId)]);
  return reviewers.map((reviewer) => ({
    userId: reviewer._id,
    name: reviewer.name,
    orgName: names.get(reviewer.orgId) ?? '',
    assigned: countingReviews(reviews).some((review) => review.reviewerId === reviewer._id),
    excludedBecause: recusalReason(reviewer, application, names.get(application.orgId) ?? '', reviews),
  }));
}

/**
 * Creates the reviews not yet there (and tells each reviewer); returns who was newly assigned. A withdrawn
 * review is assigned afresh under its own id, so one expert never holds two tasks for one application.
 */
async function createReviews(
  tx: StoreTx,
  context: HandlerContext,
  application: Application,
  reviewers: readonly User[],
  program: Pick<Program, 'reviewDueAt'>,
) {
  const { deps, now, caller } = context;
  const assigned: string[] = [];
  for (const reviewer of reviewers) {
    const id = reviewIdOf(application._id, reviewer._id);
    const existing = await tx.get('reviews', id);
    if (existing && existing.status !== 'withdrawn') continue;
    const version = existing ? existing.version + 1 : 1;
    const review: Review = {
      _id: id,
      version,
      createdAt: existing?.createdAt ?? now.toISOString(),
      updatedAt: now.toISOString(),
      programId: application.programId,
      applicationId: application._id,
      reviewerId: reviewer._id,
      reviewerName: reviewer.name,
      status: 'assigned',
      declaredAt: null,
      scores: [],
      comment: '',
      total: null,
      submittedAt: null,
      withdrawal: null,
    };
    if (existing) await tx.replace('reviews', review, existing.version);
    else await tx.create('reviews', review);
    await writeAudit(
      tx,
      [{ action: 'assign', from: existing?.status ?? null, to: 'assigned', reason: null }],
      { entity: 'review', id, version },
      caller.actor,
      now,
      deps.newId,
    );
    assigned.push(reviewer._id);
  }
  await writeNotifications(
    tx,
    assigned.map((userId) => ({
      userId,
      programId: application.programId,
      applicationId: null,
      title: `新的评审任务：${application.projectName || '未命名项目'}`.slice(0, 60),
      body: `请先确认与申报单位无利益冲突，再查看申报书并评分。${program.reviewDueAt ? `请于${formatShanghaiDateTime(program.reviewDueAt)}前完成评审。` : ''}`,
      page: pages.reviewer(),
    })),
    now,
    deps.newId,
  );
  return assigned;
}

/**
 * A new version of the application, with its audit entry, when its reviews change under it (its status
 * stays): a shortlist judged on the reviews before the change then fails its version check.
 */
async function touchApplication(tx: StoreTx, context: HandlerContext, latest: Application, action: string, reason: string) {
  const { deps, now, caller } = context;
  const next: Application = { ...latest, version: latest.version + 1, updatedAt: now.toISOString() };
  await tx.replace('applications', next, latest.version);
  await writeAudit(
    tx,
    [{ action, from: latest.status, to: latest.status, reason }],
    { entity: 'application', id: next._id, version: next.version },
    caller.actor,
    now,
    deps.newId,
  );
  return next;
}

export async function assignReviewers(
  input: ParsedInput<'review.assign'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.assign'>> {
  const { deps, now, caller } = context;
  const application = await loadStaffApplication(context.deps.store, context.caller, input.applicationId);
  if (application.version !== input.version) throw new AppError('CONFLICT');
  requireNotHeld(application);
  const program = await loadProgram(deps.store, application.programId);
  const names = await orgNames(deps.store, [application.orgId]);
  const orgName = names.get(application.orgId) ?? '';
  const excluded: ActionOutput<'review.assign'>['excluded'] = [];
  const chosen: User[] = [];
  const named = await byIds(deps.store, 'users', input.reviewerIds);
  const pooled = await inOrganiserPool(deps.store, [...named.values()], program.societyId);
  const reviews = await deps.store.find('reviews', { applicationId: application._id });
  for (const reviewerId of new Set(input.reviewerIds)) {
    const reviewer = named.get(reviewerId);
    if (!reviewer || reviewer.role !== 'reviewer') throw new AppError('NOT_FOUND', '评审专家不存在');
    if (!pooled.has(reviewer._id)) throw new AppError('REVIEWER_NOT_IN_POOL', reviewer.name);
    const reason = recusalReason(reviewer, application, orgName, reviews);
    if (reason) excluded.push({ userId: reviewer._id, name: reviewer.name, reason });
    else chosen.push(reviewer);
  }
  if (chosen.length === 0) throw new AppError('CONFLICT_OF_INTEREST', excluded.map((item) => `${item.name}：${item.reason}`).join('；'));

  // The reviews are created in the same transaction as a change to the application: the first assignment
  // moves it into review (and tells the applicant), a later one gives it a new version. Either way a shortlist
  // judged on the reviews it saw before (applications.ts) fails its version check instead of slipping through.
  let assigned: string[] = [];
  let current: Application;
  if (application.status === 'checkPassed') {
    const change = await changeApplication(deps, now, {
      applicationId: application._id,
      version: input.version,
      action: 'startReview',
      actor: caller.actor,
      caller,
      patch: async (_current, _program, tx) => {
        assigned = await createReviews(tx, context, application, chosen, program);
        return {};
      },
    });
    current = change.saved;
  } else if (application.status === 'underReview') {
    current = await retryingRaces(() =>
      deps.store.transaction(async (tx) => {
        const latest = await tx.get('applications', application._id);
        if (!latest || latest.version !== input.version) throw new AppError('CONFLICT');
        if (latest.status !== 'underReview') throw new AppError('TRANSITION_NOT_ALLOWED', '该申报已不在评审阶段');
        assigned = await createReviews(tx, context, application, chosen, program);
        if (assigned.length === 0) return latest;
        const added = chosen.filter((reviewer) => assigned.includes(reviewer._id)).map((reviewer) => reviewer.name);
        return touchApplication(tx, context, latest, 'assignReviewers', `增加评审专家：${added.join('、')}`);
      }),
    );
  } else {
    throw new AppError('TRANSITION_NOT_ALLOWED', '仅形式审查通过或评审中的申报可以分配专家');
  }
  return { application: toApplicationView(current, program, orgName, caller, now), assigned, excluded };
}

/**
 * The same experts on many applications of one programme: each is assigned as review.assign assigns one (its own
 * version check, recusal and transaction), and a refusal of one never stops the others.
 */
export async function assignReviewersToMany(
  input: ParsedInput<'review.assignMany'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.assignMany'>> {
  await loadStaffProgram(context.deps.store, context.caller, input.programId);
  const results: ActionOutput<'review.assignMany'>['results'] = [];
  for (const item of input.items) {
    try {
      const application = await loadStaffApplication(context.deps.store, context.caller, item.applicationId);
      if (application.programId !== input.programId) throw new AppError('NOT_FOUND', '申报不属于本项目');
      const done = await assignReviewers({ ...item, reviewerIds: input.reviewerIds }, context);
      results.push({
        applicationId: item.applicationId,
        ok: true,
        code: null,
        message: null,
        assigned: done.assigned,
        excluded: done.excluded,
      });
    } catch (error) {
      results.push({ applicationId: item.applicationId, ...failureOf(error, item.applicationId), assigned: [], excluded: [] });
    }
  }
  return { results };
}

/** The caller's own review that still counts; a withdrawn one is refused as such, not as missing. */
function requireOwnReview(review: Review | null, caller: HandlerContext['caller']): Review {
  if (!review || review.reviewerId !== caller.user._id) throw new AppError('NOT_FOUND', '评审任务不存在');
  if (review.status === 'withdrawn') throw new AppError(review.withdrawal?.by === 'reviewer' ? 'REVIEW_RECUSED' : 'REVIEW_WITHDRAWN');
  return review;
}

/** Declaring and scoring end at the programme's review deadline (when it has one). */
function requireReviewOpen(program: Pick<Program, 'reviewDueAt'>, now: Date): void {
  const dueAt = program.reviewDueAt;
  if (dueAt && isPastDeadline(now, dueAt)) {
    throw new AppError('REVIEW_CLOSED', `评审截止时间为${formatShanghaiDateTime(dueAt)}，如需延期请联系秘书处`);
  }
}

async function loadOwnReview(context: HandlerContext, reviewId: string): Promise<Review> {
  return requireOwnReview(await context.deps.store.get('reviews', reviewId), context.caller);
}

async function reviewViewOf(context: HandlerContext, review: Review) {
  const application = await context.deps.store.get('applications', review.applicationId);
  if (!application) throw new AppError('NOT_FOUND', '申报不存在');
  const program = await loadProgram(context.deps.store, application.programId);
  const names = await orgNames(context.deps.store, [application.orgId]);
  return {
    view: toReviewView(review, application, program, names.get(application.orgId) ?? ''),
    application,
    program,
    orgName: names.get(application.orgId) ?? '',
  };
}

/** Newest task first. */
const mineOrder: Order = { field: 'createdAt', direction: 'desc' };

/** The expert's tasks a page at a time: the page's reviews, then their applications, programmes and units, one read each. */
export async function myReviews(input: ParsedInput<'review.mine'>, context: HandlerContext): Promise<ActionOutput<'review.mine'>> {
  if (context.caller.user.role !== 'reviewer') return { items: [], nextCursor: null };
  const { store } = context.deps;
  const page = await readPage(
    store,
    'reviews',
    {
      reviewerId: context.caller.user._id,
      status: among(countingReviews(reviewStatuses.map((status) => ({ status }))).map(({ status }) => status)),
    },
    mineOrder,
    input.cursor,
    input.limit,
  );
  const applications = await byIds(
    store,
    'applications',
    page.items.map((review) => review.applicationId),
  );
  const [programs, names] = await Promise.all([
    byIds(
      store,
      'programs',
      [...applications.values()].map((application) => application.programId),
    ),
    orgNames(
      store,
      [...applications.values()].map((application) => application.orgId),
    ),
  ]);
  const items = page.items.flatMap((review) => {
    const application = applications.get(review.applicationId);
    const program = application && programs.get(application.programId);
    return application && program ? [toReviewView(review, application, programOf(program), names.get(application.orgId) ?? '')] : [];
  });
  return { items, nextCursor: nextCursorOf(page, mineOrder) };
}

/** Changes one's own review in a transaction, on the version the reviewer saw. */
async function changeReview(
  context: HandlerContext,
  reviewId: string,
  version: number,
  action: string,
  change: (review: Review) => Partial<Review>,
) {
  const { deps, now, caller } = context;
  await loadOwnReview(context, reviewId);
  const saved = await retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      // Checked again inside: a withdrawal that lands first is reported as such, not as a stale version.
      const current = requireOwnReview(await tx.get('reviews', reviewId), caller);
      if (current.version !== version) throw new AppError('CONFLICT');
      const next: Review = { ...current, ...change(current), version: current.version + 1, updatedAt: now.toISOString() };
      await tx.replace('reviews', next, current.version);
      if (current.total === null && next.total !== null) await addToRanking(tx, context, next, next.total);
      await writeAudit(
        tx,
        [{ action, from: current.status, to: next.status, reason: null }],
        { entity: 'review', id: reviewId, version: next.version },
        caller.actor,
        now,
        deps.newId,
      );
      return next;
    }),
  );
  return (await reviewViewOf(context, saved)).view;
}

/**
 * A score that comes in joins its application's running score, in the review's transaction, so the ranking sorts
 * on a field of the application instead of reading every review. The application gets a new version, with its
 * audit entry (a decision taken on the scores before fails its version check, as after an assignment).
 */
async function addToRanking(tx: StoreTx, context: HandlerContext, review: Review, total: number): Promise<void> {
  const { deps, now, caller } = context;
  const application = await tx.get('applications', review.applicationId);
  if (!application) throw new AppError('NOT_FOUND', '申报不存在');
  const next: Application = {
    ...application,
    ...withReviewTotal(application.reviewScores, total),
    version: application.version + 1,
    updatedAt: now.toISOString(),
  };
  await tx.replace('applications', next, application.version);
  await writeAudit(
    tx,
    [{ action: 'reviewScored', from: application.status, to: application.status, reason: `${review.reviewerName}提交评分` }],
    { entity: 'application', id: next._id, version: next.version },
    caller.actor,
    now,
    deps.newId,
  );
}

export async function declareNoConflict(input: ParsedInput<'review.declare'>, context: HandlerContext) {
  const review = await loadOwnReview(context, input.reviewId);
  requireReviewOpen(await loadProgram(context.deps.store, review.programId), context.now);
  return changeReview(context, input.reviewId, input.version, 'declare', (review) => {
    if (review.status !== 'assigned') throw new AppError('TRANSITION_NOT_ALLOWED', '已确认过');
    return { status: 'declared', declaredAt: context.now.toISOString() };
  });
}

export async function openReview(input: ParsedInput<'review.open'>, context: HandlerContext): Promise<ActionOutput<'review.open'>> {
  const review = await loadOwnReview(context, input.reviewId);
  if (review.status === 'assigned') throw new AppError('DECLARATION_REQUIRED');
  const { view, application, program, orgName } = await reviewViewOf(context, review);
  requireNotHeld(application);
  const others =
    review.status === 'submitted'
      ? (await context.deps.store.find('reviews', { applicationId: application._id, status: 'submitted' })).filter(
          (other) => other._id !== review._id,
        )
      : [];
  return {
    review: view,
    application: toApplicationView(application, program, orgName, context.caller, context.now),
    program: toProgramView(program, context.now, await ledgerFor(context.deps, program), null),
    // Blind until the ranking is published: the others' scores, not who gave them.
    otherReviews: others.map((other, index) => {
      const view = toReviewView(other, application, program, orgName);
      return rankingPublished(application.status) ? view : withoutNames(view, index + 1);
    }),
  };
}

export async function submitReview(input: ParsedInput<'review.submit'>, context: HandlerContext) {
  const review = await loadOwnReview(context, input.reviewId);
  const application = await context.deps.store.get('applications', review.applicationId);
  if (!application || application.status !== 'underReview') throw new AppError('TRANSITION_NOT_ALLOWED', '该申报已不在评审阶段');
  const program = await loadProgram(context.deps.store, application.programId);
  requireReviewOpen(program, context.now);
  const issue = scoreSheetIssue(program.reviewCriteria, input.scores);
  if (issue) throw new AppError('SCORES_INVALID', issue);
  return changeReview(context, input.reviewId, input.version, 'submit', (current) => {
    if (current.status === 'assigned') throw new AppError('DECLARATION_REQUIRED');
    if (current.status === 'submitted') throw new AppError('TRANSITION_NOT_ALLOWED', '评分已提交');
    return {
      status: 'submitted',
      scores: input.scores,
      comment: input.comment,
      total: weightedTotal(program.reviewCriteria, input.scores),
      submittedAt: context.now.toISOString(),
    };
  });
}

/** The statuses an application ranks in: from expert review on, declined, or granted. */
const rankedStatuses = applicationStatuses.filter((status) => {
  const { stage, granted } = statusTable[status];
  return stage === 'review' || stage === 'publicity' || status === 'notSelected' || granted;
});

/** Best mean first; unscored applications have no rankScore and come last. */
const rankingOrder: Order = { field: 'rankScore', direction: 'desc' };

export async function reviewRanking(
  input: ParsedInput<'review.ranking'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.ranking'>> {
  const { store } = context.deps;
  const program = await loadStaffProgram(store, context.caller, input.programId);
  const categoryKey = input.categoryKey ?? program.categories[0]?.key ?? '';
  if (!categoryByKey(program, categoryKey)) throw new AppError('NOT_FOUND', '申报类别不存在');
  const [page, ledger] = await Promise.all([
    readPage(
      store,
      'applications',
      { programId: program._id, categoryKey, status: among(rankedStatuses) },
      rankingOrder,
      input.cursor,
      input.limit,
    ),
    ledgerFor(context.deps, program),
  ]);
  const [reviews, names] = await Promise.all([
    findAmong(
      store,
      'reviews',
      'applicationId',
      page.items.map((application) => application._id),
    ),
    orgNames(
      store,
      page.items.map((application) => application.orgId),
    ),
  ]);
  const rows = page.items.map((application) => {
    const own = countingReviews(reviews).filter((review) => review.applicationId === application._id);
    const submitted = own.filter((review) => review.total !== null) as (Review & { total: number })[];
    const summary = summarize(submitted.map((review) => review.total));
    const outliers = outlierIds(submitted.map((review) => ({ id: review._id, total: review.total })));
    return {
      applicationId: application._id,
      projectName: application.projectName,
      orgName: names.get(application.orgId) ?? '',
      categoryKey: application.categoryKey,
      status: application.status,
      statusLabel: statusTable[application.status].staffLabel,
      version: application.version,
      assigned: own.length,
      submitted: submitted.length,
      mean: summary.mean,
      spread: summary.spread,
      min: summary.min,
      max: summary.max,
      outliers: submitted.filter((review) => outliers.includes(review._id)).map((review) => review.reviewerName),
    };
  });
  // The rank goes on from the page before: its last row's mean (the cursor's sort value) and rank (carried).
  const previous = page.previous ? { mean: numberOrNull(page.previous.value), rank: numberOrNull(page.previous.carry) } : null;
  const items = rankFrom(rows, page.at, previous);
  return {
    categories: program.categories.map((category) => ({
      key: category.key,
      name: category.name,
      quotaMax: category.quotaMax,
      shortlisted: ledger?.categories[category.key]?.shortlisted ?? 0,
      granted: ledger?.categories[category.key]?.granted ?? 0,
    })),
    categoryKey,
    items,
    nextCursor: nextCursorOf(page, rankingOrder, items.length ? items[items.length - 1]!.rank : (page.previous?.carry ?? null)),
  };
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' ? value : null;
}

/**
 * Withdraws a task not yet scored, in the caller's transaction: the review records who withdrew it and why (with its
 * audit entry), and the application gets a new version with its own entry, so a shortlist judged on the reviews
 * before fails its version check.
 */
async function withdrawTask(
  tx: StoreTx,
  context: HandlerContext,
  current: Review,
  latest: Application,
  by: NonNullable<Review['withdrawal']>['by'],
  reason: string,
  entries: { review: string; application: string; applicationReason: string },
) {
  const { deps, now, caller } = context;
  const review: Review = {
    ...current,
    status: 'withdrawn',
    withdrawal: { by, reason, at: now.toISOString() },
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  await tx.replace('reviews', review, current.version);
  await writeAudit(
    tx,
    [{ action: entries.review, from: current.status, to: 'withdrawn', reason }],
    { entity: 'review', id: review._id, version: review.version },
    caller.actor,
    now,
    deps.newId,
  );
  const saved = await touchApplication(tx, context, latest, entries.application, entries.applicationReason);
  return { review, saved };
}

/** The expert's message that a task was taken back, with the secretariat's reason. */
function withdrawalNotice(review: Review, application: Application, reason: string) {
  return {
    userId: review.reviewerId,
    programId: application.programId,
    applicationId: null,
    title: `评审任务已撤回：${application.projectName || '未命名项目'}`.slice(0, 60),
    body: `秘书处撤回了该评审任务，无需再评分。理由：${reason}`.slice(0, 300),
    page: pages.reviewer(),
  };
}

/**
 * Takes back an assignment whose score is not in. The application gets a new version in the same transaction
 * (as with an assignment), so a shortlist judged on the reviews before the withdrawal fails its version check.
 */
export async function unassignReview(
  input: ParsedInput<'review.unassign'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.unassign'>> {
  const { deps, now, caller } = context;
  requireSecretariat(caller);
  const found = await deps.store.get('reviews', input.reviewId);
  if (!found) throw new AppError('NOT_FOUND', '评审任务不存在');
  // Another organiser's review is reported as missing, like its application.
  const application = await loadStaffApplication(deps.store, caller, found.applicationId);
  const { review, saved } = await retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const current = await tx.get('reviews', input.reviewId);
      const latest = await tx.get('applications', application._id);
      if (!current || !latest) throw new AppError('NOT_FOUND', '评审任务不存在');
      if (current.version !== input.version) throw new AppError('CONFLICT');
      if (current.status === 'submitted') throw new AppError('TRANSITION_NOT_ALLOWED', `${current.reviewerName}已提交评分，不能撤回`);
      if (current.status === 'withdrawn') throw new AppError('TRANSITION_NOT_ALLOWED', '该评审任务已撤回');
      const { review, saved } = await withdrawTask(tx, context, current, latest, 'secretariat', input.reason, {
        review: 'unassign',
        application: 'unassignReviewer',
        applicationReason: `撤回评审专家：${current.reviewerName}（${input.reason}）`,
      });
      await writeNotifications(tx, [withdrawalNotice(current, latest, input.reason)], now, deps.newId);
      return { review, saved };
    }),
  );
  const program = await loadProgram(deps.store, saved.programId);
  const orgName = (await orgNames(deps.store, [saved.orgId])).get(saved.orgId) ?? '';
  return {
    application: toApplicationView(saved, program, orgName, caller, now),
    review: toReviewView(review, saved, program, orgName),
  };
}

/**
 * The expert declares a conflict of interest and steps back from a task not yet scored: the task is withdrawn with
 * the reason (audited), the application gets a new version (a shortlist judged before fails its version check, as
 * after a withdrawal by the secretariat), and the secretariat is told, to assign another expert. The expert is
 * not offered for this application again (recusalReason).
 */
export async function recuseFromReview(
  input: ParsedInput<'review.recuse'>,
  context: HandlerContext,
): Promise<ActionOutput<'review.recuse'>> {
  const { deps, now, caller } = context;
  const found = await loadOwnReview(context, input.reviewId);
  const program = await loadProgram(deps.store, found.programId);
  const application = await deps.store.get('applications', found.applicationId);
  if (!application) throw new AppError('NOT_FOUND', '申报不存在');
  const secretaries = await audienceUsers(deps.store, 'secretariat', application, program);
  const review = await retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const current = requireOwnReview(await tx.get('reviews', input.reviewId), caller);
      const latest = await tx.get('applications', current.applicationId);
      if (!latest) throw new AppError('NOT_FOUND', '申报不存在');
      if (current.version !== input.version) throw new AppError('CONFLICT');
      if (current.status === 'submitted') throw new AppError('TRANSITION_NOT_ALLOWED', '评分已提交，不能再申请回避，请联系秘书处');
      if (latest.status !== 'underReview') throw new AppError('TRANSITION_NOT_ALLOWED', '该申报已不在评审阶段');
      const { review: next } = await withdrawTask(tx, context, current, latest, 'reviewer', input.reason, {
        review: 'recuse',
        application: 'reviewerRecused',
        applicationReason: `评审专家${current.reviewerName}申请回避：${input.reason}`,
      });
      await writeNotifications(
        tx,
        secretaries.map((user) => ({
          userId: user._id,
          programId: latest.programId,
          applicationId: latest._id,
          title: `专家申请回避：${latest.projectName || '未命名项目'}`.slice(0, 60),
          body: `${current.reviewerName}声明与申报单位存在利益冲突，已退出该项评审，请另行分配专家。理由：${input.reason}`.slice(0, 300),
          page: pages.secretariat(latest._id),
        })),
        now,
        deps.newId,
      );
      return next;
    }),
  );
  const orgName = (await orgNames(deps.store, [application.orgId])).get(application.orgId) ?? '';
  return toReviewView(review, application, program, orgName);
}
