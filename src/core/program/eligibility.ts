// Who may apply, and how many times: the programme's eligibility rules and per-applicant limits, each
// refusal with a reason in Chinese that the applicant sees at submit (and the form shows beforehand).
import { DEACTIVATED_MESSAGE } from '../organization/managed-kinds';
import { orgKindLabels } from '../schemas/common';
import type { Application, Inspection, Organization } from '../schemas/documents';
import { statusTable, type ApplicationStatus } from '../workflow/award-workflow';
import { defaultApplicantScope, ratings, type Category, type EligibilityRule, type Program, type Rating } from './program-schema';

function ratingAtLeast(actual: Rating | null, required: Rating): boolean {
  return actual !== null && ratings.indexOf(actual) >= ratings.indexOf(required);
}

/** The most recent annual inspection on record (stored before inspections were dated: none). */
function latestInspection(org: Organization): Inspection | undefined {
  return [...(org.profile.inspections ?? [])].sort((a, b) => b.year - a.year)[0];
}

function appliesTo(rule: EligibilityRule, categoryKey: string): boolean {
  return rule.categories.length === 0 || rule.categories.includes(categoryKey);
}

/** Each rule: whether the organisation meets it, and the reason when it does not. */
const ruleChecks: {
  [K in EligibilityRule['kind']]: (rule: Extract<EligibilityRule, { kind: K }>, org: Organization, program: Program) => string | null;
} = {
  minRating: (rule, org) =>
    ratingAtLeast(org.profile.rating, rule.rating)
      ? null
      : `社会组织评估等级须为${rule.rating}级及以上（本单位：${org.profile.rating ? `${org.profile.rating}级` : '未评估'}）`,
  passedAnnualInspection: (_rule, org) => (latestInspection(org)?.result === '合格' ? null : '上一年度须经民政部门年检合格'),
  cleanIntegrity: (_rule, org) => (org.profile.integrityClean ? null : '诚信记录须良好（往年项目实施中无弄虚作假等不良行为）'),
  canIssueTaxInvoice: (_rule, org) => (org.profile.canIssueTaxInvoice ? null : '申报单位须能开具税务票据'),
  hasSocietyDay: (_rule, org) => (org.profile.hasSocietyDay ? null : '须已设立“学会日”并开展相应活动'),
  notFundedBefore: (_rule, org, program) =>
    org.profile.fundedLineages.includes(program.lineage) ? '往年已获本计划资助的单位（项目）不得再次申报' : null,
};

/**
 * Why the organisation may neither see nor apply to the programme at all, or null when it is one of the
 * running organisation's members the programme is open to. runnerName names the running organisation.
 */
export function membershipIssue(
  program: Pick<Program, 'societyId' | 'applicants'>,
  org: Pick<Organization, 'kind' | 'societyId'> & { active?: boolean },
  runnerName = '主办单位',
): string | null {
  if (org.active === false) return DEACTIVATED_MESSAGE;
  // Programmes stored before the scope was recorded are open to the running organisation's members.
  const scope = program.applicants ?? defaultApplicantScope;
  const only = `本项目仅限${runnerName}所属的${scope.label}申报`;
  if (org.societyId !== program.societyId) return `${only}，本单位不是${runnerName}的所属单位`;
  if (!scope.memberKinds.includes(org.kind)) return `${only}（本单位：${orgKindLabels[org.kind]}）`;
  return null;
}

/** Whether the organisation may see the programme (and so apply to it). */
export function mayJoinProgram(
  program: Pick<Program, 'societyId' | 'applicants'>,
  org: Pick<Organization, 'kind' | 'societyId'> & { active?: boolean },
): boolean {
  return membershipIssue(program, org) === null;
}

/** Why the organisation may not apply to this category; empty when it may. */
export function eligibilityIssues(program: Program, category: Category, org: Organization): string[] {
  const issues: string[] = [];
  if (!category.applicantKinds.includes(org.kind)) {
    const kinds = category.applicantKinds.map((kind) => orgKindLabels[kind]).join('、');
    issues.push(`“${category.name}”仅限${kinds}申报（本单位：${orgKindLabels[org.kind]}）`);
  }
  for (const rule of program.eligibility) {
    if (!appliesTo(rule, category.key)) continue;
    const check = ruleChecks[rule.kind] as (rule: EligibilityRule, org: Organization, program: Program) => string | null;
    const issue = check(rule, org, program);
    if (issue) issues.push(issue);
  }
  return issues;
}

/** Whether the organisation may apply to at least one category (used to list programmes it can join). */
export function mayApplyToSome(program: Program, org: Organization): boolean {
  return program.categories.some((category) => eligibilityIssues(program, category, org).length === 0);
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
