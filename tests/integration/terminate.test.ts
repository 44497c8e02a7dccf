// Terminating an award (终止项目) was added to the workflow table alone: the api offers it, the decision goes
// through the one change path, and the award's place and amount go back to the quota and the pool.
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { current, decided, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

test('the secretariat terminates an award in implementation with a reason; the pool and quota get it back and the unit is told', async () => {
  const award = await shortlisted(h, await submitted(h, OPENID.structure));
  await publicizedAndClosed(h);
  const implementing = await decided(h, await current(h, OPENID.secretary, award._id), 'issueNotice');
  expect(implementing.availableActions).toContain('terminate');
  const before = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  expect(before.grantedFen).toBe(300_000);

  expect(
    await h.refused(OPENID.secretary, 'application.decide', {
      applicationId: award._id,
      version: implementing.version,
      decision: 'terminate',
    }),
  ).toBe('REASON_REQUIRED');
  expect(
    await h.refused(OPENID.structure, 'application.decide', {
      applicationId: award._id,
      version: implementing.version,
      decision: 'terminate',
      reason: '自行终止',
    }),
  ).toBe('FORBIDDEN');

  const terminated = await decided(h, implementing, 'terminate', '承担单位无法继续实施，申请终止');
  expect(terminated).toMatchObject({ status: 'terminated', statusLabel: '已终止实施', availableActions: [] });
  const after = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  expect([after.grantedFen, after.shortlistedFen]).toEqual([0, 0]);
  expect(after.categoryStates.map((state) => [state.key, state.granted, state.shortlisted])).toEqual([['award', 0, 0]]);

  const seen = await h.as(OPENID.structure, 'application.get', { applicationId: award._id });
  expect(seen.application.statusLabel).toBe('项目已终止');
  expect(seen.audit.at(-1)).toMatchObject({
    action: 'terminate',
    from: 'implementing',
    to: 'terminated',
    reason: '承担单位无法继续实施，申请终止',
  });
  const inbox = await h.as(OPENID.structure, 'notification.list', {});
  expect(inbox.items.some((message) => message.body.includes('承担单位无法继续实施，申请终止'))).toBe(true);
});
