// The settings form: what it shows, what it sends, and the reason it gives before the tap — in the words of the
// server's own contract and programme schema (one check, not a copy).
import { editSummary, programConfigOf } from '@/core/program/program-edit';
import type { EligibilityRule } from '@/core/program/program-schema';
import { stageTimeline } from '@/core/program/timeline';
import type { ProgramView } from '@/core/schemas/actions';
import {
  draftOf,
  editOf,
  fenOfYuan,
  moved,
  newAttachment,
  newCategory,
  newCriterion,
  newRule,
  newSection,
  numberOf,
  periodField,
  toggledKey,
  toggledKind,
  weightTotal,
  without,
  yuanText,
} from '@/features/admin/program-edit-form';
import { pickedInstant, pickedParts } from '@/features/admin/dates';
import { programFrom } from './factories';

const xuzhou: ProgramView = {
  ...programFrom('xuzhou-2022'),
  windowOpen: true,
  categoryStates: [],
  grantedFen: 0,
  shortlistedFen: 0,
  serverNow: '2022-05-20T02:00:00.000Z',
};
const civil: ProgramView = { ...xuzhou, ...programFrom('sichuan-civil-2023') };

function issueOf(result: ReturnType<typeof editOf>): string | null {
  return 'issue' in result ? result.issue : null;
}

test('the form shows the template’s scope and sends it back unchanged', () => {
  const draft = draftOf(xuzhou);
  expect(draft.applicants).toEqual({ memberKinds: ['society'], label: '市级学会（协会、研究会）' });
  const result = editOf(xuzhou, draft);
  expect('edit' in result && result.edit.applicants).toEqual({ memberKinds: ['society'], label: '市级学会（协会、研究会）' });
  expect('edit' in result && result.edit.categories.map((category) => category.applicantKinds)).toEqual(
    xuzhou.categories.map(() => ['society']),
  );
});

test('narrowing the scope below a category’s kinds is explained in Chinese; ticking the categories too is accepted', () => {
  const draft = draftOf(xuzhou);
  const scoped = {
    ...draft,
    applicants: { memberKinds: toggledKind(toggledKind(['society'], 'memberUnit'), 'society'), label: '会员单位' },
  };
  expect(scoped.applicants.memberKinds).toEqual(['memberUnit']);
  expect(issueOf(editOf(xuzhou, scoped))).toBe('“一流学会”的申报单位类型（学会）不在项目的申报范围（会员单位）之内');
  const accepted = editOf(xuzhou, {
    ...scoped,
    categories: scoped.categories.map((category) => ({ ...category, applicantKinds: ['memberUnit'] })),
  });
  expect('edit' in accepted && accepted.edit.applicants).toEqual({ memberKinds: ['memberUnit'], label: '会员单位' });
});

test('no kind or no name for the scope is refused by the form with the schema’s message', () => {
  const draft = draftOf(xuzhou);
  expect(issueOf(editOf(xuzhou, { ...draft, applicants: { ...draft.applicants, memberKinds: [] } }))).toBe('申报范围至少选择一种单位类型');
  expect(issueOf(editOf(xuzhou, { ...draft, applicants: { ...draft.applicants, label: '  ' } }))).toBe('请填写申报范围的名称');
});

test('the form refuses, in the server’s words, a notice below the floor and a target below its provincial minimum', () => {
  const draft = draftOf(civil);
  expect(issueOf(editOf(civil, { ...draft, stages: { ...draft.stages, shortlistNotice: { workingDays: 3 } } }))).toBe(
    '公示期不能少于 5 个工作日（本项目文件规定）',
  );
  const rank = draft.indicators.find((indicator) => indicator.key === 'tfkjy-registered-rank')!;
  const withRank = (target: number) => draft.indicators.map((row) => (row.key === rank.key ? { ...row, target } : row));
  expect(issueOf(editOf(civil, { ...draft, indicators: withRank(60) }))).toBe(`“${rank.name}”的目标不能低于上级项目的要求（前 50 名以内）`);
  expect(
    issueOf(editOf(civil, { ...draft, indicators: withRank(20), stages: { ...draft.stages, shortlistNotice: { workingDays: 7 } } })),
  ).toBeNull();
});

test('the form cannot lower a notice’s document minimum nor lift an indicator’s upstream floor: those are not in the edit', () => {
  const draft = draftOf(civil);
  expect(draft.stages.shortlistNotice).toEqual({ workingDays: 5 });
  expect(draft.indicators.every((indicator) => !('upstream' in indicator))).toBe(true);
  const sneaky = { ...draft, stages: { ...draft.stages, shortlistNotice: { workingDays: 2, minWorkingDays: 1 } } };
  expect(issueOf(editOf(civil, sneaky))).toBe('不能修改或不认识的字段：minWorkingDays');
});

test('typed numbers and amounts become values; what is no value is named with its field and row', () => {
  expect([numberOf(' 12 '), numberOf(''), fenOfYuan('3000'), fenOfYuan('abc')]).toEqual([12, Number.NaN, 300_000, Number.NaN]);
  const draft = draftOf(xuzhou);
  const first = draft.categories[0]!;
  const category = (change: Partial<typeof first>) => ({ ...draft, categories: [{ ...first, ...change }, ...draft.categories.slice(1)] });
  expect(issueOf(editOf(xuzhou, category({ quotaMax: numberOf('') })))).toBe('“一流学会”名额上限：须填写数字');
  expect(issueOf(editOf(xuzhou, category({ quotaMax: 1.5 })))).toBe('“一流学会”名额上限：须为整数');
  expect(issueOf(editOf(xuzhou, category({ quotaMin: 3, quotaMax: 2 })))).toBe('“一流学会”：名额下限不能大于上限');
  expect(issueOf(editOf(xuzhou, category({ awardAmountFen: fenOfYuan('') })))).toBe('“一流学会”单项金额：须填写数字');
  expect(issueOf(editOf(xuzhou, { ...draft, deadline: draft.opensAt }))).toBe('截止时间须晚于开始时间');
});

test('a picked day or minute changes only that part of the time, shown in Shanghai; a new date is a deadline', () => {
  // Xuzhou's deadline is 2022-11-10T23:59:59+08:00 (seed 003).
  expect(pickedParts(xuzhou.deadline)).toEqual({ day: '2022-11-10', time: '23:59' });
  expect(pickedParts(null)).toEqual({ day: '', time: '' });
  expect(pickedInstant(xuzhou.deadline, { day: '2023-09-30' })).toBe('2023-09-30T23:59:59+08:00');
  expect(pickedInstant(xuzhou.opensAt, { time: '09:30' })).toBe('2022-04-29T09:30:00+08:00');
  expect(pickedInstant(null, { day: '2023-10-31' })).toBe('2023-10-31T23:59:59+08:00');
  // A time stored in UTC is picked and kept as Shanghai sees it.
  expect(pickedParts('2023-07-02T16:00:00.000Z')).toEqual({ day: '2023-07-03', time: '00:00' });
  expect(pickedInstant('2023-07-02T16:00:00.000Z', { time: '09:00' })).toBe('2023-07-03T09:00:00+08:00');
});

test('the mid-term and review deadlines are picked inside the programme’s period; outside it the form says why, as the server does', () => {
  const draft = draftOf(xuzhou);
  // Xuzhou's period: opens 2022-04-29, implementation and final report both end 2022-12-31 (seed 003).
  const inside = periodField(draft, '专家评审截止时间', '2022-11-20T23:59:59+08:00');
  expect(inside).toEqual({ start: '2022-04-29', end: '2022-12-31', issue: null });
  const late = '2023-01-10T23:59:59+08:00';
  const reason = '专家评审截止时间须在项目期内（2022年4月29日至2022年12月31日）';
  expect(periodField(draft, '专家评审截止时间', late).issue).toBe(reason);
  expect(issueOf(editOf(xuzhou, { ...draft, reviewDueAt: late }))).toBe(reason);
  expect(issueOf(editOf(xuzhou, { ...draft, reviewDueAt: '2022-11-20T23:59:59+08:00' }))).toBeNull();
  const midterm = { ...draft, stages: { ...draft.stages, midterm: { categories: [], dueAt: '2022-04-28T23:59:59+08:00' } } };
  expect(issueOf(editOf(xuzhou, midterm))).toBe('中期报告截止时间须在项目期内（2022年4月29日至2022年12月31日）');
  // Moving the period moves the picker's days with it.
  expect(periodField({ ...draft, finalReportDueAt: '2023-01-15T23:59:59+08:00' }, '专家评审截止时间', late)).toEqual({
    start: '2022-04-29',
    end: '2023-01-15',
    issue: null,
  });
});

test('review weights must add up to 100, as the schema says; the form shows the running total', () => {
  const draft = draftOf(xuzhou);
  const [first, ...rest] = draft.reviewCriteria;
  const heavier = { ...draft, reviewCriteria: [{ ...first!, weight: first!.weight + 5 }, ...rest] };
  expect(weightTotal(draft)).toBe(100);
  expect(weightTotal(heavier)).toBe(105);
  expect(issueOf(editOf(xuzhou, heavier))).toBe('评审指标权重合计须为 100');
  const rebalanced = {
    ...heavier,
    reviewCriteria: [heavier.reviewCriteria[0]!, { ...rest[0]!, weight: rest[0]!.weight - 5 }, ...rest.slice(1)],
  };
  expect(issueOf(editOf(xuzhou, rebalanced))).toBeNull();
});

test('categories, sections and rules are added, reordered and removed; a new one must be filled in before it is sent', () => {
  const draft = draftOf(xuzhou);
  const added = { ...draft, categories: [...draft.categories, newCategory(draft)] };
  expect(added.categories.at(-1)?.key).toBe('category-5');
  expect(issueOf(editOf(xuzhou, added))).toBe('第 5 项名称：不能为空');
  const named = {
    ...added,
    categories: added.categories.map((c, i) => (i === 4 ? { ...c, name: '科普专项', awardAmountFen: fenOfYuan('20000') } : c)),
  };
  expect(issueOf(editOf(xuzhou, named))).toBeNull();

  const sections = draft.form.sections;
  const reordered = moved(sections, 0, 1);
  expect(reordered.map((s) => s.key)).toEqual([sections[1]!.key, sections[0]!.key, ...sections.slice(2).map((s) => s.key)]);
  expect(moved(sections, 0, -1)).toEqual(sections);
  const withSection = { ...draft, form: { ...draft.form, sections: [...sections, newSection(draft)] } };
  expect(issueOf(editOf(xuzhou, withSection))).toBe(`第 ${sections.length + 1} 项栏目标题：不能为空`);
  expect(issueOf(editOf(xuzhou, { ...draft, form: { ...draft.form, sections: [] } }))).toBe('至少需要一项');
  expect(without(sections, 0)).toHaveLength(sections.length - 1);

  const rule = {
    ...(newRule('noSanctionWithin') as Extract<EligibilityRule, { kind: 'noSanctionWithin' }>),
    categories: ['no-such-category'],
  };
  expect(issueOf(editOf(xuzhou, { ...draft, eligibility: [...draft.eligibility, rule] }))).toBe('规则中引用了不存在的类别');
  expect(issueOf(editOf(xuzhou, { ...draft, eligibility: [...draft.eligibility, { ...rule, categories: [], years: 0 }] }))).toMatch(
    /^第 \d+ 项年数：不能小于 1$/,
  );
});

test('the preview’s timeline lists the stages the programme runs, in order, with what failing means', () => {
  const steps = (program: ProgramView) => stageTimeline(program).map((step) => (step.detail ? `${step.name}：${step.detail}` : step.name));
  // Xuzhou (seed 003): results are published after the assessment, and failing withdraws the funding.
  expect(steps(xuzhou)).toEqual([
    '申报：2022年4月29日 00:00 至 2022年11月10日 23:59',
    '形式审查',
    '专家评审',
    '拟立项',
    '拟立项公示：5 个工作日',
    '立项',
    '中期检查：全部类别',
    '实施结束：2022年12月31日 23:59',
    '结项报告与考核：2022年12月31日 23:59 前提交',
    '考核结果公示：5 个工作日',
    '拨付奖补资金',
    '考核未通过：取消经费奖补资助',
  ]);
  const paidAhead = {
    ...xuzhou,
    stages: { ...xuzhou.stages, agreement: true, advancePercent: 70, midterm: null, rectification: { months: 2 } },
  };
  expect(steps(paidAhead)).toEqual(
    expect.arrayContaining(['签订项目实施协议', '立项后拨付：奖补金额的 70%', '限期整改：未通过的可整改 2 个月', '拨付奖补资金：其余 30%']),
  );
  expect(steps(paidAhead)).not.toContain('中期检查：全部类别');
});

test('the audit’s summary names the parts an edit changed, and the rows added or removed', () => {
  const before = programConfigOf(xuzhou);
  expect(editSummary(before, before)).toBeNull();
  const after = {
    ...before,
    stages: { ...before.stages, rectification: { months: 2 } },
    reviewCriteria: before.reviewCriteria.map((criterion, index) => (index === 0 ? { ...criterion, name: '工作基础与条件' } : criterion)),
    categories: before.categories.slice(1),
  };
  expect(editSummary(before, after)).toBe('修改：流程环节、评审指标、类别（删除“一流学会”）');
});

test('the pool and award amounts show as typed yuan, without thousands commas or empty cents, and read back the same', () => {
  expect(yuanText(10_000_000)).toBe('100000');
  expect(yuanText(1_234_550)).toBe('12345.50');
  expect(fenOfYuan(yuanText(1_234_550))).toBe(1_234_550);
  // An amount not yet typed shows an empty field, not "NaN".
  expect(yuanText(Number.NaN)).toBe('');
});

test('an attachment’s categories tick and untick in the programme’s order of categories', () => {
  const all = xuzhou.categories.map((category) => category.key);
  const ticked = toggledKey(toggledKey([], all[2]!, all), all[0]!, all);
  expect(ticked).toEqual([all[0], all[2]]);
  expect(toggledKey(ticked, all[0]!, all)).toEqual([all[2]]);
});

test('a new attachment or review criterion gets a key not yet taken, and a criterion must be weighed before it is sent', () => {
  const draft = draftOf(xuzhou);
  const attachment = newAttachment(draft);
  expect(draft.form.attachments.some((existing) => existing.key === attachment.key)).toBe(false);
  const criterion = newCriterion(draft);
  expect(draft.reviewCriteria.some((existing) => existing.key === criterion.key)).toBe(false);
  const weighed = { ...draft, reviewCriteria: [...draft.reviewCriteria, criterion] };
  expect(weightTotal(weighed)).toBe(100);
  expect(issueOf(editOf(xuzhou, weighed))).toBe(`第 ${weighed.reviewCriteria.length} 项名称：不能为空`);
  const named = { ...draft, reviewCriteria: [...draft.reviewCriteria, { ...criterion, name: '社会影响' }] };
  expect(issueOf(editOf(xuzhou, named))).toMatch(/权重/);
});
