// Issue 10, the cascade: the society files its own application in the provincial call with its commitments (seed
// 000's 绩效指标 table: its target for each provincial indicator, at least the provincial minimum), links its
// internal programme (seed 004) to it, and every verified claim of a branch's award rises on three boards at once:
// the society's, its provincial commitment, and the province's board with every funded society side by side.
import { programFiguresFrom, tallyId } from '@/core/kpi/tally';
import { floorCommitments, programOf } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import type { ApplicationView } from '@/core/schemas/actions';
import { repairIndicatorLedger } from '../../cloudfunctions/api/src/indicator-ledger';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import {
  claimInput,
  contentFor,
  current,
  decided,
  implementingAward,
  provincialReviewer,
  publicizedAndClosed,
  shortlistedBy,
} from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const PROVINCIAL = 'program-sichuan-first-class-society-2023';
const province = seedProgramByCode('sichuan-first-class-society-2023')!;

/** The society's commitments: the provincial minimum everywhere, 20 papers (minimum 10) and the 30th rank (minimum 50). */
const commitments = floorCommitments(province).map((commitment) =>
  commitment.indicatorKey === 'papers-recommended'
    ? { ...commitment, amount: 20 }
    : commitment.indicatorKey === 'tfkjy-registered-rank'
      ? { ...commitment, amount: 30 }
      : commitment,
);

/** The society's application in the provincial call, approved by the province after review and notice. */
async function provincialAward(): Promise<ApplicationView> {
  h.clock.set('2023-06-20T10:00:00+08:00');
  const reviewer = await provincialReviewer(h);
  const shortlisted = await shortlistedBy(h, OPENID.scceas, PROVINCIAL, 'society', OPENID.secretarySast, reviewer, { commitments });
  await publicizedAndClosed(h, PROVINCIAL, OPENID.secretarySast);
  const approved = await current(h, OPENID.secretarySast, shortlisted._id);
  expect(approved.status).toBe('approved');
  return approved;
}

async function linked(applicationId: string | null) {
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  return h.as(OPENID.secretary, 'program.link', { programId: PROGRAM_ID, version: board.program.version, applicationId });
}

/** A claim on the branch's award with one evidence photo. */
async function claimed(award: ApplicationView, indicatorKey: string, amount: number) {
  const fileId = await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim');
  return h.as(
    OPENID.structure,
    'claim.add',
    claimInput(award, { indicatorKey, amount, description: `${indicatorKey} 成果`, fileIds: [fileId] }),
  );
}

async function verified(claimId: string, version: number, decision: 'verified' | 'rejected' = 'verified') {
  return h.as(OPENID.secretary, 'claim.verify', { claimId, version, decision, reason: decision === 'rejected' ? '佐证不足' : undefined });
}

/** What the province's board shows of the society, per indicator. */
async function provinceSees(indicatorKey: string) {
  const board = await h.as(OPENID.secretarySast, 'dashboard.get', { programId: PROVINCIAL });
  const society = board.societies.find((column) => column.orgId === 'org-scceas');
  return { society: society?.figures[indicatorKey], row: board.rows.find((row) => row.key === indicatorKey) };
}

async function societyRow(indicatorKey: string) {
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  return board.rows.find((row) => row.key === indicatorKey);
}

/** The province's totals hold what the society's programme carries up for its linked indicators (its only source here). */
async function expectCarriedUp() {
  const program = programOf((await h.store.get('programs', PROGRAM_ID))!);
  const [own, province] = await Promise.all([
    h.store.get('indicatorTallies', tallyId(PROGRAM_ID)),
    h.store.get('indicatorTallies', tallyId(PROVINCIAL)),
  ]);
  for (const indicator of program.indicators.filter((candidate) => candidate.upstream)) {
    const upKey = indicator.upstream!.indicatorKey;
    for (const field of ['claimed', 'pending', 'verified', 'evidence'] as const) {
      expect([upKey, field, province?.figures[upKey]?.[field] ?? 0]).toEqual([upKey, field, own?.figures[indicator.key]?.[field] ?? 0]);
    }
  }
}

/** The running totals equal the totals recomputed from every record of the programme. */
async function expectTotalsExact(programId: string) {
  const program = programOf((await h.store.get('programs', programId))!);
  const [applications, claims, values, tally] = await Promise.all([
    h.store.find('applications', { programId }),
    h.store.find('claims', { programId }),
    h.store.find('indicatorValues', { programId }),
    h.store.get('indicatorTallies', tallyId(programId)),
  ]);
  const recomputed = programFiguresFrom(program, applications, claims, values);
  for (const indicator of program.indicators) {
    const running = tally?.figures[indicator.key];
    const expected = recomputed[indicator.key];
    for (const field of ['committed', 'claimed', 'pending', 'verified', 'evidence'] as const) {
      expect([indicator.key, field, running?.[field] ?? 0]).toEqual([indicator.key, field, expected?.[field] ?? 0]);
    }
  }
}

test('seed 000: a commitment below the provincial minimum is refused with the minimum named; the society files at or above it', async () => {
  h.clock.set('2023-06-20T10:00:00+08:00');
  const below = commitments.map((commitment) =>
    commitment.indicatorKey === 'papers-recommended' ? { ...commitment, amount: 9 } : commitment,
  );
  const content = await contentFor(h, PROVINCIAL, 'society', { commitments: below });
  const refused = await h.raw(OPENID.scceas, 'application.create', { programId: PROVINCIAL, requestId: requestId(), content });
  expect(refused.ok ? null : refused.error.message).toContain('“向川渝科技学术大会推荐论文”的承诺目标须达到省级要求（至少 10篇）');
  expect(await h.store.find('applications', { programId: PROVINCIAL })).toHaveLength(0);
});

test('verified claims rise on the society’s board, its provincial commitment and the province’s board, in the same step', async () => {
  const society = await provincialAward();

  // Not linked yet: the society's board offers its provincial application, and shows no commitment.
  h.clock.set('2023-07-03T09:00:00+08:00');
  const before = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  expect(before.upstream).toBeNull();
  expect(before.upstreamChoices.map((choice) => choice.applicationId)).toEqual([society._id]);
  expect(before.rows.find((row) => row.key === 'papers-recommended')).toMatchObject({ commitment: null, provinceMinimum: 10 });

  await linked(society._id);
  expect(await societyRow('papers-recommended')).toMatchObject({ commitment: 20, provinceMinimum: 10, goal: 20, verified: 0 });
  expect(await societyRow('tfkjy-registered-rank')).toMatchObject({
    commitment: 30,
    source: 'society',
    achieved: null,
    risk: 'unrecorded',
  });

  // A branch's award (3,000 yuan) claims 3 papers: pending everywhere until verified.
  const award = await implementingAward(h);
  const claim = await claimed(award, 'papers-recommended', 3);
  expect(await societyRow('papers-recommended')).toMatchObject({ claimed: 3, pending: 3, verified: 0 });
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ commitment: 20, achieved: 0, pending: 3 });

  await verified(claim._id, claim.version);
  expect(await societyRow('papers-recommended')).toMatchObject({ claimed: 3, pending: 0, verified: 3, evidence: 1, gap: 17 });
  const risen = await provinceSees('papers-recommended');
  expect(risen.society).toMatchObject({ commitment: 20, achieved: 3, pending: 0 });
  expect(risen.row).toMatchObject({ committed: 20, verified: 3 });

  // A rejected claim moves nothing but its pending figure.
  const doubtful = await claimed(award, 'papers-recommended', 5);
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ achieved: 3, pending: 5 });
  await verified(doubtful._id, doubtful.version, 'rejected');
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ achieved: 3, pending: 0 });

  // A society-level value (its rank on 天府科技云) is recorded by the secretariat and reaches the province too.
  await h.as(OPENID.secretary, 'indicator.record', {
    requestId: requestId(),
    programId: PROGRAM_ID,
    indicatorKey: 'tfkjy-registered-rank',
    value: 28,
    on: '2023-07-01',
    evidence: '天府科技云2023年6月学会注册科技工作者排名通报',
    link: null,
  });
  expect(await societyRow('tfkjy-registered-rank')).toMatchObject({ achieved: 28, valueOn: '2023-07-01', risk: null });
  expect((await provinceSees('tfkjy-registered-rank')).society).toMatchObject({ commitment: 30, achieved: 28, risk: null });

  await expectTotalsExact(PROGRAM_ID);
  await expectCarriedUp();

  // Unlinked, the province no longer counts the society's figures; linked again, they are back once, not twice.
  await linked(null);
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ achieved: 0 });
  expect((await provinceSees('tfkjy-registered-rank')).society).toMatchObject({ achieved: null });
  await linked(society._id);
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ achieved: 3 });
  expect((await provinceSees('tfkjy-registered-rank')).society).toMatchObject({ achieved: 28 });

  // A terminated award takes its figures out of every level with it.
  const terminated = await decided(h, await current(h, OPENID.secretary, award._id), 'terminate', '项目单位申请终止');
  expect(terminated.status).toBe('terminated');
  expect(await societyRow('papers-recommended')).toMatchObject({ committed: 0, verified: 0 });
  expect((await provinceSees('papers-recommended')).society).toMatchObject({ achieved: 0 });
  await expectTotalsExact(PROGRAM_ID);
  await expectCarriedUp();
  // Recomputed from every record at every level (awards, both programmes, the society's provincial application), no drift.
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
});

test('the repair recomputes the ledger from the records and reports each figure that had drifted', async () => {
  h.clock.set('2023-07-03T09:00:00+08:00');
  const award = await implementingAward(h);
  const claim = await claimed(award, 'published-results', 4);
  await verified(claim._id, claim.version);
  // A figure damaged behind the ledger's back (data from before it, a write path that forgot it).
  const tally = (await h.store.get('indicatorTallies', tallyId(PROGRAM_ID)))!;
  await h.store.transaction((tx) =>
    tx.replace(
      'indicatorTallies',
      {
        ...tally,
        version: tally.version + 1,
        figures: { ...tally.figures, 'published-results': { ...tally.figures['published-results']!, verified: 40 } },
      },
      tally.version,
    ),
  );
  expect((await societyRow('published-results'))?.verified).toBe(40);
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([
    { tallyId: tallyId(PROGRAM_ID), indicatorKey: 'published-results', field: 'verified', stored: 40, expected: 4 },
  ]);
  expect((await societyRow('published-results'))?.verified).toBe(4);
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
});

test('the history of a society-level value is kept, the latest by its date is the board’s, and a bad value changes nothing', async () => {
  const record = (value: number, on: string, indicatorKey = 'satisfaction') =>
    h.raw(OPENID.secretary, 'indicator.record', {
      requestId: requestId(),
      programId: PROGRAM_ID,
      indicatorKey,
      value,
      on,
      evidence: '会员满意度调查汇总表',
      link: null,
    });
  expect((await record(92, '2023-06-30')).ok).toBe(true);
  expect((await record(88, '2023-03-31')).ok).toBe(true);
  expect(await societyRow('satisfaction')).toMatchObject({ achieved: 92, valueOn: '2023-06-30', risk: null });
  const refusedPercent = await record(120, '2023-07-01');
  expect(refusedPercent.ok ? null : refusedPercent.error.message).toContain('须在 0 到 100 之间');
  const refusedFuture = await record(95, '2023-08-01');
  expect(refusedFuture.ok ? null : refusedFuture.error.message).toContain('不能晚于今天');
  const refusedCount = await record(3, '2023-07-01', 'published-results');
  expect(refusedCount.ok ? null : refusedCount.error.message).toContain('由各奖补项目的成果填报汇总');
  const opened = await h.as(OPENID.secretary, 'dashboard.indicator', { programId: PROGRAM_ID, indicatorKey: 'satisfaction' });
  expect(opened.values.map((value) => [value.value, value.on])).toEqual([
    [92, '2023-06-30'],
    [88, '2023-03-31'],
  ]);
  const audit = await h.store.find('audit', { entity: 'indicatorValue' });
  expect(audit).toHaveLength(2);
  // Applicants and other organisers cannot record.
  expect(
    await h.refused(OPENID.structure, 'indicator.record', {
      requestId: requestId(),
      programId: PROGRAM_ID,
      indicatorKey: 'satisfaction',
      value: 99,
      on: '2023-07-01',
      evidence: 'x',
      link: null,
    }),
  ).toBe('FORBIDDEN');
});

test('a programme links only to its own organiser’s submitted application in a call its indicators name', async () => {
  await provincialAward();
  h.clock.set('2023-07-03T09:00:00+08:00');
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  const award = await implementingAward(h);
  const wrong = await h.raw(OPENID.secretary, 'program.link', {
    programId: PROGRAM_ID,
    version: board.program.version,
    applicationId: award._id,
  });
  expect(wrong.ok ? null : wrong.error.code).toBe('NOT_FOUND');
  const theirs = await h.raw(OPENID.secretarySast, 'program.link', {
    programId: PROGRAM_ID,
    version: board.program.version,
    applicationId: null,
  });
  expect(theirs.ok ? null : theirs.error.code).toBe('NOT_FOUND');
  expect((await h.store.get('programs', PROGRAM_ID))?.upstreamApplicationId ?? null).toBeNull();
});

test('one indicator opened: each unit’s figures and the claims behind them', async () => {
  h.clock.set('2023-07-03T09:00:00+08:00');
  const award = await implementingAward(h);
  const claim = await claimed(award, 'published-results', 2);
  await verified(claim._id, claim.version);
  const opened = await h.as(OPENID.secretary, 'dashboard.indicator', { programId: PROGRAM_ID, indicatorKey: 'published-results' });
  expect(opened.row).toMatchObject({ key: 'published-results', verified: 2, evidence: 1 });
  expect(opened.units).toEqual([
    expect.objectContaining({ applicationId: award._id, orgName: '建筑结构专业委员会', committed: 3, verified: 2 }),
  ]);
  expect(opened.claims).toEqual([expect.objectContaining({ _id: claim._id, amount: 2, verification: 'verified', evidence: 1 })]);
});

test('a granted award keeps no tally of its own until its first claim, yet its commitments count, and leave with it', async () => {
  h.clock.set('2023-07-03T09:00:00+08:00');
  const award = await implementingAward(h);
  // Granting wrote no award tally (one document fewer per item when a notice closes), but the board counts it.
  expect(await h.store.get('indicatorTallies', tallyId(award._id))).toBeNull();
  expect((await societyRow('published-results'))?.committed).toBe(3);
  const opened = await h.as(OPENID.secretary, 'dashboard.indicator', { programId: PROGRAM_ID, indicatorKey: 'published-results' });
  expect(opened.units).toEqual([expect.objectContaining({ applicationId: award._id, committed: 3, claimed: 0 })]);
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
  await expectTotalsExact(PROGRAM_ID);

  // The first claim starts its tally with the commitments standing.
  await claimed(award, 'published-results', 2);
  expect((await h.store.get('indicatorTallies', tallyId(award._id)))?.figures['published-results']).toMatchObject({
    committed: 3,
    claimed: 2,
  });
  await expectTotalsExact(PROGRAM_ID);

  // Another award, terminated before any claim: its commitments leave the totals though it never had a tally.
  const other = await implementingAward(h, OPENID.academic);
  expect((await societyRow('published-results'))?.committed).toBe(6);
  await decided(h, await current(h, OPENID.secretary, other._id), 'terminate', '项目单位申请终止');
  expect(await h.store.get('indicatorTallies', tallyId(other._id))).toBeNull();
  expect((await societyRow('published-results'))?.committed).toBe(3);
  await expectTotalsExact(PROGRAM_ID);
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
});
