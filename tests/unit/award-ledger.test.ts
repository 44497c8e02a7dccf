// What the award ledger's rows say (core/award/ledger.ts): who is listed, money in yuan, dates as people read them,
// commitments and verified claims per indicator, each reviewer's scores and their means.
import { awardLedgerWorkbook } from '../../cloudfunctions/api/src/award-ledger-sheet';
import { MEAN_ROW_LABEL, ledgerIndicators, ledgerRows, reviewSummaryRows } from '@/core/award/ledger';
import type { Application, Claim, Review } from '@/core/schemas/documents';
import { emptyOutcomes } from '@/core/workflow/award-workflow';
import { emptyContent, programFrom } from './factories';

const program = programFrom('sichuan-civil-2023');
const [category] = program.categories;
const [indicator] = ledgerIndicators(program);
const units = new Map([
  ['org-a', '四川省土木建筑学会'],
  ['org-b', '四川省力学学会'],
]);

function application(id: string, overrides: Partial<Application>): Application {
  return {
    _id: id,
    programId: program._id,
    orgId: 'org-a',
    status: 'paid',
    ...emptyContent(category?.key ?? ''),
    projectName: `项目${id}`,
    outcomes: { ...emptyOutcomes, check: 'passed' },
    awardFen: 300_050,
    submittedAt: `2023-06-0${id.length}T00:00:00.000Z`,
    payout: null,
    advance: null,
    ...overrides,
  } as Application;
}

const review = (applicationId: string, reviewerName: string, total: number | null, status: Review['status'] = 'submitted') =>
  ({
    applicationId,
    reviewerName,
    status,
    total,
    scores: program.reviewCriteria.map((criterion) => ({
      criterionKey: criterion.key,
      score: total === null ? 0 : criterion.maxScore / 2,
    })),
  }) as Review;

const claim = (applicationId: string, amount: number, verification: Claim['verification']) => ({
  applicationId,
  indicatorKey: indicator?.key ?? '',
  amount,
  verification,
});

test('only applications past the formal check are listed, with money in yuan and payment days as people read them', () => {
  const paid = application('a', {
    payout: { amountFen: 300_050, paidOn: '2023-12-05', voucherNo: '记-125', recordedBy: 'u', recordedAt: '2023-12-05T01:00:00.000Z' },
    commitments: [{ indicatorKey: indicator?.key ?? '', amount: 3 }],
  });
  const returned = application('bb', { orgId: 'org-b', status: 'returned', outcomes: { ...emptyOutcomes, check: 'returned' } });
  const [row, ...others] = ledgerRows(
    program,
    [paid, returned],
    [claim('a', 2, 'verified'), claim('a', 5, 'pending'), claim('a', 1, 'verified'), claim('bb', 4, 'verified')],
    [review('a', '刘教授', 90), review('a', '赵教授', 81), review('a', '钱教授', null, 'assigned')],
    units,
  );
  expect(others).toEqual([]);
  expect(row).toMatchObject({
    unit: '四川省土木建筑学会',
    category: category?.name,
    awardYuan: 3000.5,
    status: '已发放',
    meanScore: 85.5,
    advance: null,
    payout: { yuan: 3000.5, paidOn: '2023年12月5日', voucherNo: '记-125' },
  });
  // The first indicator: the commitment, and only verified claims summed.
  expect(row?.indicators[0]).toEqual({ committed: 3, verified: 3 });
  expect(row?.indicators).toHaveLength(ledgerIndicators(program).length);
});

test('the review summary lists each submitted review per criterion, then the means', () => {
  const rows = reviewSummaryRows(
    program,
    [application('a', {}), application('bb', { orgId: 'org-b' })],
    [review('a', '刘教授', 90), review('a', '赵教授', 81), review('a', '钱教授', null, 'withdrawn')],
    units,
  );
  expect(rows.map((row) => row.reviewer)).toEqual(['刘教授', '赵教授', MEAN_ROW_LABEL]);
  expect(rows[2]).toMatchObject({ unit: '四川省土木建筑学会', total: 85.5 });
  expect(rows[2]?.scores).toEqual(program.reviewCriteria.map((criterion) => criterion.maxScore / 2));
});

test('a ledger of 30 awards, each with three reviews, fits the CloudBase 100 KB answer as base64', async () => {
  const applications = Array.from({ length: 30 }, (_, index) =>
    application(`app-${String(index).padStart(2, '0')}`, {
      projectName: '建筑结构抗震科普进社区暨青少年科学素质提升行动'.repeat(2),
      payout: {
        amountFen: 300_000,
        paidOn: '2023-12-05',
        voucherNo: '记-2023-125',
        recordedBy: 'u',
        recordedAt: '2023-12-05T01:00:00.000Z',
      },
      advance: {
        amountFen: 150_000,
        paidOn: '2023-08-01',
        voucherNo: '记-2023-081',
        recordedBy: 'u',
        recordedAt: '2023-08-01T01:00:00.000Z',
      },
      commitments: ledgerIndicators(program).map((each) => ({ indicatorKey: each.key, amount: 3 })),
    }),
  );
  const reviews = applications.flatMap((each) => ['刘教授', '赵教授', '钱教授'].map((name) => review(each._id, name, 88)));
  const bytes = await awardLedgerWorkbook(
    program,
    ledgerRows(program, applications, [], reviews, units),
    reviewSummaryRows(program, applications, reviews, units),
    new Date('2024-01-01T00:00:00Z'),
  );
  expect(bytes.toString('base64').length).toBeLessThan(100 * 1024);
});
