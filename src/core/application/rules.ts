// Rules on an application's content and timing, decided on the server and mirrored in the form.
import { AppError } from '../errors';
import { formatShanghaiDateTime, isAfter, isPastDeadline } from '../calendar/shanghai';
import { formatYuan, sumFen } from '../money';
import { programPeriod, scheduleRowPeriodIssue } from '../program/period';
import type { Category, Indicator, Program } from '../program/program-schema';
import {
  budgetCeilingFen,
  categoryByKey,
  categoryDeadline,
  committableIndicators,
  floorText,
  indicatorByKey,
  meetsFloor,
} from '../program/program-rules';
import type { Application, BudgetLine, Commitment } from '../schemas/documents';

export type ApplicationContent = Pick<
  Application,
  | 'categoryKey'
  | 'subtypeKey'
  | 'servicePoint'
  | 'projectName'
  | 'sections'
  | 'budget'
  | 'schedule'
  | 'team'
  | 'attachments'
  | 'commitments'
  | 'declaration'
>;

/** Characters as a person counts them (an emoji or a rare CJK character is one, not two). */
export function countChars(text: string): number {
  return Array.from(text).length;
}

export function budgetTotalFen(budget: readonly BudgetLine[]): number {
  return sumFen(budget.map((line) => line.amountFen));
}

export function requireCategory(program: Program, categoryKey: string): Category {
  const category = categoryByKey(program, categoryKey);
  if (!category) throw new AppError('INVALID_INPUT', '请选择申报类别');
  return category;
}

/** Checks that hold for a draft as much as for a submission: limits, never completeness. */
export function checkContentLimits(program: Program, content: ApplicationContent): void {
  const form = program.form;
  const category = requireCategory(program, content.categoryKey);
  if (content.subtypeKey !== null && !category.subtypes.some((subtype) => subtype.key === content.subtypeKey)) {
    throw new AppError('INVALID_INPUT', '申报子类不存在');
  }
  if (countChars(content.projectName) > form.projectNameMaxChars) {
    throw new AppError('INVALID_INPUT', `项目名称不能超过 ${form.projectNameMaxChars} 字`);
  }
  for (const sectionKey of Object.keys(content.sections)) {
    const section = form.sections.find((candidate) => candidate.key === sectionKey);
    if (!section) throw new AppError('INVALID_INPUT', `申报书没有“${sectionKey}”这一部分`);
    const chars = countChars(content.sections[sectionKey] ?? '');
    if (chars > section.maxChars)
      throw new AppError('INVALID_INPUT', `“${section.title}”不能超过 ${section.maxChars} 字（当前 ${chars} 字）`);
  }
  if (content.budget.length > form.budget.maxLines) throw new AppError('INVALID_INPUT', `预算最多 ${form.budget.maxLines} 行`);
  const total = budgetTotalFen(content.budget);
  const ceiling = budgetCeilingFen(program, category);
  if (ceiling !== null && total > ceiling) {
    throw new AppError('BUDGET_OVER_LIMIT', `合计 ${formatYuan(total)}，上限 ${formatYuan(ceiling)}`);
  }
  checkTable('进度安排', content.schedule.length, form.schedule);
  checkTable('项目成员', content.team.length, form.team);
  const period = programPeriod(program);
  for (const row of content.schedule) {
    if (row.endsOn < row.startsOn) throw new AppError('INVALID_INPUT', `进度安排“${row.phase}”的结束日期早于开始日期`);
    const outside = scheduleRowPeriodIssue(row, period);
    if (outside) throw new AppError('INVALID_INPUT', `进度安排“${row.phase}”的${outside}`);
  }
  for (const attachment of content.attachments) {
    if (!form.attachments.some((candidate) => candidate.key === attachment.key)) {
      throw new AppError('INVALID_INPUT', `附件类型“${attachment.key}”不存在`);
    }
  }
  if (!form.indicatorCommitments && content.commitments.length > 0) throw new AppError('INVALID_INPUT', '本项目不填写指标承诺');
  checkCommitments(program, content.commitments);
}

function checkTable(name: string, rows: number, table: { maxRows: number } | null): void {
  if (!table) {
    if (rows > 0) throw new AppError('INVALID_INPUT', `本申报书没有“${name}”表`);
    return;
  }
  if (rows > table.maxRows) throw new AppError('INVALID_INPUT', `“${name}”最多 ${table.maxRows} 行`);
}

function checkCommitments(program: Program, commitments: readonly Commitment[]): void {
  const seen = new Set<string>();
  const committable = new Set(committableIndicators(program).map((indicator) => indicator.key));
  for (const commitment of commitments) {
    const indicator = indicatorByKey(program, commitment.indicatorKey);
    if (!indicator || !committable.has(indicator.key)) throw new AppError('INDICATOR_UNKNOWN', commitment.indicatorKey);
    if (seen.has(commitment.indicatorKey)) throw new AppError('INVALID_INPUT', `指标“${indicator.name}”重复填写`);
    seen.add(commitment.indicatorKey);
    const issue = commitmentIssue(program, indicator, commitment.amount);
    if (issue) throw new AppError('INVALID_INPUT', issue);
  }
}

/**
 * Why a committed figure cannot stand, or null. Where the applicant commits its own targets (a society in the
 * provincial call), each must reach the programme's target, which is the provincial minimum; a percentage is at
 * most 100 and a yes/no is 1.
 */
export function commitmentIssue(program: Pick<Program, 'form'>, indicator: Indicator, amount: number): string | null {
  if (indicator.kind === 'percent' && amount > 100) return `“${indicator.name}”不能超过 100%`;
  if (indicator.kind === 'yesno' && amount !== 1) return `“${indicator.name}”只能承诺“是”`;
  if (program.form.commitTargets && !meetsFloor(indicator.kind, amount, indicator.target)) {
    return `“${indicator.name}”的承诺目标须达到省级要求（${floorText(indicator, indicator.target)}）`;
  }
  return null;
}

/** What is still missing before the application may be submitted, in Chinese, in form order. */
export function missingForSubmission(program: Program, content: ApplicationContent): string[] {
  const form = program.form;
  const missing: string[] = [];
  const category = categoryByKey(program, content.categoryKey);
  if (!category) missing.push('申报类别');
  if (category && category.subtypes.length > 0 && !content.subtypeKey) missing.push('申报子类');
  if (category?.servicePointRequired && !content.servicePoint.trim()) missing.push('服务点');
  if (!content.projectName.trim()) missing.push('项目名称');
  for (const section of form.sections) {
    if (section.required && !(content.sections[section.key] ?? '').trim()) missing.push(section.title);
  }
  if (form.budget.required && content.budget.length === 0) missing.push('经费预算');
  if (form.schedule?.required && content.schedule.length === 0) missing.push('进度安排');
  if (form.team?.required && content.team.length === 0) missing.push('项目成员');
  for (const attachment of form.attachments) {
    const asked = attachment.categories.length === 0 || attachment.categories.includes(content.categoryKey);
    if (asked && attachment.required && !content.attachments.some((candidate) => candidate.key === attachment.key)) {
      missing.push(attachment.name);
    }
  }
  if (form.indicatorCommitments && content.commitments.length === 0) missing.push('指标承诺');
  else if (form.commitTargets) {
    const uncommitted = program.indicators.filter((indicator) => !content.commitments.some((c) => c.indicatorKey === indicator.key));
    if (uncommitted.length > 0) missing.push(`指标承诺（尚有 ${uncommitted.length} 项未填）`);
  }
  if (form.commitment && !content.declaration) missing.push('申报承诺签名');
  return missing;
}

export function checkSubmittable(program: Program, content: ApplicationContent): void {
  checkContentLimits(program, content);
  const missing = missingForSubmission(program, content);
  if (missing.length > 0) throw new AppError('APPLICATION_INCOMPLETE', `请填写${missing.join('、')}`);
}

/** The window of one category: from the programme's opening to the category's own deadline, if any. */
export function applicationWindow(program: Program, categoryKey: string | null): { opensAt: string; deadline: string } {
  const category = categoryKey ? categoryByKey(program, categoryKey) : undefined;
  return { opensAt: program.opensAt, deadline: category ? categoryDeadline(program, category) : program.deadline };
}

/** Applications are accepted from opensAt to deadline inclusive, judged by the server's clock. */
export function checkApplicationWindow(window: { opensAt: string; deadline: string }, now: Date): void {
  if (isAfter(window.opensAt, now)) {
    throw new AppError('NOT_OPEN_YET', `开始时间 ${formatShanghaiDateTime(window.opensAt)}`);
  }
  if (isPastDeadline(now, window.deadline)) {
    throw new AppError('DEADLINE_PASSED', `截止时间 ${formatShanghaiDateTime(window.deadline)}`);
  }
}

export function isWindowOpen(window: { opensAt: string; deadline: string }, now: Date): boolean {
  return !isAfter(window.opensAt, now) && !isPastDeadline(now, window.deadline);
}

/** Whether any category of the programme still takes applications. */
export function isProgramOpen(program: Program, now: Date): boolean {
  return program.categories.some((category) => isWindowOpen(applicationWindow(program, category.key), now));
}
