// The rules that keep the process whole: a shortlist needs every expert's score; a new amount must fit the pool.
import fc from 'fast-check';
import { emptyCounts, moveCounts, repricing } from '@/core/award/quota';
import { reviewsIncompleteReason } from '@/core/review/scoring';
import { programFrom } from './factories';

describe('shortlisting and the reviews', () => {
  const review = (reviewerName: string, status: 'assigned' | 'declared' | 'submitted' | 'withdrawn') => ({ reviewerName, status });

  test('no review at all, or any assigned review not submitted, blocks the shortlist with the names', () => {
    expect(reviewsIncompleteReason([])).toBe('尚未分配评审专家，没有任何评分，不能列入拟立项');
    expect(reviewsIncompleteReason([review('刘教授', 'submitted'), review('赵教授', 'declared'), review('周高工', 'assigned')])).toBe(
      '赵教授、周高工尚未提交评分',
    );
    expect(reviewsIncompleteReason([review('刘教授', 'submitted'), review('赵教授', 'submitted')])).toBeNull();
    // A withdrawn assignment is neither awaited nor a score.
    expect(reviewsIncompleteReason([review('刘教授', 'submitted'), review('赵教授', 'withdrawn')])).toBeNull();
    expect(reviewsIncompleteReason([review('赵教授', 'withdrawn')])).toBe('尚未分配评审专家，没有任何评分，不能列入拟立项');
  });

  test('a shortlist is allowed exactly when there is a standing review and every standing one is submitted (property)', () => {
    const statuses = fc.array(fc.constantFrom('assigned' as const, 'declared' as const, 'submitted' as const, 'withdrawn' as const), {
      maxLength: 8,
    });
    fc.assert(
      fc.property(statuses, (list) => {
        const allowed = reviewsIncompleteReason(list.map((status, index) => review(`专家${index}`, status))) === null;
        const standing = list.filter((status) => status !== 'withdrawn');
        expect(allowed).toBe(standing.length > 0 && standing.every((status) => status === 'submitted'));
      }),
    );
  });
});

describe('changing a category’s amount under the shortlist', () => {
  const civil = programFrom('sichuan-civil-2023');
  const [award] = civil.categories;
  const atAmount = (awardAmountFen: number) => [{ ...award!, awardAmountFen }];

  test('pending awards count at the new amount; the change is refused when the pool cannot hold them', () => {
    let counts = emptyCounts(civil);
    for (let n = 0; n < 3; n += 1) counts = moveCounts(counts, 'award', 300_000, 'shortlist', 1);
    counts = moveCounts(counts, 'award', 300_000, 'grant', 1);
    const fits = repricing(counts, civil.categories, atAmount(4_000_000), civil.poolFen);
    expect(fits).toEqual({ counts: { ...counts, shortlistedFen: 300_000 + 2 * 4_000_000 }, issue: null });
    expect(repricing(counts, civil.categories, atAmount(5_000_000), civil.poolFen).issue).toBe(
      '“培育奖励”已有 2 项拟立项，单项金额改为 50,000 元，拟立项合计 103,000 元，超过资金池 100,000 元',
    );
    // Nothing pending: any amount may be set, the granted awards keep theirs.
    const granted = moveCounts(moveCounts(emptyCounts(civil), 'award', 300_000, 'shortlist', 1), 'award', 300_000, 'grant', 1);
    expect(repricing(granted, civil.categories, atAmount(90_000_000), civil.poolFen)).toEqual({ counts: granted, issue: null });
  });

  test('after repricing, the ledger holds granted awards at the old amount and pending ones at the new (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (shortlistedCount, grantedSeed, oldFen, newFen) => {
          const grantedCount = Math.min(grantedSeed, shortlistedCount);
          let counts = emptyCounts(civil);
          for (let n = 0; n < shortlistedCount; n += 1) counts = moveCounts(counts, 'award', oldFen, 'shortlist', 1);
          for (let n = 0; n < grantedCount; n += 1) counts = moveCounts(counts, 'award', oldFen, 'grant', 1);
          const before = [{ ...award!, awardAmountFen: oldFen }];
          const result = repricing(counts, before, atAmount(newFen), Number.MAX_SAFE_INTEGER);
          expect(result.counts.shortlistedFen).toBe(grantedCount * oldFen + (shortlistedCount - grantedCount) * newFen);
          expect(result.counts.grantedFen).toBe(counts.grantedFen);
          const tight = repricing(counts, before, atAmount(newFen), result.counts.shortlistedFen);
          expect(tight.issue).toBeNull();
        },
      ),
    );
  });
});
