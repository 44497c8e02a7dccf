import { checkContentLimits } from '@/core/application/rules';
import { eligibilityIssues, limitIssues } from '@/core/program/eligibility';
import {
  budgetCeilingFen,
  categoryByKey,
  categoryDeadline,
  failureText,
  hasMidterm,
  indicatorByKey,
  programConfigSchema,
  tranches,
  type ProgramConfig,
} from '@/core/program/program-schema';
import sichuanCivilJson from '@/core/program/seeds/sichuan-civil-2023.json';
import { seedProgramByCode, seedPrograms } from '@/core/program/seeds';
import { completeContent, organization, programFrom, refusal } from './factories';

function seed(code: string): ProgramConfig {
  const program = seedProgramByCode(code);
  if (!program) throw new Error(`missing seed ${code}`);
  return program;
}

function notesOf(program: ProgramConfig, kind: ProgramConfig['notes'][number]['kind']) {
  return program.notes.filter((note) => note.kind === kind);
}

function placeholders(program: ProgramConfig) {
  return notesOf(program, 'placeholder');
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

  test('the form is seed 000: the 一、基本情况 table and three 2,000-character sections, budget, schedule and team tables, a commitment', () => {
    expect(program.form.sections.map((section) => [section.title, section.maxChars])).toEqual([
      ['项目申报单位基本情况', 2000],
      ['重点工作内容及具体举措', 2000],
      ['项目目标及预期成效', 2000],
      ['项目实施条件及保障措施', 2000],
    ]);
    expect(program.form.budget.required).toBe(true);
    expect(program.form.schedule?.required).toBe(true);
    expect(program.form.team?.required).toBe(true);
    expect(program.form.commitment?.text).toContain('我会保证申报材料真实、合法、有效');
    // The society states its own target for each provincial indicator (seed 000, 绩效指标 table).
    expect(program.form.indicatorCommitments).toBe(true);
    expect(program.form.commitTargets).toBe(true);
  });

  test('carries the 20 provincial minimums as its own targets, linked to nothing upstream', () => {
    expect(program.indicators).toHaveLength(20);
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

  test('each indicator but the society’s own 守则 revision is linked to a provincial minimum and does not fall below it', () => {
    expect(program.indicators).toHaveLength(21);
    for (const indicator of program.indicators.filter((candidate) => candidate.key !== 'ethics-code-revision')) {
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
    expect(placeholders(program).some((note) => note.text.includes('原文未载明金额，请按当年预算修改'))).toBe(true);
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

  test('4A only for 一流学会; inspection and integrity for all; a mid-term check', () => {
    expect(rulesFor(program, 'minRating')).toEqual([{ kind: 'minRating', rating: '4A', categories: ['first-class'] }]);
    for (const kind of ['passedAnnualInspection', 'cleanIntegrity'] as const)
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

// Each rule below cites the line of the source document it reproduces (/work/shared/seeds: 001_*.readable.txt,
// 002/000, 003, 004), so a change to a seed that departs from its document fails here with the rule named.
describe('Suzhou 2022 (seed 001) runs as its document says', () => {
  const program = seed('suzhou-2022');
  const stored = programFrom('suzhou-2022');

  test('Suzhou line 36: 申报、预立项、项目实施、绩效评审、公示发文、表彰奖补 — no notice before implementation, results noticed after the performance review', () => {
    expect(program.stages.shortlistNotice).toBeNull();
    expect(program.stages.resultNotice).toEqual({ workingDays: 5, minWorkingDays: 5 });
    // 表彰奖补 comes last: nothing is paid after 预立项, all after the result notice; no agreement is named.
    expect(program.stages.advancePercent).toBe(0);
    expect(program.stages.agreement).toBe(false);
    expect(program.stages.midterm).toBeNull();
  });

  test('Suzhou line 36: 绩效评审 judges 实施绩效, so it is not scored at application time; the weights still sum to 100', () => {
    expect(program.reviewCriteria.map((criterion) => criterion.name)).not.toContain('实施绩效');
    expect(program.reviewCriteria.reduce((sum, criterion) => sum + criterion.weight, 0)).toBe(100);
    expect(placeholders(program).find((note) => note.text.includes('实施绩效'))?.text).toContain('绩效评审');
  });

  test('Suzhou line 37: 综合示范学会建设 一般不超过3家 — a quota of 3, declared as the reading of 一般', () => {
    expect(categoryByKey(program, 'demonstration')?.quotaMax).toBe(3);
    expect(placeholders(program).some((note) => note.text.includes('一般不超过3家'))).toBe(true);
  });

  test('Suzhou line 6: 优先支持获评3A级以上社会组织的市级学会 is a priority note, not a refusal outside 综合示范', () => {
    expect(notesOf(program, 'priority').map((note) => note.text)).toContain('优先支持获评3A级以上社会组织的市级学会。');
    const twoA = organization('society', { rating: '2A' });
    expect(eligibilityIssues(stored, categoryByKey(stored, 'party-building')!, twoA, new Date('2022-03-01T02:00:00Z'))).toEqual([]);
  });

  test('Suzhou: failing is not spelt out by the document; payment comes after the review, so failing withdraws it, declared as a placeholder', () => {
    expect(program.stages.failure).toEqual({ refund: false, withdrawFunding: true, barNextCall: false });
    expect(program.stages.rectification).toBeNull();
    expect(failureText(program.stages.failure)).toBe('取消经费奖补资助');
    expect(placeholders(program).some((note) => note.text.includes('不合格的后果原文未载明'))).toBe(true);
  });

  test('Suzhou: every amount is a declared placeholder with its source', () => {
    const amounts = placeholders(program).find((note) => note.text.includes('金额'));
    expect(amounts?.source).toContain('种子001');
    expect(program.notes.every((note) => note.source.startsWith('种子001'))).toBe(true);
  });
});

describe('the provincial call (seeds 002 + 000) runs as its document says', () => {
  const program = seed('sichuan-first-class-society-2023');
  const stored = programFrom('sichuan-first-class-society-2023');

  test('seed 002 line 45: 公示无异议后，下达立项通知书 — the shortlist is noticed before 立项 (length a declared placeholder)', () => {
    expect(program.stages.shortlistNotice).toEqual({ workingDays: 5, minWorkingDays: 5 });
    expect(placeholders(program).some((note) => note.text.includes('立项公示天数原文未载明'))).toBe(true);
    expect(program.stages.resultNotice).toBeNull();
  });

  test('seed 002 line 46: 立项获批后签订项目实施协议，财政厅依据协议拨付项目经费 — an agreement, then the whole award', () => {
    expect(program.stages.agreement).toBe(true);
    expect(program.stages.advancePercent).toBe(100);
    expect(tranches(20_000_000, program.stages)).toEqual({ advanceFen: 20_000_000, balanceFen: 0 });
  });

  test('seed 002 lines 11, 23, 35: a mid-term check for 一流科技社团 and 一流科技期刊, none for 一流学术活动', () => {
    expect(hasMidterm(program.stages, 'society')).toBe(true);
    expect(hasMidterm(program.stages, 'journal')).toBe(true);
    expect(hasMidterm(program.stages, 'academic-event')).toBe(false);
  });

  test('seed 002 line 47: 一个月限期整改; still failing: 全额退还项目经费，且取消下一年度项目申报资格', () => {
    expect(program.stages.rectification).toEqual({ months: 1 });
    expect(program.stages.failure).toEqual({ refund: true, withdrawFunding: false, barNextCall: true });
    expect(failureText(program.stages.failure)).toBe('退还已拨付经费，取消下一年度申报资格');
  });

  test('seed 002 line 50: the exclusions as rules — 年检不合格或连续两年基本合格, 两年内行政处罚, 两年内通报并限期整改', () => {
    expect(program.eligibility).toEqual([
      { kind: 'inspectionStanding', categories: [] },
      { kind: 'noSanctionWithin', sanction: 'penalty', years: 2, categories: [] },
      { kind: 'noSanctionWithin', sanction: 'notice', years: 2, categories: [] },
    ]);
    const asOf = new Date('2023-06-20T02:00:00Z');
    const society = categoryByKey(stored, 'society')!;
    const twiceBasic = organization('society', {
      inspections: [
        { year: 2021, result: '基本合格' },
        { year: 2022, result: '基本合格' },
      ],
    });
    expect(eligibilityIssues(stored, society, twiceBasic, asOf)).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报（本单位：2021年、2022年年检结论均为基本合格）',
    ]);
    const penalised = organization('society', { sanctions: [{ kind: 'penalty', on: '2022-01-10', authority: '四川省民政厅', note: '' }] });
    expect(eligibilityIssues(stored, society, penalised, asOf)).toEqual([
      '两年内受到行政处罚的不得申报（本单位：2022年1月10日受到四川省民政厅行政处罚）',
    ]);
  });

  test('seed 002 line 50: 期刊年检“缓验” is no sanction kind the engine has, so it is a declared placeholder', () => {
    expect(placeholders(program).some((note) => note.text.includes('缓验'))).toBe(true);
  });

  test('seed 000 line 47: the form opens with 一、项目申报单位基本情况, naming the table’s fields', () => {
    const [basic] = program.form.sections;
    expect(basic).toMatchObject({ key: 'basic-info', title: '项目申报单位基本情况', required: true });
    for (const field of ['学会名称', '理事长', '秘书长', '秘书处专职人员', '个人会员', '2022年总收入'])
      expect(basic!.hint).toContain(field);
  });

  test('seed 002 line 37: journals bring 配套经费 — the budget is not capped at the award here, but is everywhere else', () => {
    expect(program.form.budget.capAtAward).toBe(false);
    expect(budgetCeilingFen(program, categoryByKey(program, 'journal')!)).toBeNull();
    const budget = [
      { item: '期刊数字化平台建设', amountFen: 20_000_000, basis: '省级资助' },
      { item: '配套：编委会国际化建设', amountFen: 10_000_000, basis: '主办单位配套经费' },
    ];
    expect(refusal(() => checkContentLimits(stored, completeContent(stored, 'journal', { budget })))).toBeNull();
    for (const code of ['suzhou-2022', 'xuzhou-2022', 'sichuan-civil-2023'] as const) {
      const other = programFrom(code);
      expect(other.form.budget.capAtAward).toBe(true);
      const category = other.categories[0]!;
      expect(budgetCeilingFen(other, category)).toBe(category.awardAmountFen);
    }
  });

  test('seed 002 line 50: 近两年获评一流学会…同等条件下优先 and 近一年获评卓越期刊…同等条件下优先 are priority notes', () => {
    const priorities = notesOf(program, 'priority');
    expect(
      priorities.some((note) => note.text.includes('近两年获评省科协一流学会（优秀学会）') && note.text.includes('同等条件下优先')),
    ).toBe(true);
    expect(priorities.some((note) => note.text.includes('近一年获评卓越期刊（一流期刊）'))).toBe(true);
    expect(priorities.every((note) => note.source.startsWith('种子002'))).toBe(true);
  });

  test('seed 002 line 16: 积极申办“四川科普大讲堂” is an indicator', () => {
    expect(indicatorByKey(program, 'popsci-lecture-bid')).toMatchObject({ kind: 'yesno', target: 1, upstream: null });
  });
});

describe('Xuzhou 2022 (seed 003) runs as its document says', () => {
  const program = seed('xuzhou-2022');
  const stored = programFrom('xuzhou-2022');

  test('Xuzhou line 184: 公示时间不少于5个工作日 — for 立项 and for 考核结果 alike', () => {
    expect(program.stages.shortlistNotice).toEqual({ workingDays: 5, minWorkingDays: 5 });
    expect(program.stages.resultNotice).toEqual({ workingDays: 5, minWorkingDays: 5 });
    const shorter = { ...program, stages: { ...program.stages, resultNotice: { workingDays: 4, minWorkingDays: 5 } } };
    expect(programConfigSchema.safeParse(shorter).error?.issues.map((issue) => issue.message)).toContain(
      '公示期不能少于 5 个工作日（本项目文件规定）',
    );
  });

  test('Xuzhou line 184: 考核不合格的项目取消经费奖补资助 — funding withdrawn, no refund, no rectification, no bar', () => {
    expect(program.stages.failure).toEqual({ refund: false, withdrawFunding: true, barNextCall: false });
    expect(program.stages.rectification).toBeNull();
    expect(failureText(program.stages.failure)).toBe('取消经费奖补资助');
  });

  test('Xuzhou line 182: 申报立项、中期评估、验收考核 — a mid-term check in every category, paid after acceptance', () => {
    for (const category of program.categories) expect(hasMidterm(program.stages, category.key)).toBe(true);
    expect(program.stages.advancePercent).toBe(0);
  });

  test('Xuzhou line 47: 往年获得认定的“提升计划”项目不得申报 concerns the project — an organisation funded before is not refused, and the check is declared', () => {
    expect(rulesFor(program, 'notFundedBefore')).toEqual([]);
    const fundedBefore = organization('society', { fundedLineages: [program.lineage] });
    expect(eligibilityIssues(stored, categoryByKey(stored, 'first-class')!, fundedBefore, new Date('2022-05-20T02:00:00Z'))).toEqual([]);
    expect(placeholders(program).find((note) => note.text.includes('针对项目而非申报单位'))?.source).toBe('种子003 二、（三）4');
  });

  test('Xuzhou lines 44-46: only 服务专项 is limited per society; one society may file several 一流学会 applications', () => {
    expect(categoryByKey(program, 'first-class')?.maxPerOrg).toBeNull();
    const earlier = [{ _id: 'a1', categoryKey: 'first-class', servicePoint: '', status: 'submitted' as const }];
    expect(limitIssues(stored, { _id: 'a2', categoryKey: 'first-class', servicePoint: '' }, earlier)).toEqual([]);
  });

  test('Xuzhou line 33: 重点资助与全国（或省级）学会、有关部门以及院士专家合作开展的项目 is a priority note', () => {
    expect(notesOf(program, 'priority').map((note) => note.text)).toContain(
      '重点资助与全国（或省级）学会、有关部门以及院士专家合作开展的项目。',
    );
  });
});

describe('the society’s awards (seed 004) run as its document says', () => {
  const program = seed('sichuan-civil-2023');
  const province = seed('sichuan-first-class-society-2023');

  test('seed 004 lines 20-21: the pool (10万元) and 30 × 3,000 (9万元) disagree in the document itself, and the secretariat is told', () => {
    const [award] = program.categories;
    expect(award!.quotaMax! * award!.awardAmountFen).toBe(9_000_000);
    expect(program.poolFen).toBe(10_000_000);
    const [discrepancy, ...more] = notesOf(program, 'discrepancy');
    expect(more).toEqual([]);
    expect(discrepancy).toMatchObject({ source: '种子004 五、培育奖励' });
    expect(discrepancy!.text).toContain('30个×3000元');
  });

  test('seed 004 line 14: 修订《会员学风道德管理守则》 is an indicator of its own (the provincial guide has none)', () => {
    expect(indicatorByKey(program, 'ethics-code-revision')).toMatchObject({
      kind: 'yesno',
      target: 1,
      upstream: null,
      dimension: 'political',
    });
  });

  test('seed 004 line 16: 积极申办“四川科普大讲堂” is an indicator linked to the provincial one', () => {
    expect(indicatorByKey(program, 'popsci-lecture-bid')).toMatchObject({
      kind: 'yesno',
      target: 1,
      upstream: { programCode: province.code, indicatorKey: 'popsci-lecture-bid', minimum: 1 },
    });
  });

  test('seed 004 lines 14, 16: targets are not below the items the plan names', () => {
    // Two 党建强会 brands named (“分支机构党小组活动”、“学会最美科技工作者评选活动”), two committees each training once,
    // five academic brands named (天府论建 … 桥梁隧道工程建设国际学术大会), 20 papers, 7 full-time staff (line 17).
    expect(indicatorByKey(program, 'party-brand')?.target).toBe(2);
    expect(indicatorByKey(program, 'integrity-training')?.target).toBe(2);
    expect(indicatorByKey(program, 'academic-brand')?.target).toBe(5);
    expect(indicatorByKey(program, 'papers-recommended')?.target).toBe(20);
    expect(indicatorByKey(program, 'fulltime-staff')?.target).toBe(7);
  });

  test('seed 004 line 19: awards follow the society’s provincial acceptance — nothing paid before, so failing withdraws the award (declared)', () => {
    expect(program.stages.advancePercent).toBe(0);
    expect(program.stages.failure).toEqual({ refund: false, withdrawFunding: true, barNextCall: false });
    expect(placeholders(program).some((note) => note.text.includes('原文未载明验收不合格的后果'))).toBe(true);
    // 具体方案实施期内学会安排检查指导和评估: a mid-term check.
    expect(program.stages.midterm).not.toBeNull();
  });
});

test('every seed keeps its source note true and short, and cites a source for every note', () => {
  for (const program of seedPrograms) {
    expect(program.sourceNote.length).toBeLessThanOrEqual(300);
    expect(program.sourceNote).toContain('见备注');
    expect(program.notes.length).toBeGreaterThan(0);
    for (const note of program.notes) expect(note.source).toMatch(/^种子00\d/);
  }
});
