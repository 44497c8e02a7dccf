// Issue 11 (goal: CloudBase round trips per action ≤ 10, counted over the SDK stand-in): the award page and adding a
// claim, on the CloudBase adapter, cost no more round trips than these. A read added to either fails here.
import { OPENID, startHarness, type Harness } from '../support/harness';
import { claimInput, implementingAward } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness({ store: 'cloudbase-fake' });
});
afterEach(async () => {
  await h.close();
});

/** The round trips one call makes, and its answer. */
async function tripsOf<T>(work: () => Promise<T>): Promise<{ trips: number; answer: T }> {
  const before = h.roundTrips!.total;
  const answer = await work();
  return { trips: h.roundTrips!.total - before, answer };
}

test('the award page costs at most 10 round trips for the secretariat and 6 for the unit', async () => {
  const award = await implementingAward(h);
  const staff = await tripsOf(() => h.as(OPENID.secretary, 'application.get', { applicationId: award._id }));
  // Everything the page shows is still there: the unit's name and contact, the reviews and the audit trail.
  expect(staff.answer.application.orgName).not.toBe('');
  expect(staff.answer.contact?.name).toBeTruthy();
  expect(staff.answer.reviews.length).toBeGreaterThan(0);
  expect(staff.answer.audit.length).toBeGreaterThan(0);
  // (The caller's organisation is read only by actions that need it: the unit's page does, for its name.)
  expect(staff.trips).toBeLessThanOrEqual(10);

  const unit = await tripsOf(() => h.as(OPENID.structure, 'application.get', { applicationId: award._id }));
  expect(unit.answer.application.orgName).toBe(staff.answer.application.orgName);
  expect(unit.trips).toBeLessThanOrEqual(7);
});

test('adding a claim costs at most 10 round trips, and the same request again answers the same claim', async () => {
  const award = await implementingAward(h);
  const input = claimInput(award, { links: ['https://www.tfkjy.cn/studio/detail?id=round-trips'] });
  const first = await tripsOf(() => h.as(OPENID.structure, 'claim.add', input));
  // Reads of the caller, the award and its programme; the transaction's start, its read of the award's tally, then
  // the claim, the award's tally, the audit entry and the programme's total (an increment, never read) written, and
  // the commit: 10, the goal.
  expect(first.trips).toBeLessThanOrEqual(10);

  const again = await h.as(OPENID.structure, 'claim.add', input);
  expect(again._id).toBe(first.answer._id);
  const page = await h.as(OPENID.secretary, 'application.get', { applicationId: award._id });
  expect(page.claims.filter((claim) => claim._id === first.answer._id)).toHaveLength(1);
});
