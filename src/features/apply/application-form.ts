// The application form as typed on the phone (amounts as text, rows with local ids) and the checks that turn
// it into the content the api accepts. Pure: the same core rules the server applies, run on every keystroke.
import { budgetTotalFen, countChars, missingForSubmission, type ApplicationContent } from '@/core/application/rules';
import { formatYuan, parseYuan } from '@/core/money';
import { isSummable, type Indicator, type Program } from '@/core/program/program-schema';
import type { BudgetLine, Commitment } from '@/core/schemas/documents';

export interface BudgetLineDraft {
  rowId: string;
  item: string;
  amountText: string;
  basis: string;
}

export interface CommitmentDraft {
  rowId: string;
  indicatorKey: string;
  amountText: string;
}

export interface ApplicationFormValues {
  projectName: string;
  plan: string;
  budget: BudgetLineDraft[];
  commitments: CommitmentDraft[];
}

/** Limits of the budget line fields, as in the stored document's schema. */
const BUDGET_ITEM_MAX = 40;
const BUDGET_BASIS_MAX = 100;
const COMMITMENT_MAX = 100000;

let rowCounter = 0;
export function newRowId(): string {
  rowCounter += 1;
  return `row${Date.now().toString(36)}${rowCounter}`;
}

export function emptyBudgetLine(): BudgetLineDraft {
  return { rowId: newRowId(), item: '', amountText: '', basis: '' };
}

export function emptyCommitment(indicatorKey = ''): CommitmentDraft {
  return { rowId: newRowId(), indicatorKey, amountText: '' };
}

export function emptyForm(): ApplicationFormValues {
  return { projectName: '', plan: '', budget: [emptyBudgetLine()], commitments: [emptyCommitment()] };
}

/** 120000 → "1200", 80005 → "800.05": what a person would type, without thousands separators. */
export function fenToInputText(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** The form for saved content; an empty list gets one blank row to type into (blank rows are never sent). */
export function formFromContent(content: ApplicationContent): ApplicationFormValues {
  const form: ApplicationFormValues = {
    projectName: content.projectName,
    plan: content.plan,
    budget: content.budget.map((line) => ({
      rowId: newRowId(),
      item: line.item,
      amountText: fenToInputText(line.amountFen),
      basis: line.basis,
    })),
    commitments: content.commitments.map((commitment) => ({
      rowId: newRowId(),
      indicatorKey: commitment.indicatorKey,
      amountText: String(commitment.amount),
    })),
  };
  if (form.budget.length === 0) form.budget.push(emptyBudgetLine());
  if (form.commitments.length === 0) form.commitments.push(emptyCommitment());
  return form;
}

/** The indicators an applicant may commit to: the programme's count indicators. */
export function committableIndicators(program: Pick<Program, 'indicators'>): Indicator[] {
  return program.indicators.filter(isSummable);
}

export interface FormCheck {
  nameChars: number;
  nameOver: boolean;
  planChars: number;
  planOver: boolean;
  totalFen: number;
  totalOver: boolean;
  /** Per-row problems, keyed by rowId. */
  budgetErrors: Record<string, string>;
  commitmentErrors: Record<string, string>;
  /** Problems that stop any save, in form order; empty when the form can be saved. */
  blocking: string[];
  /** What is still missing before submission (only meaningful when nothing is blocking). */
  missing: string[];
  content: ApplicationContent;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function checkBudget(budget: readonly BudgetLineDraft[]) {
  const lines: BudgetLine[] = [];
  const errors: Record<string, string> = {};
  budget.forEach((draft) => {
    if (isBlank(draft.item) && isBlank(draft.amountText) && isBlank(draft.basis)) return;
    const amountFen = parseYuan(draft.amountText);
    if (isBlank(draft.item)) errors[draft.rowId] = '请填写预算科目';
    else if (countChars(draft.item.trim()) > BUDGET_ITEM_MAX) errors[draft.rowId] = `科目不能超过 ${BUDGET_ITEM_MAX} 字`;
    else if (isBlank(draft.amountText)) errors[draft.rowId] = '请填写金额';
    else if (amountFen === null) errors[draft.rowId] = '金额格式不正确，例如 1200 或 800.50';
    else if (amountFen <= 0) errors[draft.rowId] = '金额须大于 0';
    else if (countChars(draft.basis.trim()) > BUDGET_BASIS_MAX) errors[draft.rowId] = `测算依据不能超过 ${BUDGET_BASIS_MAX} 字`;
    if (amountFen !== null && amountFen > 0) {
      lines.push({ item: draft.item.trim(), amountFen, basis: draft.basis.trim() });
    }
  });
  return { lines, errors };
}

function checkCommitments(commitments: readonly CommitmentDraft[], indicators: readonly Indicator[]) {
  const chosen: Commitment[] = [];
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  for (const draft of commitments) {
    if (isBlank(draft.indicatorKey) && isBlank(draft.amountText)) continue;
    const amountText = draft.amountText.trim();
    const amount = /^\d+$/.test(amountText) ? Number(amountText) : NaN;
    if (isBlank(draft.indicatorKey)) errors[draft.rowId] = '请选择指标';
    else if (!indicators.some((indicator) => indicator.key === draft.indicatorKey)) errors[draft.rowId] = '该指标不在本项目中，请重新选择';
    else if (seen.has(draft.indicatorKey)) errors[draft.rowId] = '该指标已填写，请勿重复';
    else if (!(amount >= 1 && amount <= COMMITMENT_MAX)) errors[draft.rowId] = '请填写 1 以上的整数';
    else chosen.push({ indicatorKey: draft.indicatorKey, amount });
    if (!isBlank(draft.indicatorKey)) seen.add(draft.indicatorKey);
  }
  return { chosen, errors };
}

export function checkForm(program: Pick<Program, 'form' | 'awardAmountFen' | 'indicators'>, form: ApplicationFormValues): FormCheck {
  const nameChars = countChars(form.projectName.trim());
  const planChars = countChars(form.plan);
  const budget = checkBudget(form.budget);
  const commitments = checkCommitments(form.commitments, committableIndicators(program));
  const totalFen = budgetTotalFen(budget.lines);
  const nameOver = nameChars > program.form.projectNameMaxChars;
  const planOver = planChars > program.form.planMaxChars;
  const totalOver = totalFen > program.awardAmountFen;

  const blocking: string[] = [];
  if (nameOver) blocking.push(`项目名称超过 ${program.form.projectNameMaxChars} 字（当前 ${nameChars} 字）`);
  if (planOver) blocking.push(`实施方案超过 ${program.form.planMaxChars} 字（当前 ${planChars} 字）`);
  if (Object.keys(budget.errors).length > 0) blocking.push('经费预算有未填写完整或格式不正确的行');
  if (budget.lines.length > program.form.budgetMaxLines) blocking.push(`经费预算最多 ${program.form.budgetMaxLines} 行`);
  if (totalOver) {
    blocking.push(`经费预算合计 ${formatYuan(totalFen)}，超过上限 ${formatYuan(program.awardAmountFen)}，请调整`);
  }
  if (Object.keys(commitments.errors).length > 0) blocking.push('指标承诺有未选择指标或数量不正确的行');

  const content: ApplicationContent = {
    projectName: form.projectName.trim(),
    plan: form.plan,
    budget: budget.lines,
    commitments: commitments.chosen,
  };
  return {
    nameChars,
    nameOver,
    planChars,
    planOver,
    totalFen,
    totalOver,
    budgetErrors: budget.errors,
    commitmentErrors: commitments.errors,
    blocking,
    missing: missingForSubmission(content),
    content,
  };
}

/** Whether two contents say the same thing (used after a retried create, which returns the first copy). */
export function sameContent(a: ApplicationContent, b: ApplicationContent): boolean {
  const pick = (content: ApplicationContent) =>
    JSON.stringify([
      content.projectName,
      content.plan,
      content.budget.map((line) => [line.item, line.amountFen, line.basis]),
      content.commitments.map((commitment) => [commitment.indicatorKey, commitment.amount]),
    ]);
  return pick(a) === pick(b);
}
