import { categoryByKey, type Category, type Program } from '@/core/program/program-schema';
import { countsTowardLimits, eligibilityIssues, limitIssues, mayApplyToSome } from '@/core/program/eligibility';
import type { Application } from '@/core/schemas/documents';
import { applicationStatuses, type ApplicationStatus } from '@/core/workflow/award-workflow';
import { organization, programFrom } from './factories';

const suzhou = programFrom('suzhou-2022');
const xuzhou = programFrom('xuzhou-2022');
const civil = programFrom('sichuan-civil-2023');
const province = programFrom('sichuan-first-class-society-2023');

/** A day in the programme's call for applications: dated rules count back from it. */
function during(program: Program): Date {
  return new Date(program.opensAt);
}

function category(program: Program, key: string): Category {
  const found = categoryByKey(program, key);
  if (!found) throw new Error(`no category ${key}`);
  return found;
}

describe('who may apply: eligibility rules with the reason the applicant reads', () => {
  test('an organisation that meets every rule may apply to every category', () => {
    for (const program of [suzhou, xuzhou, province])
      for (const { key } of program.categories)
        expect(eligibilityIssues(program, category(program, key), organization('society'), during(program))).toEqual([]);
  });

  test('Suzhou 综合示范 needs a 3A rating or better; an unrated society is told it is unrated', () => {
    const demonstration = category(suzhou, 'demonstration');
    expect(eligibilityIssues(suzhou, demonstration, organization('society', { rating: '2A' }), during(suzhou))).toEqual([
      '社会组织评估等级须为3A级及以上（本单位：2A级）',
    ]);
    expect(eligibilityIssues(suzhou, demonstration, organization('society', { rating: null }), during(suzhou))).toEqual([
      '社会组织评估等级须为3A级及以上（本单位：未评估）',
    ]);
    expect(eligibilityIssues(suzhou, demonstration, organization('society', { rating: '3A' }), during(suzhou))).toEqual([]);
  });

  test('Suzhou 综合示范 needs a 学会日; the rating and 学会日 rules apply to that category only', () => {
    const unrated = organization('society', { rating: null, hasSocietyDay: false });
    expect(eligibilityIssues(suzhou, category(suzhou, 'demonstration'), unrated, during(suzhou))).toEqual([
      '社会组织评估等级须为3A级及以上（本单位：未评估）',
      '须已设立“学会日”并开展相应活动',
    ]);
    expect(eligibilityIssues(suzhou, category(suzhou, 'party-building'), unrated, during(suzhou))).toEqual([]);
    expect(mayApplyToSome(suzhou, unrated, during(suzhou))).toBe(true);
  });

  test('every Suzhou applicant must be able to issue tax invoices', () => {
    const noInvoice = organization('society', { canIssueTaxInvoice: false });
    for (const { key } of suzhou.categories)
      expect(eligibilityIssues(suzhou, category(suzhou, key), noInvoice, during(suzhou))).toEqual(['申报单位须能开具税务票据']);
    expect(mayApplyToSome(suzhou, noInvoice, during(suzhou))).toBe(false);
  });

  test('Xuzhou 一流学会 needs 4A: 3A is refused, 4A and 5A pass; other categories do not ask', () => {
    const firstClass = category(xuzhou, 'first-class');
    expect(eligibilityIssues(xuzhou, firstClass, organization('society', { rating: '3A' }), during(xuzhou))).toEqual([
      '社会组织评估等级须为4A级及以上（本单位：3A级）',
    ]);
    expect(eligibilityIssues(xuzhou, firstClass, organization('society', { rating: '4A' }), during(xuzhou))).toEqual([]);
    expect(eligibilityIssues(xuzhou, firstClass, organization('society', { rating: '5A' }), during(xuzhou))).toEqual([]);
    expect(eligibilityIssues(xuzhou, category(xuzhou, 'innovative'), organization('society', { rating: null }), during(xuzhou))).toEqual(
      [],
    );
  });

  test('Xuzhou asks every applicant for a passed inspection of the year before the call and a clean integrity record', () => {
    const failing = organization('society', { inspections: [{ year: 2021, result: '不合格' }], integrityClean: false });
    for (const { key } of xuzhou.categories)
      expect(eligibilityIssues(xuzhou, category(xuzhou, key), failing, during(xuzhou))).toEqual([
        '上一年度（2021年）须经民政部门年检合格（本单位：2021年年检结论为不合格）',
        '诚信记录须良好（往年项目实施中无弄虚作假等不良行为）',
      ]);
  });

  test('the provincial call refuses a society whose latest inspection failed, naming the year', () => {
    const failed = organization('society', {
      inspections: [
        { year: 2021, result: '合格' },
        { year: 2022, result: '不合格' },
      ],
    });
    expect(eligibilityIssues(province, category(province, 'journal'), failed, during(province))).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报（本单位：2022年年检结论为不合格）',
    ]);
  });

  test('where a programme bars organisations funded by the same series before, they may not apply again; another series does not matter', () => {
    // No seed has this organisation-wide rule (Xuzhou's 往年获得认定的项目不得申报 is about the project, seed 003 line 47),
    // but a programme may still set it.
    const barring = { ...xuzhou, eligibility: [...xuzhou.eligibility, { kind: 'notFundedBefore' as const, categories: [] }] };
    const fundedHere = organization('society', { fundedLineages: [xuzhou.lineage] });
    expect(eligibilityIssues(barring, category(xuzhou, 'innovative'), fundedHere, during(xuzhou))).toEqual([
      '往年已获本计划资助的单位（项目）不得再次申报',
    ]);
    expect(eligibilityIssues(xuzhou, category(xuzhou, 'innovative'), fundedHere, during(xuzhou))).toEqual([]);
    const fundedElsewhere = organization('society', { fundedLineages: [suzhou.lineage] });
    expect(eligibilityIssues(barring, category(xuzhou, 'innovative'), fundedElsewhere, during(xuzhou))).toEqual([]);
    // Suzhou has no such rule: its past awardees may apply again.
    expect(
      eligibilityIssues(
        suzhou,
        category(suzhou, 'innovation'),
        organization('society', { fundedLineages: [suzhou.lineage] }),
        during(suzhou),
      ),
    ).toEqual([]);
  });

  test('the society award is for branches and member units, not for societies', () => {
    const award = category(civil, 'award');
    expect(eligibilityIssues(civil, award, organization('branch'), during(civil))).toEqual([]);
    expect(eligibilityIssues(civil, award, organization('memberUnit'), during(civil))).toEqual([]);
    expect(eligibilityIssues(civil, award, organization('society'), during(civil))).toEqual([
      '“培育奖励”仅限分支机构、会员单位申报（本单位：学会）',
    ]);
    expect(mayApplyToSome(civil, organization('society'), during(civil))).toBe(false);
  });

  test('Xuzhou categories are for societies only; a branch is told so along with any other reason', () => {
    expect(eligibilityIssues(xuzhou, category(xuzhou, 'first-class'), organization('branch', { rating: '2A' }), during(xuzhou))).toEqual([
      '“一流学会”仅限学会申报（本单位：分支机构）',
      '社会组织评估等级须为4A级及以上（本单位：2A级）',
    ]);
  });
});

describe('how many times: per-applicant limits at submission', () => {
  type Other = Pick<Application, '_id' | 'categoryKey' | 'servicePoint' | 'status'>;
  let next = 0;
  const other = (categoryKey: string, status: ApplicationStatus = 'submitted', servicePoint = ''): Other => {
    next += 1;
    return { _id: `other-${next}`, categoryKey, servicePoint, status };
  };
  const subject = (categoryKey: string, servicePoint = '') => ({ _id: 'this-one', categoryKey, servicePoint });

  test('Xuzhou 科技服务: two per society, the third is refused', () => {
    const two = [other('tech-service', 'submitted', '铜山区服务点'), other('tech-service', 'underReview', '沛县服务点')];
    expect(limitIssues(xuzhou, subject('tech-service', '睢宁县服务点'), two.slice(0, 1))).toEqual([]);
    expect(limitIssues(xuzhou, subject('tech-service', '睢宁县服务点'), two)).toEqual([
      '“科技服务项目”每个单位最多申报 2 项（已申报 2 项）',
    ]);
  });

  test('the application itself is not counted against its own limit (resubmission)', () => {
    const mine = [
      other('tech-service', 'submitted', '铜山区服务点'),
      { ...other('tech-service', 'returned', '沛县服务点'), _id: 'this-one' },
    ];
    expect(limitIssues(xuzhou, subject('tech-service', '沛县服务点'), mine)).toEqual([]);
  });

  test('科技创新智库项目 has its own count of two, apart from 科技服务', () => {
    const others = [other('tech-service', 'submitted', 'A'), other('tech-service', 'submitted', 'B'), other('think-tank-project')];
    expect(limitIssues(xuzhou, subject('think-tank-project'), others)).toEqual([]);
    expect(limitIssues(xuzhou, subject('think-tank-project'), [...others, other('think-tank-project')])).toEqual([
      '“科技创新智库项目”每个单位最多申报 2 项（已申报 2 项）',
    ]);
  });

  test('one application per service point, whatever spaces surround it', () => {
    expect(limitIssues(xuzhou, subject('tech-service', ' 铜山区服务点 '), [other('tech-service', 'submitted', '铜山区服务点')])).toEqual([
      '同一服务点（铜山区服务点）每个单位只能申报一项',
    ]);
    expect(limitIssues(xuzhou, subject('tech-service', '  '), [])).toEqual(['请填写服务点']);
  });

  test.each([
    ['first-class', 'innovative'],
    ['innovative', 'first-class'],
  ])('一流学会 and 创新特色学会 exclude each other: applying to %s after %s is refused', (applying, earlier) => {
    expect(limitIssues(xuzhou, subject(applying), [other(earlier, 'checkPassed')])).toEqual(['“一流学会”与“创新特色学会”不得兼报']);
  });

  test('服务专项 may be combined with either society category', () => {
    expect(limitIssues(xuzhou, subject('first-class'), [other('tech-service', 'submitted', 'A'), other('think-tank-project')])).toEqual([]);
    expect(limitIssues(xuzhou, subject('tech-service', 'B'), [other('innovative', 'implementing')])).toEqual([]);
  });

  // Written out by hand: drafts and returned forms are not submitted; these ended against the applicant.
  // Ended without an award: a terminated award gave its place back too.
  const notCounting: readonly ApplicationStatus[] = [
    'draft',
    'returned',
    'withdrawn',
    'checkRejected',
    'notSelected',
    'objectionUpheld',
    'terminated',
  ];

  test.each(applicationStatuses)(
    'an earlier application in status %s counts toward the limits exactly when it is live or granted',
    (status) => {
      const counts = !notCounting.includes(status);
      expect(countsTowardLimits(status)).toBe(counts);
      expect(limitIssues(xuzhou, subject('first-class'), [other('innovative', status)])).toEqual(
        counts ? ['“一流学会”与“创新特色学会”不得兼报'] : [],
      );
      const two = [other('tech-service', status, 'A'), other('tech-service', status, 'B')];
      expect(limitIssues(xuzhou, subject('tech-service', 'C'), two)).toHaveLength(counts ? 1 : 0);
    },
  );

  test('granted awards count, including paid and failed ones', () => {
    for (const status of ['approved', 'paid', 'failed'] as const)
      expect(limitIssues(xuzhou, subject('innovative'), [other('first-class', status)])).toEqual(['“一流学会”与“创新特色学会”不得兼报']);
  });

  test('programmes without limits accept any number of applications', () => {
    const many = Array.from({ length: 5 }, () => other('award', 'approved'));
    expect(limitIssues(civil, subject('award'), many)).toEqual([]);
  });

  test('an unknown category is refused', () => {
    expect(limitIssues(xuzhou, subject('no-such'), [])).toEqual(['申报类别不存在']);
  });
});
