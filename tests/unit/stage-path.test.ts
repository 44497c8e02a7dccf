import { failureText, type Stages } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import { phaseDates, shortCategoryNames, stagePath, stagePathText } from '@/core/program/stage-path';

function seedPath(code: string): string[] {
  const program = seedProgramByCode(code);
  if (!program) throw new Error(`missing seed ${code}`);
  return stagePath(program).map((step) => step.label);
}

const everyStage: Stages = {
  expertReview: true,
  shortlistNotice: { workingDays: 7, minWorkingDays: 5 },
  agreement: true,
  advancePercent: 60,
  midterm: { categories: ['a'], dueAt: null },
  resultNotice: { workingDays: 5, minWorkingDays: 5 },
  rectification: { months: 2 },
  failure: { refund: true, withdrawFunding: false, barNextCall: true },
};
const twoCategories = [
  { key: 'a', name: '一流学会培育示范项目' },
  { key: 'b', name: '科技期刊培育示范项目' },
];

describe('the stage path shown to applicants and staff', () => {
  test('a programme with every stage lists them all in order, with their parameters', () => {
    const steps = stagePath({ stages: everyStage, categories: twoCategories });
    expect(stagePathText(steps)).toBe(
      '申报 → 形式审查 → 专家评审 → 立项公示 → 立项 → 签订协议 → 经费拨付 → 中期检查（一流学会） → 结项验收 → 限期整改2个月 → 考核结果公示 → 奖补发放',
    );
    expect(steps.find((step) => step.key === 'shortlistNotice')?.detail).toBe('7个工作日');
    expect(steps.find((step) => step.key === 'advance')?.detail).toBe('立项后拨付60%');
    expect(steps.find((step) => step.key === 'payout')?.detail).toBe('验收后拨付余下40%');
    expect(steps.find((step) => step.key === 'rectification')?.detail).toBe('验收不合格时');
  });

  test('a programme without the optional stages shows only the steps it runs', () => {
    const bare: Stages = {
      ...everyStage,
      expertReview: false,
      shortlistNotice: null,
      agreement: false,
      advancePercent: 0,
      midterm: null,
      resultNotice: null,
      rectification: null,
    };
    expect(stagePathText(stagePath({ stages: bare, categories: twoCategories }))).toBe('申报 → 形式审查 → 立项 → 结项验收 → 奖补发放');
  });

  test('paid in full after 立项, there is no payout after acceptance', () => {
    const labels = stagePath({ stages: { ...everyStage, advancePercent: 100 }, categories: twoCategories }).map((step) => step.label);
    expect(labels).toContain('经费拨付');
    expect(labels).not.toContain('奖补发放');
  });

  test('category names drop the ending all categories share only where what is left still names them', () => {
    expect(shortCategoryNames(twoCategories, ['b'])).toEqual(['科技期刊']);
    expect(shortCategoryNames([twoCategories[0]], ['a'])).toEqual(['一流学会培育示范项目']);
    // 甲类 / 乙类 would no longer name their categories.
    const short = [
      { key: 'a', name: '甲类培育项目' },
      { key: 'b', name: '乙类培育项目' },
    ];
    expect(shortCategoryNames(short, ['a', 'b'])).toEqual(['甲类培育项目', '乙类培育项目']);
  });

  // Seed 002 line 45: 形式审查 → 专家立项评审 → 公示 → 立项通知书; lines 11 and 35: the society and journal
  // projects (not the academic event) 须接受中期检查; line 47: 绩效评估不合格 → 一个月限期整改.
  test('provincial call (seed 002): review, notice, 立项, agreement and payout, a mid-term for societies and journals, rectification', () => {
    expect(seedPath('sichuan-first-class-society-2023').slice(0, 10)).toEqual([
      '申报',
      '形式审查',
      '专家评审',
      '立项公示',
      '立项',
      '签订协议',
      '经费拨付',
      '中期检查（一流科技社团、一流科技期刊）',
      '结项验收',
      '限期整改1个月',
    ]);
  });

  // Seed 001 line 36: 申报、预立项、项目实施、绩效评审、公示发文、表彰奖补 — the notice follows the performance review.
  test('Suzhou (seed 001): no notice before 立项, the result notice after the performance review, then the award', () => {
    const path = seedPath('suzhou-2022');
    expect(path).not.toContain('立项公示');
    expect(path).not.toContain('中期检查');
    expect(path.indexOf('考核结果公示')).toBeGreaterThan(path.indexOf('结项验收'));
    expect(path[path.length - 1]).toBe('奖补发放');
  });

  // Seed 003 lines 182–184: 申报立项、中期评估、验收考核; 项目立项和考核结果及时公示; 考核不合格的项目取消经费奖补资助 (no rectification).
  test('Xuzhou (seed 003): both notices, a mid-term for every category, no rectification', () => {
    const path = seedPath('xuzhou-2022');
    expect(path).toEqual(expect.arrayContaining(['立项公示', '中期检查', '结项验收', '考核结果公示']));
    expect(path.indexOf('立项公示')).toBeLessThan(path.indexOf('立项'));
    expect(path.indexOf('考核结果公示')).toBeGreaterThan(path.indexOf('结项验收'));
    expect(path.some((label) => label.startsWith('限期整改'))).toBe(false);
    const program = seedProgramByCode('xuzhou-2022');
    expect(program && failureText(program.stages.failure)).toBe('取消经费奖补资助');
  });

  test('the society (seed 004): award after acceptance, every step from 申报 to 奖补发放', () => {
    const path = seedPath('sichuan-civil-2023');
    expect(path[0]).toBe('申报');
    expect(path.indexOf('结项验收')).toBeGreaterThan(path.indexOf('立项'));
    expect(path[path.length - 1]).toBe('奖补发放');
  });
});

describe('phase dates', () => {
  test('are Chinese calendar days in Shanghai, never ISO', () => {
    expect(phaseDates({ startsAt: '2023-06-15T00:00:00+08:00', endsAt: '2023-06-26T23:59:59+08:00' })).toBe('2023年6月15日至2023年6月26日');
    expect(phaseDates({ startsAt: null, endsAt: '2023-12-31T15:59:59Z' })).toBe('截至2023年12月31日');
    expect(phaseDates({ startsAt: '2024-01-01T00:00:00+08:00', endsAt: null })).toBe('2024年1月1日起');
    expect(phaseDates({ startsAt: null, endsAt: null })).toBe('时间另行通知');
  });
});
