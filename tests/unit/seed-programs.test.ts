import { categoryByKey, categoryDeadline, indicatorByKey, programConfigSchema, type ProgramConfig } from '@/core/program/program-schema';
import sichuanCivilJson from '@/core/program/seeds/sichuan-civil-2023.json';
import { seedProgramByCode, seedPrograms } from '@/core/program/seeds';

function seed(code: string): ProgramConfig {
  const program = seedProgramByCode(code);
  if (!program) throw new Error(`missing seed ${code}`);
  return program;
}

function rulesFor(program: ProgramConfig, kind: ProgramConfig['eligibility'][number]['kind']) {
  return program.eligibility.filter((rule) => rule.kind === kind);
}

test('the four seed programmes are valid configuration and can be looked up by code', () => {
  expect(seedPrograms.map((program) => program.code)).toEqual([
    'sichuan-first-class-society-2023',
    'sichuan-civil-2023',
    'suzhou-2022',
    'xuzhou-2022',
  ]);
  for (const program of seedPrograms) {
    expect(programConfigSchema.safeParse(program).success).toBe(true);
    expect(program.opensAt).toMatch(/\+08:00$/);
    expect(program.deadline).toMatch(/\+08:00$/);
  }
  expect(seedProgramByCode('no-such-programme')).toBeUndefined();
});

describe('provincial 一流科技社团 (seeds 002 + 000)', () => {
  const program = seed('sichuan-first-class-society-2023');

  test('funds 10 societies with 200,000 yuan each, beside the two sibling project types', () => {
    const society = categoryByKey(program, 'society');
    expect(society).toMatchObject({
      name: '一流科技社团培育示范项目',
      quotaMax: 10,
      awardAmountFen: 20_000_000,
      applicantKinds: ['society'],
    });
    expect(program.categories.map((category) => category.name)).toEqual([
      '一流科技社团培育示范项目',
      '一流学术活动培育示范项目',
      '一流科技期刊培育示范项目',
    ]);
    expect(program.deadline).toBe('2023-06-26T23:59:59+08:00');
    expect(program.finalReportDueAt).toBe('2024-01-31T23:59:59+08:00');
    expect(program.stages.rectification).toEqual({ months: 1 });
  });

  test('the form is seed 000: three 2,000-character sections, budget, schedule and team tables, a commitment', () => {
    expect(program.form.sections.map((section) => [section.title, section.maxChars])).toEqual([
      ['重点工作内容及具体举措', 2000],
      ['项目目标及预期成效', 2000],
      ['项目实施条件及保障措施', 2000],
    ]);
    expect(program.form.budget.required).toBe(true);
    expect(program.form.schedule?.required).toBe(true);
    expect(program.form.team?.required).toBe(true);
    expect(program.form.commitment?.text).toContain('我会保证申报材料真实、合法、有效');
    expect(program.form.indicatorCommitments).toBe(false);
  });

  test('carries the 19 provincial minimums as its own targets, linked to nothing upstream', () => {
    expect(program.indicators).toHaveLength(19);
    expect(program.indicators.every((indicator) => indicator.upstream === null)).toBe(true);
    expect(indicatorByKey(program, 'published-results')?.target).toBe(20);
    expect(indicatorByKey(program, 'fulltime-staff')?.target).toBe(3);
  });
});

describe('society internal awards (seed 004)', () => {
  const program = seed('sichuan-civil-2023');
  const province = seed('sichuan-first-class-society-2023');

  test('30 awards of 3,000 yuan fit in the 100,000 yuan pool, for branches and member units', () => {
    const [award] = program.categories;
    expect(program.categories).toHaveLength(1);
    expect(award).toMatchObject({ key: 'award', quotaMax: 30, awardAmountFen: 300_000, applicantKinds: ['branch', 'memberUnit'] });
    expect(award!.quotaMax! * award!.awardAmountFen).toBeLessThanOrEqual(program.poolFen);
    expect(program.poolFen).toBe(10_000_000);
    expect(program.form.indicatorCommitments).toBe(true);
    expect(program.stages.midterm).not.toBeNull();
  });

  test('each of the 19 indicators is linked to a provincial minimum and does not fall below it', () => {
    expect(program.indicators).toHaveLength(19);
    for (const indicator of program.indicators) {
      const upstream = indicator.upstream!;
      expect(upstream).toMatchObject({ programCode: province.code, indicatorKey: indicator.key });
      const provincial = indicatorByKey(province, upstream.indicatorKey);
      expect(provincial?.target).toBe(upstream.minimum);
      expect(provincial?.kind).toBe(indicator.kind);
      if (indicator.kind === 'rank') expect(indicator.target).toBeLessThanOrEqual(upstream.minimum);
      else expect(indicator.target).toBeGreaterThanOrEqual(upstream.minimum);
    }
    expect(indicatorByKey(program, 'published-results')).toMatchObject({ target: 30, upstream: { minimum: 20 } });
  });
});

describe('Suzhou 2022 (seed 001)', () => {
  const program = seed('suzhou-2022');

  test('综合示范学会建设 is capped at 3; the other four categories have no cap of their own', () => {
    expect(categoryByKey(program, 'demonstration')).toMatchObject({ name: '综合示范学会建设', quotaMax: 3 });
    expect(program.categories.filter((category) => category.quotaMax === null).map((category) => category.name)).toEqual([
      '党建强会',
      '强化组织建设',
      '学术交流品牌建设',
      '承能创新',
    ]);
  });

  test('3A rating and a 学会日 are required only for 综合示范; every applicant must issue tax invoices', () => {
    expect(rulesFor(program, 'minRating')).toEqual([{ kind: 'minRating', rating: '3A', categories: ['demonstration'] }]);
    expect(rulesFor(program, 'hasSocietyDay')).toEqual([{ kind: 'hasSocietyDay', categories: ['demonstration'] }]);
    expect(rulesFor(program, 'canIssueTaxInvoice')).toEqual([{ kind: 'canIssueTaxInvoice', categories: [] }]);
  });

  test('runs in six phases with the seed dates, and says its amounts are placeholders', () => {
    expect(program.phases.map((phase) => phase.name)).toEqual(['申报', '预立项', '项目实施', '绩效评审', '公示发文', '表彰奖补']);
    expect(program.deadline).toBe('2022-04-15T23:59:59+08:00');
    expect(program.finalReportDueAt).toBe('2022-10-31T23:59:59+08:00');
    expect(program.sourceNote).toContain('原文未载明金额，请按当年预算修改');
  });
});

describe('Xuzhou 2022 (seed 003)', () => {
  const program = seed('xuzhou-2022');

  test('four categories: first-class and innovative exclusive, two service projects under 服务专项', () => {
    expect(program.categories.map((category) => category.key)).toEqual(['first-class', 'innovative', 'tech-service', 'think-tank-project']);
    expect(categoryByKey(program, 'innovative')?.subtypes.map((subtype) => subtype.key)).toEqual([
      'think-tank',
      'academic-service',
      'popsci',
    ]);
    expect(program.mutuallyExclusive).toEqual([['first-class', 'innovative']]);
    expect(program.categories.filter((category) => category.group === '服务专项')).toHaveLength(2);
  });

  test('科技服务: at most 2 per society, one per service point; quotas as the seed states', () => {
    expect(categoryByKey(program, 'tech-service')).toMatchObject({ quotaMax: 20, maxPerOrg: 2, servicePointRequired: true });
    expect(categoryByKey(program, 'think-tank-project')).toMatchObject({ quotaMax: 10, maxPerOrg: 2, servicePointRequired: false });
    expect(categoryByKey(program, 'first-class')).toMatchObject({ quotaMin: 5, quotaMax: 7 });
    expect(categoryByKey(program, 'innovative')).toMatchObject({ quotaMin: 10, quotaMax: 12 });
  });

  test('服务专项 closes on 2022-06-05, the society categories on 2022-11-10', () => {
    const deadlines = Object.fromEntries(program.categories.map((category) => [category.key, categoryDeadline(program, category)]));
    expect(deadlines).toEqual({
      'first-class': '2022-11-10T23:59:59+08:00',
      innovative: '2022-11-10T23:59:59+08:00',
      'tech-service': '2022-06-05T23:59:59+08:00',
      'think-tank-project': '2022-06-05T23:59:59+08:00',
    });
  });

  test('4A only for 一流学会; inspection, integrity and not-funded-before for all; a mid-term check', () => {
    expect(rulesFor(program, 'minRating')).toEqual([{ kind: 'minRating', rating: '4A', categories: ['first-class'] }]);
    for (const kind of ['passedAnnualInspection', 'cleanIntegrity', 'notFundedBefore'] as const)
      expect(rulesFor(program, kind)).toEqual([{ kind, categories: [] }]);
    expect(program.stages.midterm).not.toBeNull();
    expect(program.form.attachments.find((attachment) => attachment.key === 'cooperation-agreement')).toMatchObject({
      required: true,
      categories: ['tech-service'],
    });
  });
});

describe('the schema refuses broken configuration', () => {
  test('review weights that add up to 99', () => {
    const [first, ...rest] = sichuanCivilJson.reviewCriteria;
    const result = programConfigSchema.safeParse({
      ...sichuanCivilJson,
      reviewCriteria: [{ ...first!, weight: first!.weight - 1 }, ...rest],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('评审指标权重合计须为 100');
  });

  test('an exclusive group that names a missing category', () => {
    const result = programConfigSchema.safeParse({ ...sichuanCivilJson, mutuallyExclusive: [['award', 'no-such-category']] });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toContain('规则中引用了不存在的类别');
  });
});
