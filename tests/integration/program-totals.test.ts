// The programme's counts as running totals (issue 11, Deliver 2): the board reads them from the ledger document
// moved with each change, never from the applications; the repair command recounts the records a page at a time,
// reports any drift and fixes it.
import { ledgerId } from '@/core/award/quota';
import { repairLedgers } from '../../cloudfunctions/api/src/ledger-repair';
import { completeContent, OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { acceptedFrom, current, decided, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function board() {
  return h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
}

/** The board's counts as a recount of the applications would give them. */
async function recounted() {
  const applications = await h.store.find('applications', { programId: PROGRAM_ID });
  const counts: Record<string, number> = {};
  for (const application of applications) counts[application.status] = (counts[application.status] ?? 0) + 1;
  return {
    counts,
    grantedFen: applications.filter((one) => one.status !== 'failed').reduce((sum, one) => sum + (one.awardFen ?? 0), 0),
    paidFen: applications.reduce((sum, one) => sum + (one.payout?.amountFen ?? 0), 0),
  };
}

function nonZero(counts: Record<string, number>) {
  return Object.fromEntries(Object.entries(counts).filter(([, count]) => count > 0));
}

async function awardPaid() {
  const award = await shortlisted(h, await submitted(h, OPENID.structure));
  await decided(h, await submitted(h, OPENID.academic), 'return', '请补充预算依据');
  await h.as(OPENID.design, 'application.create', {
    programId: PROGRAM_ID,
    requestId: `draft${Date.now().toString(36)}`,
    content: completeContent(),
  });
  await publicizedAndClosed(h);
  h.clock.set('2023-11-01T09:00:00+08:00');
  const accepted = await acceptedFrom(h, OPENID.structure, await current(h, OPENID.secretary, award._id));
  await h.as(OPENID.secretary, 'application.pay', {
    applicationId: accepted._id,
    version: accepted.version,
    payout: { amountFen: 120_000, paidOn: '2023-12-05', voucherNo: '记-2023-125' },
  });
}

test('the board’s status counts, granted and paid money equal a recount of the applications, moved change by change', async () => {
  await awardPaid();
  const shown = await board();
  const expected = await recounted();
  expect(nonZero(shown.counts)).toEqual(expected.counts);
  expect(shown.counts.draft).toBe(1);
  expect(shown.counts.returned).toBe(1);
  expect(shown.grantedFen).toBe(expected.grantedFen);
  expect(shown.grantedFen).toBeGreaterThan(0);
  expect(shown.paidFen).toBe(120_000);
  expect(await repairLedgers(h.store, h.clock.now())).toEqual({ programTotals: [], skipped: [], indicators: [] });
});

test('the repair reports totals damaged behind the ledger’s back, rewrites them from the records, and then finds none', async () => {
  await awardPaid();
  const ledger = (await h.store.get('ledgers', ledgerId(PROGRAM_ID)))!;
  const totals = ledger.totals!;
  // A count lost (a write path that forgot the ledger) and paid money doubled.
  await h.store.transaction((tx) =>
    tx.replace(
      'ledgers',
      {
        ...ledger,
        version: ledger.version + 1,
        totals: { ...totals, statuses: { ...totals.statuses, draft: 0 }, paidFen: 240_000 },
      },
      ledger.version,
    ),
  );
  expect((await board()).paidFen).toBe(240_000);
  const report = await repairLedgers(h.store, h.clock.now());
  expect(report.programTotals).toEqual([
    { programId: PROGRAM_ID, field: 'paidFen', stored: 240_000, expected: 120_000 },
    { programId: PROGRAM_ID, field: 'statuses.draft', stored: 0, expected: 1 },
  ]);
  expect(report.skipped).toEqual([]);
  const repaired = await board();
  expect(repaired.paidFen).toBe(120_000);
  expect(repaired.counts.draft).toBe(1);
  expect((await repairLedgers(h.store, h.clock.now())).programTotals).toEqual([]);
});

test('a ledger from before the totals were kept is filled in by the repair', async () => {
  await submitted(h, OPENID.structure);
  const ledger = (await h.store.get('ledgers', ledgerId(PROGRAM_ID)))!;
  const { totals: _dropped, ...older } = ledger;
  await h.store.transaction((tx) => tx.replace('ledgers', { ...older, version: ledger.version + 1 }, ledger.version));
  expect((await board()).counts.submitted).toBe(0);
  const report = await repairLedgers(h.store, h.clock.now());
  expect(report.programTotals.map((drift) => drift.field)).toContain('statuses.submitted');
  expect((await board()).counts.submitted).toBe(1);
});

test('the repair reads a collection a page at a time to its end, each document once', async () => {
  // On the CloudBase adapter over a stand-in answering 2 documents a read: three applications take two reads.
  const paged = await startHarness({ store: 'cloudbase-fake', pageCap: 2 });
  try {
    for (const contact of [OPENID.structure, OPENID.academic, OPENID.design]) await submitted(paged, contact);
    const ledger = (await paged.store.get('ledgers', ledgerId(PROGRAM_ID)))!;
    const { totals: _dropped, ...withoutTotals } = ledger;
    await paged.store.transaction((tx) => tx.replace('ledgers', { ...withoutTotals, version: ledger.version + 1 }, ledger.version));
    const report = await repairLedgers(paged.store, paged.clock.now());
    expect(report.programTotals.filter((drift) => drift.field === 'statuses.submitted')).toEqual([
      expect.objectContaining({ field: 'statuses.submitted', stored: 0, expected: 3 }),
    ]);
    const board = await paged.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
    expect(board.counts.submitted).toBe(3);
  } finally {
    await paged.close();
  }
});
