// The claim queue (待核实) a page at a time, with its filters answered on the server (issue 11, deliver 1: lists page
// with a cursor; issue 12, deliver 4: filters in every staff queue): pages join with no overlap or gap, a claim
// settled between pages leaves the queue and none comes twice, and each filter (indicator, unit, 证据重复) pages too.
import type { ActionInput, ApplicationView } from '@/core/schemas/actions';
import type { Claim } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { claimInput, implementingAward } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

const RESULTS = 'published-results';
const PAPERS = 'papers-recommended';

let h: Harness;
let structure: ApplicationView;
let academic: ApplicationView;
beforeEach(async () => {
  h = await startHarness();
  structure = await implementingAward(h, OPENID.structure);
  academic = await implementingAward(h, OPENID.academic);
});
afterEach(async () => {
  await h.close();
});

const contactOf = (award: ApplicationView) => (award._id === structure._id ? OPENID.structure : OPENID.academic);

/**
 * Claims made one a minute (so the queue's order, oldest first, is theirs), alternating the two awards and the two
 * indicators; each with a 天府科技云 link, so none shares evidence with another.
 */
async function claimedInTurn(count: number): Promise<Claim[]> {
  const start = Date.parse(h.clock.now().toISOString());
  const made: Claim[] = [];
  for (let index = 0; index < count; index += 1) {
    h.clock.set(new Date(start + (index + 1) * 60_000).toISOString());
    const award = index % 2 ? academic : structure;
    const change = { indicatorKey: index % 3 ? RESULTS : PAPERS, links: [`https://www.tfkjy.cn/studio/detail?id=${index}`] };
    made.push(await h.as(contactOf(award), 'claim.add', claimInput(award, change)));
  }
  return made;
}

type QueueInput = Partial<ActionInput<'claim.queue'>>;
const queuePage = (cursor: string | null, limit: number, filters: QueueInput = {}) =>
  h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID, ...filters, cursor, limit });

/** Every page of the queue, following the cursors. */
async function allPagesOf(limit: number, filters: QueueInput = {}) {
  const pages = [await queuePage(null, limit, filters)];
  while (pages[pages.length - 1]!.nextCursor) pages.push(await queuePage(pages[pages.length - 1]!.nextCursor, limit, filters));
  return pages;
}

const ids = (items: readonly { _id: string }[]) => items.map((item) => item._id);

test('the claim queue pages through more claims than a page holds, oldest first, with no overlap or gap', async () => {
  const made = await claimedInTurn(11);
  const pages = await allPagesOf(4);
  expect(pages.map((page) => page.items.length)).toEqual([4, 4, 3]);
  expect(pages.flatMap((page) => ids(page.items))).toEqual(ids(made));
  // A row names the unit (with its id, for the unit filter), the project and the indicator.
  expect(pages[0]!.items[1]).toMatchObject({ orgId: academic.orgId, orgName: academic.orgName, projectName: academic.projectName });
  // A page as large as the queue answers it whole, with no cursor to follow.
  const whole = await queuePage(null, 100);
  expect(ids(whole.items)).toEqual(ids(made));
  expect(whole.nextCursor).toBeNull();
});

test('a claim settled between two pages neither repeats nor drops another; a settled claim leaves the queue', async () => {
  const made = await claimedInTurn(9);
  const first = await queuePage(null, 4);
  expect(ids(first.items)).toEqual(ids(made.slice(0, 4)));
  // Two claims already seen are settled (one verified, one rejected), and one not yet seen is verified.
  const settle = (claim: Claim, decision: 'verified' | 'rejected') =>
    h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision, reason: '证据不足' });
  await settle(made[0]!, 'verified');
  await settle(made[2]!, 'rejected');
  await settle(made[6]!, 'verified');
  const second = await queuePage(first.nextCursor, 4);
  const third = second.nextCursor ? await queuePage(second.nextCursor, 4) : { items: [], nextCursor: null };
  const seen = [...ids(first.items), ...ids(second.items), ...ids(third.items)];
  expect(seen).toEqual([...ids(made.slice(0, 6)), made[7]!._id, made[8]!._id]);
  expect(new Set(seen).size).toBe(seen.length);
  expect(third.nextCursor).toBeNull();
  // Read again from the start, the queue holds only what still waits.
  const again = (await allPagesOf(4)).flatMap((page) => ids(page.items));
  expect(again).toEqual(ids(made.filter((_claim, index) => ![0, 2, 6].includes(index))));
});

test('the queue filters by indicator, by unit and by both, each paging over the whole queue', async () => {
  const made = await claimedInTurn(12);
  const expectPaged = async (filters: QueueInput, wanted: Claim[]) => {
    const pages = await allPagesOf(2, filters);
    expect(pages.flatMap((page) => ids(page.items))).toEqual(ids(wanted));
    expect(pages.length).toBe(Math.max(1, Math.ceil(wanted.length / 2)));
  };
  const papers = made.filter((claim) => claim.indicatorKey === PAPERS);
  expect(papers).toHaveLength(4);
  await expectPaged({ indicatorKey: PAPERS }, papers);
  await expectPaged(
    { orgId: academic.orgId },
    made.filter((claim) => claim.orgId === academic.orgId),
  );
  await expectPaged(
    { orgId: structure.orgId, indicatorKey: RESULTS },
    made.filter((claim) => claim.orgId === structure.orgId && claim.indicatorKey === RESULTS),
  );
  // An indicator nobody claimed: an empty queue, no cursor.
  expect(await queuePage(null, 2, { indicatorKey: 'no-such-indicator' })).toEqual({ items: [], nextCursor: null });
});

test('证据重复 lists only the claims whose evidence another claim used first', async () => {
  const plain = await claimedInTurn(3);
  // The same photo claimed twice: the later claim is flagged, the first is not.
  const photoClaim = async (award: ApplicationView) => {
    h.clock.set(new Date(Date.parse(h.clock.now().toISOString()) + 60_000).toISOString());
    const fileId = await uploadedThroughSlot(h, contactOf(award), award._id, 'claim');
    return h.as(contactOf(award), 'claim.add', claimInput(award, { fileIds: [fileId] }));
  };
  const original = await photoClaim(structure);
  const copy = await photoClaim(academic);
  expect(copy.duplicates.length).toBeGreaterThan(0);
  const flagged = await queuePage(null, 10, { duplicated: true });
  expect(ids(flagged.items)).toEqual([copy._id]);
  expect(flagged.items[0]!.duplicates[0]).toMatchObject({ claimId: original._id });
  expect(ids((await queuePage(null, 10)).items)).toEqual([...ids(plain), original._id, copy._id]);
  // Rejected, it leaves the filtered queue too.
  await h.as(OPENID.secretary, 'claim.verify', { claimId: copy._id, version: copy.version, decision: 'rejected', reason: '照片重复' });
  expect(await queuePage(null, 10, { duplicated: true })).toEqual({ items: [], nextCursor: null });
});
