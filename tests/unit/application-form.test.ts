// The application form's checks before the tap (src/features/apply/application-form.ts): what is refused, with
// which words, and what is still missing before submission — the same rules the server applies on save.
import { checkForm, emptyForm, normalizeForm, type ApplicationFormValues } from '@/features/apply/application-form';
import { programFrom } from './factories';

// Suzhou 2022 (seed 001, 001_*.readable.txt): 综合示范学会建设 awards 10 万元, the other categories 3 万元 each;
// the form asks for 项目内容 / 实施计划 / 预期成效, a budget and a schedule.
const suzhou = programFrom('suzhou-2022');

function filled(change: (form: ApplicationFormValues) => void = () => undefined): ApplicationFormValues {
  const form = emptyForm(suzhou);
  form.categoryKey = 'party-building';
  form.projectName = '党建引领学术交流';
  form.sections = { content: '开展党建活动。', plan: '分三阶段实施。', outcomes: '形成品牌。' };
  form.budget = [{ rowId: 'b1', item: '会议费', amountText: '12000', basis: '2 场 × 6000 元' }];
  form.schedule = [{ rowId: 's1', phase: '启动', startsOn: '2022-07-01', endsOn: '2022-08-31', work: '制定方案', owner: '张三' }];
  form.signerName = '李四';
  form.agreed = true;
  change(form);
  return form;
}

test('a complete form has nothing blocking and nothing missing, and sends what was typed, trimmed', () => {
  const check = checkForm(
    suzhou,
    filled((form) => (form.projectName = '  党建引领学术交流  ')),
  );
  expect(check.blocking).toEqual([]);
  expect(check.missing).toEqual([]);
  expect(check.content.projectName).toBe('党建引领学术交流');
  expect(check.content.budget).toEqual([{ item: '会议费', amountFen: 1_200_000, basis: '2 场 × 6000 元' }]);
  expect(check.content.declaration).toEqual({ signerName: '李四', agreed: true });
});

test('a blank form asks for the category first and lists every part still missing before submission', () => {
  const check = checkForm(suzhou, emptyForm(suzhou));
  expect(check.blocking).toEqual(['请先选择申报类别']);
  expect(check.missing).toEqual(expect.arrayContaining(['申报类别', '项目名称', '经费预算', '进度安排', '申报承诺签名']));
});

test('a budget over the award’s amount is refused with both figures (seed 001: 党建强会 3 万元)', () => {
  const check = checkForm(
    suzhou,
    filled((form) => form.budget.push({ rowId: 'b2', item: '资料印刷费', amountText: '20000.50', basis: '' })),
  );
  expect(check.totalFen).toBe(3_200_050);
  expect(check.limitFen).toBe(3_000_000);
  expect(check.totalOver).toBe(true);
  expect(check.blocking).toEqual(['经费预算合计 32,000.50 元，超过上限 30,000 元，请调整']);
  // The same budget fits the 10 万元 综合示范学会建设 category.
  const demonstration = checkForm(
    suzhou,
    filled((form) => {
      form.categoryKey = 'demonstration';
      form.budget.push({ rowId: 'b2', item: '资料印刷费', amountText: '20000.50', basis: '' });
    }),
  );
  expect(demonstration.blocking).toEqual([]);
});

test('each unfinished budget row says what it lacks; a blank row is ignored', () => {
  const check = checkForm(
    suzhou,
    filled((form) => {
      form.budget = [
        { rowId: 'no-item', item: '', amountText: '500', basis: '' },
        { rowId: 'no-amount', item: '专家费', amountText: '', basis: '' },
        { rowId: 'bad-amount', item: '差旅费', amountText: '三千', basis: '' },
        { rowId: 'zero', item: '场地费', amountText: '0', basis: '' },
        { rowId: 'blank', item: '', amountText: '', basis: '' },
      ];
    }),
  );
  expect(check.budgetErrors).toEqual({
    'no-item': '请填写预算科目',
    'no-amount': '请填写金额',
    'bad-amount': '金额格式不正确，例如 1200 或 800.50',
    zero: '金额须大于 0',
  });
  expect(check.blocking).toContain('经费预算有未填写完整或格式不正确的行');
});

test('a schedule row that ends before it starts, or has no dates, is refused', () => {
  const row = { rowId: 's1', phase: '启动', startsOn: '2022-09-01', endsOn: '2022-08-01', work: '制定方案', owner: '' };
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.schedule = [row])),
    ).scheduleErrors,
  ).toEqual({ s1: '结束日期早于开始日期' });
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.schedule = [{ ...row, startsOn: '' }])),
    ).scheduleErrors,
  ).toEqual({
    s1: '请选择开始和结束日期',
  });
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.schedule = [row])),
    ).blocking,
  ).toContain('进度安排有未填写完整的行');
});

test('a schedule row outside the programme’s period is refused beside the row, in the server’s words', () => {
  // Suzhou 2022 (seed 001) opens 2022-01-21; implementation ends 2022-12-31, after the final report (2022-10-31).
  const row = { rowId: 's1', phase: '启动', startsOn: '2022-01-20', endsOn: '2022-03-31', work: '制定方案', owner: '' };
  const early = checkForm(
    suzhou,
    filled((form) => (form.schedule = [row])),
  );
  expect(early.scheduleErrors).toEqual({ s1: '日期须在项目期内（2022年1月21日至2022年12月31日）' });
  expect(early.content.schedule).toEqual([]);
  const inside = checkForm(
    suzhou,
    filled((form) => (form.schedule = [{ ...row, startsOn: '2022-01-21', endsOn: '2022-12-31' }])),
  );
  expect(inside.scheduleErrors).toEqual({});
  expect(inside.content.schedule).toHaveLength(1);
});

test('a team member’s age must be a whole number from 16 to 100; a row with a task but no name asks for the name', () => {
  const member = { rowId: 't1', name: '王五', ageText: '15', title: '', employer: '', task: '' };
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.team = [member])),
    ).teamErrors,
  ).toEqual({ t1: '年龄须为 16 至 100 的整数' });
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.team = [{ ...member, ageText: '45' }])),
    ).teamErrors,
  ).toEqual({});
  expect(
    checkForm(
      suzhou,
      filled((form) => (form.team = [{ ...member, name: '', ageText: '', task: '统筹' }])),
    ).teamErrors,
  ).toEqual({
    t1: '请填写姓名',
  });
});

test('a project name or section over its limit is refused with the count typed (seed 001: 项目名称 60 字)', () => {
  const check = checkForm(
    suzhou,
    filled((form) => {
      form.projectName = '名'.repeat(61);
      form.sections.plan = '计'.repeat(2001);
    }),
  );
  expect(check.nameOver).toBe(true);
  expect(check.blocking).toEqual(['项目名称超过 60 字（当前 61 字）', '“实施计划”超过 2000 字（当前 2001 字）']);
});

test('without the signature and the tick the declaration is missing, not blocking: a draft can still be saved', () => {
  const check = checkForm(
    suzhou,
    filled((form) => (form.agreed = false)),
  );
  expect(check.blocking).toEqual([]);
  expect(check.missing).toEqual(['申报承诺签名']);
});

test('a form kept on the phone by an older version keeps its plan text in the first section', () => {
  const restored = normalizeForm(suzhou, { projectName: '旧草稿', plan: '旧版的实施方案' });
  expect(restored.projectName).toBe('旧草稿');
  expect(restored.sections).toEqual({ content: '旧版的实施方案' });
  expect(restored.budget).toHaveLength(1);
});
