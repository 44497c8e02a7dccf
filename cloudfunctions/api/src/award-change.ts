// The one step every change to an application goes through, whoever asks (a person, a batch, the timer):
// load in a transaction → insist on the version the caller saw → workflow transition → quota ledger →
// save → audit and in-app messages in the same transaction; subscribe messages after it commits.
import { movedTotals, emptyTotals } from '@/core/award/program-totals';
import { emptyCounts, ledgerId, moveCounts, quotaIssue, type LedgerCounts } from '@/core/award/quota';
import { AppError } from '@/core/errors';
import { tallyId } from '@/core/kpi/tally';
import { maySeeApplication } from '@/core/policy/visibility';
import { addCalendarMonths } from '@/core/calendar/working-days';
import { endOfShanghaiDay, shanghaiDay } from '@/core/calendar/shanghai';
import { categoryByKey, failureRecordText } from '@/core/program/program-schema';
import type { Application, CollectionName, FailureRecord, Ledger, Notification, Program, Publicity } from '@/core/schemas/documents';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { checksFor, transition, type Actor, type Effect, type WorkflowFacts } from '@/core/workflow/transition';
import { writeAudit } from './audit';
import type { Caller } from './context';
import { byIds, loadProgram } from './loaders';
import { moveAwardStanding } from './indicator-ledger';
import { audiencesOf, deliverSubscribeMessages, draftsForEffects, notifiedIn, skippedSubscribe, writeNotifications } from './notify';
import { StoreConflict, type Deps, type FindOptions, type StoreReader, type StoreTx, type Where } from './ports';
import { retryingRaces } from './races';

/** The ledger document's moving parts: quota counts and the programme's application totals. */
export type LedgerState = LedgerCounts & Pick<Ledger, 'totals'>;

export interface ApplicationChange {
  applicationId: string;
  /** The version the caller saw; null for the timer, which acts on whatever is current. */
  version: number | null;
  action: WorkflowAction;
  actor: Actor;
  /** A signed-in person (visibility is checked); null for the system. */
  caller: Caller | null;
  reason?: string | null;
  /**
   * Extra checks and content for this action, given the current application, inside the transaction
   * (reads and writes through tx land with the change, or not at all); throw AppError to refuse.
   */
  patch?: (current: Application, program: Program, tx: StoreTx) => Partial<Application> | Promise<Partial<Application>>;
  /** Runs in the change's transaction after it is saved (a batch job marks the item done there). */
  alongside?: (tx: StoreTx, saved: Application) => Promise<void>;
  /** The application as just read by the caller (a batch reads each once), instead of reading it again. */
  current?: Application;
  /**
   * In changeApplications only: false when the application, as read in the transaction, needs no change (a notice
   * closing an entry that has left it). Nothing is written for it and it is answered as settled.
   */
  wanted?: (current: Application) => boolean;
}

/**
 * What a run of many changes reads once, not once per change: programmes and the people of an organisation
 * (the recipients of messages depend only on fields that never change).
 */
export interface ChangeCache {
  programs: Map<string, Program>;
  /** A notice's period never changes: read once per run. */
  publicities: Map<string, Publicity | null>;
  users: Map<string, Awaited<ReturnType<StoreReader['find']>>>;
}

export function changeCache(): ChangeCache {
  return { programs: new Map(), publicities: new Map(), users: new Map() };
}

/** A reader that answers programmes and users by organisation from the cache, reading each once. */
function cachedReader(store: StoreReader, cache: ChangeCache | undefined): StoreReader {
  if (!cache) return store;
  return {
    get: store.get.bind(store),
    find: (async (collection: string, where: Where, options?: FindOptions) => {
      const key =
        collection === 'users' && Object.keys(where).length === 1 && typeof where.orgId === 'string' && !options ? where.orgId : null;
      if (key === null) return store.find(collection as 'users', where, options);
      let found = cache.users.get(key);
      if (!found) cache.users.set(key, (found = await store.find('users', where)));
      return found;
    }) as StoreReader['find'],
  };
}

async function cachedProgram(store: StoreReader, programId: string, cache: ChangeCache | undefined): Promise<Program> {
  const known = cache?.programs.get(programId);
  if (known) return known;
  const program = await loadProgram(store, programId);
  cache?.programs.set(programId, program);
  return program;
}

/** Moves the quota counts by one step, refusing an entry past the category's quota or the pool. */
function quotaMove(
  program: Program,
  counts: LedgerState,
  application: Application,
  move: Extract<Effect, { kind: 'ledger' }>,
): LedgerState {
  const category = categoryByKey(program, application.categoryKey);
  if (!category) throw new AppError('INVALID_INPUT', '申报类别不存在');
  if (move.delta === 1) {
    const issue = quotaIssue(program, counts, category, move.step);
    if (issue) throw new AppError(issue.code, issue.detail);
  }
  // An award leaves at the amount it was granted at; one entering counts at its category's amount now.
  const amountFen =
    move.delta === -1 && move.step === 'grant' ? (application.awardFen ?? category.awardAmountFen) : category.awardAmountFen;
  return { ...counts, ...moveCounts(counts, category.key, amountFen, move.step, move.delta) };
}

/** The programme's ledger document as read in a transaction: its quota counts and application totals. */
export async function readLedger(tx: StoreTx, program: Program): Promise<{ stored: Ledger | null; counts: LedgerState }> {
  const stored = await tx.get('ledgers', ledgerId(program._id));
  return { stored, counts: stored ?? { ...emptyCounts(program), totals: emptyTotals() } };
}

/** Writes the ledger once, whatever moved in it. */
export async function writeLedger(tx: StoreTx, program: Program, stored: Ledger | null, next: LedgerState, now: Date): Promise<void> {
  const stamp = now.toISOString();
  const fields = { categories: next.categories, shortlistedFen: next.shortlistedFen, grantedFen: next.grantedFen, totals: next.totals };
  if (stored) {
    await tx.replace('ledgers', { ...stored, ...fields, version: stored.version + 1, updatedAt: stamp }, stored.version);
  } else {
    await tx.create('ledgers', {
      _id: ledgerId(program._id),
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      programId: program._id,
      ...fields,
    });
  }
}

/** Moves the programme's application totals for one application created (before null) or changed. */
export async function moveProgramTotals(tx: StoreTx, program: Program, before: Application | null, after: Application, now: Date) {
  const { stored, counts } = await readLedger(tx, program);
  await writeLedger(tx, program, stored, { ...counts, totals: movedTotals(counts.totals, before, after) }, now);
}

/** The due time of a report asked again: the last second of the same day, the rectification's months later. */
export function rectificationDue(program: Program, now: Date): string {
  return endOfShanghaiDay(addCalendarMonths(shanghaiDay(now), program.stages.rectification?.months ?? 1));
}

/**
 * What failing means for this award, as the programme says it now: the refund of what was paid after 立项, the
 * funding withdrawn, and a bar from next year's call recorded on the organisation (eligibility reads it).
 */
async function recordFailure(tx: StoreTx, program: Program, application: Application, now: Date): Promise<FailureRecord> {
  const { failure } = program.stages;
  const barredYear = failure.barNextCall ? program.year + 1 : null;
  if (barredYear !== null) {
    const org = await tx.get('organizations', application.orgId);
    const already = org?.bars?.some((bar) => bar.applicationId === application._id);
    if (org && !already) {
      const bar = {
        lineage: program.lineage,
        year: barredYear,
        applicationId: application._id,
        reason: `${program.year}年“${program.name}”项目“${application.projectName}”验收不合格`,
        recordedAt: now.toISOString(),
      };
      await tx.replace(
        'organizations',
        { ...org, bars: [...(org.bars ?? []), bar], version: org.version + 1, updatedAt: now.toISOString() },
        org.version,
      );
    }
  }
  const refundDueFen = failure.refund ? (application.advance?.amountFen ?? 0) : 0;
  const consequences = { refundDueFen, fundingWithdrawn: failure.withdrawFunding, barredYear };
  return { ...consequences, text: failureRecordText(consequences) };
}

/**
 * The facts the action's checks read (reviews, objections, the notice) for each application, read before its
 * transaction and for many applications in one read each: reviews and objections are found by query, which no
 * transaction here can run. An assignment or an objection changes the application's version, so a decision judged
 * on older facts fails its version check.
 */
export async function factsFor(
  deps: Deps,
  items: readonly { application: Application; action: WorkflowAction }[],
  now: Date,
  cache: ChangeCache | undefined,
): Promise<WorkflowFacts[]> {
  const needing = (check: ReturnType<typeof checksFor>[number]) =>
    items
      .filter(({ application, action }) => checksFor(action, application.status).includes(check))
      .map(({ application }) => application._id);
  const reviewed = needing('reviewsComplete');
  const objected = needing('noOpenObjection');
  const reviews = reviewed.length ? await deps.store.find('reviews', { applicationId: { in: reviewed } }) : [];
  const open = objected.length ? await deps.store.find('objections', { applicationId: { in: objected }, status: 'open' }) : [];
  const facts: WorkflowFacts[] = [];
  for (const { application, action } of items) {
    const checks = checksFor(action, application.status);
    const fact: WorkflowFacts = { now };
    if (checks.includes('reviewsComplete')) fact.reviews = reviews.filter((review) => review.applicationId === application._id);
    if (checks.includes('noOpenObjection'))
      fact.openObjections = open.filter((objection) => objection.applicationId === application._id).length;
    if (checks.includes('noticeEnded') && application.publicityId) {
      const publicityId = application.publicityId;
      const notice = cache?.publicities.has(publicityId)
        ? (cache.publicities.get(publicityId) ?? null)
        : await deps.store.get('publicities', publicityId);
      cache?.publicities.set(publicityId, notice);
      fact.noticeEndsAt = notice?.endsAt ?? null;
      fact.noticeClosesOn = notice?.closesOn ?? null;
    }
    facts.push(fact);
  }
  return facts;
}

type Recipients = Parameters<typeof draftsForEffects>[2];

/** Whom each application's messages go to, for many in one read (they depend only on fields that never change). */
async function recipientsOf(deps: Deps, applications: readonly Application[], cache: ChangeCache | undefined): Promise<Recipients[]> {
  const reader = cachedReader(deps.store, cache);
  const requests = [];
  for (const application of applications) {
    const program = await cachedProgram(deps.store, application.programId, cache);
    requests.push({ audience: 'applicant' as const, subject: application, program });
    requests.push({ audience: 'secretariat' as const, subject: application, program });
  }
  const audiences = await audiencesOf(reader, requests);
  return applications.map((_, index) => ({ applicant: audiences[2 * index]!, secretariat: audiences[2 * index + 1]! }));
}

/** Runs one change, again if its transaction lost a race (see races.ts). */
export async function changeApplication(
  deps: Deps,
  now: Date,
  change: ApplicationChange,
  cache?: ChangeCache,
): Promise<{ saved: Application; program: Program }> {
  // The recipients of messages depend only on fields that never change (organisation, programme).
  const before = change.current ?? (await deps.store.get('applications', change.applicationId));
  if (!before || (change.caller && !maySeeApplication(change.caller.user, before))) throw new AppError('NOT_FOUND', '申报不存在');
  const [recipients] = await recipientsOf(deps, [before], cache);
  let attempt = 0;
  const { saved, program, notifications } = await retryingRaces(async () => {
    // The first attempt judges the application as just read; one after a lost race reads it again.
    const latest = attempt++ === 0 ? before : await deps.store.get('applications', change.applicationId);
    const [facts] = await factsFor(deps, [{ application: latest ?? before, action: change.action }], now, cache);
    return deps.store.transaction((tx) => applyChange(tx, deps, now, change, recipients!, facts!));
  });
  await deliverSubscribeMessages(deps, notifications, 'statusChange');
  return { saved, program };
}

/** One change of changeApplications: saved (null: not wanted, nothing written), or refused by the error given. */
export type ChunkItem = { ok: true; saved: Application | null } | { ok: false; error: unknown };

/**
 * A transaction's view whose writes are held until keep(): an item refused part-way leaves nothing behind. A create
 * is checked by the transaction when kept (checking here would cost CloudBase a read per new document).
 */
function heldWrites(tx: StoreTx): { tx: StoreTx; keep(): Promise<void> } {
  type Held = { collection: CollectionName; doc: { _id: string }; expected: number | null };
  const held = new Map<string, Held>();
  const key = (collection: string, id: string) => `${collection}/${id}`;
  const get = async (collection: CollectionName, id: string) => {
    const mine = held.get(key(collection, id));
    return mine ? structuredClone(mine.doc) : tx.get(collection, id);
  };
  const view = {
    get,
    create: async (collection: CollectionName, doc: { _id: string }) => {
      if (held.has(key(collection, doc._id))) throw new StoreConflict(collection, doc._id, 'already exists');
      held.set(key(collection, doc._id), { collection, doc: structuredClone(doc), expected: null });
    },
    replace: async (collection: CollectionName, doc: { _id: string }, expectedVersion: number) => {
      const stored = (await get(collection, doc._id)) as { version?: number } | null;
      if (!stored) throw new StoreConflict(collection, doc._id, 'missing');
      if (stored.version !== expectedVersion) throw new StoreConflict(collection, doc._id, 'version changed');
      const earlier = held.get(key(collection, doc._id));
      held.set(key(collection, doc._id), { collection, doc: structuredClone(doc), expected: earlier ? earlier.expected : expectedVersion });
    },
  } as StoreTx;
  const keep = async () => {
    for (const { collection, doc, expected } of held.values()) {
      if (expected === null) await tx.create(collection, doc as never);
      else await tx.replace(collection, doc as never, expected);
    }
  };
  return { tx: view, keep };
}

/**
 * Many changes in ONE transaction (a chunk of a batch): the programme, its ledger and tallies (and, through
 * `alongside`, the batch job) are read once and written once for all of them, and the quota checks of later items
 * see the earlier ones' use. Each item is the same change as changeApplication's, judged on the version the
 * caller saw (or the one read here, with its facts), written and audited on its own; its writes are held until it
 * succeeds, so one refused (an AppError) leaves nothing of its own and the others go on. `alongside` runs last in
 * the transaction with every item's result. A lost race fails the whole call with StoreConflict and writes
 * nothing: the caller then goes on item by item (changeApplication, which retries each).
 */
export async function changeApplications<R>(
  deps: Deps,
  now: Date,
  changes: readonly ApplicationChange[],
  cache: ChangeCache,
  alongside: (tx: StoreTx, results: readonly ChunkItem[]) => Promise<R>,
): Promise<{ results: ChunkItem[]; value: R }> {
  const read = await byIds(
    deps.store,
    'applications',
    changes.filter((change) => !change.current).map((change) => change.applicationId),
  );
  const seen = changes.map((change) => {
    const before = change.current ?? read.get(change.applicationId) ?? null;
    return before && (!change.caller || maySeeApplication(change.caller.user, before)) ? before : null;
  });
  const present = changes.flatMap((change, index) => (seen[index] ? [{ application: seen[index], action: change.action }] : []));
  const recipients = await recipientsOf(
    deps,
    present.map((item) => item.application),
    cache,
  );
  const facts = await factsFor(deps, present, now, cache);
  const done = await deps.store.transaction(async (tx) => {
    // The items' applications and award tallies in one read each where the store can (the gets below then answer
    // from it); elsewhere each is read when needed.
    if (tx.getMany) {
      const ids = changes.map((change) => change.applicationId);
      await tx.getMany('applications', ids);
      await tx.getMany('indicatorTallies', ids.map(tallyId));
    }
    const results: ChunkItem[] = [];
    const notifications: Notification[] = [];
    let at = 0;
    for (const [index, change] of changes.entries()) {
      const before = seen[index];
      if (!before) {
        results.push({ ok: false, error: new AppError('NOT_FOUND', '申报不存在') });
        continue;
      }
      const [itemRecipients, itemFacts] = [recipients[at]!, facts[at]!];
      at += 1;
      try {
        const current = await tx.get('applications', change.applicationId);
        if (current && change.wanted && !change.wanted(current)) {
          results.push({ ok: true, saved: null });
          continue;
        }
        const held = heldWrites(tx);
        const pinned = { ...change, version: change.version ?? before.version };
        const applied = await applyChange(held.tx, deps, now, pinned, itemRecipients, itemFacts);
        await held.keep();
        results.push({ ok: true, saved: applied.saved });
        notifications.push(...applied.notifications);
      } catch (error) {
        if (error instanceof StoreConflict) throw error;
        results.push({ ok: false, error });
      }
    }
    return { results, notifications, value: await alongside(tx, results) };
  });
  await deliverSubscribeMessages(deps, done.notifications, 'statusChange');
  return { results: done.results, value: done.value };
}

async function applyChange(
  tx: StoreTx,
  deps: Deps,
  now: Date,
  change: ApplicationChange,
  recipients: Parameters<typeof draftsForEffects>[2],
  facts: WorkflowFacts,
): Promise<{ saved: Application; program: Program; notifications: Notification[] }> {
  const current = await tx.get('applications', change.applicationId);
  if (!current) throw new AppError('NOT_FOUND', '申报不存在');
  if (change.version !== null && current.version !== change.version) throw new AppError('CONFLICT');
  const program = await loadProgram(tx, current.programId);
  const result = transition(current, change.action, change.actor, { ...program, facts }, { reason: change.reason });
  if (!result.ok) throw new AppError(result.code, result.detail);
  const patch = (await change.patch?.(current, program, tx)) ?? {};
  const effected: Partial<Application> = {};
  const ledger = await readLedger(tx, program);
  let counts = ledger.counts;
  for (const effect of result.effects) {
    if (effect.kind === 'ledger') counts = quotaMove(program, counts, current, effect);
    if (effect.kind === 'grant') effected.awardFen = categoryByKey(program, current.categoryKey)?.awardAmountFen ?? null;
    if (effect.kind === 'due') effected.dueAt = effect.set === 'rectification' ? rectificationDue(program, now) : null;
    if (effect.kind === 'record') effected.failure = await recordFailure(tx, program, current, now);
  }
  const reason = change.reason?.trim() || null;
  const decided = result.effects.some((effect) => effect.kind === 'audit') && change.actor.role !== 'applicant';
  const next: Application = {
    ...result.next,
    ...patch,
    ...effected,
    ...(decided ? { decidedAt: now.toISOString(), decisionReason: reason } : {}),
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  await tx.replace('applications', next, current.version);
  await writeLedger(tx, program, ledger.stored, { ...counts, totals: movedTotals(counts.totals, current, next) }, now);
  await moveAwardStanding(tx, current, next, now, program);
  await change.alongside?.(tx, next);
  // A message to someone with no consent left is recorded as skipped with it (no second transaction after).
  const people = new Map([...recipients.applicant, ...recipients.secretariat].map((user) => [user._id, user]));
  const notifications = await writeNotifications(
    tx,
    draftsForEffects(result.effects, next, recipients, { now, program }),
    now,
    deps.newId,
    undefined,
    (draft) => {
      const user = people.get(draft.userId);
      return user ? skippedSubscribe(deps, 'statusChange', user) : null;
    },
    'change',
  );
  // A change that keeps the status (a draft saved) is a change all the same: it gets its entry too. The entry names
  // the messages the change sent (no entry of their own).
  const audited = result.effects.some((effect) => effect.kind === 'audit')
    ? result.effects
    : [{ action: change.action, from: current.status, to: next.status, reason }];
  const subject = { entity: 'application' as const, id: next._id, version: next.version };
  await writeAudit(tx, audited, subject, change.actor, now, deps.newId, notifiedIn(notifications));
  return { saved: next, program, notifications };
}
