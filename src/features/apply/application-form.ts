// The application form as typed on the phone (amounts and ages as text, rows with local ids) and the checks
// that turn it into the content the api accepts. Driven by the programme's form configuration; pure: the
// same core rules the server applies, run on every keystroke.
import { budgetTotalFen, commitmentIssue, countChars, missingForSubmission, type ApplicationContent } from '@/core/application/rules';
import { formatYuan, parseYuan } from '@/core/money';
import { programPeriod, scheduleRowPeriodIssue, type ProgramPeriod } from '@/core/program/period';
import type { Category, Program } from '@/core/program/program-schema';
import { budgetCeilingFen, categoryByKey, committableIndicators, floorCommitments } from '@/core/program/program-rules';
import type { Attachment, BudgetLine, Commitment, ScheduleRow, TeamMember } from '@/core/schemas/documents';

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

export interface ScheduleRowDraft {
  rowId: string;
  phase: string;
  startsOn: string;
  endsOn: string;
  work: string;
  owner: string;
}

export interface TeamMemberDraft {
  rowId: string;
  name: string;
  ageText: string;
  title: string;
  employer: string;
  task: string;
}

export interface ApplicationFormValues {
  categoryKey: string;
  subtypeKey: string | null;
  servicePoint: string;
  projectName: string;
  /** Text of each form section, by section key. */
  sections: Record<string, string>;
  budget: BudgetLineDraft[];
  schedule: ScheduleRowDraft[];
  team: TeamMemberDraft[];
  attachments: Attachment[];
  commitments: CommitmentDraft[];
  signerName: string;
  agreed: boolean;
}

/** The programme whose form is filled in (the view the api answers with is one). */
export type FormProgram = Program;

/** Field limits as in the stored document's schema. */
const LIMITS = {
  budgetItem: 40,
  budgetBasis: 100,
  commitment: 100000,
  servicePoint: 60,
  phase: 40,
  work: 300,
  owner: 20,
  memberName: 20,
  memberTitle: 40,
  employer: 60,
  task: 200,
  signer: 20,
} as const;

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

/**
 * Where the applicant commits its own targets (a society in the provincial call), one row per indicator in the
 * programme's order: the figure already there, else the provincial minimum to start from. Other forms: as given.
 */
export function withEveryTarget(program: Pick<FormProgram, 'form' | 'indicators'>, drafts: readonly CommitmentDraft[]): CommitmentDraft[] {
  if (!program.form.commitTargets) return [...drafts];
  return floorCommitments(program).map(
    (floor) =>
      drafts.find((draft) => draft.indicatorKey === floor.indicatorKey) ?? {
        rowId: newRowId(),
        indicatorKey: floor.indicatorKey,
        amountText: String(floor.amount),
      },
  );
}

export function emptyScheduleRow(): ScheduleRowDraft {
  return { rowId: newRowId(), phase: '', startsOn: '', endsOn: '', work: '', owner: '' };
}

export function emptyTeamMember(): TeamMemberDraft {
  return { rowId: newRowId(), name: '', ageText: '', title: '', employer: '', task: '' };
}

/** A blank form; a programme with a single category has it chosen already. */
export function emptyForm(program: FormProgram): ApplicationFormValues {
  return {
    categoryKey: program.categories.length === 1 ? program.categories[0].key : '',
    subtypeKey: null,
    servicePoint: '',
    projectName: '',
    sections: {},
    budget: [emptyBudgetLine()],
    schedule: program.form.schedule ? [emptyScheduleRow()] : [],
    team: program.form.team ? [emptyTeamMember()] : [],
    attachments: [],
    commitments: program.form.commitTargets ? withEveryTarget(program, []) : program.form.indicatorCommitments ? [emptyCommitment()] : [],
    signerName: '',
    agreed: false,
  };
}

/**
 * A form kept on the phone by an older version of the app may lack fields (or carry `plan` instead of
 * sections): fill the gaps so the restored text is never thrown away.
 */
export function normalizeForm(program: FormProgram, stored: Partial<ApplicationFormValues> & { plan?: string }): ApplicationFormValues {
  const blank = emptyForm(program);
  const sections = { ...(stored.sections ?? {}) };
  if (stored.plan && Object.keys(sections).length === 0) sections[program.form.sections[0].key] = stored.plan;
  return {
    ...blank,
    ...stored,
    categoryKey: stored.categoryKey ?? blank.categoryKey,
    sections,
    budget: stored.budget ?? blank.budget,
    schedule: stored.schedule ?? blank.schedule,
    team: stored.team ?? blank.team,
    attachments: stored.attachments ?? [],
    commitments: stored.commitments ? withEveryTarget(program, stored.commitments) : blank.commitments,
  };
}

/** 120000 → "1200", 80005 → "800.05": what a person would type, without thousands separators. */
export function fenToInputText(fen: number): string {
  const whole = Math.floor(fen / 100);
  const cents = fen % 100;
  return cents === 0 ? String(whole) : `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`;
}

/** The form for saved content; an empty table gets one blank row to type into (blank rows are never sent). */
export function formFromContent(program: FormProgram, content: ApplicationContent): ApplicationFormValues {
  const form: ApplicationFormValues = {
    categoryKey: content.categoryKey,
    subtypeKey: content.subtypeKey,
    servicePoint: content.servicePoint,
    projectName: content.projectName,
    sections: { ...content.sections },
    budget: content.budget.map((line) => ({
      rowId: newRowId(),
      item: line.item,
      amountText: fenToInputText(line.amountFen),
      basis: line.basis,
    })),
    schedule: content.schedule.map((row) => ({ rowId: newRowId(), ...row })),
    team: content.team.map((member) => ({
      rowId: newRowId(),
      name: member.name,
      ageText: member.age === null ? '' : String(member.age),
      title: member.title,
      employer: member.employer,
      task: member.task,
    })),
    attachments: [...content.attachments],
    commitments: withEveryTarget(
      program,
      content.commitments.map((commitment) => ({
        rowId: newRowId(),
        indicatorKey: commitment.indicatorKey,
        amountText: String(commitment.amount),
      })),
    ),
    signerName: content.declaration?.signerName ?? '',
    agreed: content.declaration?.agreed ?? false,
  };
  if (form.budget.length === 0) form.budget.push(emptyBudgetLine());
  if (program.form.schedule && form.schedule.length === 0) form.schedule.push(emptyScheduleRow());
  if (program.form.team && form.team.length === 0) form.team.push(emptyTeamMember());
  if (program.form.indicatorCommitments && form.commitments.length === 0) form.commitments.push(emptyCommitment());
  return form;
}

/** The attachments the form asks for in a category (all of them while no category is chosen). */
export function attachmentsAskedFor(program: FormProgram, categoryKey: string) {
  return program.form.attachments.filter(
    (attachment) => attachment.categories.length === 0 || !categoryKey || attachment.categories.includes(categoryKey),
  );
}

export interface SectionCount {
  chars: number;
  over: boolean;
}

export interface FormCheck {
  category: Category | undefined;
  nameChars: number;
  nameOver: boolean;
  sectionCounts: Record<string, SectionCount>;
  totalFen: number;
  /** The category's award: the budget's ceiling; null until a category is chosen. */
  limitFen: number | null;
  totalOver: boolean;
  /** Per-row problems, keyed by rowId. */
  budgetErrors: Record<string, string>;
  scheduleErrors: Record<string, string>;
  teamErrors: Record<string, string>;
  commitmentErrors: Record<string, string>;
  /** Problems that stop any save, in form order; empty when the form can be saved. */
  blocking: string[];
  /** What is still missing before submission (core rule, the same the server applies). */
  missing: string[];
  content: ApplicationContent;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function tooLong(text: string, max: number): boolean {
  return countChars(text.trim()) > max;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkBudget(budget: readonly BudgetLineDraft[]) {
  const lines: BudgetLine[] = [];
  const errors: Record<string, string> = {};
  budget.forEach((draft) => {
    if (isBlank(draft.item) && isBlank(draft.amountText) && isBlank(draft.basis)) return;
    const amountFen = parseYuan(draft.amountText);
    if (isBlank(draft.item)) errors[draft.rowId] = '请填写预算科目';
    else if (tooLong(draft.item, LIMITS.budgetItem)) errors[draft.rowId] = `科目不能超过 ${LIMITS.budgetItem} 字`;
    else if (isBlank(draft.amountText)) errors[draft.rowId] = '请填写金额';
    else if (amountFen === null) errors[draft.rowId] = '金额格式不正确，例如 1200 或 800.50';
    else if (amountFen <= 0) errors[draft.rowId] = '金额须大于 0';
    else if (tooLong(draft.basis, LIMITS.budgetBasis)) errors[draft.rowId] = `测算依据不能超过 ${LIMITS.budgetBasis} 字`;
    if (amountFen !== null && amountFen > 0) {
      lines.push({ item: draft.item.trim(), amountFen, basis: draft.basis.trim() });
    }
  });
  return { lines, errors };
}

function checkSchedule(schedule: readonly ScheduleRowDraft[], period: ProgramPeriod | null) {
  const rows: ScheduleRow[] = [];
  const errors: Record<string, string> = {};
  for (const draft of schedule) {
    const texts = [draft.phase, draft.startsOn, draft.endsOn, draft.work, draft.owner];
    if (texts.every(isBlank)) continue;
    const outside = scheduleRowPeriodIssue(draft, period);
    let error: string | null = null;
    if (isBlank(draft.phase)) error = '请填写实施阶段';
    else if (tooLong(draft.phase, LIMITS.phase)) error = `阶段名称不能超过 ${LIMITS.phase} 字`;
    else if (!DAY.test(draft.startsOn) || !DAY.test(draft.endsOn)) error = '请选择开始和结束日期';
    else if (draft.endsOn < draft.startsOn) error = '结束日期早于开始日期';
    else if (outside) error = outside;
    else if (isBlank(draft.work)) error = '请填写工作内容';
    else if (tooLong(draft.work, LIMITS.work)) error = `工作内容不能超过 ${LIMITS.work} 字`;
    else if (tooLong(draft.owner, LIMITS.owner)) error = `负责人不能超过 ${LIMITS.owner} 字`;
    if (error) errors[draft.rowId] = error;
    else {
      rows.push({
        phase: draft.phase.trim(),
        startsOn: draft.startsOn,
        endsOn: draft.endsOn,
        work: draft.work.trim(),
        owner: draft.owner.trim(),
      });
    }
  }
  return { rows, errors };
}

function checkTeam(team: readonly TeamMemberDraft[]) {
  const members: TeamMember[] = [];
  const errors: Record<string, string> = {};
  for (const draft of team) {
    if ([draft.name, draft.ageText, draft.title, draft.employer, draft.task].every(isBlank)) continue;
    const ageText = draft.ageText.trim();
    const age = ageText === '' ? null : /^\d+$/.test(ageText) ? Number(ageText) : NaN;
    let error: string | null = null;
    if (isBlank(draft.name)) error = '请填写姓名';
    else if (tooLong(draft.name, LIMITS.memberName)) error = `姓名不能超过 ${LIMITS.memberName} 字`;
    else if (age !== null && !(age >= 16 && age <= 100)) error = '年龄须为 16 至 100 的整数';
    else if (tooLong(draft.title, LIMITS.memberTitle)) error = `职称/职务不能超过 ${LIMITS.memberTitle} 字`;
    else if (tooLong(draft.employer, LIMITS.employer)) error = `工作单位不能超过 ${LIMITS.employer} 字`;
    else if (tooLong(draft.task, LIMITS.task)) error = `分工不能超过 ${LIMITS.task} 字`;
    if (error) errors[draft.rowId] = error;
    else {
      members.push({
        name: draft.name.trim(),
        age,
        title: draft.title.trim(),
        employer: draft.employer.trim(),
        task: draft.task.trim(),
      });
    }
  }
  return { members, errors };
}

function checkCommitments(program: FormProgram, commitments: readonly CommitmentDraft[]) {
  const indicators = committableIndicators(program);
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
    else if (!(amount >= 1 && amount <= LIMITS.commitment)) errors[draft.rowId] = '请填写 1 以上的整数';
    else {
      const indicator = indicators.find((candidate) => candidate.key === draft.indicatorKey);
      const issue = indicator ? commitmentIssue(program, indicator, amount) : null;
      if (issue) errors[draft.rowId] = issue;
      else chosen.push({ indicatorKey: draft.indicatorKey, amount });
    }
    if (!isBlank(draft.indicatorKey)) seen.add(draft.indicatorKey);
  }
  return { chosen, errors };
}

export function checkForm(program: FormProgram, form: ApplicationFormValues): FormCheck {
  const spec = program.form;
  const category = categoryByKey(program, form.categoryKey);
  const nameChars = countChars(form.projectName.trim());
  const nameOver = nameChars > spec.projectNameMaxChars;
  const sectionCounts: Record<string, SectionCount> = {};
  const sections: Record<string, string> = {};
  for (const section of spec.sections) {
    const text = form.sections[section.key] ?? '';
    const chars = countChars(text);
    sectionCounts[section.key] = { chars, over: chars > section.maxChars };
    if (text !== '') sections[section.key] = text;
  }
  const budget = checkBudget(form.budget);
  const schedule = spec.schedule ? checkSchedule(form.schedule, programPeriod(program)) : { rows: [], errors: {} };
  const team = spec.team ? checkTeam(form.team) : { members: [], errors: {} };
  const commitments = spec.indicatorCommitments ? checkCommitments(program, form.commitments) : { chosen: [], errors: {} };
  const totalFen = budgetTotalFen(budget.lines);
  const limitFen = category ? budgetCeilingFen(program, category) : null;
  const totalOver = limitFen !== null && totalFen > limitFen;

  const blocking: string[] = [];
  if (!category) blocking.push('请先选择申报类别');
  if (category?.servicePointRequired && tooLong(form.servicePoint, LIMITS.servicePoint)) {
    blocking.push(`服务点不能超过 ${LIMITS.servicePoint} 字`);
  }
  if (nameOver) blocking.push(`项目名称超过 ${spec.projectNameMaxChars} 字（当前 ${nameChars} 字）`);
  for (const section of spec.sections) {
    const count = sectionCounts[section.key];
    if (count.over) blocking.push(`“${section.title}”超过 ${section.maxChars} 字（当前 ${count.chars} 字）`);
  }
  if (Object.keys(budget.errors).length > 0) blocking.push('经费预算有未填写完整或格式不正确的行');
  if (budget.lines.length > spec.budget.maxLines) blocking.push(`经费预算最多 ${spec.budget.maxLines} 行`);
  if (totalOver && limitFen !== null) {
    blocking.push(`经费预算合计 ${formatYuan(totalFen)}，超过上限 ${formatYuan(limitFen)}，请调整`);
  }
  if (Object.keys(schedule.errors).length > 0) blocking.push('进度安排有未填写完整的行');
  if (spec.schedule && schedule.rows.length > spec.schedule.maxRows) blocking.push(`进度安排最多 ${spec.schedule.maxRows} 行`);
  if (Object.keys(team.errors).length > 0) blocking.push('项目成员有未填写完整的行');
  if (spec.team && team.members.length > spec.team.maxRows) blocking.push(`项目成员最多 ${spec.team.maxRows} 人`);
  if (Object.keys(commitments.errors).length > 0) blocking.push('指标承诺有未选择指标或数量不正确的行');
  if (spec.commitment && tooLong(form.signerName, LIMITS.signer)) blocking.push(`签名人不能超过 ${LIMITS.signer} 字`);

  const subtypeKey = category && category.subtypes.some((subtype) => subtype.key === form.subtypeKey) ? form.subtypeKey : null;
  const asked = new Set(attachmentsAskedFor(program, form.categoryKey).map((attachment) => attachment.key));
  const signerName = form.signerName.trim();
  const content: ApplicationContent = {
    categoryKey: form.categoryKey,
    subtypeKey,
    servicePoint: category?.servicePointRequired ? form.servicePoint.trim() : '',
    projectName: form.projectName.trim(),
    sections,
    budget: budget.lines,
    schedule: schedule.rows,
    team: team.members,
    attachments: form.attachments.filter((attachment) => asked.has(attachment.key)),
    commitments: commitments.chosen,
    declaration: spec.commitment && form.agreed && signerName ? { signerName, agreed: true } : null,
  };
  return {
    category,
    nameChars,
    nameOver,
    sectionCounts,
    totalFen,
    limitFen,
    totalOver,
    budgetErrors: budget.errors,
    scheduleErrors: schedule.errors,
    teamErrors: team.errors,
    commitmentErrors: commitments.errors,
    blocking,
    missing: missingForSubmission(program, content),
    content,
  };
}

/** Whether two contents say the same thing (used after a retried create, which returns the first copy). */
export function sameContent(a: ApplicationContent, b: ApplicationContent): boolean {
  const pick = (content: ApplicationContent) =>
    JSON.stringify([
      content.categoryKey,
      content.subtypeKey,
      content.servicePoint,
      content.projectName,
      Object.entries(content.sections).sort(([x], [y]) => (x < y ? -1 : 1)),
      content.budget.map((line) => [line.item, line.amountFen, line.basis]),
      content.schedule.map((row) => [row.phase, row.startsOn, row.endsOn, row.work, row.owner]),
      content.team.map((member) => [member.name, member.age, member.title, member.employer, member.task]),
      content.attachments.map((attachment) => [attachment.key, attachment.fileId, attachment.name]),
      content.commitments.map((commitment) => [commitment.indicatorKey, commitment.amount]),
      content.declaration ? [content.declaration.signerName, content.declaration.agreed] : null,
    ]);
  return pick(a) === pick(b);
}
