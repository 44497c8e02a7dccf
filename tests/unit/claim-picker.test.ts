// The claim picker (issue 10, deliver 3): committed indicators first; a warning, not a refusal, past the commitment.
import { committedFirst, pastCommitmentWarning } from '@/features/apply/claim-progress';

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
