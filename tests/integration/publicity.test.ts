// Publicity in Chinese working days, its public page (no sign-in), objections, and closing by itself
// into approval — lazily when someone reads the notice, or by the timer function.
import { runScheduledWork } from '../../cloudfunctions/api/src/scheduled';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, objectionHandled, shortlisted, submitted } from '../support/lifecycle';
import { editOf } from '../support/program-edit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function shortlistedOn(day: string) {
  h.clock.set(`${day}T09:00:00+08:00`);
  return shortlisted(h, await submitted(h, OPENID.structure));
}

test('a notice opened on 2023-09-27 for 5 working days runs through 2023-10-09, skipping National Day and counting the make-up workdays', async () => {
  const application = await shortlistedOn('2023-09-27');
  const { publicity, notice } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '四川省土木建筑学会2023年培育奖励拟立项项目公示',
    contact: '学会秘书处 028-00000000',
  });
  expect(publicity).toMatchObject({ opensOn: '2023-09-27', closesOn: '2023-10-09', workingDays: 5, endsAt: '2023-10-09T16:00:00.000Z' });

  // The public page, read without signing in, says it the way the notice would be printed.
  const anonymous = await h.raw(null, 'publicity.get', { publicityId: publicity._id });
  expect(anonymous.ok).toBe(true);
  const shown = anonymous.ok ? (anonymous.data as typeof notice) : notice;
  expect(shown.periodText).toBe('公示期 2023年9月27日至2023年10月9日');
  expect(shown).toMatchObject({ open: true, calendarWarning: null, programName: '四川省土木建筑学会2023年创建一流科技社团培育奖励' });
  expect(shown.entries).toEqual([
    {
      applicationId: application._id,
      orgName: '建筑结构专业委员会',
      projectName: '建筑结构抗震科普进社区',
      categoryName: '培育奖励',
      awardFen: 300_000,
    },
  ]);
  // Only the notice and objections are public: everything else still needs a signed-in person.
  expect((await h.raw(null, 'application.get', { applicationId: application._id })).ok).toBe(false);

  // Late on the last day the notice still runs; approval is refused until it ends.
  h.clock.set('2023-10-09T23:30:00+08:00');
  const inPublicity = await current(h, OPENID.secretary, application._id);
  expect(
    await h.refused(OPENID.secretary, 'application.decide', {
      applicationId: application._id,
      version: inPublicity.version,
      decision: 'approve',
    }),
  ).toBe('PUBLICITY_NOT_ENDED');
  expect(await h.refused(OPENID.secretary, 'publicity.close', { publicityId: publicity._id })).toBe('PUBLICITY_NOT_ENDED');

  // Just after midnight the first person to open the notice closes it into approval.
  h.clock.set('2023-10-10T00:01:00+08:00');
  const closed = await h.raw(null, 'publicity.get', { publicityId: publicity._id });
  expect(closed.ok && (closed.data as typeof notice).open).toBe(false);
  expect((await current(h, OPENID.secretary, application._id)).status).toBe('approved');
  const audit = await h.store.find('audit', { entityId: application._id, action: 'approve' });
  expect(audit.map((entry) => [entry.actorRole, entry.actorName])).toEqual([['system', '系统']]);
});

test('the timer closes an ended notice by itself; an upheld objection keeps its entry out and frees its place', async () => {
  const first = await shortlistedOn('2023-07-03');
  const second = await shortlisted(h, await submitted(h, OPENID.academic));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '拟立项公示', contact: '秘书处' });
  expect(publicity.closesOn).toBe('2023-07-07');

  const lodged = await h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId: publicity._id,
    applicationId: second._id,
    content: '该单位去年已获同类奖励，材料雷同。',
    contactName: '张会员',
    contactPhone: '13900000000',
  });
  expect(lodged.ok).toBe(true);
  expect(
    await h.refused(null, 'objection.lodge', {
      requestId: requestId(),
      publicityId: publicity._id,
      applicationId: 'app-not-listed',
      content: '无关项目的异议',
      contactName: '某',
      contactPhone: '13900000000',
    }),
  ).toBe('INVALID_INPUT');
  await objectionHandled(h, publicity._id, 'upheld', '经核实情况属实');
  const upheld = await current(h, OPENID.academic, second._id);
  expect(upheld).toMatchObject({
    status: 'objectionUpheld',
    statusLabel: '公示期间异议成立，不予奖补',
    decisionReason: '经核实情况属实',
    outcomes: { publicity: 'objectionUpheld' },
  });

  h.clock.set('2023-07-08T00:10:00+08:00');
  const report = await runScheduledWork(h.deps);
  expect(report.closedPublicities).toBe(1);
  expect((await current(h, OPENID.secretary, first._id)).status).toBe('approved');
  expect(
    await h.refused(null, 'objection.lodge', {
      requestId: requestId(),
      publicityId: publicity._id,
      applicationId: first._id,
      content: '期满后的异议内容',
      contactName: '某',
      contactPhone: '13900000000',
    }),
  ).toBe('PUBLICITY_CLOSED');
  const ledger = await h.store.get('ledgers', `ledger_${PROGRAM_ID}`);
  expect(ledger?.categories.award).toEqual({ shortlisted: 1, granted: 1 });
  // Running the timer again changes nothing.
  expect(await runScheduledWork(h.deps)).toMatchObject({ closedPublicities: 0, failedRectifications: 0 });
});

test('for a year the holiday calendar does not cover, the notice counts Monday–Friday and says so', async () => {
  h.clock.set('2026-12-28T09:00:00+08:00');
  const program = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  // Move the call into 2026–2027 so an application can be made then.
  await h.as(OPENID.secretary, 'program.update', {
    programId: PROGRAM_ID,
    version: program.version,
    edit: {
      ...editOf(program),
      name: '2027年培育奖励',
      opensAt: '2026-12-01T00:00:00+08:00',
      deadline: '2027-06-30T23:59:59+08:00',
      implementationEndsAt: '2027-12-31T23:59:59+08:00',
      finalReportDueAt: '2028-01-15T23:59:59+08:00',
      categories: program.categories.map((category) => ({
        ...category,
        quotaMin: 0,
        quotaMax: 30,
        awardAmountFen: 300_000,
        deadline: null,
      })),
    },
  });
  await shortlisted(h, await submitted(h, OPENID.structure));
  h.clock.set('2026-12-31T09:00:00+08:00');
  const { notice } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '2027年拟立项公示',
    contact: '秘书处',
  });
  // 2027-01-01 counts here (the fallback cannot know New Year's Day): hence the warning to check by hand.
  expect(notice.periodText).toBe('公示期 2026年12月31日至2027年1月6日');
  expect(notice.calendarWarning).toBe('节假日日历尚未收录 2027 年，该年度按周一至周五计算工作日，请人工核对公示期');
});

test('the timer fails a rectification whose month has passed and reminds people once before deadlines', async () => {
  h.clock.set('2023-12-29T09:00:00+08:00');
  // A draft three days before the call closes gets one reminder, however often the timer runs.
  await h.as(OPENID.academic, 'application.create', {
    programId: PROGRAM_ID,
    requestId: 'reminder-draft-0001',
    content: { categoryKey: 'award', projectName: '学术年会', budget: [], commitments: [] },
  });
  const first = await runScheduledWork(h.deps);
  const again = await runScheduledWork(h.deps);
  expect(first.reminders).toBe(1);
  expect(again.reminders).toBe(0);
  const [reminder] = (await h.as(OPENID.academic, 'notification.list', {})).items;
  expect(reminder).toMatchObject({ title: '申报即将截止：学术年会', body: '申报截止时间 2023年12月31日 23:59，请尽快完成并提交。' });

  // An award put into rectification and left alone past its due date fails, by the system, with the reason.
  h.clock.set('2023-07-03T09:00:00+08:00');
  const award = await shortlisted(h, await submitted(h, OPENID.structure));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '公示', contact: '秘书处' });
  h.clock.set('2023-07-10T09:00:00+08:00');
  await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  let step = await decided(h, await current(h, OPENID.secretary, award._id), 'issueNotice');
  step = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: award._id,
    version: step.version,
    summary: '中期',
    achievements: [],
    fileIds: [],
  });
  step = await decided(h, step, 'passMidterm');
  step = await h.as(OPENID.structure, 'application.report', {
    requestId: requestId(),
    applicationId: award._id,
    version: step.version,
    summary: '结项',
    achievements: [],
    fileIds: [],
  });
  h.clock.set('2024-01-10T09:00:00+08:00');
  step = await decided(h, step, 'rectifyFinal', '佐证不足');
  expect(step.dueAt).toBe('2024-02-10T15:59:59.000Z');
  h.clock.set('2024-02-05T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(1);
  h.clock.set('2024-02-11T00:30:00+08:00');
  expect((await runScheduledWork(h.deps)).failedRectifications).toBe(1);
  const failed = await current(h, OPENID.structure, award._id);
  expect(failed).toMatchObject({ status: 'failed', outcomes: { final: 'failed' } });
  // The society's plan names no consequence (seed 004 五、培育奖励; a declared placeholder): nothing was paid before
  // acceptance, so failing withdraws the award.
  expect(failed.statusLabel).toBe('验收不合格：取消经费奖补资助');
  expect(failed.decisionReason).toBe('整改期限（2024年2月10日 23:59）已过，未提交整改报告');
});

test('a mid-term report date set in the programme is shown as due and reminded a week before, once', async () => {
  const award = await shortlistedOn('2023-07-03');
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '公示', contact: '秘书处' });
  h.clock.set('2023-07-10T09:00:00+08:00');
  await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  await decided(h, await current(h, OPENID.secretary, award._id), 'issueNotice');
  const program = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  expect(program.stages.midterm?.dueAt).toBeNull();
  const { _id, version, stages } = program;
  const edit = editOf(program);
  const updated = await h.as(OPENID.secretary, 'program.update', {
    programId: _id,
    version,
    edit: { ...edit, stages: { ...edit.stages, midterm: { categories: [], dueAt: '2023-09-30T23:59:59+08:00' } } },
  });
  expect(updated.stages.midterm?.dueAt).toBe('2023-09-30T23:59:59+08:00');
  expect(updated.stages.shortlistNotice).toEqual(stages.shortlistNotice);

  h.clock.set('2023-09-20T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(0);
  h.clock.set('2023-09-25T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBe(1);
  expect((await runScheduledWork(h.deps)).reminders).toBe(0);
  const [message] = (await h.as(OPENID.structure, 'notification.list', {})).items;
  expect(message).toMatchObject({ title: '中期报告即将截止：建筑结构抗震科普进社区', body: '中期报告须于 2023年9月30日 23:59 前提交。' });
});
