// Batch work within the platform's limits (issue 11, Deliver 3): opening or closing a 公示 and deciding many
// applications settle what fits in the call, the timer carries on the rest, the secretariat follows the progress,
// and every item is one change with its own audit entry, applied once however the runs race.
import { itemBudget, runJob, startJob } from '../../cloudfunctions/api/src/batch-jobs';
import { runBatchWork } from '../../cloudfunctions/api/src/scheduled';
import { batchRoundTrips } from '../support/batch-bench';
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { ledgerId } from '@/core/award/quota';
import { current, decided, reviewed, REVIEWERS, submitted } from '../support/lifecycle';
import { editOf } from '../support/program-edit';

let h: Harness | null = null;
afterEach(async () => {
  await h?.close();
  h = null;
});

async function auditOf(harness: Harness, applicationId: string, action: string) {
  return (await harness.store.find('audit', { entityId: applicationId })).filter((entry) => entry.action === action);
}

test('a 200-item 公示 opens and closes over timer runs on CloudBase, each entry changed exactly once and audited', async () => {
  const figures = await batchRoundTrips({ items: 200, perRun: 40 });
  h = figures.harness;
  const { store } = h;
  // 40 a run: the action does the first 40, four timer runs the rest.
  expect(figures.openRuns).toBe(5);
  expect(figures.closeRuns).toBe(5);
  const [notice] = await store.find('publicities', { programId: PROGRAM_ID });
  expect(notice).toMatchObject({ status: 'closed' });
  expect(notice!.entries).toHaveLength(200);
  for (const entry of notice!.entries) {
    const application = (await store.get('applications', entry.applicationId))!;
    // Each was then sent its 立项通知 (the first by the single action, the rest as one batch).
    expect(application.status).toBe('implementing');
    expect(await auditOf(h, entry.applicationId, 'openPublicity')).toHaveLength(1);
    expect(await auditOf(h, entry.applicationId, 'approve')).toHaveLength(1);
  }
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  expect(board.counts.implementing).toBe(200);
  console.log(
    `[batch] ${figures.items} items: open ${figures.openPerItem.toFixed(1)}, close ${figures.closePerItem.toFixed(1)} and ` +
      `decideMany ${figures.decideManyPerItem.toFixed(1)} round trips per item; ` +
      `application.decide ${figures.perAction['application.decide']}, dashboard.get ${figures.perAction['dashboard.get']} round trips`,
  );
  // Where the figures stand (issue 11's goal: ≤ 4 per item, ≤ 10 per action; see the report), so they only go down.
  // Items go 40 to a transaction here: what is left per item is a request per document of its own it writes (the
  // application, its audit entry naming its messages and each message; an award granted writes no tally of its own
  // until its first claim, see awardStanding), with its share of each chunk's shared reads and writes.
  expect(figures.openPerItem).toBeLessThanOrEqual(4);
  expect(figures.closePerItem).toBeLessThanOrEqual(4);
  expect(figures.decideManyPerItem).toBeLessThanOrEqual(4);
  expect(figures.perAction['application.decide']).toBeLessThanOrEqual(14);
  expect(figures.perAction['dashboard.get']).toBeLessThanOrEqual(10);
});

test('the secretariat follows a batch decision as 已处理 N/M while the timer carries it on, to each item’s outcome', async () => {
  h = await startHarness();
  const harness = h;
  const applications = [];
  for (const contact of [OPENID.structure, OPENID.academic, OPENID.design]) applications.push(await submitted(harness, contact));
  // The third changed since the clerk saw it: refused on its own, the others go on.
  const stale = applications[2]!;
  await decided(harness, stale, 'passCheck');
  harness.deps.batchBudget = () => itemBudget(1);
  const started = await harness.as(OPENID.secretary, 'application.decideMany', {
    items: applications.map((application) => ({ applicationId: application._id, version: application.version })),
    decision: 'passCheck',
  });
  expect(started).toMatchObject({ kind: 'decide', status: 'running', total: 3, done: 1 });
  expect(await harness.as(OPENID.secretary, 'batch.get', { jobId: started.id! })).toMatchObject({ done: 1, total: 3 });
  // Another organisation's secretariat finds no such job.
  expect(await harness.refused(OPENID.secretaryXuzhou, 'batch.get', { jobId: started.id! })).toBe('NOT_FOUND');

  await runBatchWork(harness.deps);
  await runBatchWork(harness.deps);
  const finished = await harness.as(OPENID.secretary, 'batch.get', { jobId: started.id! });
  expect(finished).toMatchObject({ status: 'done', done: 3 });
  expect(finished.outcomes.map((outcome) => [outcome.applicationId, outcome.ok, outcome.code])).toEqual([
    [applications[0]!._id, true, null],
    [applications[1]!._id, true, null],
    [stale._id, false, 'CONFLICT'],
  ]);
  for (const application of applications.slice(0, 2)) {
    expect((await current(harness, OPENID.secretary, application._id)).status).toBe('checkPassed');
    // Each item's change is the clerk's, audited on its own.
    const entries = await auditOf(harness, application._id, 'passCheck');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorRole: 'secretariat' });
  }
  const jobAudit = await harness.store.find('audit', { entityId: started.id });
  expect(jobAudit.map((entry) => entry.action).sort()).toEqual(['finish', 'start']);
});

test.each(['embedded', 'cloudbase-fake'] as const)(
  'the action and timer runs racing on one job (%s) apply each item once',
  async (store) => {
    h = await startHarness({ store });
    const harness = h;
    const applications = [];
    for (const contact of [OPENID.structure, OPENID.academic, OPENID.design]) applications.push(await submitted(harness, contact));
    const secretary = (await harness.store.find('users', { openid: OPENID.secretary }))[0]!;
    const now = harness.clock.now();
    const job = await startJob(harness.deps, now, {
      kind: 'decide',
      action: 'passCheck',
      programId: null,
      publicityId: null,
      reason: null,
      // A version of null acts on whatever is current: only the job's record keeps an item from going twice.
      items: applications.map((application) => ({ applicationId: application._id, version: null })),
      actor: { userId: secretary._id, name: secretary.name, role: 'secretariat', orgId: secretary.orgId },
    });
    const runs = await Promise.all([1, 2, 3].map(() => runJob(harness.deps, now, job._id, itemBudget(10))));
    expect(runs.every((run) => run.done === 3)).toBe(true);
    const settled = (await harness.store.get('batchJobs', job._id))!;
    expect(settled.status).toBe('done');
    expect(settled.outcomes.map((outcome) => outcome.applicationId)).toEqual(applications.map((application) => application._id));
    for (const application of applications) expect(await auditOf(harness, application._id, 'passCheck')).toHaveLength(1);
  },
);

test('closing a notice again carries the same job on instead of starting another', async () => {
  h = await startHarness();
  const harness = h;
  const { publicizedAndClosed } = await import('../support/lifecycle');
  const { shortlisted } = await import('../support/lifecycle');
  await shortlisted(harness, await submitted(harness, OPENID.structure));
  const { publicity, job } = await publicizedAndClosed(harness);
  const again = await harness.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  expect(again.id).toBe(job.id);
  expect(again.outcomes).toHaveLength(1);
  expect(await harness.store.find('batchJobs', { kind: 'closeNotice' })).toHaveLength(1);
});

test.each(['embedded', 'cloudbase-fake'] as const)(
  'in one chunk (%s), an item refused by its guard is reported and leaves nothing, and the others are each changed and audited',
  async (store) => {
    h = await startHarness({ store });
    const harness = h;
    const applications = [];
    for (const contact of [OPENID.structure, OPENID.academic, OPENID.design]) applications.push(await submitted(harness, contact));
    // The middle one is already checked: passing its check again is not allowed from there.
    const checked = await decided(harness, applications[1]!, 'passCheck');
    const answer = await harness.as(OPENID.secretary, 'application.decideMany', {
      items: [applications[0]!, checked, applications[2]!].map((application) => ({
        applicationId: application._id,
        version: application.version,
      })),
      decision: 'passCheck',
    });
    expect(answer).toMatchObject({ id: null, status: 'done', done: 3 });
    expect(answer.outcomes.map((outcome) => [outcome.ok, outcome.code])).toEqual([
      [true, null],
      [false, 'TRANSITION_NOT_ALLOWED'],
      [true, null],
    ]);
    expect(await current(harness, OPENID.secretary, checked._id)).toMatchObject({ status: 'checkPassed', version: checked.version });
    expect(await auditOf(harness, checked._id, 'passCheck')).toHaveLength(1);
    for (const application of [applications[0]!, applications[2]!]) {
      expect((await current(harness, OPENID.secretary, application._id)).status).toBe('checkPassed');
      expect(await auditOf(harness, application._id, 'passCheck')).toHaveLength(1);
    }
  },
);

test.each(['embedded', 'cloudbase-fake'] as const)(
  'two shortlistings in one chunk (%s) see each other’s use of the quota: one place left, one shortlisted',
  async (store) => {
    h = await startHarness({ store });
    const harness = h;
    const ready = [];
    for (const contact of [OPENID.structure, OPENID.academic]) {
      const checked = await decided(harness, await submitted(harness, contact), 'passCheck');
      ready.push(await reviewed(harness, checked, [REVIEWERS.liu, REVIEWERS.zhao]));
    }
    const program = await harness.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
    const edit = editOf(program);
    const ledger = await harness.store.get('ledgers', ledgerId(PROGRAM_ID));
    const key = ready[0]!.categoryKey;
    const taken = ledger?.categories[key]?.shortlisted ?? 0;
    await harness.as(OPENID.secretary, 'program.update', {
      programId: PROGRAM_ID,
      version: program.version,
      edit: {
        ...edit,
        categories: edit.categories.map((category) =>
          category.key === key ? { ...category, quotaMin: 0, quotaMax: taken + 1 } : category,
        ),
      },
    });
    const answer = await harness.as(OPENID.secretary, 'application.decideMany', {
      items: ready.map((application) => ({ applicationId: application._id, version: application.version })),
      decision: 'shortlist',
    });
    expect(answer.outcomes.map((outcome) => [outcome.ok, outcome.code])).toEqual([
      [true, null],
      [false, 'QUOTA_FULL'],
    ]);
    expect((await harness.store.get('ledgers', ledgerId(PROGRAM_ID)))?.categories[key]?.shortlisted).toBe(taken + 1);
    expect((await current(harness, OPENID.secretary, ready[1]!._id)).status).toBe(ready[1]!.status);
  },
);

test('a chunk that loses a race on CloudBase is settled item by item: each item once, none lost', async () => {
  h = await startHarness({ store: 'cloudbase-fake' });
  const harness = h;
  const applications = [];
  for (const contact of [OPENID.structure, OPENID.academic, OPENID.design]) applications.push(await submitted(harness, contact));
  const secretary = (await harness.store.find('users', { openid: OPENID.secretary }))[0]!;
  const now = harness.clock.now();
  const job = await startJob(harness.deps, now, {
    kind: 'decide',
    action: 'passCheck',
    programId: null,
    publicityId: null,
    reason: null,
    items: applications.map((application) => ({ applicationId: application._id, version: application.version })),
    actor: { userId: secretary._id, name: secretary.name, role: 'secretariat', orgId: secretary.orgId },
  });
  // Someone else writes the programme's ledger while the chunk is under way: its commit fails as a conflict.
  const { store } = harness;
  const transaction = store.transaction.bind(store);
  let raced = false;
  store.transaction = (work) =>
    transaction(async (tx) => {
      const result = await work(tx);
      if (!raced && (await tx.get('batchJobs', job._id))?.done === 3) {
        raced = true;
        await transaction(async (other) => {
          const ledger = (await other.get('ledgers', ledgerId(PROGRAM_ID)))!;
          await other.replace('ledgers', { ...ledger, version: ledger.version + 1 }, ledger.version);
        });
      }
      return result;
    });
  const settled = await runJob(harness.deps, now, job._id, itemBudget(10));
  expect(raced).toBe(true);
  // Marked one by one after the chunk failed (three marks and the finish on top of the job's first version).
  expect(settled).toMatchObject({ status: 'done', done: 3, version: 5 });
  expect(settled.outcomes.every((outcome) => outcome.ok)).toBe(true);
  for (const application of applications) expect(await auditOf(harness, application._id, 'passCheck')).toHaveLength(1);
});
