// The secretariat starts a programme from any seed and edits what changes from year to year; every edit
// is checked by the one programme schema, and a bad one changes nothing.
import { OPENID, PROGRAM_ID, completeContent, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, current, decided, publicizedAndClosed, reviewed, shortlisted, submitted } from '../support/lifecycle';
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

describe('what applications and reviews rest on stays put', () => {
  async function civil() {
    const program = await h.as(OPENID.secretary, 'program.get', { programId: 'program-sichuan-civil-2023' });
    return { program, edit: editOf(program) };
  }
  const update = async (programId: string, version: number, edit: ReturnType<typeof editOf>) =>
    h.raw(OPENID.secretary, 'program.update', { programId, version, edit } as Edit);
  const messageOf = (result: Awaited<ReturnType<typeof update>>) => (result.ok ? 'ok' : result.error.message);

  test('a category or a section an application is in cannot be removed; one nobody uses can, and the audit says what changed', async () => {
    await submitted(h, OPENID.structure);
    let { program, edit } = await civil();
    const award = edit.categories[0]!;
    const added = {
      ...edit,
      categories: [...edit.categories, { ...award, key: 'popular', name: '科普专项', description: '面向社区的科普活动', quotaMin: 0 }],
      form: {
        ...edit.form,
        sections: [...edit.form.sections, { key: 'team', title: '团队介绍', hint: '主要成员及分工', maxChars: 800, required: false }],
      },
    };
    const saved = await update(program._id, program.version, added);
    expect(messageOf(saved)).toBe('ok');
    ({ program, edit } = await civil());
    expect(program.categories.map((category) => category.name)).toEqual(['培育奖励', '科普专项']);
    const [entry] = await h.store.find('audit', { entityId: program._id, entityVersion: program.version });
    expect(entry).toMatchObject({ action: 'update', reason: '修改：类别（新增“科普专项”）、申报书栏目（新增“团队介绍”）' });

    const before = await h.store.get('programs', program._id);
    const withoutAward = await update(program._id, program.version, { ...edit, categories: edit.categories.slice(1) });
    expect(messageOf(withoutAward)).toBe('项目配置不正确：类别“培育奖励”已有申报，不能删除');
    const withoutPlan = await update(program._id, program.version, {
      ...edit,
      form: { ...edit.form, sections: edit.form.sections.slice(1) },
    });
    expect(messageOf(withoutPlan)).toMatch(/^项目配置不正确：栏目“.+”已有申报书填写，不能删除$/);
    expect(await h.store.get('programs', program._id)).toEqual(before);

    // The new, unused ones go again; the sections may be reordered.
    const back = await update(program._id, program.version, {
      ...edit,
      categories: edit.categories.slice(0, 1),
      form: { ...edit.form, sections: [...edit.form.sections].reverse().slice(1) },
    });
    expect(messageOf(back)).toBe('ok');
    const [removed] = await h.store.find('audit', { entityId: program._id, entityVersion: program.version + 1 });
    expect(removed?.reason).toBe('修改：类别（删除“科普专项”）、申报书栏目（删除“团队介绍”）');
  });

  test('review weights sum to 100, and once an expert has scored, criteria and weights stay; names may still be put better', async () => {
    let { program, edit } = await civil();
    const [first, second, ...rest] = edit.reviewCriteria;
    const shifted = {
      ...edit,
      reviewCriteria: [{ ...first!, weight: first!.weight + 5 }, { ...second!, weight: second!.weight - 5 }, ...rest],
    };
    expect(messageOf(await update(program._id, program.version, { ...shifted, reviewCriteria: shifted.reviewCriteria.slice(1) }))).toBe(
      '项目配置不正确：评审指标权重合计须为 100',
    );
    expect(messageOf(await update(program._id, program.version, shifted))).toBe('ok');

    await reviewed(h, await decided(h, await submitted(h, OPENID.structure), 'passCheck'), [REVIEWERS.liu]);
    ({ program, edit } = await civil());
    const rebalanced = edit.reviewCriteria.map((c, i) => ({ ...c, weight: c.weight + (i === 0 ? -5 : i === 1 ? 5 : 0) }));
    expect(messageOf(await update(program._id, program.version, { ...edit, reviewCriteria: rebalanced }))).toBe(
      '项目配置不正确：已有专家评分，评审指标、权重和满分不能再修改',
    );
    const renamed = { ...edit, reviewCriteria: edit.reviewCriteria.map((c, i) => (i === 0 ? { ...c, name: '工作基础与条件' } : c)) };
    expect(messageOf(await update(program._id, program.version, renamed))).toBe('ok');
  });

  test('once a project is shortlisted its review and shortlist notice cannot be switched, though the notice’s length can', async () => {
    await shortlisted(h, await submitted(h, OPENID.structure));
    const { program, edit } = await civil();
    expect(messageOf(await update(program._id, program.version, { ...edit, stages: { ...edit.stages, expertReview: false } }))).toBe(
      '项目配置不正确：已有项目拟立项，专家评审和拟立项公示环节不能再开启或取消',
    );
    expect(messageOf(await update(program._id, program.version, { ...edit, stages: { ...edit.stages, shortlistNotice: null } }))).toBe(
      '项目配置不正确：已有项目拟立项，专家评审和拟立项公示环节不能再开启或取消',
    );
    // Stages after 立项 may still change while nothing is granted: an agreement, 30% after 立项, no rectification.
    const later = { ...edit.stages, shortlistNotice: { workingDays: 7 }, agreement: true, advancePercent: 30, rectification: null };
    expect(messageOf(await update(program._id, program.version, { ...edit, stages: later }))).toBe('ok');
    const saved = await h.as(OPENID.secretary, 'program.get', { programId: program._id });
    expect(saved.stages).toMatchObject({
      shortlistNotice: { workingDays: 7, minWorkingDays: 5 },
      agreement: true,
      advancePercent: 30,
      rectification: null,
    });
  });

  test('once an award is granted, the stages after 立项 stay as they were; dates and notice lengths may still move', async () => {
    const application = await shortlisted(h, await submitted(h, OPENID.structure));
    await publicizedAndClosed(h);
    await decided(h, await current(h, OPENID.secretary, application._id), 'issueNotice');
    const { program, edit } = await civil();
    for (const stages of [
      { ...edit.stages, advancePercent: 50 },
      { ...edit.stages, rectification: null },
      { ...edit.stages, failure: { ...edit.stages.failure, barNextCall: !edit.stages.failure.barNextCall } },
      { ...edit.stages, midterm: null },
    ]) {
      expect(messageOf(await update(program._id, program.version, { ...edit, stages }))).toBe(
        '项目配置不正确：已有项目立项，协议、立项后拨付比例、中期检查、结果公示、整改和未通过的处理不能再修改',
      );
    }
    const moved = { ...edit.stages, rectification: { months: 2 }, midterm: { categories: [], dueAt: '2023-10-31T23:59:59+08:00' } };
    expect(messageOf(await update(program._id, program.version, { ...edit, stages: moved }))).toBe('ok');
  });

  test('a draft’s year may be set to the year it runs; a published programme’s year stays', async () => {
    const draft = await startFromXuzhou();
    const published = await civil();
    expect(messageOf(await update(draft._id, draft.version, { ...editOf(draft), year: 2024 }))).toBe('ok');
    expect(messageOf(await update(published.program._id, published.program.version, { ...published.edit, year: 2024 }))).toBe(
      '项目配置不正确：项目发布后不能修改年度',
    );
  });
});

test('dates inside the programme’s period: program.update refuses a review deadline outside it, application.save a schedule row', async () => {
  // Seed 004 (Sichuan civil society, the demo call): opens 2023-06-25, the final report is due 2024-01-15.
  const program = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  const before = await h.store.get('programs', PROGRAM_ID);
  const late = { ...editOf(program), reviewDueAt: '2024-01-16T09:00:00+08:00' };
  expect(refusal(await h.raw(OPENID.secretary, 'program.update', { programId: PROGRAM_ID, version: program.version, edit: late }))).toEqual(
    ['PROGRAM_INVALID', '项目配置不正确：专家评审截止时间须在项目期内（2023年6月25日至2024年1月15日）'],
  );
  expect(await h.store.get('programs', PROGRAM_ID)).toEqual(before);
  const due = { ...editOf(program), reviewDueAt: '2023-11-30T17:00:00+08:00' };
  const updated = await h.as(OPENID.secretary, 'program.update', { programId: PROGRAM_ID, version: program.version, edit: due });
  expect(updated.reviewDueAt).toBe('2023-11-30T17:00:00+08:00');

  // The demo's schedule rows start on 1 July, inside the period; a row before the call opened is refused, as typed.
  const row = { phase: '筹备', startsOn: '2023-07-01', endsOn: '2023-07-31', work: '制定方案', owner: '李工' };
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent({ schedule: [row] }),
  });
  const early = completeContent({ schedule: [{ ...row, startsOn: '2023-06-24' }] });
  expect(
    refusal(await h.raw(OPENID.structure, 'application.save', { applicationId: draft._id, version: draft.version, content: early })),
  ).toEqual(['INVALID_INPUT', '输入有误：进度安排“筹备”的日期须在项目期内（2023年6月25日至2024年1月15日）']);
  expect((await current(h, OPENID.structure, draft._id)).schedule).toEqual([row]);
});
