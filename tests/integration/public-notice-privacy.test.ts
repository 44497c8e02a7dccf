// The public notice (公示) and an objection's receipt are read by anyone: they carry no person's phone number,
// neither a unit's contact phone nor any user's, nor the objector's own.
import type { Organization } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { shortlisted, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Every phone number the store holds for a unit or a person. */
async function phonesHeld(): Promise<string[]> {
  const [organizations, users] = await Promise.all([h.store.find('organizations', {}), h.store.find('users', {})]);
  return [...organizations.map((org) => org.contactPhone), ...users.map((user) => user.phone)].filter(
    (phone): phone is string => typeof phone === 'string' && phone.length > 0,
  );
}

async function withContactPhone(orgId: string, contactPhone: string): Promise<void> {
  const org = (await h.store.get('organizations', orgId)) as Organization;
  await h.store.transaction((tx) => tx.replace('organizations', { ...org, contactPhone, version: org.version + 1 }, org.version));
}

test('neither the public notice nor an objection receipt carries a contact phone', async () => {
  const application = await shortlisted(h, await submitted(h, OPENID.structure));
  await withContactPhone('org-branch-structure', '028-86661234');
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '拟立项项目公示',
    contact: '学会秘书处',
  });

  const phones = await phonesHeld();
  expect(phones).toEqual(expect.arrayContaining(['028-86661234', '13800000001']));

  const notice = await h.raw(null, 'publicity.get', { publicityId: publicity._id });
  expect(notice.ok).toBe(true);
  const noticeText = JSON.stringify(notice);
  expect(noticeText).toContain('建筑结构专业委员会');
  for (const phone of phones) expect(noticeText).not.toContain(phone);

  const objectorPhone = '13912345678';
  const receipt = await h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId: publicity._id,
    applicationId: application._id,
    content: '该项目的活动场次与去年材料雷同。',
    contactName: '张会员',
    contactPhone: objectorPhone,
  });
  expect(receipt.ok).toBe(true);
  const receiptText = JSON.stringify(receipt);
  for (const phone of [...phones, objectorPhone]) expect(receiptText).not.toContain(phone);

  // Read again after the objection: still no phone, the objector's included.
  const again = JSON.stringify(await h.raw(null, 'publicity.get', { publicityId: publicity._id }));
  for (const phone of [...phones, objectorPhone]) expect(again).not.toContain(phone);
});
