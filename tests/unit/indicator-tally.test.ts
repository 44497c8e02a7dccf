// The indicator ledger's running totals (issue 10): moved claim by claim and award by award, they always equal the
// totals recomputed from the records; the board's rows judge each indicator against its goal with the days left.
import fc from 'fast-check';
import {
  claimChange,
  countsTowardTargets,
  deltaOf,
  emptyFigure,
  indicatorRows,
  latestValue,
  moved,
  programFiguresFrom,
  scaled,
  valueIssue,
  figureFields,
  type FigureDelta,
} from '@/core/kpi/tally';
import type { Application, Claim, IndicatorFigure } from '@/core/schemas/documents';
import { applicationStatuses, type ApplicationStatus } from '@/core/workflow/award-workflow';
import { programFrom } from './factories';

const civil = programFrom('sichuan-civil-2023');
const KEYS = ['published-results', 'papers-recommended'] as const;

type AwardState = Pick<Application, '_id' | 'status' | 'commitments'>;
type ClaimState = Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'fileIds'>;

const step = fc.oneof(
  fc.record({
    kind: fc.constant('claim' as const),
    award: fc.nat(2),
    key: fc.constantFrom(...KEYS),
    amount: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    kind: fc.constant('verify' as const),
    claim: fc.nat(30),
    decision: fc.constantFrom('verified' as const, 'rejected' as const),
  }),
  fc.record({ kind: fc.constant('status' as const), award: fc.nat(2), status: fc.constantFrom<ApplicationStatus>(...applicationStatuses) }),
);

/** The running totals as the api keeps them: each award's own figures, and the programme's while awards count. */
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

function run(steps: readonly Step[]) {
  const awards: AwardState[] = [0, 1, 2].map((index) => ({
    _id: `a${index}`,
    status: 'implementing',
    commitments: [{ indicatorKey: KEYS[index % 2], amount: index + 2 }],
  }));
  const claims: ClaimState[] = [];
  const own = new Map<string, Record<string, IndicatorFigure>>();
  const program: Record<string, IndicatorFigure> = {};
  const move = (figures: Record<string, IndicatorFigure>, key: string, delta: FigureDelta) => {
    figures[key] = moved(figures[key], delta);
  };
  // Every award starts counting (implementing): its commitments enter as the api's first standing move does.
  for (const award of awards) {
    const figures: Record<string, IndicatorFigure> = {};
    for (const c of award.commitments) figures[c.indicatorKey] = { ...emptyFigure, committed: c.amount };
    own.set(award._id, figures);
    for (const [key, figure] of Object.entries(figures)) move(program, key, deltaOf(figure));
  }
  for (const s of steps) {
    if (s.kind === 'claim') {
      const award = awards[s.award];
      if (!countsTowardTargets(award)) continue; // claims are open only while an award is under way
      const claim: ClaimState = {
        applicationId: award._id,
        indicatorKey: s.key,
        amount: s.amount,
        verification: 'pending',
        fileIds: ['f'],
      };
      claims.push(claim);
      const delta = claimChange(null, claim);
      move(own.get(award._id)!, s.key, delta);
      if (countsTowardTargets(award)) move(program, s.key, delta);
    } else if (s.kind === 'verify') {
      const index = s.claim % Math.max(1, claims.length);
      const before = claims[index];
      if (!before || before.verification !== 'pending') continue;
      const after = { ...before, verification: s.decision };
      claims[index] = after;
      const award = awards.find((candidate) => candidate._id === before.applicationId)!;
      const delta = claimChange(before, after);
      move(own.get(award._id)!, before.indicatorKey, delta);
      if (countsTowardTargets(award)) move(program, before.indicatorKey, delta);
    } else {
      const award = awards[s.award];
      const was = countsTowardTargets(award);
      award.status = s.status;
      if (was === countsTowardTargets(award)) continue;
      const sign = was ? -1 : 1;
      for (const [key, figure] of Object.entries(own.get(award._id)!)) move(program, key, scaled(deltaOf(figure), sign));
    }
  }
  return { awards, claims, program };
}

test('moved one claim and one award at a time, the totals equal the totals recomputed from the records (any order)', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const { awards, claims, program } = run(steps);
      const recomputed = programFiguresFrom(civil, awards, claims);
      for (const key of KEYS) {
        for (const field of figureFields)
          expect([key, field, program[key]?.[field] ?? 0]).toEqual([key, field, recomputed[key]?.[field] ?? 0]);
      }
    }),
    { numRuns: 300 },
  );
});

test('a claim counts as claimed until rejected, and as verified with its evidence once verified', () => {
  const pending = { amount: 4, verification: 'pending' as const, fileIds: ['a', 'b'] };
  expect(claimChange(null, pending)).toEqual({ committed: 0, claimed: 4, pending: 4, verified: 0, evidence: 0 });
  expect(claimChange(pending, { ...pending, verification: 'verified' })).toEqual({
    committed: 0,
    claimed: 0,
    pending: -4,
    verified: 4,
    evidence: 2,
  });
  expect(claimChange(pending, { ...pending, verification: 'rejected' })).toEqual({
    committed: 0,
    claimed: -4,
    pending: -4,
    verified: 0,
    evidence: 0,
  });
});

test('the current society-level value is the latest by its day, a later record winning a tie', () => {
  const values = [
    { on: '2023-06-30', createdAt: '2023-07-01T00:00:00Z', value: 92 },
    { on: '2023-03-31', createdAt: '2023-07-02T00:00:00Z', value: 88 },
    { on: '2023-06-30', createdAt: '2023-07-03T00:00:00Z', value: 93 },
  ];
  expect(latestValue(values)?.value).toBe(93);
  expect(latestValue([])).toBeNull();
});

test.each([
  ['satisfaction', 101, '须在 0 到 100 之间'],
  ['satisfaction', 90.5, null],
  ['studio-open', 2, '只能填“是”或“否”'],
  ['tfkjy-registered-rank', 0, '名次须为 1 以上'],
  ['tfkjy-registered-rank', 12.5, '须为整数'],
  ['fulltime-staff', -1, '不能为负数'],
  ['fulltime-staff', 7, null],
])('a recorded value of %s = %s: %s', (key, value, issue) => {
  const indicator = civil.indicators.find((candidate) => candidate.key === key)!;
  const found = valueIssue(indicator, value);
  if (issue === null) expect(found).toBeNull();
  else expect(found).toContain(issue);
});

describe('the board judges each indicator against its goal, with the days left', () => {
  const rowOf = (key: string, figures: Record<string, IndicatorFigure>, now: string, commitment: number | null = null) =>
    indicatorRows(civil, figures, new Date(now), new Map([[key, { commitment, minimum: null }]])).find((row) => row.key === key)!;
  const figure = (fields: Partial<IndicatorFigure>): IndicatorFigure => ({ ...emptyFigure, ...fields });

  test('awards’ commitments short of the goal are flagged before anything else, with the days to the end of implementation', () => {
    const row = rowOf('published-results', { 'published-results': figure({ committed: 12, verified: 0 }) }, '2023-07-03T09:00:00+08:00');
    expect(row).toMatchObject({ goal: 30, risk: 'commitmentShort', daysLeft: 181 });
    expect(row.riskText).toBe('各奖补项目承诺合计 12项，不足目标 30项（剩 181 天）');
  });

  test('verified figures behind the share of the period gone are flagged; at the goal nothing is', () => {
    const behind = rowOf('published-results', { 'published-results': figure({ committed: 40, verified: 5 }) }, '2023-10-01T09:00:00+08:00');
    expect(behind.risk).toBe('behind');
    expect(behind.riskText).toMatch(/^已核实 5项，按进度应达 \d+项（剩 91 天）$/);
    expect(
      rowOf('published-results', { 'published-results': figure({ committed: 40, verified: 30 }) }, '2023-10-01T09:00:00+08:00').risk,
    ).toBeNull();
  });

  test('the society’s provincial commitment is the goal where linked; past the end of implementation a shortfall is missed', () => {
    const row = rowOf(
      'papers-recommended',
      { 'papers-recommended': figure({ committed: 25, verified: 21 }) },
      '2024-01-05T09:00:00+08:00',
      22,
    );
    expect(row).toMatchObject({ commitment: 22, goal: 22, gap: 1, risk: 'missed', daysLeft: 0 });
  });

  test('a society-level value not yet recorded is flagged; a rank is reached at the goal or better', () => {
    expect(rowOf('tfkjy-registered-rank', {}, '2023-07-03T09:00:00+08:00')).toMatchObject({
      source: 'society',
      achieved: null,
      risk: 'unrecorded',
    });
    const ranked = rowOf(
      'tfkjy-registered-rank',
      { 'tfkjy-registered-rank': figure({ value: 30, valueOn: '2023-07-01' }) },
      '2023-07-03T09:00:00+08:00',
    );
    expect(ranked).toMatchObject({ achieved: 30, risk: null, verified: null });
  });
});
