// Rules on an application's content and timing, decided on the server and mirrored in the form.
import { AppError } from '../errors';
import { formatShanghaiDateTime, isAfter } from '../calendar/shanghai';
import { formatYuan, sumFen } from '../money';
import { indicatorByKey, isSummable, type Program } from '../program/program-schema';
import type { Application, BudgetLine, Commitment } from '../schemas/documents';

export type ApplicationContent = Pick<Application, 'projectName' | 'plan' | 'budget' | 'commitments'>;

/** Characters as a person counts them (an emoji or a rare CJK character is one, not two). */
export function countChars(text: string): number {
  return Array.from(text).length;
}

export function budgetTotalFen(budget: readonly BudgetLine[]): number {
  return sumFen(budget.map((line) => line.amountFen));
}

/** Checks that hold for a draft as much as for a submission: limits, never completeness. */
export function checkContentLimits(program: Program, content: ApplicationContent): void {
  if (countChars(content.projectName) > program.form.projectNameMaxChars) {
    throw new AppError('INVALID_INPUT', `项目名称不能超过 ${program.form.projectNameMaxChars} 字`);
  }
  const planChars = countChars(content.plan);
  if (planChars > program.form.planMaxChars) {
    throw new AppError('INVALID_INPUT', `实施方案不能超过 ${program.form.planMaxChars} 字（当前 ${planChars} 字）`);
  }
  if (content.budget.length > program.form.budgetMaxLines) {
    throw new AppError('INVALID_INPUT', `预算最多 ${program.form.budgetMaxLines} 行`);
  }
  const total = budgetTotalFen(content.budget);
  if (total > program.awardAmountFen) {
    throw new AppError('BUDGET_OVER_LIMIT', `合计 ${formatYuan(total)}，上限 ${formatYuan(program.awardAmountFen)}`);
  }
  checkCommitments(program, content.commitments);
}

function checkCommitments(program: Program, commitments: readonly Commitment[]): void {
  const seen = new Set<string>();
  for (const commitment of commitments) {
    const indicator = indicatorByKey(program, commitment.indicatorKey);
    if (!indicator || !isSummable(indicator)) throw new AppError('INDICATOR_UNKNOWN', commitment.indicatorKey);
    if (seen.has(commitment.indicatorKey)) throw new AppError('INVALID_INPUT', `指标“${indicator.name}”重复填写`);
    seen.add(commitment.indicatorKey);
  }
}

/** What is still missing before the application may be submitted, in Chinese, in form order. */
export function missingForSubmission(content: ApplicationContent): string[] {
  const missing: string[] = [];
  if (!content.projectName.trim()) missing.push('项目名称');
  if (!content.plan.trim()) missing.push('实施方案');
  if (content.budget.length === 0) missing.push('经费预算');
  if (content.commitments.length === 0) missing.push('指标承诺');
  return missing;
}

export function checkSubmittable(program: Program, content: ApplicationContent): void {
  checkContentLimits(program, content);
  const missing = missingForSubmission(content);
  if (missing.length > 0) throw new AppError('APPLICATION_INCOMPLETE', `请填写${missing.join('、')}`);
}

/** Applications are accepted from opensAt to deadline inclusive, judged by the server's clock. */
export function checkApplicationWindow(program: Pick<Program, 'opensAt' | 'deadline'>, now: Date): void {
  if (isAfter(program.opensAt, now)) {
    throw new AppError('NOT_OPEN_YET', `开始时间 ${formatShanghaiDateTime(program.opensAt)}`);
  }
  if (isAfter(now, program.deadline)) {
    throw new AppError('DEADLINE_PASSED', `截止时间 ${formatShanghaiDateTime(program.deadline)}`);
  }
}

export function isWindowOpen(program: Pick<Program, 'opensAt' | 'deadline'>, now: Date): boolean {
  return !isAfter(program.opensAt, now) && !isAfter(now, program.deadline);
}
