// The programme's application counts as running totals (issue 11, Deliver 2): moved change by change they always
// equal the counts recomputed from the applications, and the drift report names exactly what differs.
import fc from 'fast-check';
import { combineTotals, contributionOf, emptyTotals, movedTotals, totalsDrift, totalsOf } from '@/core/award/program-totals';
import type { Application } from '@/core/schemas/documents';
import { applicationStatuses, type ApplicationStatus } from '@/core/workflow/award-workflow';

type Counted = Pick<Application, 'status' | 'categoryKey' | 'sections' | 'awardFen' | 'payout'>;

const paid = (amountFen: number) => ({
  amountFen,
  paidOn: '2023-12-05',
  voucherNo: '记-1',
  recordedBy: 'user-secretary',
  recordedAt: '2023-12-05T02:00:00.000Z',
});

const state = fc.record({
  status: fc.constantFrom<ApplicationStatus>(...applicationStatuses),
  categoryKey: fc.constantFrom('award', 'subsidy', 'special'),
  sections: fc.dictionary(fc.constantFrom('plan', 'budget', 'team'), fc.constantFrom('', '  ', '计划', '预算说明')),
  awardFen: fc.option(fc.integer({ min: 1, max: 50_000_000 }), { nil: null }),
  payout: fc.option(fc.integer({ min: 1, max: 50_000_000 }).map(paid), { nil: null }),
}) as fc.Arbitrary<Counted>;

// A step creates an application or changes one already there into another state.
const step = fc.oneof(
  fc.record({ kind: fc.constant('create' as const), next: state }),
  fc.record({ kind: fc.constant('change' as const), which: fc.nat(40), next: state }),
);

test('moved change by change, the totals equal the totals recounted from the applications', () => {
  fc.assert(
    fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
      const applications: Counted[] = [];
      let running = emptyTotals();
      for (const move of steps) {
        if (move.kind === 'create') {
          running = movedTotals(running, null, move.next);
          applications.push(move.next);
        } else if (applications.length > 0) {
          const index = move.which % applications.length;
          running = movedTotals(running, applications[index]!, move.next);
          applications[index] = move.next;
        }
      }
      expect(running).toEqual(totalsOf(applications));
      expect(totalsDrift(running, totalsOf(applications))).toEqual([]);
    }),
  );
});

test('the board counts an application once in its status, and money only for awards not failed', () => {
  const granted: Counted = {
    status: 'implementing',
    categoryKey: 'award',
    sections: { plan: '计划', team: ' ' },
    awardFen: 300_000,
    payout: null,
  };
  const failed: Counted = { ...granted, status: 'failed', payout: paid(150_000) };
  const totals = totalsOf([granted, failed]);
  expect(totals.statuses).toEqual({ implementing: 1, failed: 1 });
  expect(totals.sections).toEqual({ plan: 2 });
  expect(totals.awarded).toBe(2);
  expect(totals.awardedFen).toBe(300_000);
  expect(totals.paidFen).toBe(150_000);
  expect(combineTotals(totals, contributionOf(failed), -1)).toEqual(totalsOf([granted]));
});

test('drift names each field the stored totals hold differently, and a ledger from before the totals drifts by all of them', () => {
  const application: Counted = { status: 'draft', categoryKey: 'award', sections: {}, awardFen: null, payout: null };
  const expected = totalsOf([application, { ...application, status: 'submitted' }]);
  const stored = movedTotals(expected, application, null);
  expect(totalsDrift(stored, expected)).toEqual([
    { field: 'applications', stored: 1, expected: 2 },
    { field: 'statuses.draft', stored: 0, expected: 1 },
    { field: 'categories.award', stored: 1, expected: 2 },
  ]);
  expect(totalsDrift(undefined, expected).map((drift) => drift.field)).toEqual([
    'applications',
    'statuses.draft',
    'statuses.submitted',
    'categories.award',
  ]);
});
