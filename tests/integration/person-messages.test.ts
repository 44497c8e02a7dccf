// Messages a person reads: a receipt on submission with the time and what happens next, the 立项 message with the
// amount and the programme's deadlines, nothing technical; and the public notice says who issues it and when.
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { current, objectedTo, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';
import type { PublicNoticeView } from '@/core/schemas/actions';
import type { Notification } from '@/core/schemas/documents';
import { RECEIPT_PATTERN } from '@/core/publicity/objection-rules';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function messagesOf(openid: string): Promise<Notification[]> {
  return (await h.as(openid, 'notification.list', { pageSize: 100 })).items;
}

/** Nothing a person cannot read: no ids (user-…, program-…, review_…), no ISO dates, no error codes. */
function technical(message: Notification): string[] {
  const text = `${message.title}\n${message.body}`;
  return [/[a-z]+[-_][a-z0-9_-]{3,}/i, /\d{4}-\d{2}-\d{2}/, /\b[A-Z]{3,}_[A-Z_]+\b/].flatMap((pattern) => text.match(pattern) ?? []);
}

test('the applicant gets a receipt on submission: when it was received and what happens next', async () => {
  const application = await submitted(h, OPENID.structure);
  const receipt = (await messagesOf(OPENID.structure)).find((message) => message.applicationId === application._id);
  expect(receipt?.title).toBe(`提交申报：${application.projectName}`);
  expect(receipt?.body).toBe(
    '已提交，等待形式审查。已于2023年7月3日 09:00收到。下一步：秘书处进行形式审查，结果会通过消息告诉您；审查开始前如需修改，可先撤回申报。',
  );
  expect(receipt?.page).toBe(`/apply/pages/mine/index?focus=${application._id}`);
  // The secretariat is told as before, in its own words.
  const staff = (await messagesOf(OPENID.secretary)).find((message) => message.applicationId === application._id);
  expect(staff?.body).toBe('待形式审查');
});

// Seed 004 (the Sichuan civil society's plan): 3,000 元 an award; implementation to 2023-12-31, final report by 2024-01-15.
test('the 立项 message gives the amount and the deadlines, and no message to the applicant is technical', async () => {
  const application = await shortlisted(h, await submitted(h, OPENID.structure));
  await publicizedAndClosed(h);
  const approved = await current(h, OPENID.structure, application._id);
  expect(approved.status).toBe('approved');

  const messages = await messagesOf(OPENID.structure);
  const approval = messages.find((message) => message.title.startsWith('批准立项'));
  expect(approval?.body).toBe(
    '已立项，等待立项通知。奖补金额3,000 元。中期检查时间另行通知。项目实施至2023年12月31日，结项报告请于2024年1月15日前提交。',
  );
  expect(messages.length).toBeGreaterThan(4);
  expect(messages.flatMap(technical)).toEqual([]);
  // Whether a WeChat reminder went out is the secretariat's concern, not in a person's own list.
  expect(messages.map((message) => message.subscribe)).toEqual(messages.map(() => null));
});

test('the public notice names its issuing body and date; an objection gets a number to quote, which the secretariat finds', async () => {
  await shortlisted(h, await submitted(h, OPENID.structure));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '拟立项项目公示',
    contact: '秘书处 028-00000000',
  });
  const answer = await h.raw(null, 'publicity.get', { publicityId: publicity._id });
  if (!answer.ok) throw new Error('the notice did not open');
  const notice = answer.data as PublicNoticeView;
  expect([notice.issuer, notice.issuedOn]).toEqual(['四川省土木建筑学会', '2023-07-03']);

  const lodged = await objectedTo(h, publicity._id, notice.entries[0]!.applicationId, '该项目与往年项目内容重复');
  const receiptNo = lodged.ok ? (lodged.data as { receiptNo: string }).receiptNo : '';
  expect(receiptNo).toMatch(RECEIPT_PATTERN);
  const listed = await h.as(OPENID.secretary, 'objection.list', { publicityId: publicity._id });
  expect(listed.map((objection) => objection.receiptNo)).toEqual([receiptNo]);
});
