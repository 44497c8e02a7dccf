// Batch work within the function's time: a job document lists the applications and the action; each run (the
// action that starts it, then the timer) settles items in order until its budget is spent, and the secretariat
// reads the progress (batch.get). Items go a chunk at a time in one transaction (award-change.ts
// changeApplications), each still its own change with its own audit entry and outcome, and their marks in the job
// land in that same transaction, so a retry or a timer run racing the action never applies an item twice: whoever
// marks items N.. first has changed them; the other finds them settled. A chunk that loses a race is settled
// item by item (one transaction each, the mark with the change).
import { performance } from 'node:perf_hooks';
import { AppError } from '@/core/errors';
import type { BatchJob, BatchOutcome, Publicity } from '@/core/schemas/documents';
import type { ActionOutput } from '@/core/schemas/actions';
import { inNoticeStatus, kindOf } from '@/core/publicity/notice-kinds';
import { mayAct } from '@/core/people/manages';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { writeAudit } from './audit';
import { changeApplication, changeApplications, changeCache, type ApplicationChange, type ChangeCache } from './award-change';
import { failureOf } from './batch';
import type { Caller } from './context';
import { callerOf } from './roles';
import { StoreConflict, type Deps, type StoreTx, type WorkBudget } from './ports';
import { loadStaffProgram, requireSecretariat } from './loaders';
import { retryingRaces } from './races';

/** The api function has 20 s: stop starting items after 8 s, so the item under way and the answer fit. */
export const BATCH_BUDGET_MS = 8_000;
/** The timer function has 60 s. */
export const TIMER_BUDGET_MS = 40_000;
/**
 * Items settled together in one transaction. On CloudBase a transaction sends a request per document it writes
 * (three an item: the application, its audit entry naming its messages, each message; an award granted gets no
 * tally of its own until its first claim), so 50 items are about 150 requests — a few seconds, inside the api
 * function's margin past its budget — while the shared documents (programme, ledger, programme tally, job) are
 * read and written once per chunk.
 */
export const CHUNK_ITEMS = 50;

/** Stops starting new items once `ms` of the function's own clock has passed (the item under way finishes). */
export function timeBudget(ms: number): WorkBudget {
  const started = performance.now();
  return { next: () => performance.now() - started < ms };
}

/** At most `count` items (tests and benchmarks: deterministic chunks). */
export function itemBudget(count: number): WorkBudget {
  let left = count;
  return { next: () => left-- > 0 };
}

export function runBudget(deps: Deps, ms = BATCH_BUDGET_MS): WorkBudget {
  return deps.batchBudget?.() ?? timeBudget(ms);
}

export type BatchJobView = ActionOutput<'batch.get'>;

export function batchJobView(job: BatchJob): BatchJobView {
  return {
    id: job._id,
    kind: job.kind,
    status: job.status,
    total: job.items.length,
    done: job.done,
    outcomes: job.outcomes,
  };
}

export interface JobSpec {
  /** A fixed id makes starting idempotent (closing a notice: one job per notice); absent, a new one. */
  id?: string;
  kind: BatchJob['kind'];
  action: WorkflowAction;
  programId: string | null;
  publicityId: string | null;
  reason: string | null;
  items: BatchJob['items'];
  /** Outcomes of the first items, settled before the job was needed (in order). */
  settled?: BatchOutcome[];
  actor: BatchJob['createdBy'];
}

/** The job document with its audit entry, written in the caller's transaction; an existing one with the id is answered instead. */
export async function createJob(tx: StoreTx, deps: Deps, now: Date, spec: JobSpec): Promise<BatchJob> {
  const id = spec.id ?? `batch_${deps.newId()}`;
  const existing = spec.id ? await tx.get('batchJobs', id) : null;
  if (existing) return existing;
  const stamp = now.toISOString();
  const job: BatchJob = {
    _id: id,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    programId: spec.programId,
    kind: spec.kind,
    action: spec.action,
    publicityId: spec.publicityId,
    reason: spec.reason,
    items: spec.items,
    done: spec.settled?.length ?? 0,
    outcomes: spec.settled ?? [],
    status: 'running',
    createdBy: spec.actor,
    finishedAt: null,
  };
  await tx.create('batchJobs', job);
  await writeAudit(
    tx,
    [{ action: 'start', from: null, to: `${spec.action} ${spec.items.length} 项`, reason: spec.reason }],
    { entity: 'batchJob', id, version: 1 },
    spec.actor,
    now,
    deps.newId,
  );
  return job;
}

export function startJob(deps: Deps, now: Date, spec: JobSpec): Promise<BatchJob> {
  return retryingRaces(() => deps.store.transaction((tx) => createJob(tx, deps, now, spec)));
}

/** Another run settled this item first. */
class ItemSettled extends Error {}

function advanced(job: BatchJob, outcomes: readonly BatchOutcome[], now: Date): BatchJob {
  return {
    ...job,
    done: job.done + outcomes.length,
    outcomes: [...job.outcomes, ...outcomes],
    version: job.version + 1,
    updatedAt: now.toISOString(),
  };
}

/** Marks item `index` settled with its outcome, in the transaction given, unless another run has. */
async function markSettled(tx: StoreTx, jobId: string, index: number, outcome: BatchOutcome, now: Date): Promise<void> {
  const current = await tx.get('batchJobs', jobId);
  if (!current || current.done !== index) throw new ItemSettled();
  await tx.replace('batchJobs', advanced(current, [outcome], now), current.version);
}

/** The person who started the job, as a caller again (null: the system); refused if they may no longer act. */
async function starterOf(deps: Deps, job: BatchJob): Promise<Caller | null> {
  if (job.createdBy.role === 'system') return null;
  const user = await deps.store.get('users', job.createdBy.userId);
  if (!user || !mayAct(user)) throw new AppError('FORBIDDEN', '发起批量办理的人员已无权办理');
  return callerOf(deps.store, user);
}

interface RunContext {
  deps: Deps;
  now: Date;
  job: BatchJob;
  caller: Caller | null;
  cache: ChangeCache;
  /** The notice's kind (shortlist, result), read once per run; null for decisions. */
  noticeKind: Publicity['kind'] | null;
}

/** Does item `index`; true when its change (and its mark) landed, false when it needed none (marked by the caller). */
async function doItem(run: RunContext, index: number): Promise<boolean> {
  const { deps, now, job, cache } = run;
  const change = changeOf(run, index);
  const application = await deps.store.get('applications', change.applicationId);
  if (!application) throw new AppError('NOT_FOUND', '申报不存在');
  if (change.wanted && !change.wanted(application)) return false;
  const outcome: BatchOutcome = { applicationId: change.applicationId, ok: true, code: null, message: null };
  await changeApplication(
    deps,
    now,
    {
      ...change,
      version: change.version ?? application.version,
      current: application,
      alongside: (tx) => markSettled(tx, job._id, index, outcome, now),
    },
    cache,
  );
  return true;
}

/** Marks item `index` on its own (a refusal, or nothing to change); false when another run settled it first. */
async function markAlone(deps: Deps, jobId: string, index: number, outcome: BatchOutcome, now: Date): Promise<boolean> {
  return retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      await markSettled(tx, jobId, index, outcome, now);
      return true;
    }),
  ).catch((error: unknown) => {
    if (error instanceof ItemSettled) return false;
    throw error;
  });
}

/** Settles the next item: its change with its mark, or its refusal marked on its own. Answers the job as it now is. */
async function settleNext(run: RunContext): Promise<BatchJob> {
  const { deps, now, job } = run;
  const index = job.done;
  const applicationId = job.items[index]!.applicationId;
  let outcome: BatchOutcome = { applicationId, ok: true, code: null, message: null };
  try {
    // Changed and marked in one transaction: the job is now what advanced() wrote there.
    if (await doItem(run, index)) return advanced(job, [outcome], now);
  } catch (error) {
    if (error instanceof ItemSettled) return (await deps.store.get('batchJobs', job._id)) ?? job;
    outcome = { applicationId, ...failureOf(error, applicationId) };
  }
  if (await markAlone(deps, job._id, index, outcome, now)) return advanced(job, [outcome], now);
  // Another run settled it first: read the job as that run left it.
  return (await deps.store.get('batchJobs', job._id)) ?? job;
}

/** The change item `index` of a job asks for (as changeApplication and changeApplications take it). */
function changeOf(run: RunContext, index: number): ApplicationChange {
  const { job, caller, noticeKind } = run;
  const item = job.items[index]!;
  return {
    applicationId: item.applicationId,
    version: item.version,
    action: job.action as WorkflowAction,
    actor: caller?.actor ?? job.createdBy,
    caller,
    reason: job.reason,
    ...(job.kind === 'openNotice' ? { patch: () => ({ publicityId: job.publicityId }) } : {}),
    // A notice closes the entries still in it: one whose objection was upheld has left it.
    ...(job.kind === 'closeNotice' && noticeKind ? { wanted: (current) => current.status === inNoticeStatus(noticeKind) } : {}),
  };
}

/**
 * Settles items start..start+count in one transaction (each its own change and audit entry) with their marks in
 * the job; when that loses a race (or another run settled them first), item by item as the job then stands.
 */
async function settleChunk(run: RunContext, start: number, count: number): Promise<BatchJob> {
  const { deps, now, job, cache } = run;
  const changes = Array.from({ length: count }, (_, offset) => changeOf(run, start + offset));
  try {
    const { value } = await changeApplications(deps, now, changes, cache, async (tx, results) => {
      const current = await tx.get('batchJobs', job._id);
      if (!current || current.done !== start) throw new ItemSettled();
      const outcomes = results.map((result, offset) => outcomeOf(changes[offset]!.applicationId, result.ok ? undefined : result.error));
      const next = advanced(current, outcomes, now);
      await tx.replace('batchJobs', next, current.version);
      return next;
    });
    return value;
  } catch (error) {
    if (!(error instanceof StoreConflict) && !(error instanceof ItemSettled)) throw error;
  }
  run.job = (await deps.store.get('batchJobs', job._id)) ?? job;
  while (run.job.status === 'running' && run.job.done < start + count) run.job = await settleNext(run);
  return run.job;
}

/** An item's outcome: settled, or refused by `error` (reported as its user should read it). */
function outcomeOf(applicationId: string, error?: unknown): BatchOutcome {
  return error === undefined
    ? { applicationId, ok: true, code: null, message: null }
    : { applicationId, ...failureOf(error, applicationId) };
}

/**
 * Settles changes a chunk (one transaction) at a time while the budget lasts, with no job to mark them in (a batch
 * answered in the call that asked for it): the outcomes of those it got to, in order. A chunk that loses a race
 * goes item by item.
 */
export async function settleInChunks(
  deps: Deps,
  now: Date,
  changes: readonly ApplicationChange[],
  budget: WorkBudget,
): Promise<BatchOutcome[]> {
  const cache = changeCache();
  const outcomes: BatchOutcome[] = [];
  for (;;) {
    const chunk: ApplicationChange[] = [];
    while (chunk.length < CHUNK_ITEMS && outcomes.length + chunk.length < changes.length && budget.next()) {
      chunk.push(changes[outcomes.length + chunk.length]!);
    }
    if (chunk.length === 0) return outcomes;
    try {
      const { results } = await changeApplications(deps, now, chunk, cache, async () => undefined);
      results.forEach((result, index) => outcomes.push(outcomeOf(chunk[index]!.applicationId, result.ok ? undefined : result.error)));
    } catch (error) {
      if (!(error instanceof StoreConflict)) throw error;
      for (const change of chunk) {
        outcomes.push(
          await changeApplication(deps, now, change, cache).then(
            () => outcomeOf(change.applicationId),
            (refusal: unknown) => outcomeOf(change.applicationId, refusal),
          ),
        );
      }
    }
  }
}

/** What a notice's job leaves behind, once, in the transaction that marks it done. */
async function finishNotice(tx: StoreTx, deps: Deps, now: Date, job: BatchJob): Promise<void> {
  const publicity = job.publicityId ? await tx.get('publicities', job.publicityId) : null;
  if (!publicity) return;
  const stamp = now.toISOString();
  const record = async (next: Publicity, action: string, from: string, to: string, reason: string | null) => {
    await tx.replace('publicities', next, publicity.version);
    await writeAudit(
      tx,
      [{ action, from, to, reason }],
      { entity: 'publicity', id: next._id, version: next.version },
      job.createdBy,
      now,
      deps.newId,
    );
  };
  if (job.kind === 'closeNotice' && publicity.status === 'open') {
    await record(
      { ...publicity, status: 'closed', closedAt: stamp, version: publicity.version + 1, updatedAt: stamp },
      'close',
      'open',
      'closed',
      null,
    );
  }
  // An entry that could not go into the notice (changed meanwhile) leaves the published list.
  const refused = new Set(job.outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.applicationId));
  if (job.kind === 'openNotice' && publicity.entries.some((entry) => refused.has(entry.applicationId))) {
    const entries = publicity.entries.filter((entry) => !refused.has(entry.applicationId));
    const reason = job.outcomes
      .filter((outcome) => !outcome.ok)
      .map((outcome) => `${outcome.applicationId}：${outcome.message ?? ''}`)
      .join('；');
    await record(
      { ...publicity, entries, version: publicity.version + 1, updatedAt: stamp },
      'dropEntries',
      `${publicity.entries.length} 项`,
      `${entries.length} 项`,
      reason.slice(0, 500),
    );
  }
}

async function finish(deps: Deps, now: Date, job: BatchJob): Promise<BatchJob> {
  return retryingRaces(() =>
    deps.store.transaction(async (tx) => {
      const current = await tx.get('batchJobs', job._id);
      if (!current || current.status === 'done') return current ?? job;
      if (current.kind !== 'decide') await finishNotice(tx, deps, now, current);
      const failed = current.outcomes.filter((outcome) => !outcome.ok).length;
      const next: BatchJob = {
        ...current,
        status: 'done',
        finishedAt: now.toISOString(),
        version: current.version + 1,
        updatedAt: now.toISOString(),
      };
      await tx.replace('batchJobs', next, current.version);
      await writeAudit(
        tx,
        [{ action: 'finish', from: 'running', to: 'done', reason: `完成 ${current.items.length - failed} 项，未办理 ${failed} 项` }],
        { entity: 'batchJob', id: next._id, version: next.version },
        current.createdBy,
        now,
        deps.newId,
      );
      return next;
    }),
  );
}

/**
 * Carries a job on until it is done or the budget is spent, and answers it as it then is. Safe to run twice at
 * once (the action and the timer): each item is settled by exactly one of them.
 */
export async function runJob(deps: Deps, now: Date, jobId: string, budget: WorkBudget, notice?: Publicity): Promise<BatchJob> {
  let job = await deps.store.get('batchJobs', jobId);
  if (!job) throw new AppError('NOT_FOUND', '批量任务不存在');
  if (job.status === 'done') return job;
  const publicity = notice ?? (job.publicityId ? await deps.store.get('publicities', job.publicityId) : null);
  let caller: Caller | null;
  try {
    caller = await starterOf(deps, job);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    caller = null;
    // Nobody may carry it on: the items left are refused, each with the reason.
    while (job.done < job.items.length) {
      const index: number = job.done;
      const outcome: BatchOutcome = { applicationId: job.items[index]!.applicationId, ...failureOf(error, job._id) };
      const marked = await markAlone(deps, jobId, index, outcome, now);
      job = marked ? advanced(job, [outcome], now) : ((await deps.store.get('batchJobs', jobId)) ?? job);
    }
  }
  const run: RunContext = { deps, now, job, caller, cache: changeCache(), noticeKind: publicity ? kindOf(publicity) : null };
  while (run.job.status === 'running' && run.job.done < run.job.items.length) {
    const start = run.job.done;
    let count = 0;
    while (count < CHUNK_ITEMS && start + count < run.job.items.length && budget.next()) count += 1;
    if (count === 0) break;
    run.job = await settleChunk(run, start, count);
  }
  if (run.job.status === 'running' && run.job.done >= run.job.items.length) run.job = await finish(deps, now, run.job);
  return run.job;
}

/**
 * A job the caller's secretariat may follow: one on a programme it runs (a notice, whoever carries it on), or
 * decisions its organisation started; anyone else's is missing.
 */
export async function loadStaffJob(deps: Deps, caller: Caller, jobId: string): Promise<BatchJob> {
  requireSecretariat(caller);
  const job = await deps.store.get('batchJobs', jobId);
  if (job?.programId) await loadStaffProgram(deps.store, caller, job.programId);
  else if (!job || job.createdBy.orgId !== caller.user.orgId) throw new AppError('NOT_FOUND', '批量任务不存在');
  return job;
}

/** The timer: carries on every running job, oldest first, within one budget. Answers how many items it settled. */
export async function continueBatchJobs(deps: Deps, now: Date, budget: WorkBudget): Promise<number> {
  let settled = 0;
  const running = await deps.store.find(
    'batchJobs',
    { status: 'running' },
    { orderBy: { field: 'createdAt', direction: 'asc' }, limit: 50 },
  );
  for (const job of running) {
    const after = await runJob(deps, now, job._id, budget);
    settled += after.done - job.done;
  }
  return settled;
}
