// Who may apply, and how many times: the programme's eligibility rules and per-applicant limits, each
// refusal with a reason in Chinese that the applicant sees at submit (and the form shows beforehand).
import { calendarDayYearsBefore, formatCalendarDay, shanghaiDay, shanghaiYear } from '../calendar/shanghai';
import { DEACTIVATED_MESSAGE } from '../organization/managed-kinds';
import { inspectionsNewestFirst, profileOf } from '../organization/profile';
import { orgKindLabels, sanctionKindLabels } from '../schemas/labels';
import type { Application, Organization, OrganizationProfile } from '../schemas/documents';
import { statusTable, type ApplicationStatus } from '../workflow/award-workflow';
import type { Category, EligibilityRule, Program } from './program-schema';
import { defaultApplicantScope, ratings, type Rating } from './program-rules';

/** What a rule reads: the organisation's profile, and the Shanghai calendar day eligibility is judged on. */
interface Facts {
  profile: OrganizationProfile;
  /** YYYY-MM-DD in Asia/Shanghai. */
  day: string;
  year: number;
}

function ratingAtLeast(actual: Rating | null, required: Rating): boolean {
  return actual !== null && ratings.indexOf(actual) >= ratings.indexOf(required);
}

const chineseCounts = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 2 → 两年内, as the documents write it. */
function withinYears(years: number): string {
  return `${chineseCounts[years] ?? years}年内`;
}

/** Each rule by name, as the programme's settings list it (the compiler asks for every kind). */
const ruleNames: { [K in EligibilityRule['kind']]: (rule: Extract<EligibilityRule, { kind: K }>) => string } = {
  minRating: (rule) => `社会组织评估等级${rule.rating}级及以上`,
  passedAnnualInspection: () => '上一年度年检合格',
  inspectionStanding: () => '最近一次年检不合格或最近两年连续基本合格的不得申报',
  noSanctionWithin: (rule) =>
    rule.sanction === 'penalty'
      ? `${withinYears(rule.years)}受到行政处罚的不得申报`
      : `${withinYears(rule.years)}被通报并限期整改的不得申报`,
  cleanIntegrity: () => '诚信记录良好（往年项目实施中无弄虚作假等不良行为）',
  canIssueTaxInvoice: () => '能开具税务票据',
  hasSocietyDay: () => '已设立“学会日”并开展相应活动',
  notFundedBefore: () => '往年已获本计划资助的单位（项目）不得再次申报',
};

/** Inspections concluded by the day judged on: a year's inspection is concluded in the year after it. */
function concludedInspections(facts: Facts) {
  return inspectionsNewestFirst(facts.profile).filter((inspection) => inspection.year < facts.year);
}

function passedAnnualInspection(facts: Facts): string | null {
  const year = facts.year - 1;
  const found = facts.profile.inspections.find((inspection) => inspection.year === year);
  if (found?.result === '合格') return null;
  const fact = found ? `${year}年年检结论为${found.result}` : `未登记${year}年年检结论`;
  return `上一年度（${year}年）须经民政部门年检合格（本单位：${fact}）`;
}

function inspectionStanding(facts: Facts): string | null {
  const [latest, before] = concludedInspections(facts);
  const refused = ruleNames.inspectionStanding({ kind: 'inspectionStanding', categories: [] });
  if (latest?.result === '不合格') return `${refused}（本单位：${latest.year}年年检结论为不合格）`;
  if (latest?.result === '基本合格' && before?.result === '基本合格' && before.year === latest.year - 1) {
    return `${refused}（本单位：${before.year}年、${latest.year}年年检结论均为基本合格）`;
  }
  return null;
}

/** A sanction dated from the same calendar day `years` years before up to the day judged on counts. */
function sanctionWithin(rule: Extract<EligibilityRule, { kind: 'noSanctionWithin' }>, facts: Facts): string | null {
  const since = calendarDayYearsBefore(facts.day, rule.years);
  const found = facts.profile.sanctions
    .filter((sanction) => sanction.kind === rule.sanction && sanction.on >= since && sanction.on <= facts.day)
    .sort((a, b) => b.on.localeCompare(a.on))[0];
  if (!found) return null;
  const by = found.authority.trim();
  const fact =
    rule.sanction === 'penalty'
      ? `${formatCalendarDay(found.on)}受到${by}${sanctionKindLabels.penalty}`
      : `${formatCalendarDay(found.on)}被${by}${sanctionKindLabels.notice}`;
  return `${ruleNames.noSanctionWithin(rule)}（本单位：${fact}）`;
}

function appliesTo(rule: EligibilityRule, categoryKey: string): boolean {
  return rule.categories.length === 0 || rule.categories.includes(categoryKey);
}

/** Each rule: whether the organisation meets it, and the reason (naming the fact) when it does not. */
const ruleChecks: {
  [K in EligibilityRule['kind']]: (rule: Extract<EligibilityRule, { kind: K }>, facts: Facts, program: Program) => string | null;
} = {
  minRating: (rule, { profile }) =>
    ratingAtLeast(profile.rating, rule.rating)
      ? null
      : `社会组织评估等级须为${rule.rating}级及以上（本单位：${profile.rating ? `${profile.rating}级` : '未评估'}）`,
  passedAnnualInspection: (_rule, facts) => passedAnnualInspection(facts),
  inspectionStanding: (_rule, facts) => inspectionStanding(facts),
  noSanctionWithin: (rule, facts) => sanctionWithin(rule, facts),
  cleanIntegrity: (_rule, { profile }) => (profile.integrityClean ? null : '诚信记录须良好（往年项目实施中无弄虚作假等不良行为）'),
  canIssueTaxInvoice: (_rule, { profile }) => (profile.canIssueTaxInvoice ? null : '申报单位须能开具税务票据'),
  hasSocietyDay: (_rule, { profile }) => (profile.hasSocietyDay ? null : '须已设立“学会日”并开展相应活动'),
  notFundedBefore: (_rule, { profile }, program) =>
    profile.fundedLineages.includes(program.lineage) ? '往年已获本计划资助的单位（项目）不得再次申报' : null,
};

/** A rule in a line, with the categories it is limited to: “社会组织评估等级4A级及以上（仅“一流学会”）”. */
export function describeRule(rule: EligibilityRule, categories: readonly Pick<Category, 'key' | 'name'>[]): string {
  const name = (ruleNames[rule.kind] as (rule: EligibilityRule) => string)(rule);
  if (rule.categories.length === 0) return name;
  const names = rule.categories.map((key) => `“${categories.find((category) => category.key === key)?.name ?? key}”`);
  return `${name}（仅${names.join('、')}）`;
}

/**
 * Why the organisation may neither see nor apply to the programme at all, or null when it is one of the
 * running organisation's members the programme is open to. runnerName names the running organisation.
 */
export function membershipIssue(
  program: Pick<Program, 'societyId' | 'applicants'> & { draft?: boolean },
  org: Pick<Organization, 'kind' | 'societyId'> & { active?: boolean },
  runnerName = '主办单位',
): string | null {
  if (org.active === false) return DEACTIVATED_MESSAGE;
  // Programmes stored before the scope was recorded are open to the running organisation's members.
  const scope = program.applicants ?? defaultApplicantScope;
  const only = `本项目仅限${runnerName}所属的${scope.label}申报`;
  if (org.societyId !== program.societyId) return `${only}，本单位不是${runnerName}的所属单位`;
  if (!scope.memberKinds.includes(org.kind)) return `${only}（本单位：${orgKindLabels[org.kind]}）`;
  if (program.draft === true) return '本项目尚未发布';
  return null;
}

/** Whether the organisation may see the programme (and so apply to it). */
export function mayJoinProgram(
  program: Pick<Program, 'societyId' | 'applicants'> & { draft?: boolean },
  org: Pick<Organization, 'kind' | 'societyId'> & { active?: boolean },
): boolean {
  return membershipIssue(program, org) === null;
}

/**
 * Why the organisation is barred from this year's call of the programme's series (an award of its failed last
 * year where failing bars the next call), or null. Recorded by the failure, so it holds in every category.
 */
export function barIssue(program: Pick<Program, 'lineage' | 'year'>, org: Pick<Organization, 'bars'>): string | null {
  const bar = (org.bars ?? []).find((candidate) => candidate.lineage === program.lineage && candidate.year === program.year);
  return bar ? `取消${bar.year}年度申报资格：${bar.reason}` : null;
}

/** Why the organisation may not apply to this category as of `asOf` (dated rules count back from it); empty when it may. */
export function eligibilityIssues(program: Program, category: Category, org: Organization, asOf: Date): string[] {
  const issues: string[] = [];
  if (!category.applicantKinds.includes(org.kind)) {
    const kinds = category.applicantKinds.map((kind) => orgKindLabels[kind]).join('、');
    issues.push(`“${category.name}”仅限${kinds}申报（本单位：${orgKindLabels[org.kind]}）`);
  }
  const bar = barIssue(program, org);
  if (bar) issues.push(bar);
  const facts: Facts = { profile: profileOf(org), day: shanghaiDay(asOf), year: shanghaiYear(asOf) };
  for (const rule of program.eligibility) {
    if (!appliesTo(rule, category.key)) continue;
    const check = ruleChecks[rule.kind] as (rule: EligibilityRule, facts: Facts, program: Program) => string | null;
    const issue = check(rule, facts, program);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** Whether the organisation may apply to at least one category as of `asOf` (used to list programmes it can join). */
export function mayApplyToSome(program: Program, org: Organization, asOf: Date): boolean {
  return program.categories.some((category) => eligibilityIssues(program, category, org, asOf).length === 0);
}

/** Statuses in which an application still counts toward the limits: submitted and not ended against it. */
export function countsTowardLimits(status: ApplicationStatus): boolean {
  if (status === 'draft' || status === 'returned') return false;
  const stage = statusTable[status].stage;
  return stage !== 'closed' || statusTable[status].granted;
}

type LimitSubject = Pick<Application, '_id' | 'categoryKey' | 'servicePoint'>;

/**
 * Per-applicant limits at submit: at most N per category, one per service point, mutually exclusive
 * categories. `others` are the organisation's other applications to the same programme.
 */
export function limitIssues(
  program: Program,
  subject: LimitSubject,
  others: readonly Pick<Application, '_id' | 'categoryKey' | 'servicePoint' | 'status'>[],
): string[] {
  const category = program.categories.find((candidate) => candidate.key === subject.categoryKey);
  if (!category) return ['申报类别不存在'];
  const active = others.filter((other) => other._id !== subject._id && countsTowardLimits(other.status));
  const issues: string[] = [];
  const sameCategory = active.filter((other) => other.categoryKey === category.key);
  if (category.maxPerOrg !== null && sameCategory.length >= category.maxPerOrg) {
    issues.push(`“${category.name}”每个单位最多申报 ${category.maxPerOrg} 项（已申报 ${sameCategory.length} 项）`);
  }
  if (category.servicePointRequired) {
    const point = subject.servicePoint.trim();
    if (!point) issues.push('请填写服务点');
    else if (sameCategory.some((other) => other.servicePoint.trim() === point)) {
      issues.push(`同一服务点（${point}）每个单位只能申报一项`);
    }
  }
  for (const group of program.mutuallyExclusive) {
    if (!group.includes(category.key)) continue;
    const clash = active.find((other) => other.categoryKey !== category.key && group.includes(other.categoryKey));
    if (clash) {
      const names = group.map((categoryKey) => program.categories.find((candidate) => candidate.key === categoryKey)?.name ?? categoryKey);
      issues.push(`${names.map((name) => `“${name}”`).join('与')}不得兼报`);
    }
  }
  return issues;
}
