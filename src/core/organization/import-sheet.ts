// The Excel sheet a secretariat fills to import many units at once: its columns (the template shows them, the
// import reads them) and the rules for each row. A row becomes exactly the input `organization.create` takes and
// is judged by the same schema, so an imported unit meets every rule a unit created by hand meets.
import type { z } from 'zod';
import { ratings, type Rating } from '../program/program-rules';
import { actionContracts, type ImportRefusal } from '../schemas/actions';
import { SANE_YEARS, orgKindLabels, type OrgKind } from '../schemas/labels';
import { inspectionResults, type InspectionResult } from '../schemas/documents';
import { kindRefusal, managedKinds } from './managed-kinds';

/**
 * At most this many units per file. All of them are created in one Store transaction (a unit and its audit
 * entry each): on CloudBase every document is one read and one write in turn, and 100 rows (400 operations) stay
 * well inside the api function's 20 s. More units go in several files.
 */
export const MAX_IMPORT_ROWS = 100;

export const importColumnKeys = [
  'name',
  'kind',
  'contactPhone',
  'address',
  'rating',
  'ratingYear',
  'inspectionYear',
  'inspectionResult',
  'canIssueTaxInvoice',
  'hasSocietyDay',
] as const;
export type ImportColumnKey = (typeof importColumnKeys)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header cell as the template writes it (a required column ends with *). */
  header: string;
  required: boolean;
  /** What goes in the column, for the template's 填写说明 sheet. */
  help: string;
  /** The values a cell may take (a drop-down list in the template); null: free text or a number. */
  choices: readonly string[] | null;
  /** Column width in the template, in characters. */
  width: number;
}

const YES = '是';
const NO = '否';
const yesNo = [YES, NO] as const;

/** The columns, in the template's order; the kinds offered are those the organiser manages. */
export function importColumns(organiserKind: OrgKind): ImportColumn[] {
  const kinds = managedKinds(organiserKind).map((kind) => orgKindLabels[kind]);
  const years = `${SANE_YEARS.first}–${SANE_YEARS.last} 之间的四位年份`;
  return [
    {
      key: 'name',
      header: '单位名称*',
      required: true,
      help: '必填，不超过 80 个字；不能与已有单位或本表其他行重名',
      choices: null,
      width: 30,
    },
    { key: 'kind', header: '单位类型*', required: true, help: `必填，从下拉列表选择：${kinds.join('、')}`, choices: kinds, width: 12 },
    { key: 'contactPhone', header: '联系电话', required: false, help: '选填，手机号或带区号的固定电话', choices: null, width: 16 },
    { key: 'address', header: '地址', required: false, help: '选填，不超过 200 个字', choices: null, width: 30 },
    { key: 'rating', header: '社会组织评估等级', required: false, help: '选填，1A–5A；未评估留空', choices: ratings, width: 18 },
    { key: 'ratingYear', header: '评估年份', required: false, help: `选填，获得评估等级的年份，${years}`, choices: null, width: 10 },
    {
      key: 'inspectionYear',
      header: '最近年检年份',
      required: false,
      help: `选填，与年检结论同时填写，${years}`,
      choices: null,
      width: 14,
    },
    {
      key: 'inspectionResult',
      header: '年检结论',
      required: false,
      help: '选填，合格、基本合格或不合格',
      choices: inspectionResults,
      width: 12,
    },
    { key: 'canIssueTaxInvoice', header: '能否开具税务票据', required: false, help: '选填，是或否；留空按“否”', choices: yesNo, width: 18 },
    { key: 'hasSocietyDay', header: '是否设立学会日', required: false, help: '选填，是或否；留空按“否”', choices: yesNo, width: 16 },
  ];
}

/** A cell's value as the sheet holds it, reduced to text, a number or a yes/no. */
export type ImportCell = string | number | boolean | null;
export interface ImportRow {
  /** The Excel row number (the header is row 1). */
  row: number;
  cells: Partial<Record<ImportColumnKey, ImportCell>>;
}

/** Full-width letters and digits typed with a Chinese input method read as their ASCII forms (codes only, never names). */
function plain(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, ' ').trim();
}

/** A header cell compared loosely: the required mark, spaces and full-width forms do not matter. */
function headerKey(value: string): string {
  return plain(value)
    .replace(/[*\s]/gu, '')
    .replace(/（必填）|\(必填\)/gu, '');
}

/**
 * Where each column sits, from the header row's texts (index: column number); or, when a column is missing,
 * the refusal naming it. Columns may come in any order; extra columns are ignored.
 */
export function locateColumns(
  organiserKind: OrgKind,
  headers: readonly string[],
): { positions: Record<ImportColumnKey, number> } | { missing: string[] } {
  const found = new Map(headers.map((header, index) => [headerKey(header), index] as const).filter(([key]) => key !== ''));
  const columns = importColumns(organiserKind);
  const missing = columns.filter((column) => !found.has(headerKey(column.header))).map((column) => column.header);
  if (missing.length > 0) return { missing };
  return {
    positions: Object.fromEntries(columns.map((column) => [column.key, found.get(headerKey(column.header))!])) as Record<
      ImportColumnKey,
      number
    >,
  };
}

export function missingColumnsMessage(missing: readonly string[]): string {
  return `表头缺少“${missing.join('”“')}”列，请使用下载的导入模板填写（第 1 行为表头）`;
}

/** Free text as typed (names, phones, addresses): the create schema cleans it. */
function textOf(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? YES : NO;
  return String(cell).trim();
}

/** A choice or a number (kind, rating, year, yes/no), read loosely. */
function codeOf(cell: ImportCell | undefined): string {
  return plain(textOf(cell));
}

const kindByLabel: Record<string, OrgKind> = {
  ...Object.fromEntries(Object.entries(orgKindLabels).map(([kind, label]) => [label, kind as OrgKind])),
  // The names DOMAIN.md gives the same kinds.
  专业委员会: 'branch',
  工作委员会: 'branch',
  团体会员: 'memberUnit',
  科技社团: 'society',
};

/** 3A, 3A级, AAA and ３Ａ all read as 3A. */
function ratingOf(value: string): Rating | null {
  const compact = value.toUpperCase().replace(/级$/u, '');
  const letters = /^A{1,5}$/u.test(compact) ? `${compact.length}A` : compact;
  return (ratings as readonly string[]).includes(letters) ? (letters as Rating) : null;
}

function yearOf(cell: ImportCell | undefined): number | null | 'invalid' {
  const value = codeOf(cell).replace(/年$/u, '');
  if (value === '') return null;
  return /^\d{4}$/u.test(value) ? Number(value) : 'invalid';
}

const TRUE_WORDS = [YES, '能', '有', '可以', 'Y', 'YES', 'TRUE', '1', '√'];
const FALSE_WORDS = [NO, '不能', '无', '没有', '不可以', 'N', 'NO', 'FALSE', '0', '×'];

function yesNoOf(cell: ImportCell | undefined): boolean | 'invalid' {
  const value = codeOf(cell).toUpperCase();
  if (value === '') return false;
  if (TRUE_WORDS.includes(value)) return true;
  if (FALSE_WORDS.includes(value)) return false;
  return 'invalid';
}

/** The create contract without its request id: the one schema a unit's fields are judged by. */
const unitSchema = actionContracts['organization.create'].input.omit({ requestId: true });
export type ImportedUnit = z.infer<typeof unitSchema>;

/** Where a field of the create input came from in the sheet, to name it in a reason. */
const fieldColumns: Record<string, string> = {
  name: '单位名称',
  kind: '单位类型',
  contactPhone: '联系电话',
  address: '地址',
  'profile.rating': '社会组织评估等级',
  'profile.ratingYear': '评估年份',
  'profile.inspections': '最近年检年份',
  'profile.inspections.0.year': '最近年检年份',
  'profile.inspections.0.result': '年检结论',
};

function columnOfIssue(path: readonly PropertyKey[]): string {
  const key = path.map(String).join('.');
  return fieldColumns[key] ?? fieldColumns[path.slice(0, 2).map(String).join('.')] ?? key;
}

/** One row as the create input, or every reason it cannot be one. */
export function unitOfRow(organiserKind: OrgKind, row: ImportRow): { unit: ImportedUnit } | { reasons: string[] } {
  const { cells } = row;
  const reasons: string[] = [];
  const kindText = codeOf(cells.kind);
  const kind = kindByLabel[kindText];
  if (kindText === '') reasons.push('单位类型：请填写单位类型');
  else if (!kind) reasons.push(`单位类型：“${kindText}”不是可选的类型`);
  else {
    const refusal = kindRefusal(organiserKind, kind);
    if (refusal) reasons.push(`单位类型：${refusal}`);
  }
  const ratingText = codeOf(cells.rating);
  const rating = ratingText === '' ? null : ratingOf(ratingText);
  if (ratingText !== '' && !rating) reasons.push(`社会组织评估等级：“${ratingText}”应为 1A–5A 之一，未评估留空`);
  const ratingYear = yearOf(cells.ratingYear);
  if (ratingYear === 'invalid') reasons.push('评估年份：应为四位年份，如 2023');
  const inspectionYear = yearOf(cells.inspectionYear);
  if (inspectionYear === 'invalid') reasons.push('最近年检年份：应为四位年份，如 2024');
  const resultText = codeOf(cells.inspectionResult);
  const result = (inspectionResults as readonly string[]).includes(resultText) ? (resultText as InspectionResult) : null;
  if (resultText !== '' && !result) reasons.push(`年检结论：“${resultText}”应为合格、基本合格或不合格`);
  if (inspectionYear === null && resultText !== '') reasons.push('最近年检年份：填写了年检结论，请同时填写年检年份');
  if (typeof inspectionYear === 'number' && resultText === '') reasons.push('年检结论：填写了年检年份，请同时填写年检结论');
  const canIssueTaxInvoice = yesNoOf(cells.canIssueTaxInvoice);
  if (canIssueTaxInvoice === 'invalid') reasons.push('能否开具税务票据：请填写“是”或“否”');
  const hasSocietyDay = yesNoOf(cells.hasSocietyDay);
  if (hasSocietyDay === 'invalid') reasons.push('是否设立学会日：请填写“是”或“否”');

  const phone = textOf(cells.contactPhone);
  const address = textOf(cells.address);
  const candidate = {
    kind: kind ?? 'branch',
    name: textOf(cells.name),
    ...(phone ? { contactPhone: phone } : {}),
    ...(address ? { address } : {}),
    profile: {
      rating,
      ratingYear: typeof ratingYear === 'number' ? ratingYear : null,
      inspections: typeof inspectionYear === 'number' && result ? [{ year: inspectionYear, result }] : [],
      canIssueTaxInvoice: canIssueTaxInvoice === true,
      hasSocietyDay: hasSocietyDay === true,
    },
  };
  const parsed = unitSchema.safeParse(candidate);
  if (!parsed.success) for (const issue of parsed.error.issues) reasons.push(`${columnOfIssue(issue.path)}：${issue.message}`);
  if (reasons.length > 0 || !parsed.success) return { reasons };
  return { unit: parsed.data };
}

export interface ImportJudgement {
  units: { row: number; unit: ImportedUnit }[];
  refused: ImportRefusal[];
}

/**
 * Judges every row: each must make a valid unit of a kind the organiser manages, under a name no unit of the
 * organiser has and no other row of the sheet repeats. Every refused row is reported with all its reasons.
 */
export function judgeImportRows(organiserKind: OrgKind, rows: readonly ImportRow[], takenNames: ReadonlySet<string>): ImportJudgement {
  const judged = rows.map((row) => {
    const result = unitOfRow(organiserKind, row);
    // The name as it would be stored when the row is valid, as typed otherwise.
    const name = 'unit' in result ? result.unit.name : textOf(row.cells.name);
    return { row: row.row, name, result };
  });
  const rowsByName = new Map<string, number[]>();
  for (const { row, name } of judged) if (name) rowsByName.set(name, [...(rowsByName.get(name) ?? []), row]);
  const units: ImportJudgement['units'] = [];
  const refused: ImportRefusal[] = [];
  for (const { row, name, result } of judged) {
    const reasons = 'reasons' in result ? [...result.reasons] : [];
    if (name && takenNames.has(name)) reasons.push(`单位名称：已有名为“${name}”的单位`);
    const others = (rowsByName.get(name) ?? []).filter((other) => other !== row);
    if (others.length > 0) reasons.push(`单位名称：与第 ${others.join('、')} 行重名`);
    if (reasons.length > 0) refused.push({ row, name, reasons });
    else if ('unit' in result) units.push({ row, unit: result.unit });
  }
  return { units, refused };
}
