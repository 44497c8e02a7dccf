// The indicator board as drawn (issue 10, deliver 6): each bar's verified share toward the goal with the pending
// claims apart and the provincial minimum marked; a rank is better when smaller; the words under a bar; the value
// typed into the record form; and a society's provincial commitments, one row per indicator from the minimum (seed
// 000's 绩效指标 table: its own target for every provincial indicator, at least the provincial minimum).
import { checkForm, emptyForm, formFromContent, withEveryTarget } from '@/features/apply/application-form';
import { formatAchieved, formatGoal, indicatorProgress, parseRecordedValue, progressLine } from '@/features/admin/indicator-progress';
import { completeContent, programFrom } from './factories';

type Row = Parameters<typeof indicatorProgress>[0];

const papers: Row = {
  kind: 'count',
  unit: '篇',
  source: 'claims',
  goal: 20,
  provinceMinimum: 10,
  achieved: 3,
  pending: 5,
  risk: 'behind',
  value: null,
  valueOn: null,
};

test('a count: verified fills its share of the goal, pending is drawn after it, the minimum sits halfway to a goal twice it', () => {
  expect(indicatorProgress(papers)).toEqual({
    achievedPercent: 15,
    pendingPercent: 25,
    minimumPercent: 50,
    goalPercent: 100,
    reached: false,
    tone: 'attention',
  });
  // Past the goal, the bar is scaled to the figures so the goal marker moves left and the bar reads as reached.
  const over = indicatorProgress({ ...papers, achieved: 30, pending: 10, risk: null });
  expect(over).toMatchObject({ achievedPercent: 75, pendingPercent: 25, goalPercent: 50, minimumPercent: 25, reached: true, tone: null });
  // A minimum equal to the goal (not linked: the programme's own target) is not drawn twice.
  expect(indicatorProgress({ ...papers, provinceMinimum: 20 }).minimumPercent).toBeNull();
});

test('a rank is better when smaller: 28th against a goal of 30th and a minimum of 50th fills more than either marker', () => {
  const rank: Row = {
    ...papers,
    kind: 'rank',
    unit: '名',
    source: 'society',
    goal: 30,
    provinceMinimum: 50,
    achieved: 28,
    pending: null,
    risk: null,
  };
  const bar = indicatorProgress(rank);
  expect(bar.reached).toBe(true);
  expect(bar.achievedPercent).toBeGreaterThan(bar.goalPercent);
  expect(bar.goalPercent).toBeGreaterThan(bar.minimumPercent ?? 100);
  // 60th is worse than the minimum: short of both markers, and not reached.
  const worse = indicatorProgress({ ...rank, achieved: 60, risk: 'missed' });
  expect(worse).toMatchObject({ reached: false, tone: 'missed' });
  expect(worse.achievedPercent).toBeLessThan(worse.minimumPercent ?? 0);
  // Nothing recorded yet: an empty bar.
  expect(indicatorProgress({ ...rank, achieved: null, risk: 'unrecorded' })).toMatchObject({
    achievedPercent: 0,
    reached: false,
    tone: 'attention',
  });
});

test('yes/no fills the bar only when “是”; a percentage is drawn out of 100 with its minimum', () => {
  const yesno: Row = {
    ...papers,
    kind: 'yesno',
    unit: '',
    source: 'society',
    goal: 1,
    provinceMinimum: 1,
    achieved: 1,
    pending: null,
    risk: null,
  };
  expect(indicatorProgress(yesno)).toMatchObject({ achievedPercent: 100, reached: true, minimumPercent: null });
  expect(indicatorProgress({ ...yesno, achieved: 0 })).toMatchObject({ achievedPercent: 0, reached: false });
  const percent: Row = {
    ...papers,
    kind: 'percent',
    unit: '%',
    source: 'society',
    goal: 95,
    provinceMinimum: 90,
    achieved: 92,
    pending: null,
  };
  expect(indicatorProgress(percent)).toMatchObject({ achievedPercent: 92, minimumPercent: 90, goalPercent: 95, reached: false });
});

test('figures read as people say them: a rank reached is “第 N 名”, a rank goal “前 N 名”, a percentage goal “至少”', () => {
  expect(formatAchieved('rank', '名', 28)).toBe('第 28 名');
  expect(formatGoal('rank', '名', 30)).toBe('前 30 名');
  expect(formatGoal('percent', '%', 90)).toBe('至少 90%');
  expect(formatAchieved('yesno', '', 1)).toBe('是');
  expect(formatAchieved('yesno', '', 0)).toBe('否');
  expect(formatAchieved('count', '人', null)).toBe('未填报');
  expect(progressLine(papers, (day) => day)).toBe('已核实 3 篇 · 待核实 5 篇');
  expect(progressLine({ ...papers, pending: 0 }, (day) => day)).toBe('已核实 3 篇');
  const rank: Row = { ...papers, kind: 'rank', unit: '名', source: 'society', value: 28, valueOn: '2023-07-01' };
  expect(progressLine(rank, (day) => `[${day}]`)).toBe('第 28 名（[2023-07-01]）');
  expect(progressLine({ ...rank, value: null, valueOn: null }, (day) => day)).toBe('未填报');
});

test('the record form sends a number the server accepts, or says why not in the server’s words', () => {
  const rank = { name: '天府科技云注册科技工作者数排名', kind: 'rank' };
  expect(parseRecordedValue(rank, ' 28 ')).toEqual({ value: 28 });
  expect(parseRecordedValue(rank, '')).toEqual({ issue: '请填写数值' });
  expect(parseRecordedValue(rank, '0')).toEqual({ issue: '“天府科技云注册科技工作者数排名”的名次须为 1 以上' });
  expect(parseRecordedValue({ name: '服务好评率', kind: 'percent' }, '120')).toEqual({ issue: '“服务好评率”须在 0 到 100 之间' });
  expect(parseRecordedValue({ name: '服务好评率', kind: 'percent' }, '92.5')).toEqual({ value: 92.5 });
  expect(parseRecordedValue({ name: '秘书处专职工作人员', kind: 'count' }, '3.5')).toEqual({ issue: '“秘书处专职工作人员”须为整数' });
  expect(parseRecordedValue({ name: '申办', kind: 'yesno' }, 'abc')).toEqual({ issue: '请填写数字' });
});

test('seed 000: the provincial form starts with every indicator committed at the provincial minimum, in the programme’s order', () => {
  const province = programFrom('sichuan-first-class-society-2023');
  const blank = emptyForm(province);
  expect(blank.commitments.map((row) => row.indicatorKey)).toEqual(province.indicators.map((indicator) => indicator.key));
  const papersRow = blank.commitments.find((row) => row.indicatorKey === 'papers-recommended');
  expect(papersRow?.amountText).toBe('10');
  expect(blank.commitments.find((row) => row.indicatorKey === 'tfkjy-registered-rank')?.amountText).toBe('50');
  // Saved with some raised, the rest come back at the minimum; the raised ones keep their figure.
  const content = completeContent(province, 'society', { commitments: [{ indicatorKey: 'papers-recommended', amount: 20 }] });
  const restored = formFromContent(province, content);
  expect(restored.commitments).toHaveLength(province.indicators.length);
  expect(restored.commitments.find((row) => row.indicatorKey === 'papers-recommended')?.amountText).toBe('20');
  // A form with no commitTargets keeps what it has (the society's own programme: the award picks its indicators).
  const society = programFrom('sichuan-civil-2023');
  expect(withEveryTarget(society, [])).toEqual([]);
});

test('seed 000: a target below the provincial minimum is shown on its row in the server’s words; a better rank is accepted', () => {
  const province = programFrom('sichuan-first-class-society-2023');
  const form = emptyForm(province);
  const setTo = (key: string, amountText: string) =>
    (form.commitments = form.commitments.map((row) => (row.indicatorKey === key ? { ...row, amountText } : row)));
  setTo('papers-recommended', '9');
  setTo('tfkjy-registered-rank', '60');
  const check = checkForm(province, form);
  const rowOf = (key: string) => form.commitments.find((row) => row.indicatorKey === key)!.rowId;
  expect(check.commitmentErrors[rowOf('papers-recommended')]).toBe('“向川渝科技学术大会推荐论文”的承诺目标须达到省级要求（至少 10篇）');
  expect(check.commitmentErrors[rowOf('tfkjy-registered-rank')]).toBe(
    '“天府科技云注册科技工作者数排名”的承诺目标须达到省级要求（前 50 名以内）',
  );
  setTo('papers-recommended', '20');
  setTo('tfkjy-registered-rank', '30');
  const fixed = checkForm(province, form);
  expect(fixed.commitmentErrors).toEqual({});
  expect(fixed.content.commitments).toHaveLength(province.indicators.length);
  expect(fixed.content.commitments.find((commitment) => commitment.indicatorKey === 'tfkjy-registered-rank')?.amount).toBe(30);
});
