// Public objections a stranger cannot abuse: allowances per phone and per client, a real phone check,
// duplicates collapsed onto one receipt, receipt numbers a person can quote; the secretariat handles them
// in a batch and pages through every message it was ever sent.
import { originOf } from '../../cloudfunctions/api/src/index';
import { OBJECTIONS_PER_CLIENT_PER_HOUR, OBJECTIONS_PER_PHONE_PER_HOUR } from '../../cloudfunctions/api/src/rate-limit';
import { writeNotifications } from '../../cloudfunctions/api/src/notify';
import { route } from '../../cloudfunctions/api/src/router';
import { RECEIPT_PATTERN } from '@/core/publicity/objection-rules';
import type { ActionInput, ActionOutput, ApiResult } from '@/core/schemas/actions';
import type { CollectionName } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { shortlisted, submitted } from '../support/lifecycle';

let h: Harness;
let publicityId: string;
let applicationId: string;
beforeEach(async () => {
  h = await startHarness();
  const application = await shortlisted(h, await submitted(h, OPENID.structure));
  applicationId = application._id;
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '拟立项公示', contact: '秘书处' });
  publicityId = publicity._id;
  h.clock.set('2023-07-04T09:20:00+08:00');
});
afterEach(async () => {
  await h.close();
});

type Lodge = ActionInput<'objection.lodge'>;
type Receipt = ActionOutput<'objection.lodge'>;

let sequence = 0;
/** A fresh objection from a fresh phone unless told otherwise. */
function objection(overrides: Partial<Lodge> = {}): Lodge {
  sequence += 1;
  return {
    publicityId,
    requestId: requestId(),
    applicationId,
    content: `该项目材料与去年重复，第 ${sequence} 条。`,
    contactName: '张会员',
    contactPhone: `139${String(sequence).padStart(8, '0')}`,
    ...overrides,
  };
}

/** A public call as it arrives from one client (an address locally, an OPENID on CloudBase); null: no origin. */
function lodge(input: Lodge, clientKey: string | null = 'ip:10.0.0.1'): Promise<ApiResult<unknown>> {
  return route({ action: 'objection.lodge', input }, null, h.deps, clientKey ? { clientKey } : undefined);
}

async function lodged(input: Lodge, clientKey?: string | null): Promise<Receipt> {
  const result = await lodge(input, clientKey);
  if (!result.ok) throw new Error(`objection.lodge refused: ${result.error.code} ${result.error.message}`);
  return result.data as Receipt;
}

/** Everything a lodge can write, to show that a refusal wrote nothing. */
async function snapshot() {
  const names: CollectionName[] = ['objections', 'audit', 'notifications', 'counters'];
  return Promise.all(names.map((name) => h.store.find(name, {}, { orderBy: { field: '_id', direction: 'asc' } })));
}

test('a flood from one client is refused once its hourly allowance is used, writing nothing; other clients and the next hour go on', async () => {
  for (let index = 0; index < OBJECTIONS_PER_CLIENT_PER_HOUR; index += 1) await lodged(objection());
  const before = await snapshot();
  const textChecks = h.contentCheck.texts.length;

  const refused = await lodge(objection());
  expect(refused).toEqual({
    ok: false,
    error: { code: 'RATE_LIMITED', message: expect.stringContaining('请于 2023年7月4日 10:00 后再试') },
  });
  expect(await lodge(objection())).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  // Turned away before WeChat's content check: a flood costs no check quota.
  expect(h.contentCheck.texts).toHaveLength(textChecks);
  expect(await snapshot()).toEqual(before);
  expect(await h.store.find('objections', { publicityId })).toHaveLength(OBJECTIONS_PER_CLIENT_PER_HOUR);

  expect((await lodge(objection(), 'openid:another-phone')).ok).toBe(true);
  h.clock.set('2023-07-04T10:00:00+08:00');
  const counters = await h.store.find('counters', { kind: 'objectionRate' });
  expect((await lodge(objection())).ok).toBe(true);
  // The client's counter starts again in the new hour (one more document: the new phone's only).
  expect(await h.store.find('counters', { kind: 'objectionRate' })).toHaveLength(counters.length + 1);
});

test('on CloudBase a mini-program call is counted by its OPENID, any other call by its address', async () => {
  expect(originOf('o-wechat-user', '203.0.113.5')).toEqual({ clientKey: 'openid:o-wechat-user' });
  expect(originOf('', '203.0.113.5')).toEqual({ clientKey: 'ip:203.0.113.5' });
  expect(originOf(undefined, undefined)).toBeUndefined();
});

test('calls without an origin share one allowance', async () => {
  for (let index = 0; index < OBJECTIONS_PER_CLIENT_PER_HOUR; index += 1) await lodged(objection(), null);
  expect(await lodge(objection(), null)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
  expect((await lodge(objection(), 'ip:10.0.0.9')).ok).toBe(true);
});

test('one phone may lodge only a few objections an hour on one notice, from any client', async () => {
  const phone = '13700001111';
  for (let index = 0; index < OBJECTIONS_PER_PHONE_PER_HOUR; index += 1) {
    await lodged(objection({ contactPhone: phone }), `ip:10.0.1.${index}`);
  }
  const before = await snapshot();
  const refused = await lodge(objection({ contactPhone: '137-0000-1111' }), 'ip:10.0.2.1');
  expect(refused).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: expect.stringContaining('同一电话') } });
  expect(await snapshot()).toEqual(before);
  expect((await lodge(objection({ contactPhone: '13700002222' }), 'ip:10.0.2.1')).ok).toBe(true);
});

test('a contact phone must be a mainland mobile or a landline with its area code, and is stored normalised', async () => {
  const before = await snapshot();
  for (const contactPhone of [
    '12345',
    '1390000000',
    '12900000000',
    '139000000001',
    '028-1234',
    '12345678',
    'abc13900000000',
    '+1 202 555 0123',
  ]) {
    const result = await lodge(objection({ contactPhone }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('联系电话') } });
  }
  expect(await snapshot()).toEqual(before);

  await lodged(objection({ contactPhone: '+86 139-0000-0001' }));
  await lodged(objection({ contactPhone: '(028) 8765 4321' }));
  await lodged(objection({ contactPhone: '0571-8123456' }));
  const stored = await h.store.find('objections', { publicityId }, { orderBy: { field: 'receiptNo', direction: 'asc' } });
  expect(stored.map((item) => item.contactPhone)).toEqual(['13900000001', '028-87654321', '0571-8123456']);
});

test('the same phone saying the same about the same entry gets the first receipt back, and nothing new is written', async () => {
  const first = await lodged(objection({ contactPhone: '13900001234', content: '该单位去年已获同类奖励。' }));
  expect(first.duplicate).toBe(false);
  const before = await snapshot();
  const again = await lodged(
    objection({ contactPhone: '+86 139 0000 1234', content: '  该单位去年已获同类奖励。 ', contactName: '张三' }),
    'ip:10.9.9.9',
  );
  expect(again).toEqual({ ...first, duplicate: true });
  expect(await snapshot()).toEqual(before);

  // Another entry, or the notice as a whole, is another objection.
  const whole = await lodged(objection({ contactPhone: '13900001234', content: '该单位去年已获同类奖励。', applicationId: null }));
  expect(whole.receiptNo).not.toBe(first.receiptNo);
});

test('receipt numbers are short, readable and unique: the Shanghai day and its sequence, also under racing lodges', async () => {
  const racing = await Promise.all(Array.from({ length: 8 }, (_, index) => lodged(objection(), `ip:10.0.3.${index}`)));
  const receipts = racing.map((receipt) => receipt.receiptNo).sort();
  expect(receipts).toEqual(Array.from({ length: 8 }, (_, index) => `YY-20230704-00${index + 1}`));

  // Just after midnight in Shanghai (still the previous day in UTC) a new day's sequence starts.
  h.clock.set('2023-07-05T00:05:00+08:00');
  const nextDay = await lodged(objection());
  expect(nextDay.receiptNo).toBe('YY-20230705-001');
  expect(nextDay.receiptNo).toMatch(RECEIPT_PATTERN);

  // The secretariat sees the same number beside each objection.
  const listed = await h.as(OPENID.secretary, 'objection.list', { publicityId });
  expect(listed.map((item) => item.receiptNo).sort()).toEqual([...receipts, 'YY-20230705-001']);
  const [message] = (await h.as(OPENID.secretary, 'notification.list', {})).items;
  expect(message?.body).toContain('受理编号 YY-20230705-001');
});

test('the secretariat handles several objections with one decision; one refusal does not stop the others', async () => {
  const receipts = [await lodged(objection()), await lodged(objection()), await lodged(objection())];
  const listed = await h.as(OPENID.secretary, 'objection.list', { publicityId });
  const byId = new Map(listed.map((item) => [item._id, item]));
  const [first, second, third] = receipts.map((receipt) => byId.get(receipt.id)!);
  // The first was handled meanwhile by another clerk: the batch still carries the version seen before.
  await h.as(OPENID.secretary, 'objection.handle', {
    objectionId: first._id,
    version: first.version,
    decision: 'dismissed',
    note: '已核实',
  });

  const items = [first, second, third].map((item) => ({ objectionId: item._id, version: item.version }));
  expect(await h.refused(OPENID.structure, 'objection.handleMany', { items, decision: 'dismissed', note: '材料不重复' })).toBe('FORBIDDEN');
  const results = await h.as(OPENID.secretary, 'objection.handleMany', { items, decision: 'dismissed', note: '经核实材料不重复' });
  expect(results).toEqual([
    { objectionId: first._id, ok: false, code: 'CONFLICT', message: expect.any(String) },
    { objectionId: second._id, ok: true, code: null, message: null },
    { objectionId: third._id, ok: true, code: null, message: null },
  ]);
  const after = await h.as(OPENID.secretary, 'objection.list', { publicityId });
  expect(after.map((item) => [item._id, item.status, item.handlingNote])).toEqual(
    expect.arrayContaining([
      [first._id, 'dismissed', '已核实'],
      [second._id, 'dismissed', '经核实材料不重复'],
      [third._id, 'dismissed', '经核实材料不重复'],
    ]),
  );
  for (const item of [second, third]) {
    const audit = await h.store.find('audit', { entityId: item._id, action: 'handle' });
    expect(audit.map((entry) => [entry.to, entry.reason, entry.actorRole])).toEqual([['dismissed', '经核实材料不重复', 'secretariat']]);
  }
});

test('the secretariat pages through more than 200 messages, down to the oldest', async () => {
  const [secretary] = await h.store.find('users', { openid: OPENID.secretary });
  const start = new Date('2023-07-04T01:00:00.000Z').getTime();
  // Several messages share each second: paging must neither repeat nor lose one of a tie.
  for (let index = 0; index < 250; index += 1) {
    const at = new Date(start + Math.floor(index / 5) * 1000);
    await h.store.transaction((tx) =>
      writeNotifications(
        tx,
        [{ userId: secretary!._id, programId: PROGRAM_ID, applicationId: null, title: `消息 ${index}`, body: '', page: null }],
        at,
        h.deps.newId,
      ),
    );
  }
  const everything = await h.store.find('notifications', { userId: secretary!._id });
  expect(everything.length).toBeGreaterThan(250);

  const seen: string[] = [];
  let cursor: number | null = 0;
  let pages = 0;
  while (cursor !== null) {
    const page: ActionOutput<'notification.list'> = await h.as(OPENID.secretary, 'notification.list', { cursor, pageSize: 100 });
    expect(page.items.length).toBeLessThanOrEqual(100);
    expect(page.hasMore).toBe(page.nextCursor !== null);
    seen.push(...page.items.map((message) => message._id));
    cursor = page.nextCursor;
    pages += 1;
  }
  expect(pages).toBe(Math.ceil(everything.length / 100));
  expect(new Set(seen).size).toBe(everything.length);
  const last = await h.store.get('notifications', seen[seen.length - 1]!);
  const oldest = everything.reduce((a, b) => (a.createdAt <= b.createdAt ? a : b));
  expect(last?.createdAt).toBe(oldest.createdAt);
  expect(seen).toContain(everything.find((message) => message.title === '消息 0')!._id);
  const first = await h.as(OPENID.secretary, 'notification.list', {});
  expect(first).toMatchObject({ hasMore: true, nextCursor: 30, unread: everything.length });
});
