// The plain facts and rules of a programme: labels, kinds and the functions reading a programme's fields.
// No schemas here (they are in program-schema.ts, which re-exports all of this), so screens can use these without
// bringing zod into the mini-program's main package.
import { formatYuan } from '../money';
import { orgKindLabels, type OrgKind } from '../schemas/labels';
import type { ApplicantScope, ApplicationForm, Category, Failure, Indicator, Program, ProgramConfig, Stages } from './program-schema';

export const dimensions = ['political', 'innovation', 'academic', 'credibility', 'organization', 'selfDevelopment'] as const;
export const dimensionLabels: Record<(typeof dimensions)[number], string> = {
  political: '政治引领力',
  innovation: '创新支撑力',
  academic: '学术引领力',
  credibility: '社会公信力',
  organization: '组织凝聚力',
  selfDevelopment: '自我发展力',
};

export const indicatorKinds = ['count', 'percent', 'yesno', 'rank'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];
export const indicatorSources = ['claims', 'society'] as const;

/** Whether the figure reaches the floor: at least it, or for a rank the floor or better (a smaller number). */
export function meetsFloor(kind: IndicatorKind, value: number, floor: number): boolean {
  return kind === 'rank' ? value <= floor : value >= floor;
}

/** The floor in words, e.g. “前 50 名以内”, “至少 20项”, “须为“是””. */
export function floorText(indicator: Pick<Indicator, 'kind' | 'unit'>, floor: number): string {
  if (indicator.kind === 'rank') return `前 ${floor} 名以内`;
  if (indicator.kind === 'yesno') return '须为“是”';
  return `至少 ${floor}${indicator.kind === 'percent' ? '%' : indicator.unit}`;
}

/**
 * Why a target falls short of the upstream minimum it is linked to, or null: a count, percent or yes/no must
 * reach at least the minimum; a rank must be the minimum or better (a smaller number).
 */
export function upstreamFloorIssue(indicator: Pick<Indicator, 'name' | 'kind' | 'unit' | 'target' | 'upstream'>): string | null {
  const { upstream } = indicator;
  if (!upstream || meetsFloor(indicator.kind, indicator.target, upstream.minimum)) return null;
  return `“${indicator.name}”的目标不能低于上级项目的要求（${floorText(indicator, upstream.minimum)}）`;
}

/** The dates a programme cannot be published with once they have passed, with their names. */
const publishedDates = [
  ['deadline', '申报截止时间'],
  ['implementationEndsAt', '实施结束时间'],
  ['finalReportDueAt', '结项报告截止时间'],
] as const;

/** Why the programme may not be published now (a date already past), or null. */
export function publishIssue(program: Pick<ProgramConfig, (typeof publishedDates)[number][0]>, now: Date): string | null {
  const past = publishedDates.filter(([field]) => Date.parse(program[field]) <= now.getTime()).map(([, label]) => label);
  return past.length === 0 ? null : `${past.join('、')}已过，请先在项目设置中改为今后的时间再发布`;
}

/** Why a notice is shorter than the programme's document allows, or null. */
export function publicityFloorIssue(notice: { workingDays: number; minWorkingDays: number }): string | null {
  return notice.workingDays >= notice.minWorkingDays ? null : `公示期不能少于 ${notice.minWorkingDays} 个工作日（本项目文件规定）`;
}

/** Social-organisation assessment grades (社会组织评估等级), lowest first. */
export const ratings = ['1A', '2A', '3A', '4A', '5A'] as const;
export type Rating = (typeof ratings)[number];

function kindNames(kinds: readonly OrgKind[]): string {
  return kinds.map((kind) => orgKindLabels[kind]).join('、');
}

/** Why a category admits a kind of organisation the programme's scope leaves out, in Chinese; null when none does. */
export function applicantScopeIssue(
  scope: Pick<ApplicantScope, 'memberKinds'>,
  categories: readonly Pick<Category, 'name' | 'applicantKinds'>[],
): string | null {
  for (const category of categories) {
    const outside = category.applicantKinds.filter((kind) => !scope.memberKinds.includes(kind));
    if (outside.length > 0) {
      return `“${category.name}”的申报单位类型（${kindNames(outside)}）不在项目的申报范围（${kindNames(scope.memberKinds)}）之内`;
    }
  }
  return null;
}

/** For programmes stored before the scope was recorded: the running organisation's members of any kind. */
export const defaultApplicantScope: ApplicantScope = { memberKinds: ['society', 'branch', 'memberUnit'], label: '所属单位' };

export const programNoteKinds = ['placeholder', 'discrepancy', 'priority'] as const;
export const programNoteKindLabels: Record<(typeof programNoteKinds)[number], string> = {
  placeholder: '原文未载明（暂定值）',
  discrepancy: '原文前后不一致',
  priority: '优先支持',
};

/** Whether applications in this category file a mid-term report. */
export function hasMidterm(stages: Pick<Stages, 'midterm'>, categoryKey: string): boolean {
  return stages.midterm !== null && (stages.midterm.categories.length === 0 || stages.midterm.categories.includes(categoryKey));
}

/** What failing means, in the words shown to the applicant and the secretariat. */
export function failureText(failure: Failure): string {
  const parts = [
    failure.refund ? '退还已拨付经费' : null,
    failure.withdrawFunding ? '取消经费奖补资助' : null,
    failure.barNextCall ? '取消下一年度申报资格' : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? '不予奖补' : parts.join('，');
}

/** What failing meant for one award, in words: the refund owed, the funding withdrawn, the year it may not apply. */
export function failureRecordText(record: { refundDueFen: number; fundingWithdrawn: boolean; barredYear: number | null }): string {
  const parts = [
    record.refundDueFen > 0 ? `退还已拨付经费 ${formatYuan(record.refundDueFen)}` : null,
    record.fundingWithdrawn ? '取消经费奖补资助' : null,
    record.barredYear !== null ? `取消${record.barredYear}年度申报资格` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? '不予奖补' : parts.join('，');
}

/** The two payments of an award: after 立项 (advance) and after acceptance (balance), in fen. */
export function tranches(awardFen: number, stages: Pick<Stages, 'advancePercent'>): { advanceFen: number; balanceFen: number } {
  const advanceFen = Math.round((awardFen * stages.advancePercent) / 100);
  return { advanceFen, balanceFen: awardFen - advanceFen };
}

/**
 * The most one application's budget may total: its category's award, or null where the programme sets no such
 * ceiling (form.budget.capAtAward false: the provincial guide, whose journals show matching funds).
 */
export function budgetCeilingFen(
  program: { form: { budget: { capAtAward?: boolean } } },
  category: Pick<Category, 'awardAmountFen'>,
): number | null {
  return program.form.budget.capAtAward === false ? null : category.awardAmountFen;
}

/** What the programme must pay at least: every category's minimum quota at its amount. */
export function guaranteedFen(program: { categories: readonly Pick<Category, 'quotaMin' | 'awardAmountFen'>[] }): number {
  return program.categories.reduce((sum, category) => sum + category.quotaMin * category.awardAmountFen, 0);
}

export function indicatorByKey(program: Pick<Program, 'indicators'>, indicatorKey: string): Indicator | undefined {
  return program.indicators.find((indicator) => indicator.key === indicatorKey);
}

export function categoryByKey(program: Pick<Program, 'categories'>, categoryKey: string): Category | undefined {
  return program.categories.find((category) => category.key === categoryKey);
}

/** The total quota across categories, or null when some category has no cap. */
export function totalQuota(program: Pick<Program, 'categories'>): number | null {
  let total = 0;
  for (const category of program.categories) {
    if (category.quotaMax === null) return null;
    total += category.quotaMax;
  }
  return total;
}

/** When applications to a category close: its own deadline, or the programme's. */
export function categoryDeadline(program: Pick<Program, 'deadline'>, category: Pick<Category, 'deadline'>): string {
  return category.deadline ?? program.deadline;
}

/** Whether the indicator's figure is summed from the awards' claims; the others are recorded at society level. */
export function isSummable(indicator: Pick<Indicator, 'kind' | 'source'>): boolean {
  return (indicator.source ?? (indicator.kind === 'count' ? 'claims' : 'society')) === 'claims';
}

/** The indicators an applicant commits to: every one where it commits its own targets, else those summed from claims. */
export function committableIndicators<I extends Pick<Indicator, 'kind' | 'source'>>(program: {
  form: Pick<ApplicationForm, 'commitTargets'>;
  indicators: readonly I[];
}): I[] {
  return program.form.commitTargets ? [...program.indicators] : program.indicators.filter(isSummable);
}

/** The codes of the upstream (provincial) calls the programme's indicators are linked to. */
export function upstreamCodes(program: Pick<Program, 'indicators'>): Set<string> {
  return new Set(program.indicators.flatMap((indicator) => (indicator.upstream ? [indicator.upstream.programCode] : [])));
}

/** Each indicator committed at the programme's own target: the floor a society's provincial commitments start from. */
export function floorCommitments(program: Pick<Program, 'indicators'>): { indicatorKey: string; amount: number }[] {
  return program.indicators.map((indicator) => ({ indicatorKey: indicator.key, amount: Math.max(1, indicator.target) }));
}

/** The fields programmes stored before stages existed kept their stage parameters in. */
interface LegacyStageFields {
  midtermReport?: boolean;
  midtermReportDueAt?: string | null;
  publicityWorkingDays?: number;
  publicityMinWorkingDays?: number;
  rectificationMonths?: number;
}

/**
 * A programme as read from storage: one stored before stages existed gets the stages its old fields meant (the
 * one fixed sequence, with the failure text that was hard-coded then: refund and barred next year).
 */
export function programOf<T extends { stages?: Stages }>(stored: T): T & { stages: Stages } {
  if (stored.stages) return stored as T & { stages: Stages };
  const { midtermReport, midtermReportDueAt, publicityWorkingDays, publicityMinWorkingDays, rectificationMonths, ...rest } = stored as T &
    LegacyStageFields;
  const stages: Stages = {
    expertReview: true,
    shortlistNotice: { workingDays: publicityWorkingDays ?? 5, minWorkingDays: publicityMinWorkingDays ?? 5 },
    agreement: false,
    advancePercent: 0,
    midterm: midtermReport ? { categories: [], dueAt: midtermReportDueAt ?? null } : null,
    resultNotice: null,
    rectification: { months: rectificationMonths ?? 1 },
    failure: { refund: true, withdrawFunding: false, barNextCall: true },
  };
  return { ...(rest as unknown as T), stages };
}
