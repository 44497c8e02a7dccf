// The secretariat's side of claims (issue 10, deliver 3): the queue of claims waiting across a programme's awards,
// and a rejected claim telling the unit's contacts which figure was refused and why.
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import type { ApplicationView } from '@/core/schemas/actions';
import { implementingAward } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function claimedOn(award: ApplicationView, amount: number, indicatorKey = 'published-results', openid: string = OPENID.structure) {
  const fileId = await uploadedThroughSlot(h, openid, award._id, 'claim');
  return h.as(openid, 'claim.add', {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey,
    amount,
    description: '在天府科技云发布科技成果',
    fileIds: [fileId],
  });
}

async function claimed(amount: number) {
  const award = await implementingAward(h);
  return { award, claim: await claimedOn(award, amount) };
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
  // The unit reads no delivery line; the subscribe message's fate is kept on the message for the secretariat.
  expect(message!.subscribe).toBeNull();
  expect(h.notifier.sent.slice(sentBefore)).toEqual([expect.objectContaining({ openid: OPENID.structure })]);
  // Another unit hears nothing of it.
  expect(await rejectionsOf(OPENID.academic)).toEqual([]);
  // The message is written with the verification: both are in the store, with the claim's audit entry.
  const stored = await h.store.find('notifications', { userId: message!.userId });
  const rejections = stored.filter((notification) => notification.title === '成果填报未通过核实');
  expect(rejections).toHaveLength(1);
  expect(rejections[0]!.subscribe?.result).toBe('recorded');
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

test('the secretariat sees the claims waiting across every award of the programme, oldest first; others do not', async () => {
  const structure = await implementingAward(h, OPENID.structure);
  const academic = await implementingAward(h, OPENID.academic);
  expect(await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).toEqual({ items: [], nextCursor: null });
  const start = Date.parse(h.clock.now().toISOString());
  const at = (minutes: number) => h.clock.set(new Date(start + minutes * 60_000).toISOString());
  at(1);
  const first = await claimedOn(structure, 2);
  at(2);
  const second = await claimedOn(academic, 3, 'published-results', OPENID.academic);
  at(3);
  const third = await claimedOn(structure, 1);
  at(4);
  const settled = await claimedOn(academic, 5, 'published-results', OPENID.academic);
  await h.as(OPENID.secretary, 'claim.verify', { claimId: settled._id, version: settled.version, decision: 'verified' });

  const queue = (await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).items;
  expect(queue.map((entry) => entry._id)).toEqual([first._id, second._id, third._id]);
  expect(queue[1]).toEqual({
    _id: second._id,
    version: second.version,
    applicationId: academic._id,
    orgId: academic.orgId,
    orgName: academic.orgName,
    projectName: academic.projectName,
    indicatorKey: 'published-results',
    indicatorName: '发布科技服务能力、高新技术、科技成果',
    unit: '项',
    amount: 3,
    createdAt: second.createdAt,
    // Every claim here carries the same test photo: the later one is flagged with the earlier use named.
    duplicates: [
      expect.objectContaining({ claimId: first._id, match: 'identical', projectName: structure.projectName, orgName: structure.orgName }),
    ],
  });
  expect(queue[0]).toMatchObject({ projectName: structure.projectName, orgName: structure.orgName, amount: 2 });

  // A rejected claim leaves the queue too.
  await h.as(OPENID.secretary, 'claim.verify', { claimId: first._id, version: first.version, decision: 'rejected', reason: '证据不足' });
  expect((await h.as(OPENID.secretary, 'claim.queue', { programId: PROGRAM_ID })).items.map((entry) => entry._id)).toEqual([
    second._id,
    third._id,
  ]);

  expect(await h.refused(OPENID.secretaryXuzhou, 'claim.queue', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.structure, 'claim.queue', { programId: PROGRAM_ID })).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.reviewer, 'claim.queue', { programId: PROGRAM_ID })).toBe('FORBIDDEN');
});
