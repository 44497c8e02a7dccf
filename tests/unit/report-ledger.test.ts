// A report shows what the claims hold per committed indicator and asks only for the shortfall (issue 10, deliver 3).
import { claimedAmounts, reportClaimDescription, reportFigureIssue, reportLines } from '@/core/kpi/report-ledger';

const commitments = [
  { indicatorKey: 'papers', amount: 10 },
  { indicatorKey: 'lectures', amount: 3 },
  { indicatorKey: 'patents', amount: 2 },
];
const claims = [
  { indicatorKey: 'papers', amount: 3, verification: 'verified' as const },
  { indicatorKey: 'papers', amount: 2, verification: 'pending' as const },
  { indicatorKey: 'papers', amount: 4, verification: 'rejected' as const },
  { indicatorKey: 'lectures', amount: 2, verification: 'verified' as const },
  { indicatorKey: 'lectures', amount: 2, verification: 'pending' as const },
  { indicatorKey: 'members', amount: 7, verification: 'verified' as const },
];
const papers = { name: '论文', unit: '篇' };

test('each committed indicator shows 承诺 / 已核实 / 待核实 and the shortfall; a rejected claim holds nothing', () => {
  expect(reportLines(commitments, claims)).toEqual([
    { indicatorKey: 'papers', committed: 10, verified: 3, pending: 2, missing: 5 },
    // Claimed past the commitment: covered, nothing is asked.
    { indicatorKey: 'lectures', committed: 3, verified: 2, pending: 2, missing: 0 },
    { indicatorKey: 'patents', committed: 2, verified: 0, pending: 0, missing: 2 },
  ]);
  // An indicator claimed without a commitment is not a line of the report.
  expect(claimedAmounts(claims, 'members')).toEqual({ verified: 7, pending: 0 });
});

test('a figure up to the shortfall is taken; above it the refusal names the figures on record and where the rest goes', () => {
  const [line, covered] = reportLines(commitments, claims);
  expect(reportFigureIssue(line, 5, papers)).toBeNull();
  expect(reportFigureIssue(line, 0, papers)).toBeNull();
  expect(reportFigureIssue(line, 6, papers)).toBe(
    '“论文”本次最多填报 5 篇（承诺 10，已核实 3，待核实 2）；超出承诺的成果请在“成果填报”中逐项提交并附佐证',
  );
  expect(reportFigureIssue(covered, 1, { name: '讲座', unit: '场' })).toBe(
    '“讲座”已填报足额（承诺 3，已核实 2，待核实 2），本报告不再填写；超出承诺的成果请在“成果填报”中逐项提交并附佐证',
  );
  expect(reportFigureIssue(undefined, 1, { name: '会员', unit: '名' })).toContain('未承诺“会员”');
  expect(reportFigureIssue(undefined, 0, { name: '会员', unit: '名' })).toBeNull();
});

test("a claim made from a report names the report, and says when only part of the report's evidence fits on it", () => {
  expect(reportClaimDescription('midterm', 4, 4)).toBe('中期报告填报');
  expect(reportClaimDescription('final', 0, 0)).toBe('结项报告填报');
  expect(reportClaimDescription('rectification', 12, 9)).toBe('整改报告填报（佐证材料共 12 个，此处附前 9 个，其余见报告）');
});
