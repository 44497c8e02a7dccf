// Eligibility judged as of a day: the previous year's inspection, the latest inspections' standing, and
// sanctions within N years — each refusal naming the year or the day it rests on.
import fc from 'fast-check';
import { describeRule, eligibilityIssues } from '@/core/program/eligibility';
import type { EligibilityRule } from '@/core/program/program-schema';
import { profileOf } from '@/core/organization/profile';
import { inspectionResults, type Inspection, type OrganizationProfile, type Sanction } from '@/core/schemas/documents';
import { organization, programFrom } from './factories';

/** The provincial call with only the given rule, so each test reads one reason. */
function judged(rule: EligibilityRule, profile: Partial<OrganizationProfile>, asOf: string): string[] {
  const program = programFrom('sichuan-first-class-society-2023', { eligibility: [rule] });
  const society = program.categories.find((category) => category.key === 'society');
  if (!society) throw new Error('no society category');
  return eligibilityIssues(program, society, organization('society', profile), new Date(asOf));
}

const annual: EligibilityRule = { kind: 'passedAnnualInspection', categories: [] };
const standing: EligibilityRule = { kind: 'inspectionStanding', categories: [] };
const noNotice = (years = 2): EligibilityRule => ({ kind: 'noSanctionWithin', sanction: 'notice', years, categories: [] });
const noPenalty: EligibilityRule = { kind: 'noSanctionWithin', sanction: 'penalty', years: 2, categories: [] };

const notice = (on: string, authority = '四川省科协'): Sanction => ({ kind: 'notice', on, authority, note: '' });
const penalty = (on: string, authority = '省民政厅'): Sanction => ({ kind: 'penalty', on, authority, note: '' });

describe('上一年度年检合格: the inspection of the calendar year before the day judged on', () => {
  test('in 2023 the 2022 inspection counts; a later or earlier year does not stand in for it', () => {
    expect(judged(annual, { inspections: [{ year: 2022, result: '合格' }] }, '2023-07-03T09:00:00+08:00')).toEqual([]);
    expect(judged(annual, { inspections: [{ year: 2021, result: '合格' }] }, '2023-07-03T09:00:00+08:00')).toEqual([
      '上一年度（2022年）须经民政部门年检合格（本单位：未登记2022年年检结论）',
    ]);
    expect(judged(annual, { inspections: [{ year: 2022, result: '基本合格' }] }, '2023-07-03T09:00:00+08:00')).toEqual([
      '上一年度（2022年）须经民政部门年检合格（本单位：2022年年检结论为基本合格）',
    ]);
  });

  test('the year turns at midnight in Shanghai, not in UTC', () => {
    const passed2022 = { inspections: [{ year: 2022, result: '合格' as const }] };
    // 2023-12-31 23:59 in Shanghai: still 2023, so 2022 is the previous year.
    expect(judged(annual, passed2022, '2023-12-31T15:59:59Z')).toEqual([]);
    // 2024-01-01 00:00 in Shanghai (still 2023 in UTC): the 2023 inspection is now the one asked for.
    expect(judged(annual, passed2022, '2023-12-31T16:00:00Z')).toEqual([
      '上一年度（2023年）须经民政部门年检合格（本单位：未登记2023年年检结论）',
    ]);
  });
});

describe('年检结论最近一次为“不合格”或最近两年连续为“基本合格”', () => {
  const asOf = '2023-07-03T09:00:00+08:00';

  test('a latest 不合格 is refused with its year; a 合格 after it clears it', () => {
    expect(judged(standing, { inspections: [{ year: 2022, result: '不合格' }] }, asOf)).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报（本单位：2022年年检结论为不合格）',
    ]);
    const recovered: Inspection[] = [
      { year: 2021, result: '不合格' },
      { year: 2022, result: '合格' },
    ];
    expect(judged(standing, { inspections: recovered }, asOf)).toEqual([]);
  });

  test('two consecutive 基本合格 are refused naming both years; one, or two with a gap, are not', () => {
    const twice: Inspection[] = [
      { year: 2022, result: '基本合格' },
      { year: 2021, result: '基本合格' },
    ];
    expect(judged(standing, { inspections: twice }, asOf)).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报（本单位：2021年、2022年年检结论均为基本合格）',
    ]);
    expect(judged(standing, { inspections: [{ year: 2022, result: '基本合格' }] }, asOf)).toEqual([]);
    const withGap: Inspection[] = [
      { year: 2022, result: '基本合格' },
      { year: 2020, result: '基本合格' },
    ];
    expect(judged(standing, { inspections: withGap }, asOf)).toEqual([]);
    const thenPassed: Inspection[] = [
      { year: 2022, result: '基本合格' },
      { year: 2021, result: '合格' },
    ];
    expect(judged(standing, { inspections: thenPassed }, asOf)).toEqual([]);
  });

  test('an inspection of the current year or later is not concluded yet and does not count; none on record is no refusal', () => {
    const laterFailure: Inspection[] = [
      { year: 2022, result: '合格' },
      { year: 2023, result: '不合格' },
    ];
    expect(judged(standing, { inspections: laterFailure }, asOf)).toEqual([]);
    expect(judged(standing, { inspections: laterFailure }, '2024-01-01T00:00:00+08:00')).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报（本单位：2023年年检结论为不合格）',
    ]);
    expect(judged(standing, { inspections: [] }, asOf)).toEqual([]);
  });

  test('property: the order inspections are recorded in does not change the verdict', () => {
    const inspections = fc.uniqueArray(
      fc.record({ year: fc.integer({ min: 2015, max: 2024 }), result: fc.constantFrom(...inspectionResults) }),
      { selector: (row) => row.year, maxLength: 8 },
    );
    fc.assert(
      fc.property(inspections, (rows) => {
        const forward = judged(standing, { inspections: rows }, asOf);
        expect(judged(standing, { inspections: [...rows].reverse() }, asOf)).toEqual(forward);
      }),
    );
  });

  test('property: a 合格 for the year before the day judged on always clears the refusal', () => {
    const earlier = fc.uniqueArray(
      fc.record({ year: fc.integer({ min: 2010, max: 2021 }), result: fc.constantFrom(...inspectionResults) }),
      { selector: (row) => row.year, maxLength: 8 },
    );
    fc.assert(
      fc.property(earlier, (rows) => {
        expect(judged(standing, { inspections: [...rows, { year: 2022, result: '合格' }] }, asOf)).toEqual([]);
      }),
    );
  });
});

describe('两年内受到行政处罚 / 两年内被通报并限期整改', () => {
  const asOf = '2023-07-03T09:00:00+08:00';

  test('a 通报 exactly two years before the day judged on still counts; the day before does not', () => {
    expect(judged(noNotice(), { sanctions: [notice('2021-07-03')] }, asOf)).toEqual([
      '两年内被通报并限期整改的不得申报（本单位：2021年7月3日被四川省科协通报并限期整改）',
    ]);
    expect(judged(noNotice(), { sanctions: [notice('2021-07-02')] }, asOf)).toEqual([]);
    expect(judged(noNotice(), { sanctions: [notice('2021-07-04')] }, asOf)).toHaveLength(1);
  });

  test('the day judged on is the Shanghai day: 00:30 on 3 July there is still 2 July in UTC', () => {
    const earlyMorning = '2023-07-02T16:30:00Z';
    expect(judged(noNotice(), { sanctions: [notice('2021-07-03')] }, earlyMorning)).toHaveLength(1);
    expect(judged(noNotice(), { sanctions: [notice('2021-07-02')] }, earlyMorning)).toEqual([]);
  });

  test('a sanction dated after the day judged on, or of the other kind, does not count', () => {
    expect(judged(noNotice(), { sanctions: [notice('2023-07-04')] }, asOf)).toEqual([]);
    expect(judged(noNotice(), { sanctions: [notice('2023-07-03')] }, asOf)).toHaveLength(1);
    expect(judged(noNotice(), { sanctions: [penalty('2023-01-10')] }, asOf)).toEqual([]);
    expect(judged(noPenalty, { sanctions: [notice('2023-01-10')] }, asOf)).toEqual([]);
  });

  test('a penalty names its day and authority; the latest of several is named; without an authority the reason still reads', () => {
    expect(judged(noPenalty, { sanctions: [penalty('2022-03-01'), penalty('2022-11-15')] }, asOf)).toEqual([
      '两年内受到行政处罚的不得申报（本单位：2022年11月15日受到省民政厅行政处罚）',
    ]);
    expect(judged(noPenalty, { sanctions: [penalty('2022-03-01', '')] }, asOf)).toEqual([
      '两年内受到行政处罚的不得申报（本单位：2022年3月1日受到行政处罚）',
    ]);
  });

  test('from a leap day, two years back is 28 February', () => {
    const leapDay = '2024-02-29T12:00:00+08:00';
    expect(judged(noNotice(), { sanctions: [notice('2022-02-28')] }, leapDay)).toHaveLength(1);
    expect(judged(noNotice(), { sanctions: [notice('2022-02-27')] }, leapDay)).toEqual([]);
  });

  test('another number of years is written out: 三年内', () => {
    expect(judged(noNotice(3), { sanctions: [notice('2020-07-03')] }, asOf)).toEqual([
      '三年内被通报并限期整改的不得申报（本单位：2020年7月3日被四川省科协通报并限期整改）',
    ]);
  });

  test('property: a sanction that counts within N years also counts within N + 1 years, and the reason names its day', () => {
    const day = fc
      .date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2023-07-03T00:00:00Z'), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 9 }), (on, years) => {
        const within = judged(noNotice(years), { sanctions: [notice(on)] }, asOf);
        if (within.length > 0) {
          expect(judged(noNotice(years + 1), { sanctions: [notice(on)] }, asOf)).toHaveLength(1);
          const [y, m, d] = on.split('-').map(Number);
          expect(within[0]).toContain(`${y}年${m}月${d}日`);
        }
      }),
    );
  });
});

describe('profiles stored before the facts were dated', () => {
  test('a profile without inspections, sanctions or rating year reads as empty ones, and the old flag is dropped', () => {
    const stored = { rating: '4A', integrityClean: true, annualInspectionPassed: true } as unknown as OrganizationProfile;
    const profile = profileOf({ profile: stored });
    expect(profile).toMatchObject({ rating: '4A', ratingYear: null, inspections: [], sanctions: [], fundedLineages: [] });
    expect(profile).not.toHaveProperty('annualInspectionPassed');
    const program = programFrom('sichuan-first-class-society-2023');
    const society = program.categories[0];
    if (!society) throw new Error('no category');
    const old = { ...organization('society'), profile: stored };
    expect(eligibilityIssues(program, society, old, new Date('2023-06-20T10:00:00+08:00'))).toEqual([]);
  });
});

describe('the rules by name, as the programme settings list them', () => {
  test('the provincial call lists the exclusions of its guide (seed 002); Xuzhou limits 4A to 一流学会', () => {
    const province = programFrom('sichuan-first-class-society-2023');
    expect(province.eligibility.map((rule) => describeRule(rule, province.categories))).toEqual([
      '最近一次年检不合格或最近两年连续基本合格的不得申报',
      '两年内受到行政处罚的不得申报',
      '两年内被通报并限期整改的不得申报',
    ]);
    const xuzhou = programFrom('xuzhou-2022');
    expect(xuzhou.eligibility.map((rule) => describeRule(rule, xuzhou.categories))).toEqual([
      '上一年度年检合格',
      '诚信记录良好（往年项目实施中无弄虚作假等不良行为）',
      '社会组织评估等级4A级及以上（仅“一流学会”）',
    ]);
  });
});
