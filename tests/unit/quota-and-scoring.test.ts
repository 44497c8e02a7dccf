import fc from 'fast-check';
import { emptyCounts, moveCounts, quotaIssue, type LedgerCounts } from '@/core/award/quota';
import { categoryByKey, type Category, type Program, type ReviewCriterion } from '@/core/program/program-schema';
import {
  outlierIds,
  rankFrom,
  rankWithinCategories,
  scoreSheetIssue,
  summarize,
  weightedTotal,
  withReviewTotal,
} from '@/core/review/scoring';
import { programFrom } from './factories';

const civil = programFrom('sichuan-civil-2023');
const suzhou = programFrom('suzhou-2022');
const xuzhou = programFrom('xuzhou-2022');

function category(program: Program, key: string): Category {
  const found = categoryByKey(program, key);
  if (!found) throw new Error(`no category ${key}`);
  return found;
}

/** The ledger after `times` awards of the category entered the step, each let in only if quotaIssue allowed it. */
function filled(program: Program, key: string, times: number, step: 'shortlist' | 'grant' = 'shortlist', from = emptyCounts(program)) {
  let counts = from;
  const target = category(program, key);
  for (let index = 0; index < times; index += 1) {
    const issue = quotaIssue(program, counts, target, step);
    if (issue) throw new Error(`award ${index + 1} of ${key} refused: ${issue.code}`);
    counts = moveCounts(counts, key, target.awardAmountFen, step, 1);
  }
  return counts;
}

describe('quotas and the pool', () => {
  const award = category(civil, 'award');

  test('a new ledger has every category at zero', () => {
    expect(emptyCounts(xuzhou)).toEqual({
      categories: {
        'first-class': { shortlisted: 0, granted: 0 },
        innovative: { shortlisted: 0, granted: 0 },
        'tech-service': { shortlisted: 0, granted: 0 },
        'think-tank-project': { shortlisted: 0, granted: 0 },
      },
      shortlistedFen: 0,
      grantedFen: 0,
    });
  });

  test('the society shortlists 30 awards of 3,000 yuan; the 31st is refused QUOTA_FULL though the pool has 10,000 yuan left', () => {
    const thirty = filled(civil, 'award', 30);
    expect(thirty.categories.award).toEqual({ shortlisted: 30, granted: 0 });
    expect(thirty.shortlistedFen).toBe(9_000_000);
    expect(quotaIssue(civil, thirty, award, 'shortlist')).toEqual({ code: 'QUOTA_FULL', detail: '“培育奖励”名额 30 个已满' });
  });

  test('an award that leaves the shortlist frees its place and its money', () => {
    const thirty = filled(civil, 'award', 30);
    const left = moveCounts(thirty, 'award', award.awardAmountFen, 'shortlist', -1);
    expect(left).toMatchObject({ categories: { award: { shortlisted: 29, granted: 0 } }, shortlistedFen: 8_700_000 });
    expect(quotaIssue(civil, left, award, 'shortlist')).toBeNull();
  });

  test('approval is counted apart from the shortlist: 30 grants fit, the 31st does not', () => {
    const shortlisted = filled(civil, 'award', 30);
    const granted = filled(civil, 'award', 30, 'grant', shortlisted);
    expect(granted).toEqual({ categories: { award: { shortlisted: 30, granted: 30 } }, shortlistedFen: 9_000_000, grantedFen: 9_000_000 });
    expect(quotaIssue(civil, granted, award, 'grant')?.code).toBe('QUOTA_FULL');
  });

  test('a Suzhou category without a cap of its own is stopped by the pool: POOL_EXHAUSTED', () => {
    const party = category(suzhou, 'party-building');
    expect(party.quotaMax).toBeNull();
    const full = filled(suzhou, 'party-building', 33);
    expect(full.shortlistedFen).toBe(99_000_000);
    expect(quotaIssue(suzhou, full, party, 'shortlist')).toEqual({
      code: 'POOL_EXHAUSTED',
      detail: '已用 990,000 元，资金池 1,000,000 元，本项 30,000 元',
    });
  });

  test('categories share one pool: three demonstration societies leave room for 23 other awards', () => {
    const demonstrations = filled(suzhou, 'demonstration', 3);
    expect(quotaIssue(suzhou, demonstrations, category(suzhou, 'demonstration'), 'shortlist')?.code).toBe('QUOTA_FULL');
    const full = filled(suzhou, 'innovation', 23, 'shortlist', demonstrations);
    expect(quotaIssue(suzhou, full, category(suzhou, 'organization'), 'shortlist')?.code).toBe('POOL_EXHAUSTED');
  });

  test('an award that fits the pool exactly is accepted', () => {
    const tight: Program = { ...civil, poolFen: 900_000 };
    const two = filled(tight, 'award', 2);
    expect(quotaIssue(tight, two, award, 'shortlist')).toBeNull();
    expect(quotaIssue(tight, filled(tight, 'award', 3), award, 'shortlist')?.code).toBe('POOL_EXHAUSTED');
  });

  test('leaving an empty step does not drive the ledger below zero', () => {
    expect(moveCounts(emptyCounts(civil), 'award', award.awardAmountFen, 'shortlist', -1)).toEqual(emptyCounts(civil));
  });

  describe('property: shortlisting, leaving and granting only when quotaIssue allows never passes a quota or the pool', () => {
    // The seeds as they are, with small quotas, and with pools tight enough that the pool is what stops them.
    const programs = [
      civil,
      suzhou,
      xuzhou,
      { ...civil, categories: [{ ...category(civil, 'award'), quotaMax: 4 }] },
      { ...xuzhou, categories: xuzhou.categories.map((entry) => ({ ...entry, quotaMax: 2 })) },
      { ...civil, poolFen: 2_000_000 },
      { ...suzhou, poolFen: 25_000_000 },
      { ...xuzhou, poolFen: 30_000_000 },
    ];
    type Step = { kind: 'shortlist'; category: number } | { kind: 'leave' | 'grant'; pick: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      { arbitrary: fc.record({ kind: fc.constant('shortlist' as const), category: fc.nat(10) }), weight: 3 },
      { arbitrary: fc.record({ kind: fc.constantFrom('leave' as const, 'grant' as const), pick: fc.nat(100) }), weight: 2 },
    );

    interface Award {
      categoryKey: string;
      amountFen: number;
      granted: boolean;
    }

    function check(program: Program, counts: LedgerCounts, awards: Award[]) {
      for (const { key, quotaMax } of program.categories) {
        const tally = counts.categories[key]!;
        expect(tally.shortlisted).toBe(awards.filter((entry) => entry.categoryKey === key).length);
        expect(tally.granted).toBe(awards.filter((entry) => entry.categoryKey === key && entry.granted).length);
        if (quotaMax !== null) expect(tally.shortlisted).toBeLessThanOrEqual(quotaMax);
        if (quotaMax !== null) expect(tally.granted).toBeLessThanOrEqual(quotaMax);
      }
      expect(counts.shortlistedFen).toBe(awards.reduce((sum, entry) => sum + entry.amountFen, 0));
      expect(counts.grantedFen).toBe(awards.filter((entry) => entry.granted).reduce((sum, entry) => sum + entry.amountFen, 0));
      expect(counts.shortlistedFen).toBeLessThanOrEqual(program.poolFen);
      expect(counts.grantedFen).toBeLessThanOrEqual(program.poolFen);
    }

    test('for any sequence of steps', () => {
      fc.assert(
        fc.property(fc.constantFrom(...programs), fc.array(step, { minLength: 10, maxLength: 150, size: 'max' }), (program, steps) => {
          let counts = emptyCounts(program);
          // Awards holding a shortlist place; granted ones stay there (approval does not free the place).
          const awards: Award[] = [];
          for (const next of steps) {
            if (next.kind === 'shortlist') {
              const target = program.categories[next.category % program.categories.length]!;
              const issue = quotaIssue(program, counts, target, 'shortlist');
              const held = counts.categories[target.key]!.shortlisted;
              // A refusal is never spurious: the quota is reached or the award does not fit the pool.
              if (issue) {
                expect(
                  issue.code === 'QUOTA_FULL' ? held === target.quotaMax : counts.shortlistedFen + target.awardAmountFen > program.poolFen,
                ).toBe(true);
                continue;
              }
              counts = moveCounts(counts, target.key, target.awardAmountFen, 'shortlist', 1);
              awards.push({ categoryKey: target.key, amountFen: target.awardAmountFen, granted: false });
            } else {
              const waiting = awards.filter((entry) => !entry.granted);
              if (waiting.length === 0) continue;
              const chosen = waiting[next.pick % waiting.length]!;
              if (next.kind === 'leave') {
                counts = moveCounts(counts, chosen.categoryKey, chosen.amountFen, 'shortlist', -1);
                awards.splice(awards.indexOf(chosen), 1);
              } else {
                if (quotaIssue(program, counts, category(program, chosen.categoryKey), 'grant')) continue;
                counts = moveCounts(counts, chosen.categoryKey, chosen.amountFen, 'grant', 1);
                chosen.granted = true;
              }
            }
            check(program, counts, awards);
          }
        }),
        { numRuns: 150 },
      );
    });
  });
});

describe('expert review scoring', () => {
  const criteria: ReviewCriterion[] = [
    { key: 'foundation', name: '工作基础', weight: 60, maxScore: 5 },
    { key: 'plan', name: '实施方案', weight: 40, maxScore: 10 },
  ];

  describe('a score sheet must score each criterion once, within its range', () => {
    test('a complete sheet is accepted', () => {
      expect(
        scoreSheetIssue(criteria, [
          { criterionKey: 'foundation', score: 0 },
          { criterionKey: 'plan', score: 10 },
        ]),
      ).toBeNull();
    });

    test('a missing criterion', () => {
      expect(scoreSheetIssue(criteria, [{ criterionKey: 'foundation', score: 4 }])).toBe('请为“实施方案”打分');
    });

    test('a criterion scored twice', () => {
      expect(
        scoreSheetIssue(criteria, [
          { criterionKey: 'foundation', score: 4 },
          { criterionKey: 'foundation', score: 5 },
          { criterionKey: 'plan', score: 7 },
        ]),
      ).toBe('“工作基础”重复打分');
    });

    test.each([6, -1, Number.NaN, Number.POSITIVE_INFINITY])('a score of %s out of 5', (score) => {
      expect(
        scoreSheetIssue(criteria, [
          { criterionKey: 'foundation', score },
          { criterionKey: 'plan', score: 7 },
        ]),
      ).toBe('“工作基础”的分数应在 0–5 之间');
    });

    test('a criterion the programme does not have', () => {
      expect(
        scoreSheetIssue(criteria, [
          { criterionKey: 'foundation', score: 4 },
          { criterionKey: 'plan', score: 7 },
          { criterionKey: 'charm', score: 3 },
        ]),
      ).toBe('评分项“charm”不存在');
    });
  });

  describe('the weighted total is on a 0–100 scale', () => {
    test('each criterion contributes its weight × score / maximum', () => {
      expect(
        weightedTotal(criteria, [
          { criterionKey: 'foundation', score: 4 },
          { criterionKey: 'plan', score: 7 },
        ]),
      ).toBe(76);
    });

    test('full marks are 100, nothing is 0', () => {
      const full = criteria.map((criterion) => ({ criterionKey: criterion.key, score: criterion.maxScore }));
      expect(weightedTotal(criteria, full)).toBe(100);
      expect(
        weightedTotal(
          criteria,
          criteria.map((criterion) => ({ criterionKey: criterion.key, score: 0 })),
        ),
      ).toBe(0);
    });

    test('rounded to one decimal', () => {
      expect(weightedTotal([{ key: 'only', name: '综合', weight: 100, maxScore: 3 }], [{ criterionKey: 'only', score: 1 }])).toBe(33.3);
      expect(weightedTotal([{ key: 'only', name: '综合', weight: 100, maxScore: 3 }], [{ criterionKey: 'only', score: 2 }])).toBe(66.7);
    });

    test('with the society’s five criteria, each out of 100', () => {
      const scores = [
        { criterionKey: 'foundation', score: 80 },
        { criterionKey: 'capability', score: 90 },
        { criterionKey: 'feasibility', score: 70 },
        { criterionKey: 'indicator-contribution', score: 60 },
        { criterionKey: 'budget', score: 100 },
      ];
      expect(scoreSheetIssue(civil.reviewCriteria, scores)).toBeNull();
      expect(weightedTotal(civil.reviewCriteria, scores)).toBe(16 + 18 + 17.5 + 15 + 10);
    });

    test('property: any accepted sheet totals between 0 and 100, to one decimal', () => {
      fc.assert(
        fc.property(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 10, noNaN: true })), ([foundation, plan]) => {
          const sheet = [
            { criterionKey: 'foundation', score: foundation },
            { criterionKey: 'plan', score: plan },
          ];
          expect(scoreSheetIssue(criteria, sheet)).toBeNull();
          const total = weightedTotal(criteria, sheet);
          expect(total).toBeGreaterThanOrEqual(0);
          expect(total).toBeLessThanOrEqual(100);
          expect(Math.round(total * 10) / 10).toBe(total);
        }),
      );
    });
  });

  describe('per application: mean, spread and outliers', () => {
    test('mean and population standard deviation, to one decimal', () => {
      // The sample deviation would be 10; the population deviation is √(200/3) ≈ 8.16.
      expect(summarize([80, 90, 70])).toEqual({ count: 3, mean: 80, spread: 8.2, min: 70, max: 90 });
      expect(summarize([85.5])).toEqual({ count: 1, mean: 85.5, spread: 0, min: 85.5, max: 85.5 });
    });

    test('no reviews, no figures', () => {
      expect(summarize([])).toEqual({ count: 0, mean: null, spread: null, min: null, max: null });
    });

    test('an outlier needs at least three reviews to be called one', () => {
      expect(
        outlierIds([
          { id: 'r1', total: 95 },
          { id: 'r2', total: 20 },
        ]),
      ).toEqual([]);
    });

    test('a total more than 15 points from the mean of the others is flagged; exactly 15 is not', () => {
      const reviews = [
        { id: 'r1', total: 80 },
        { id: 'r2', total: 81 },
        { id: 'r3', total: 82 },
        { id: 'r4', total: 40 },
      ];
      // r4: 41 from 81; r3: 82 − (80 + 81 + 40) / 3 = 15, not more; r1: 12.3.
      expect(outlierIds(reviews)).toEqual(['r4']);
      expect(
        outlierIds([
          { id: 'r1', total: 70 },
          { id: 'r2', total: 85 },
          { id: 'r3', total: 85 },
        ]),
      ).toEqual([]);
      expect(
        outlierIds([
          { id: 'r1', total: 69.9 },
          { id: 'r2', total: 85 },
          { id: 'r3', total: 85 },
        ]),
      ).toEqual(['r1']);
    });

    test('a high outlier is flagged as much as a low one', () => {
      expect(
        outlierIds([
          { id: 'r1', total: 60 },
          { id: 'r2', total: 62 },
          { id: 'r3', total: 61 },
          { id: 'r4', total: 99 },
        ]),
      ).toEqual(['r4']);
    });
  });

  describe('ranking within each category', () => {
    const entries = [
      { applicationId: 'a1', categoryKey: 'award', mean: 80, orgName: '岩土专委会' },
      { applicationId: 'b1', categoryKey: 'other', mean: 70, orgName: '某设计院' },
      { applicationId: 'a2', categoryKey: 'award', mean: null, orgName: '结构专委会' },
      { applicationId: 'a3', categoryKey: 'award', mean: 90, orgName: '科普专委会' },
      { applicationId: 'a4', categoryKey: 'award', mean: 80, orgName: '教育专委会' },
      { applicationId: 'b2', categoryKey: 'other', mean: 75, orgName: '某施工企业' },
      { applicationId: 'a5', categoryKey: 'award', mean: 60, orgName: '青年工作委员会' },
    ];

    test('best first; equal means share a rank and the next rank is skipped; unscored last without a rank', () => {
      const ranked = rankWithinCategories(entries);
      expect(ranked.map((entry) => [entry.categoryKey, entry.applicationId, entry.rank])).toEqual([
        ['award', 'a3', 1],
        ['award', 'a1', 2],
        ['award', 'a4', 2],
        ['award', 'a5', 4],
        ['award', 'a2', null],
        ['other', 'b2', 1],
        ['other', 'b1', 2],
      ]);
    });

    test('the rest of each entry is kept', () => {
      expect(rankWithinCategories(entries).find((entry) => entry.applicationId === 'a3')).toEqual({ ...entries[3], rank: 1 });
    });

    test('a three-way tie at the top', () => {
      const tie = [90, 90, 90, 85].map((mean, index) => ({ applicationId: `t${index}`, categoryKey: 'award', mean }));
      expect(rankWithinCategories(tie).map((entry) => entry.rank)).toEqual([1, 1, 1, 4]);
    });

    test('a category where nobody is scored yet', () => {
      expect(rankWithinCategories([{ applicationId: 'x', categoryKey: 'award', mean: null }])).toEqual([
        { applicationId: 'x', categoryKey: 'award', mean: null, rank: null },
      ]);
    });
  });

  describe('the running score kept on the application (what the ranking sorts on)', () => {
    test('gives the mean the ranking shows, score by score, for any one-decimal totals', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 }), (tenths) => {
          const totals = tenths.map((tenth) => tenth / 10);
          let running: ReturnType<typeof withReviewTotal> | undefined;
          for (const total of totals) running = withReviewTotal(running?.reviewScores, total);
          expect(running!.reviewScores.submitted).toBe(totals.length);
          expect(running!.rankScore).toBe(summarize(totals).mean);
        }),
      );
    });

    test('ranks go on across pages: a tie with the row before shares its rank, unscored rows stay unranked', () => {
      const page = [{ mean: 80 }, { mean: 70 }, { mean: null }];
      expect(rankFrom(page, 2, { mean: 80, rank: 2 }).map((row) => row.rank)).toEqual([2, 4, null]);
      expect(rankFrom(page, 0, null).map((row) => row.rank)).toEqual([1, 2, null]);
    });
  });
});
