// A claim the secretariat rejects tells the unit's contacts which figure was refused and why (issue 10, deliver 3).
import { OPENID, requestId, startHarness, type Harness } from '../support/harness';
import { implementingAward } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function claimed(amount: number) {
  const award = await implementingAward(h);
  const fileId = await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim');
  const claim = await h.as(OPENID.structure, 'claim.add', {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount,
    description: '在天府科技云发布科技成果',
    fileIds: [fileId],
  });
  return { award, claim };
}

const rejectionsOf = async (openid: string) =>
  (await h.as(openid, 'notification.list', {})).items.filter((message) => message.title === '成果填报未通过核实');

test('a rejected claim sends the unit an in-app message naming the indicator, the amount and the reason, and a subscribe message to a consenting contact', async () => {
  const { award, claim } = await claimed(2);
  // The contact consents on a tap after claiming (earlier consents were spent on the award's own steps).
  await h.as(OPENID.structure, 'notification.subscribe', { templateKeys: ['statusChange'] });
  const sentBefore = h.notifier.sent.length;

  await h.as(OPENID.secretary, 'claim.verify', {
    claimId: claim._id,
    version: claim.version,
    decision: 'rejected',
    reason: '照片看不出发布平台',
  });

  const [message, ...others] = await rejectionsOf(OPENID.structure);
  expect(others).toEqual([]);
  expect(message!.body).toContain('发布科技服务能力、高新技术、科技成果 2项');
  expect(message!.body).toContain('照片看不出发布平台');
  expect(message!.body).toContain(award.projectName);
  expect(message!.applicationId).toBe(award._id);
  expect(message!.subscribe?.result).toBe('recorded');
  expect(h.notifier.sent.slice(sentBefore)).toEqual([expect.objectContaining({ openid: OPENID.structure })]);
  // Another unit hears nothing of it.
  expect(await rejectionsOf(OPENID.academic)).toEqual([]);
  // The message is written with the verification: both are in the store, with the claim's audit entry.
  const stored = await h.store.find('notifications', { userId: message!.userId });
  expect(stored.filter((notification) => notification.title === '成果填报未通过核实')).toHaveLength(1);
});

test('a verified claim sends no rejection message, and a refused rejection (no reason) writes none', async () => {
  const { claim } = await claimed(1);
  expect(
    await h.refused(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'rejected', reason: '  ' }),
  ).toBe('REASON_REQUIRED');
  expect(await rejectionsOf(OPENID.structure)).toEqual([]);
  await h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' });
  expect(await rejectionsOf(OPENID.structure)).toEqual([]);
});
