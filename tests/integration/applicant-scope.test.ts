// A programme started from another organiser's template gets that organiser's applicants; the secretariat
// sets its own in the programme settings, checked by the programme schema, and its members can then apply.
import { OPENID, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { addApplicant, contentFor } from '../support/lifecycle';
import { editOf } from '../support/program-edit';
import type { ProgramEdit } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // Inside the Xuzhou template's call.
  h.clock.set('2022-05-20T10:00:00+08:00');
});
afterEach(async () => {
  await h.close();
});

const branchScope = { memberKinds: ['branch', 'memberUnit'] as const, label: '分支机构、会员单位' };

test('the society starting from the Xuzhou template opens it to its branches and member units, and its branch applies', async () => {
  const branch = await addApplicant(h, {
    id: 'scceas-bim',
    name: 'BIM专业委员会',
    kind: 'branch',
    societyId: 'org-scceas',
    profile: {
      inspections: [
        { year: 2021, result: '合格' },
        { year: 2022, result: '合格' },
      ],
    },
  });
  const program = await h.as(OPENID.secretary, 'program.createFromTemplate', {
    templateCode: 'xuzhou-2022',
    requestId: requestId(),
    name: '2024年度分支机构能力提升计划',
  });
  expect(program.applicants).toEqual({ memberKinds: ['society'], label: '市级学会（协会、研究会）' });
  const create = async () =>
    h.raw(branch, 'application.create', {
      programId: program._id,
      requestId: requestId(),
      content: await contentFor(h, program._id, 'tech-service'),
    });
  expect(refusal(await create())).toEqual([
    'APPLICANT_NOT_ELIGIBLE',
    '本单位不符合申报条件：本项目仅限四川省土木建筑学会所属的市级学会（协会、研究会）申报（本单位：分支机构）',
  ]);

  const edit = editOf(program);
  const update = (changed: ProgramEdit, version = program.version) =>
    h.raw(OPENID.secretary, 'program.update', { programId: program._id, version, edit: changed });
  // The scope alone is refused while the categories still name 学会, saying which one.
  expect(refusal(await update({ ...edit, applicants: { ...branchScope, memberKinds: [...branchScope.memberKinds] } }))).toEqual([
    'PROGRAM_INVALID',
    '项目配置不正确：“一流学会”的申报单位类型（学会）不在项目的申报范围（分支机构、会员单位）之内',
  ]);
  expect((await h.as(OPENID.secretary, 'program.get', { programId: program._id })).version).toBe(program.version);

  const opened = await update({
    ...edit,
    applicants: { ...branchScope, memberKinds: [...branchScope.memberKinds] },
    categories: edit.categories.map((category) => ({ ...category, applicantKinds: ['branch', 'memberUnit'] })),
  });
  expect(opened.ok).toBe(true);
  const saved = await h.as(OPENID.secretary, 'program.get', { programId: program._id });
  expect(saved.applicants).toEqual(branchScope);
  expect(saved.categories.map((category) => category.applicantKinds)).toEqual(saved.categories.map(() => ['branch', 'memberUnit']));
  // A programme started from a template is a draft: its members do not see it until it is published, and it is
  // not published with last year's dates.
  expect(saved.draft).toBe(true);
  expect((await h.as(branch, 'program.list', {})).map((listed) => listed._id)).not.toContain(program._id);
  expect(refusal(await create())).toEqual(['APPLICANT_NOT_ELIGIBLE', '本单位不符合申报条件：本项目尚未发布']);
  // A year on, the template's 2022 dates have passed.
  h.clock.set('2023-07-03T09:00:00+08:00');
  expect(refusal(await h.raw(OPENID.secretary, 'program.publish', { programId: program._id, version: saved.version }))).toEqual([
    'PROGRAM_INVALID',
    '项目配置不正确：申报截止时间、实施结束时间、结项报告截止时间已过，请先在项目设置中改为今后的时间再发布',
  ]);
  const thisYear = await update(
    {
      ...editOf(saved),
      // This year's call: the applications' schedules (July of the programme's year) lie inside its period.
      year: 2023,
      opensAt: '2023-07-01T00:00:00+08:00',
      deadline: '2023-08-31T23:59:59+08:00',
      implementationEndsAt: '2023-12-31T23:59:59+08:00',
      finalReportDueAt: '2024-01-15T23:59:59+08:00',
      categories: editOf(saved).categories.map((category) => ({ ...category, deadline: null })),
    },
    saved.version,
  );
  expect(thisYear.ok).toBe(true);
  const dated = await h.as(OPENID.secretary, 'program.get', { programId: program._id });
  const published = await h.as(OPENID.secretary, 'program.publish', { programId: program._id, version: dated.version });
  expect(published.draft).toBe(false);
  expect((await h.as(branch, 'program.list', {})).map((listed) => listed._id)).toContain(program._id);

  const created = await create();
  expect(created.ok && (created.data as { status: string }).status).toBe('draft');
  // Another organiser's society is still outside.
  expect(await h.refused(OPENID.xzCivil, 'program.get', { programId: program._id })).toBe('NOT_FOUND');
});

test('a scope edit is checked like the rest: no kind, an empty label or an unknown key is refused, changing nothing', async () => {
  const program = await h.as(OPENID.secretary, 'program.get', { programId: 'program-sichuan-civil-2023' });
  const edit = editOf(program);
  const update = (changed: unknown) =>
    h.raw(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit: changed });
  expect(refusal(await update({ ...edit, applicants: { memberKinds: [], label: '会员单位' } }))).toEqual([
    'INVALID_INPUT',
    '输入有误：edit.applicants.memberKinds：申报范围至少选择一种单位类型',
  ]);
  expect(refusal(await update({ ...edit, applicants: { memberKinds: ['branch'], label: ' \u202E ' } }))).toEqual([
    'INVALID_INPUT',
    '输入有误：edit.applicants.label：请填写申报范围的名称',
  ]);
  expect(refusal(await update({ ...edit, applicants: { ...program.applicants, societyId: 'org-xzast' } }))?.[1]).toBe(
    '输入有误：edit.applicants：不能修改或不认识的字段：societyId',
  );
  expect(refusal(await update({ ...edit, categories: [{ ...edit.categories[0]!, applicantKinds: [] }] }))?.[1]).toBe(
    '输入有误：edit.categories.0.applicantKinds：每个类别至少选择一种申报单位类型',
  );
  expect((await h.as(OPENID.secretary, 'program.get', { programId: program._id })).version).toBe(program.version);
});
