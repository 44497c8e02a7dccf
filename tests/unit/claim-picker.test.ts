// The claim picker (issue 10, deliver 3): committed indicators first; a warning, not a refusal, past the commitment.
import { committedFirst, indicatorProgress, pastCommitmentWarning } from '@/features/apply/claim-progress';

const indicators = [{ key: 'lectures' }, { key: 'published-results' }, { key: 'members' }, { key: 'patents' }];

test('the indicators the application committed to come first, in the order it committed them; the rest keep the programme order', () => {
  const ordered = committedFirst(indicators, [{ indicatorKey: 'patents' }, { indicatorKey: 'published-results' }]);
  expect(ordered.map((indicator) => indicator.key)).toEqual(['patents', 'published-results', 'lectures', 'members']);
  expect(committedFirst(indicators, []).map((indicator) => indicator.key)).toEqual(['lectures', 'published-results', 'members', 'patents']);
  // A commitment to an indicator the picker does not offer adds nothing.
  expect(committedFirst(indicators, [{ indicatorKey: 'rank' }])).toHaveLength(4);
});

test('a claim that takes the claimed total past the commitment is warned about with both figures; up to it, nothing is said', () => {
  const progress = { committed: 3, claimed: 2, verified: 0 };
  expect(pastCommitmentWarning(progress, 1, '项')).toBeNull();
  expect(pastCommitmentWarning(progress, 2, '项')).toBe('填报后合计 4 项，超过承诺的 3 项；可以提交，超出部分同样需秘书处核实');
  // Nothing committed, or no amount typed yet: no warning.
  expect(pastCommitmentWarning({ committed: null, claimed: 5, verified: 5 }, 9, '项')).toBeNull();
  expect(pastCommitmentWarning(progress, Number.NaN, '项')).toBeNull();
  expect(pastCommitmentWarning(progress, 0, '项')).toBeNull();
});

test('progress on an indicator: what was committed, what is claimed (pending or verified, not rejected) and what is verified', () => {
  const detail = {
    application: { commitments: [{ indicatorKey: 'lectures', amount: 6 }] },
    claims: [
      { indicatorKey: 'lectures', amount: 2, verification: 'verified' },
      { indicatorKey: 'lectures', amount: 3, verification: 'pending' },
      { indicatorKey: 'lectures', amount: 4, verification: 'rejected' },
      { indicatorKey: 'members', amount: 50, verification: 'verified' },
    ],
  } as unknown as Parameters<typeof indicatorProgress>[0];
  expect(indicatorProgress(detail, 'lectures')).toEqual({ committed: 6, claimed: 5, verified: 2 });
  // Claimed without a commitment: nothing to measure against, so no warning either.
  const members = indicatorProgress(detail, 'members');
  expect(members).toEqual({ committed: null, claimed: 50, verified: 50 });
  expect(pastCommitmentWarning(members, 10, '人')).toBeNull();
  // The next 2 lectures would pass the 6 committed: warned, with the total.
  expect(pastCommitmentWarning(indicatorProgress(detail, 'lectures'), 2, '场')).toBe(
    '填报后合计 7 场，超过承诺的 6 场；可以提交，超出部分同样需秘书处核实',
  );
});
