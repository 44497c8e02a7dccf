// The programme settings form: the draft is the edit itself (programEditSchema), checked before the tap by the
// same contract and programme schema as the server (checkEdit), so a rule and its message live in one place.
// What is typed or picked is turned into values here (yuan → fen, a Shanghai day and minute → ISO, text → number);
// a text that is no value becomes NaN, and the schema says what is wrong with it.
import { formatFen, parseYuan } from '@/core/money';
import { instantPeriodIssue, programPeriod } from '@/core/program/period';
import { checkEdit, editOfConfig, programConfigOf, type ProgramEdit } from '@/core/program/program-edit';
import type { EligibilityRule } from '@/core/program/program-schema';
import { ratings } from '@/core/program/program-rules';
import type { ProgramView } from '@/core/schemas/actions';
import { orgKinds, type OrgKind } from '@/core/schemas/labels';

export type ProgramDraft = ProgramEdit;

export function draftOf(program: ProgramView): ProgramDraft {
  return JSON.parse(JSON.stringify(editOfConfig(programConfigOf(program)))) as ProgramDraft;
}

/** The edit to send, or the first thing to fix, in Chinese (the server's own words). */
export function editOf(program: ProgramView, draft: ProgramDraft): { edit: ProgramEdit } | { issue: string } {
  const checked = checkEdit(programConfigOf(program), draft);
  return 'issue' in checked ? checked : { edit: checked.edit };
}

/**
 * A date the programme sets inside its period (the mid-term report, the experts' deadline): the days its picker
 * offers, and why the date picked cannot stand (the server's own words), or null.
 */
export function periodField(draft: ProgramDraft, label: string, instant: string | null | undefined) {
  const period = programPeriod(draft);
  return { start: period?.from, end: period?.to, issue: instantPeriodIssue(label, instant, period) };
}

/** A number as typed; NaN when it is none (the schema says a number is wanted). */
export function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text.trim());
}

/** An amount typed in yuan, in fen; NaN when it is no amount. */
export function fenOfYuan(text: string): number {
  return parseYuan(text) ?? Number.NaN;
}

export function yuanText(fen: number): string {
  return Number.isFinite(fen) ? formatFen(fen).replace(/,/g, '').replace(/\.00$/, '') : '';
}

/** The kind ticked or unticked; kept in the one order the labels are listed in. */
export function toggledKind(kinds: readonly OrgKind[], kind: OrgKind): OrgKind[] {
  return orgKinds.filter((candidate) => (candidate === kind ? !kinds.includes(kind) : kinds.includes(candidate)));
}

/** A key ticked or unticked in a list of keys, in the order of `all`. */
export function toggledKey(keys: readonly string[], key: string, all: readonly string[]): string[] {
  return all.filter((candidate) => (candidate === key ? !keys.includes(key) : keys.includes(candidate)));
}

/** The list with the row at `index` moved up (-1) or down (+1); unchanged at either end. */
export function moved<T>(rows: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  if (to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[index], next[to]] = [next[to]!, next[index]!];
  return next;
}

export function without<T>(rows: readonly T[], index: number): T[] {
  return rows.filter((_row, at) => at !== index);
}

/** A key not yet taken in the list, e.g. section-3. */
export function freshKey(prefix: string, rows: readonly { key: string }[]): string {
  let n = rows.length + 1;
  while (rows.some((row) => row.key === `${prefix}-${n}`)) n += 1;
  return `${prefix}-${n}`;
}

/** A new category, to be named and priced (the schema refuses it until it is). */
export function newCategory(draft: ProgramDraft): ProgramDraft['categories'][number] {
  return {
    key: freshKey('category', draft.categories),
    name: '',
    group: '',
    description: '',
    subtypes: [],
    quotaMin: 0,
    quotaMax: null,
    awardAmountFen: Number.NaN,
    applicantKinds: [...draft.applicants.memberKinds],
    deadline: null,
    maxPerOrg: null,
    servicePointRequired: false,
  };
}

export function newSection(draft: ProgramDraft): ProgramDraft['form']['sections'][number] {
  return { key: freshKey('section', draft.form.sections), title: '', hint: '', maxChars: 2000, required: true };
}

export function newAttachment(draft: ProgramDraft): ProgramDraft['form']['attachments'][number] {
  return { key: freshKey('attachment', draft.form.attachments), name: '', required: false, categories: [] };
}

export function newCriterion(draft: ProgramDraft): ProgramDraft['reviewCriteria'][number] {
  return { key: freshKey('criterion', draft.reviewCriteria), name: '', weight: Number.NaN, maxScore: 100 };
}

/** The eligibility rules the app knows, as the secretariat picks one to add. */
export const ruleKindLabels: Record<EligibilityRule['kind'], string> = {
  minRating: '社会组织评估等级',
  passedAnnualInspection: '上一年度年检合格',
  inspectionStanding: '年检无不合格、无连续两年基本合格',
  noSanctionWithin: '一定年限内无行政处罚或通报',
  cleanIntegrity: '诚信记录良好',
  canIssueTaxInvoice: '能开具税务票据',
  hasSocietyDay: '已设立学会日',
  notFundedBefore: '往年未获本计划资助',
};

export function newRule(kind: EligibilityRule['kind']): EligibilityRule {
  if (kind === 'minRating') return { kind, rating: ratings[2], categories: [] };
  if (kind === 'noSanctionWithin') return { kind, sanction: 'penalty', years: 2, categories: [] };
  return { kind, categories: [] };
}

/** The weights as they add up now, for the form to show beside them. */
export function weightTotal(draft: ProgramDraft): number {
  return draft.reviewCriteria.reduce((sum, criterion) => sum + (Number.isFinite(criterion.weight) ? criterion.weight : 0), 0);
}
