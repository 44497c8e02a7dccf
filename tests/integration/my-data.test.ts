// 我的数据: a person sees and keeps what the system holds about them — every role of their WeChat identity and
// the records that are theirs — and never another person's.
import type { ActionOutput } from '@/core/schemas/actions';
import type { User } from '@/core/schemas/documents';
import { OPENID, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, decided, reviewed, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/**
 * 王秘书 is the society's contact in the provincial call (demo data) and here also a contact of the structure
 * committee: three users records, one WeChat identity.
 */
async function giveSecretaryASecondRole(): Promise<User> {
  const [secretary] = await h.store.find('users', { openid: OPENID.secretary });
  const later = new Date(Date.parse(secretary!.createdAt) + 60_000).toISOString();
  const second: User = {
    ...secretary!,
    _id: 'user-secretary-as-structure',
    version: 1,
    createdAt: later,
    updatedAt: later,
    role: 'applicant',
    orgId: 'org-branch-structure',
    phone: '13900000009',
    subscriptions: {},
  };
  await h.store.transaction((tx) => tx.create('users', second));
  return second;
}

function idsOf(records: ActionOutput<'me.export'>['records'], kind: string, field: string): unknown[] {
  return (records[kind] ?? []).map((record) => record[field]);
}

test('a person with two roles sees both, with the records of each and none of another person', async () => {
  const second = await giveSecretaryASecondRole();
  // The structure committee's application, returned: a message to each of the unit's contacts.
  await decided(h, await submitted(h, OPENID.structure), 'return', '预算依据不清楚，请补充');
  const [contact] = await h.store.find('users', { openid: OPENID.structure });

  const mine = await h.as(OPENID.secretary, 'me.export', {});
  const myIds = ['user-secretary', 'user-secretary-as-contact', second._id];
  expect(mine.roles.map((role) => [role.userId, role.role, role.orgName, role.active])).toEqual([
    ['user-secretary', 'secretariat', expect.any(String), true],
    ['user-secretary-as-contact', 'applicant', '四川省土木建筑学会', true],
    [second._id, 'applicant', '建筑结构专业委员会', true],
  ]);
  expect(mine.exportedAt).toBe(h.clock.now().toISOString());

  // Their own records: the decision they took, the message the return sent to their contact role.
  const audit = mine.records.audit ?? [];
  expect(audit.some((entry) => entry.actorId === 'user-secretary' && entry.action === 'return')).toBe(true);
  expect(idsOf(mine.records, 'notifications', 'userId')).toContain(second._id);
  for (const userId of idsOf(mine.records, 'notifications', 'userId')) expect(myIds).toContain(userId);
  for (const entry of audit) expect([entry.actorId, entry.entityId].some((who) => myIds.includes(String(who)))).toBe(true);

  // Nothing of 李工, who holds the other contact role of the same unit and got the same message.
  const text = JSON.stringify(mine);
  expect(text).not.toContain(contact!._id);
  expect(text).not.toContain(contact!.name);
  expect(text).not.toContain(contact!.phone!);
  // The WeChat identity itself appears only masked.
  expect(text).not.toContain(OPENID.secretary);
  expect(idsOf(mine.records, 'users', 'openid')).toEqual(['dem***ary', 'dem***ary', 'dem***ary']);

  // And 李工 sees his own message, not the one addressed to 王秘书's contact role.
  const his = await h.as(OPENID.structure, 'me.export', {});
  expect(his.roles.map((role) => role.userId)).toEqual([contact!._id]);
  expect(idsOf(his.records, 'notifications', 'userId')).toEqual(expect.arrayContaining([contact!._id]));
  expect(JSON.stringify(his)).not.toContain(second._id);
});

test("a revoked role is still listed (its records are the person's), marked inactive", async () => {
  const second = await giveSecretaryASecondRole();
  const stored = await h.store.get('users', second._id);
  await h.store.transaction((tx) => tx.replace('users', { ...stored!, active: false, version: stored!.version + 1 }, stored!.version));

  const mine = await h.as(OPENID.secretary, 'me.export', {});
  expect(mine.roles.map((role) => [role.userId, role.active])).toEqual([
    ['user-secretary', true],
    ['user-secretary-as-contact', true],
    [second._id, false],
  ]);
});

test("an expert's export holds the reviews they wrote and no one else's", async () => {
  const application = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  await reviewed(h, application, [REVIEWERS.liu, REVIEWERS.zhao]);

  const mine = await h.as(OPENID.reviewer, 'me.export', {});
  expect(idsOf(mine.records, 'reviews', 'reviewerId')).toEqual([REVIEWERS.liu.userId]);
  expect(idsOf(mine.records, 'reviews', 'comment')).toEqual(['方案可行，指标明确。']);
  expect(JSON.stringify(mine)).not.toContain(REVIEWERS.zhao.userId);
});

test('without a WeChat identity there is nothing to export', async () => {
  expect(await h.refused(null, 'me.export', {})).toBe('UNAUTHENTICATED');
  expect(await h.refused('someone-unknown', 'me.export', {})).toBe('NOT_REGISTERED');
});
