// Batch work on the CloudBase stand-in, with every database round trip counted (issue 11, Deliver 3): a 公示 of
// `items` shortlisted applications opened and, once ended, closed — each by its action and then timer runs, at most
// `perRun` items a run — and the round trips per item and per plain action. The batch suite asserts on it; the
// bench calls it to print the figures.
import { ledgerId } from '@/core/award/quota';
import type { Application } from '@/core/schemas/documents';
import { itemBudget } from '../../cloudfunctions/api/src/batch-jobs';
import { runBatchWork } from '../../cloudfunctions/api/src/scheduled';
import { OPENID, PROGRAM_ID, startHarness, type Harness } from './harness';
import { current, shortlisted, submitted } from './lifecycle';

export interface BatchRoundTrips {
  items: number;
  /** Runs (the action's, then the timer's) each batch took to finish. */
  openRuns: number;
  closeRuns: number;
  /** Round trips per item of opening and of closing the notice, all runs together. */
  openPerItem: number;
  closePerItem: number;
  /** Round trips per item of the 立项通知 sent to all but the first (application.decideMany), its runs together. */
  decideManyPerItem: number;
  /** Round trips of single actions on the same data: a decision, and the board. */
  perAction: Record<'application.decide' | 'dashboard.get', number>;
}

/** `count` shortlisted applications: one through the api, the rest its copies, with the ledger counting them all. */
async function shortlistOf(h: Harness, count: number): Promise<Application[]> {
  const first = await shortlisted(h, await submitted(h, OPENID.structure));
  const stored = (await h.store.get('applications', first._id))!;
  const program = (await h.store.get('programs', PROGRAM_ID))!;
  const amountFen = program.categories.find((category) => category.key === stored.categoryKey)!.awardAmountFen;
  const copies = Array.from({ length: count - 1 }, (_, index) => ({
    ...stored,
    _id: `${stored._id}_copy${String(index).padStart(4, '0')}`,
    projectName: `${stored.projectName}（${index + 2}）`,
  }));
  await h.store.transaction(async (tx) => {
    for (const copy of copies) await tx.create('applications', copy);
    // Room for all of them in the quota and the pool, and the ledger as if each had been shortlisted.
    await tx.replace(
      'programs',
      {
        ...program,
        poolFen: amountFen * count * 2,
        categories: program.categories.map((category) => ({ ...category, quotaMax: null })),
        version: program.version + 1,
      },
      program.version,
    );
    const ledger = (await tx.get('ledgers', ledgerId(PROGRAM_ID)))!;
    const totals = ledger.totals!;
    await tx.replace(
      'ledgers',
      {
        ...ledger,
        categories: { ...ledger.categories, [stored.categoryKey]: { shortlisted: count, granted: 0 } },
        shortlistedFen: amountFen * count,
        totals: {
          ...totals,
          applications: totals.applications + count - 1,
          statuses: { ...totals.statuses, shortlisted: count },
          categories: { ...totals.categories, [stored.categoryKey]: count },
          sections: Object.fromEntries(Object.entries(totals.sections).map(([key, value]) => [key, value + count - 1])),
        },
        version: ledger.version + 1,
      },
      ledger.version,
    );
  });
  return [stored, ...copies];
}

/** Runs the timer until the job is done; answers how many runs it took, the action's included. */
async function finishByTimer(h: Harness, jobId: string): Promise<number> {
  let runs = 1;
  while ((await h.store.get('batchJobs', jobId))?.status === 'running') {
    await runBatchWork(h.deps);
    runs += 1;
    if (runs > 1000) throw new Error('batch job never finished');
  }
  return runs;
}

/** Round trips of one piece of work. */
async function counted(h: Harness, work: () => Promise<unknown>): Promise<number> {
  const before = h.roundTrips!.total;
  await work();
  return h.roundTrips!.total - before;
}

export async function batchRoundTrips(options: { items?: number; perRun?: number } = {}): Promise<BatchRoundTrips & { harness: Harness }> {
  const items = options.items ?? 200;
  const perRun = options.perRun ?? 50;
  const h = await startHarness({ store: 'cloudbase-fake', inMemory: true });
  h.deps.batchBudget = () => itemBudget(perRun);
  await shortlistOf(h, items);

  let opened: Awaited<ReturnType<typeof h.as<'publicity.open'>>> | null = null;
  let openRuns = 0;
  const openTrips = await counted(h, async () => {
    opened = await h.as(OPENID.secretary, 'publicity.open', {
      programId: PROGRAM_ID,
      title: '拟立项项目公示',
      contact: '学会秘书处 028-00000000',
    });
    openRuns = await finishByTimer(h, opened.job.id ?? '');
  });
  const { publicity } = opened!;
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  let closeRuns = 0;
  const closeTrips = await counted(h, async () => {
    const job = await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
    closeRuns = await finishByTimer(h, job.id ?? '');
  });

  // Single actions on the same (now large) programme.
  const award = await current(h, OPENID.secretary, publicity.entries[0]!.applicationId);
  const decide = await counted(h, () =>
    h.as(OPENID.secretary, 'application.decide', { applicationId: award._id, version: award.version, decision: 'issueNotice' }),
  );
  const board = await counted(h, () => h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID }));
  // The rest of the 立项通知 as one batch decision.
  const rest = (await h.store.find('applications', { programId: PROGRAM_ID, status: 'approved' })).filter(
    (application) => application._id !== award._id,
  );
  const decideMany = await counted(h, async () => {
    const job = await h.as(OPENID.secretary, 'application.decideMany', {
      items: rest.map((application) => ({ applicationId: application._id, version: application.version })),
      decision: 'issueNotice',
    });
    if (job.id) await finishByTimer(h, job.id);
  });
  return {
    harness: h,
    items,
    openRuns,
    closeRuns,
    openPerItem: openTrips / items,
    closePerItem: closeTrips / items,
    decideManyPerItem: rest.length ? decideMany / rest.length : 0,
    perAction: { 'application.decide': decide, 'dashboard.get': board },
  };
}
