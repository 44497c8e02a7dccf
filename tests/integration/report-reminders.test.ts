// The timer's report reminders follow the due time the server enforces: a mid-term due date set in the programme,
// moved later by an extension the secretariat granted (with its reason); the report is refused after it.
import { runScheduledWork } from '../../cloudfunctions/api/src/scheduled';
import type { ApplicationView } from '../../src/core/schemas/actions';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, shortlisted, submitted } from '../support/lifecycle';
import { withStages } from '../support/program-edit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** An award being implemented, in a programme whose mid-term report is due 2023-09-30. */
async function implementingWithMidtermDue(): Promise<ApplicationView> {
  h.clock.set('2023-07-03T09:00:00+08:00');
  const award = await shortlisted(h, await submitted(h, OPENID.structure));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '公示', contact: '秘书处' });
  h.clock.set('2023-07-10T09:00:00+08:00');
  await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  await decided(h, await current(h, OPENID.secretary, award._id), 'issueNotice');
  await withStages(h, { midterm: { categories: [], dueAt: '2023-09-30T23:59:59+08:00' } });
  return current(h, OPENID.secretary, award._id);
}

async function extend(application: ApplicationView, until: string, reason: string): Promise<ApplicationView> {
  return h.as(OPENID.secretary, 'application.record', {
    applicationId: application._id,
    version: application.version,
    record: { action: 'extendDue', until, reason },
  });
}

test('an extended mid-term report is reminded a week before the extended due time, not the original one, and once', async () => {
  const award = await implementingWithMidtermDue();
  h.clock.set('2023-09-20T09:00:00+08:00');
  const extended = await extend(award, '2023-10-20T23:59:59+08:00', '国庆期间活动顺延');
  expect(extended.extension).toMatchObject({ until: '2023-10-20T15:59:59.000Z', reason: '国庆期间活动顺延' });

  // A week before the original due date: nothing, the report is not due until 20 October now.
  h.clock.set('2023-09-25T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(0);
  h.clock.set('2023-10-14T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(1);
  expect((await runScheduledWork(h.deps)).reminders).toBe(0);
  const messages = (await h.as(OPENID.structure, 'notification.list', {})).items.filter((item) => item.title.startsWith('中期报告'));
  expect(messages).toHaveLength(1);
  expect(messages[0]).toMatchObject({
    title: '中期报告即将截止：建筑结构抗震科普进社区',
    body: '中期报告须于 2023年10月20日 23:59 前提交（已获延期）。',
  });
});

test('an extension earlier than the due time changes nothing: the reminder names the programme due time', async () => {
  const award = await implementingWithMidtermDue();
  h.clock.set('2023-09-20T09:00:00+08:00');
  await extend(award, '2023-09-25T23:59:59+08:00', '提前提交');
  h.clock.set('2023-09-25T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(1);
  const [message] = (await h.as(OPENID.structure, 'notification.list', {})).items.filter((item) => item.title.startsWith('中期报告'));
  expect(message.body).toBe('中期报告须于 2023年9月30日 23:59 前提交。');
});

test('after the extended due time the report is refused as overdue, and no reminder is sent', async () => {
  const award = await implementingWithMidtermDue();
  h.clock.set('2023-09-20T09:00:00+08:00');
  await extend(award, '2023-10-20T23:59:59+08:00', '国庆期间活动顺延');
  h.clock.set('2023-10-21T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(0);
  const mine = await current(h, OPENID.structure, award._id);
  const refused = await h.raw(OPENID.structure, 'application.report', {
    applicationId: mine._id,
    version: mine.version,
    requestId: requestId(),
    summary: '中期工作总结',
    achievements: [],
    fileIds: [],
  });
  expect(refused).toMatchObject({ ok: false, error: { code: 'REPORT_OVERDUE' } });
  expect(JSON.stringify(refused)).toContain('2023年10月20日 23:59');
});
