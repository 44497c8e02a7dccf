// Issue 11 (acceptance): the CloudBase adapter pages every large read. On the SDK stand-in answering only
// PAGE_CAP documents a query, a programme holding more claims than one read returns still shows exact totals on
// the board and in the claims queue, and recomputing the indicator ledger from every record finds no drift.
import { repairIndicatorLedger } from '../../cloudfunctions/api/src/indicator-ledger';
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { claimInput, implementingAward } from '../support/lifecycle';

const PAGE_CAP = 7;
const CLAIMS = PAGE_CAP * 3 + 2;
const RESULTS = 'published-results';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ store: 'cloudbase-fake', pageCap: PAGE_CAP });
});
afterEach(async () => {
  await h.close();
});

async function boardRow(indicatorKey: string) {
  const board = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  return board.rows.find((row) => row.key === indicatorKey)!;
}

test(`with ${CLAIMS} claims on a programme and ${PAGE_CAP} documents a read, the board, the queue and the ledger repair are exact`, async () => {
  const award = await implementingAward(h);
  const before = await boardRow(RESULTS);
  const queuedBefore = (await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID, limit: 100 })).items.length;

  const added = [];
  for (let index = 0; index < CLAIMS; index += 1) {
    added.push(
      await h.as(
        OPENID.structure,
        'claim.add',
        claimInput(award, { amount: (index % 3) + 1, links: [`https://www.tfkjy.cn/studio/detail?id=${index}`] }),
      ),
    );
  }
  const claimed = added.reduce((sum, claim) => sum + claim.amount, 0);
  // Verify every other one: the verified figure moves by exactly those.
  const toVerify = added.filter((_claim, index) => index % 2 === 0);
  for (const claim of toVerify) {
    await h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' });
  }
  const verified = toVerify.reduce((sum, claim) => sum + claim.amount, 0);

  // More claims than one read answers are stored for the programme: every one is read back.
  const stored = await h.store.find('claims', { programId: PROGRAM_ID });
  expect(stored.length).toBeGreaterThan(PAGE_CAP * 3);
  expect(stored.filter((claim) => claim.applicationId === award._id)).toHaveLength(CLAIMS);

  const after = await boardRow(RESULTS);
  expect(after.claimed).toBe(before.claimed! + claimed);
  expect(after.verified).toBe(before.verified! + verified);
  const { items: queue, nextCursor } = await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID, limit: 100 });
  expect(nextCursor).toBeNull();
  expect(queue).toHaveLength(queuedBefore + CLAIMS - toVerify.length);
  expect(new Set(queue.map((entry) => entry._id)).size).toBe(queue.length);

  expect(await repairIndicatorLedger(h.store, h.clock.now())).toEqual([]);
});
