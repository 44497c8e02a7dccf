// The secretariat starts a programme from any seed and edits what changes from year to year; every edit
// is checked by the one programme schema, and a bad one changes nothing.
import { OPENID, startHarness, type Harness } from '../support/harness';
import { shortlisted, submitted } from '../support/lifecycle';
import { editOf } from '../support/program-edit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

type Edit = Parameters<Harness['as']>[2] & { edit: unknown };

async function startFromXuzhou() {
  return h.as(OPENID.secretary, 'program.createFromTemplate', {
    templateCode: 'xuzhou-2022',
    requestId: 'newprogram0001',
    name: '2024年度分支机构能力提升计划',
  });
}

test('start a programme from a seed, then edit name, dates, quotas, amounts, targets and form limits', async () => {
  const templates = await h.as(OPENID.secretary, 'program.templates', {});
  expect(templates.map((template) => template.code)).toEqual([
    'sichuan-first-class-society-2023',
    'sichuan-civil-2023',
    'suzhou-2022',
    'xuzhou-2022',
  ]);
  expect(await h.refused(OPENID.structure, 'program.templates', {})).toBe('FORBIDDEN');

  const program = await startFromXuzhou();
  // A retried create (lost answer) returns the same programme.
  expect((await startFromXuzhou())._id).toBe(program._id);
  expect(program).toMatchObject({ name: '2024年度分支机构能力提升计划', templateCode: 'xuzhou-2022', societyId: 'org-scceas' });
  expect(program.categories.map((category) => category.key)).toEqual(['first-class', 'innovative', 'tech-service', 'think-tank-project']);
  expect((await h.as(OPENID.secretary, 'program.list', {})).map((listed) => listed._id)).toContain(program._id);

  const edit = editOf(program);
  edit.name = '2024年度分支机构能力提升计划（修订）';
  edit.opensAt = '2024-03-01T00:00:00+08:00';
  edit.deadline = '2024-05-31T23:59:59+08:00';
  edit.categories[0] = { ...edit.categories[0]!, quotaMin: 2, quotaMax: 4, awardAmountFen: 5_000_000 };
  edit.form.sections[0] = { ...edit.form.sections[0]!, maxChars: 1500 };
  edit.form.projectNameMaxChars = 40;
  const updated = await h.as(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit });
  expect(updated).toMatchObject({
    name: '2024年度分支机构能力提升计划（修订）',
    deadline: '2024-05-31T23:59:59+08:00',
    version: program.version + 1,
  });
  expect(updated.categories[0]).toMatchObject({ quotaMin: 2, quotaMax: 4, awardAmountFen: 5_000_000 });
  expect(updated.form.sections[0]?.maxChars).toBe(1500);
  expect(updated.form.projectNameMaxChars).toBe(40);

  // An edit made on an old version is refused; so is one the schema refuses — with the reason, changing nothing.
  expect(await h.refused(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit })).toBe('CONFLICT');
  const backwards = await h.raw(OPENID.secretary, 'program.update', {
    programId: program._id,
    version: updated.version,
    edit: { ...edit, deadline: '2024-01-01T00:00:00+08:00' },
  } as Edit);
  expect(backwards).toEqual({ ok: false, error: { code: 'PROGRAM_INVALID', message: '项目配置不正确：截止时间须晚于开始时间' } });
  const overPool = await h.raw(OPENID.secretary, 'program.update', {
    programId: program._id,
    version: updated.version,
    edit: { ...edit, poolFen: 100 },
  } as Edit);
  expect(overPool.ok ? '' : overPool.error.message).toContain('各类别名额下限 × 单项金额 超过资金池');
  expect((await h.as(OPENID.secretary, 'program.get', { programId: program._id })).version).toBe(updated.version);
});

test('a quota or the pool cannot be cut below what is already shortlisted', async () => {
  await shortlisted(h, await submitted(h, OPENID.structure));
  await shortlisted(h, await submitted(h, OPENID.academic));
  const program = await h.as(OPENID.secretary, 'program.get', { programId: 'program-sichuan-civil-2023' });
  const edit = editOf(program);
  const update = (changed: typeof edit) =>
    h.raw(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit: changed } as Edit);

  const quota = await update({ ...edit, categories: [{ ...edit.categories[0]!, quotaMax: 1 }] });
  expect(quota.ok ? '' : quota.error.message).toBe('项目配置不正确：“培育奖励”已有 2 项拟立项，名额不能少于此数');
  const pool = await update({ ...edit, poolFen: 500_000 });
  expect(pool.ok ? '' : pool.error.message).toBe('项目配置不正确：资金池不能少于已拟立项/立项金额');
  const fits = await update({ ...edit, poolFen: 600_000, categories: [{ ...edit.categories[0]!, quotaMax: 2 }] });
  expect(fits.ok).toBe(true);
});

test('an edit may not shorten the notice below the document’s floor, nor set a target below its provincial minimum', async () => {
  const program = await h.as(OPENID.secretary, 'program.get', { programId: 'program-sichuan-civil-2023' });
  const edit = editOf(program);
  const update = (changed: typeof edit) =>
    h.raw(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit: changed } as Edit);
  const before = await h.store.get('programs', program._id);
  const targetOf = (key: string, target: number) => edit.indicators.map((row) => (row.key === key ? { ...row, target } : row));

  const withNotice = (workingDays: number) => ({ ...edit.stages, shortlistNotice: { workingDays } });
  // The document's minimum is not the secretariat's to lower: it is not in the edit, and sending it is refused by name.
  const lowered = await update({
    ...edit,
    stages: { ...edit.stages, shortlistNotice: { workingDays: 1, minWorkingDays: 1 } } as typeof edit.stages,
  });
  expect(lowered.ok ? '' : lowered.error.message).toBe('输入有误：edit.stages.shortlistNotice：不能修改或不认识的字段：minWorkingDays');
  const oneDay = await update({ ...edit, stages: withNotice(1) });
  expect(oneDay.ok ? '' : oneDay.error.message).toBe('项目配置不正确：公示期不能少于 5 个工作日（本项目文件规定）');
  // 天府科技云 registration rank: the province asks for the top 50, so 60 falls short; a count below its minimum too.
  const rank = await update({ ...edit, indicators: targetOf('tfkjy-registered-rank', 60) });
  expect(rank.ok ? '' : rank.error.message).toMatch(/^项目配置不正确：“.+”的目标不能低于上级项目的要求（前 50 名以内）$/);
  const count = await update({ ...edit, indicators: targetOf('integrity-training', 0) });
  expect(count.ok ? '' : count.error.message).toMatch(/^项目配置不正确：“.+”的目标不能低于上级项目的要求（至少 1.*）$/);
  expect(await h.store.get('programs', program._id)).toEqual(before);

  // Better than the province asks is fine: rank 30, a notice of 7 working days.
  const better = await update({ ...edit, stages: withNotice(7), indicators: targetOf('tfkjy-registered-rank', 30) });
  expect(better.ok).toBe(true);
});
