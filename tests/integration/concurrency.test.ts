// Races at the edges a secretariat can reach in one busy afternoon: many approvals at the quota edge,
// approvals at the pool edge, and a submit tapped many times on a bad signal.
import { applicationContentSchema } from '@/core/schemas/actions';
import type { Application, Publicity } from '@/core/schemas/documents';
import { emptyOutcomes } from '@/core/workflow/award-workflow';
import { changeApplication } from '../../cloudfunctions/api/src/award-change';
import { actorOf } from '../../cloudfunctions/api/src/context';
import { callerOf } from '../../cloudfunctions/api/src/roles';
import { StoreConflict, type Store } from '../../cloudfunctions/api/src/ports';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { editOf } from '../support/program-edit';
import { draftWithAttachments } from '../support/lifecycle';

let h: Harness;
afterEach(async () => {
  await h.close();
});

const UNITS = ['org-branch-structure', 'org-branch-academic', 'org-branch-popsci', 'org-member-design', 'org-member-swjtu'];

/** `count` applications whose notice has ended, ready for approval (written directly, as after a long review). */
async function inEndedPublicity(count: number): Promise<Application[]> {
  const stamp = { version: 1, createdAt: '2023-07-03T01:00:00.000Z', updatedAt: '2023-07-03T01:00:00.000Z' };
  const publicity: Publicity = {
    _id: 'publicity-race',
    ...stamp,
    programId: PROGRAM_ID,
    title: '拟立项公示',
    opensOn: '2023-07-03',
    closesOn: '2023-07-07',
    workingDays: 5,
    endsAt: '2023-07-07T16:00:00.000Z',
    fallbackYears: [],
    entries: [],
    contact: '秘书处',
    status: 'closed',
    closedAt: null,
  };
  const applications: Application[] = Array.from({ length: count }, (_, index) => ({
    _id: `app-race-${index}`,
    ...stamp,
    programId: PROGRAM_ID,
    orgId: UNITS[index % UNITS.length]!,
    societyId: 'org-scceas',
    createdBy: 'user-contact-structure',
    requestId: `race${index.toString().padStart(6, '0')}`,
    status: 'inPublicity',
    ...applicationContentSchema.parse(completeContent({ projectName: `项目${index}` })),
    outcomes: { ...emptyOutcomes, check: 'passed', review: 'shortlisted' },
    decisionReason: null,
    submittedAt: stamp.createdAt,
    decidedAt: null,
    awardFen: null,
    publicityId: publicity._id,
    reports: { midterm: null, final: null, rectification: null },
    dueAt: null,
    payout: null,
  }));
  await h.store.transaction(async (tx) => {
    await tx.create('publicities', publicity);
    for (const application of applications) await tx.create('applications', application);
  });
  h.clock.set('2023-07-10T09:00:00+08:00');
  return applications;
}

function approveAll(applications: Application[]) {
  return Promise.all(
    applications.map((application) =>
      h.raw(OPENID.secretary, 'application.decide', { applicationId: application._id, version: application.version, decision: 'approve' }),
    ),
  );
}

// Each race runs on the embedded store and on the CloudBase adapter (whose transactions fail at commit when
// they lose, and are run again).
describe.each(['embedded', 'cloudbase-fake'] as const)('on the %s store', (store) => {
  beforeEach(async () => {
    h = await startHarness({ store });
  });

  test('120 approvals fired together at the quota edge end with exactly 30 approved and the pool never exceeded', async () => {
    const results = await approveAll(await inEndedPublicity(120));

    expect(results.filter((result) => result.ok)).toHaveLength(30);
    const refusals = results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code));
    expect(new Set(refusals)).toEqual(new Set(['QUOTA_FULL']));
    const approved = await h.store.find('applications', { programId: PROGRAM_ID, status: 'approved' });
    expect(approved).toHaveLength(30);
    expect(approved.reduce((sum, application) => sum + (application.awardFen ?? 0), 0)).toBe(9_000_000);
    const ledger = await h.store.get('ledgers', `ledger_${PROGRAM_ID}`);
    expect(ledger).toMatchObject({ grantedFen: 9_000_000, categories: { award: { granted: 30 } } });
    expect(ledger!.grantedFen).toBeLessThanOrEqual(10_000_000);
    expect((await h.store.find('audit', { action: 'approve' })).length).toBe(30);
  });

  test('at the pool edge the pool decides: a pool of 10,000 yuan grants three awards of 3,000 and refuses the rest', async () => {
    const program = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
    const edit = editOf(program);
    await h.as(OPENID.secretary, 'program.update', {
      programId: PROGRAM_ID,
      version: program.version,
      edit: { ...edit, poolFen: 1_000_000, categories: edit.categories.map((category) => ({ ...category, quotaMin: 0 })) },
    });
    const results = await approveAll(await inEndedPublicity(40));

    expect(results.filter((result) => result.ok)).toHaveLength(3);
    expect(new Set(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code)))).toEqual(
      new Set(['POOL_EXHAUSTED']),
    );
    expect((await h.store.get('ledgers', `ledger_${PROGRAM_ID}`))?.grantedFen).toBe(900_000);
  });

  test('three 科技服务 applications of one society submitted at once: the limit of two per organisation holds', async () => {
    h.clock.set('2022-05-20T10:00:00+08:00');
    const drafts = [];
    for (const point of ['甲企业', '乙企业', '丙企业']) {
      drafts.push(await draftWithAttachments(h, OPENID.xzCivil, 'program-xuzhou-2022', 'tech-service', { servicePoint: point }));
    }
    const results = await Promise.all(
      drafts.map((draft) => h.raw(OPENID.xzCivil, 'application.submit', { applicationId: draft._id, version: draft.version })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(2);
    expect(results.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code))).toEqual(['LIMIT_EXCEEDED']);
  });

  test('a submit tapped 50 times at once (and the same approval by two clerks) takes effect once', async () => {
    const draft = await h.as(OPENID.structure, 'application.create', {
      programId: PROGRAM_ID,
      requestId: requestId(),
      content: completeContent(),
    });
    const submits = await Promise.all(
      Array.from({ length: 50 }, () => h.raw(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version })),
    );
    expect(submits.filter((result) => result.ok)).toHaveLength(1);
    expect(new Set(submits.filter((result) => !result.ok).map((result) => (result.ok ? '' : result.error.code)))).toEqual(
      new Set(['CONFLICT']),
    );
    const stored = await h.store.get('applications', draft._id);
    expect(stored).toMatchObject({ status: 'submitted', version: draft.version + 1 });
    expect(await h.store.find('audit', { entityId: draft._id, action: 'submit' })).toHaveLength(1);

    const [ready] = await inEndedPublicity(1);
    const clerks = await Promise.all(
      [1, 2].map(() =>
        h.raw(OPENID.secretary, 'application.decide', { applicationId: ready!._id, version: ready!.version, decision: 'approve' }),
      ),
    );
    expect(clerks.map((result) => result.ok).sort()).toEqual([false, true]);
    expect((await h.store.get('ledgers', `ledger_${PROGRAM_ID}`))?.categories.award?.granted).toBe(1);
  });
});

test('on CloudBase a transaction that loses the race for the ledger is retried, and the approval still lands once', async () => {
  h = await startHarness();
  const [ready] = await inEndedPublicity(1);
  let lostRaces = 0;
  const racing: Store = {
    get: (collection, id) => h.store.get(collection, id),
    find: (collection, where, options) => h.store.find(collection, where, options),
    close: () => h.store.close(),
    transaction: (work) => {
      if (lostRaces < 2) {
        lostRaces += 1;
        return Promise.reject(new StoreConflict('ledgers', `ledger_${PROGRAM_ID}`, 'version changed'));
      }
      return h.store.transaction(work);
    },
  };
  const secretary = (await h.store.find('users', { openid: OPENID.secretary }))[0]!;
  const { saved } = await changeApplication({ ...h.deps, store: racing }, h.clock.now(), {
    applicationId: ready!._id,
    version: ready!.version,
    action: 'approve',
    actor: actorOf(secretary),
    caller: callerOf(h.store, secretary),
  });
  expect(lostRaces).toBe(2);
  expect(saved.status).toBe('approved');
  expect((await h.store.get('ledgers', `ledger_${PROGRAM_ID}`))?.categories.award?.granted).toBe(1);
});
