// Claims and reports are one ledger (issue 10, deliver 3): a report's figures become claims waiting for the
// secretariat's verification, so the board and the report agree; a report asks only for what the claims do not
// already hold, and the server refuses a figure beyond that shortfall.
import type { ActionInput, ApplicationView } from '@/core/schemas/actions';
import { repairIndicatorLedger } from '../../cloudfunctions/api/src/indicator-ledger';
import { OPENID, PROGRAM_ID, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, implementingAward } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

// The harness's application commits to 3 published results and 2 recommended papers (completeContent).
const RESULTS = 'published-results';
const PAPERS = 'papers-recommended';

type Achievements = ActionInput<'application.report'>['achievements'];

function reportInput(award: ApplicationView, achievements: Achievements, fileIds: string[] = [], id = requestId()) {
  return { requestId: id, applicationId: award._id, version: award.version, summary: '按计划完成各项工作。', achievements, fileIds };
}

/** The award at its final report: the mid-term report filed with the given figures and passed. */
async function atFinalReport(midterm: Achievements = []) {
  const award = await implementingAward(h);
  const filed = await h.as(OPENID.structure, 'application.report', reportInput(award, midterm));
  expect(filed.status).toBe('midtermSubmitted');
  return decided(h, filed, 'passMidterm');
}

const claimsOf = (applicationId: string) => h.store.find('claims', { applicationId });
async function boardRow(indicatorKey: string) {
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  return board.rows.find((row) => row.key === indicatorKey)!;
}

test('a final report saying 3 results and 2 papers gives pending claims the queue and the board show; verified only when verified', async () => {
  const award = await atFinalReport();
  const before = { results: await boardRow(RESULTS), papers: await boardRow(PAPERS) };
  const photos = [
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'report'),
    await uploadedThroughSlot(h, OPENID.structure, award._id, 'report'),
  ];

  const final = await h.as(
    OPENID.structure,
    'application.report',
    reportInput(
      award,
      [
        { indicatorKey: RESULTS, amount: 3 },
        { indicatorKey: PAPERS, amount: 2 },
      ],
      photos,
    ),
  );
  expect(final.status).toBe('finalSubmitted');
  // The report keeps its figures as typed, and names the claims it made.
  expect(final.reports.final?.achievements).toEqual([
    { indicatorKey: RESULTS, amount: 3 },
    { indicatorKey: PAPERS, amount: 2 },
  ]);
  const claims = await claimsOf(award._id);
  expect(final.reports.final?.claimIds).toEqual(expect.arrayContaining(claims.map((claim) => claim._id)));
  expect(claims).toHaveLength(2);
  expect(claims.map((claim) => [claim.indicatorKey, claim.amount, claim.verification, claim.description])).toEqual(
    expect.arrayContaining([
      [RESULTS, 3, 'pending', '结项报告填报'],
      [PAPERS, 2, 'pending', '结项报告填报'],
    ]),
  );
  // Each claim carries the report's evidence, and was made by the contact who filed the report, with its audit entry.
  for (const claim of claims) {
    expect(claim.fileIds).toEqual(photos);
    expect(claim.createdBy).toBe('user-contact-structure');
    const audit = await h.store.find('audit', { entityId: claim._id });
    expect(audit.map((entry) => [entry.action, entry.to])).toEqual([['claim', 'pending']]);
  }

  // The secretariat's queue lists them; the unit's detail shows them as its claims.
  const queue = (await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).items;
  expect(queue.filter((entry) => entry.applicationId === award._id).map((entry) => entry.amount)).toEqual(expect.arrayContaining([3, 2]));
  const detail = await h.as(OPENID.structure, 'application.get', { applicationId: award._id });
  expect(detail.claims.map((claim) => claim._id).sort()).toEqual(claims.map((claim) => claim._id).sort());

  // The board counts them as claimed, not verified.
  const after = await boardRow(RESULTS);
  expect(after.claimed).toBe(before.results.claimed! + 3);
  expect(after.verified).toBe(before.results.verified);
  expect((await boardRow(PAPERS)).claimed).toBe(before.papers.claimed! + 2);

  // Verifying one moves the board's verified figure by exactly it.
  const results = claims.find((claim) => claim.indicatorKey === RESULTS)!;
  await h.as(OPENID.secretary, 'claim.verify', { claimId: results._id, version: results.version, decision: 'verified' });
  const verified = await boardRow(RESULTS);
  expect(verified.verified).toBe(before.results.verified! + 3);
  expect(verified.claimed).toBe(after.claimed);
  expect((await boardRow(PAPERS)).verified).toBe(before.papers.verified);
  expect((await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).items.map((entry) => entry._id)).not.toContain(
    results._id,
  );
  // The report's claims moved the running totals exactly as the records say.
  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
});

test('the same report sent again after its answer was lost makes no second claims', async () => {
  const award = await atFinalReport();
  const input = reportInput(award, [{ indicatorKey: RESULTS, amount: 2 }]);
  const first = await h.as(OPENID.structure, 'application.report', input);
  const again = await h.as(OPENID.structure, 'application.report', input);
  expect(again.version).toBe(first.version);
  expect(again.reports.final?.claimIds).toEqual(first.reports.final?.claimIds);
  const claims = await claimsOf(award._id);
  expect(claims.map((claim) => claim.amount)).toEqual([2]);
  expect((await boardRow(RESULTS)).claimed).toBe(2);
});

test('the mid-term figures are not asked again: the final report takes only the shortfall, and refuses more, changing nothing', async () => {
  const award = await atFinalReport([{ indicatorKey: RESULTS, amount: 2 }]);
  const [midtermClaim] = await claimsOf(award._id);
  expect(midtermClaim).toMatchObject({ indicatorKey: RESULTS, amount: 2, verification: 'pending', description: '中期报告填报' });
  await h.as(OPENID.secretary, 'claim.verify', { claimId: midtermClaim!._id, version: midtermClaim!.version, decision: 'verified' });

  // The contact types the running total (3) where 1 is missing: refused, naming the figures on record.
  const typedTotal = await h.raw(OPENID.structure, 'application.report', reportInput(award, [{ indicatorKey: RESULTS, amount: 3 }]));
  expect(refusal(typedTotal)?.[0]).toBe('INVALID_INPUT');
  expect(refusal(typedTotal)?.[1]).toContain('本次最多填报 1 项（承诺 3，已核实 2，待核实 0）');
  // An indicator the award did not commit to, or one typed twice, is refused too.
  const uncommitted = await h.raw(
    OPENID.structure,
    'application.report',
    reportInput(award, [{ indicatorKey: 'tech-services', amount: 1 }]),
  );
  expect(refusal(uncommitted)?.[0]).toBe('INVALID_INPUT');
  expect(refusal(uncommitted)?.[1]).toContain('未承诺');
  const twice = await h.raw(
    OPENID.structure,
    'application.report',
    reportInput(award, [
      { indicatorKey: PAPERS, amount: 1 },
      { indicatorKey: PAPERS, amount: 1 },
    ]),
  );
  expect(refusal(twice)?.[0]).toBe('INVALID_INPUT');
  expect((await current(h, OPENID.structure, award._id)).version).toBe(award.version);
  expect(await claimsOf(award._id)).toHaveLength(1);

  // The shortfall itself is taken; a 0 is kept as typed and claims nothing.
  const final = await h.as(
    OPENID.structure,
    'application.report',
    reportInput(award, [
      { indicatorKey: RESULTS, amount: 1 },
      { indicatorKey: PAPERS, amount: 0 },
    ]),
  );
  expect(final.reports.final?.achievements).toEqual([
    { indicatorKey: RESULTS, amount: 1 },
    { indicatorKey: PAPERS, amount: 0 },
  ]);
  expect(final.reports.final?.claimIds).toHaveLength(1);
  const row = await boardRow(RESULTS);
  expect([row.claimed, row.verified]).toEqual([3, 2]);
});

test('a rejected claim frees its part of the commitment for the next report', async () => {
  const award = await atFinalReport([{ indicatorKey: PAPERS, amount: 2 }]);
  const [claim] = await claimsOf(award._id);
  await h.as(OPENID.secretary, 'claim.verify', {
    claimId: claim!._id,
    version: claim!.version,
    decision: 'rejected',
    reason: '推荐函缺盖章',
  });
  const final = await h.as(OPENID.structure, 'application.report', reportInput(award, [{ indicatorKey: PAPERS, amount: 2 }]));
  expect(final.status).toBe('finalSubmitted');
  expect((await claimsOf(award._id)).map((entry) => entry.verification).sort()).toEqual(['pending', 'rejected']);
});

test('a report with more photos than a claim holds attaches the first 9 and says where the rest are', async () => {
  const award = await atFinalReport();
  const photos: string[] = [];
  for (let index = 0; index < 11; index += 1) photos.push(await uploadedThroughSlot(h, OPENID.structure, award._id, 'report'));
  await h.as(OPENID.structure, 'application.report', reportInput(award, [{ indicatorKey: RESULTS, amount: 1 }], photos));
  const [claim] = await claimsOf(award._id);
  expect(claim!.fileIds).toEqual(photos.slice(0, 9));
  expect(claim!.description).toBe('结项报告填报（佐证材料共 11 个，此处附前 9 个，其余见报告）');
});
