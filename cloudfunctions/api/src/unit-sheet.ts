// The unit import's Excel file, written and read with exceljs: the template the secretariat downloads, and
// the rows of a filled sheet as plain values for the core's row rules (core/organization/import-sheet.ts).
import ExcelJS from 'exceljs';
import { AppError } from '@/core/errors';
import {
  MAX_IMPORT_ROWS,
  importColumns,
  locateColumns,
  missingColumnsMessage,
  type ImportCell,
  type ImportRow,
} from '@/core/organization/import-sheet';
import type { OrgKind } from '@/core/schemas/common';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const UNIT_SHEET_NAME = '下属单位';
const HELP_SHEET_NAME = '填写说明';

/** The template: a header row with notes and drop-down lists on the unit sheet, and a sheet explaining each column. */
export async function unitTemplate(organiserKind: OrgKind, now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  workbook.modified = now;
  const columns = importColumns(organiserKind);
  const sheet = workbook.addWorksheet(UNIT_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ header: column.header, key: column.key, width: column.width }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.note = column.help;
    if (column.required) cell.font = { bold: true, color: { argb: 'FFC0392B' } };
  });
  // Drop-down lists and year checks on every row a file may hold; phone numbers kept as text (no 1.39E+10).
  for (let row = 2; row <= MAX_IMPORT_ROWS + 1; row += 1) {
    columns.forEach((column, index) => {
      const cell = sheet.getRow(row).getCell(index + 1);
      if (column.key === 'contactPhone') cell.numFmt = '@';
      if (column.choices) {
        cell.dataValidation = {
          type: 'list',
          allowBlank: !column.required,
          formulae: [`"${column.choices.join(',')}"`],
          showErrorMessage: true,
          errorTitle: column.header,
          error: column.help,
        };
      } else if (column.key === 'ratingYear' || column.key === 'inspectionYear') {
        cell.dataValidation = {
          type: 'whole',
          operator: 'between',
          allowBlank: true,
          formulae: [2000, 2099],
          showErrorMessage: true,
          errorTitle: column.header,
          error: column.help,
        };
      }
    });
  }

  const help = workbook.addWorksheet(HELP_SHEET_NAME);
  help.columns = [
    { header: '列名', key: 'header', width: 20 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '填写说明', key: 'help', width: 60 },
    { header: '可填写的值', key: 'choices', width: 30 },
  ];
  help.getRow(1).font = { bold: true };
  for (const column of columns) {
    help.addRow({
      header: column.header,
      required: column.required ? '必填' : '选填',
      help: column.help,
      choices: column.choices?.join('、') ?? '',
    });
  }
  help.addRow({});
  for (const line of [
    `在“${UNIT_SHEET_NAME}”表中从第 2 行起每行填写一个单位，第 1 行表头请勿修改；一次最多导入 ${MAX_IMPORT_ROWS} 个单位。`,
    '导入时逐行检查：只要有一行不符合要求，所有单位都不会导入，并列出每个有问题的行号和原因；改正后重新导入即可。',
  ]) {
    help.addRow({ header: line });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell as plain data: rich text joined, a formula's result, a link's text, a date as YYYY-MM-DD. */
function plainCell(value: ExcelJS.CellValue): ImportCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('result' in value) return value.result === undefined ? null : plainCell(value.result as ExcelJS.CellValue);
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}

const UNREADABLE = '无法读取该 Excel 文件，请确认文件未损坏，或用 Excel/WPS 另存为 .xlsx 后重试';

/**
 * The filled rows of the first sheet (blank rows skipped), or a refusal of the whole file: unreadable, a header
 * missing a column, no unit in it, or more units than one import takes.
 */
export async function readUnitRows(organiserKind: OrgKind, bytes: Buffer): Promise<ImportRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('FILE_REJECTED', UNREADABLE);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError('FILE_REJECTED', '文件中没有工作表');
  const headerValues = sheet.getRow(1).values as ExcelJS.CellValue[];
  const headers = Array.from({ length: headerValues.length }, (_unused, index) => String(plainCell(headerValues[index]) ?? ''));
  const located = locateColumns(organiserKind, headers);
  if ('missing' in located) throw new AppError('FILE_REJECTED', missingColumnsMessage(located.missing));
  const rows: ImportRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Object.fromEntries(
      Object.entries(located.positions).map(([key, column]) => {
        const value = plainCell(row.getCell(column).value);
        return [key, typeof value === 'string' && value.trim() === '' ? null : value];
      }),
    ) as ImportRow['cells'];
    if (Object.values(cells).every((value) => value === null)) return;
    rows.push({ row: rowNumber, cells });
  });
  if (rows.length === 0) throw new AppError('FILE_REJECTED', `表格中没有要导入的单位：请在“${UNIT_SHEET_NAME}”表第 2 行起填写`);
  if (rows.length > MAX_IMPORT_ROWS) {
    throw new AppError('FILE_REJECTED', `一次最多导入 ${MAX_IMPORT_ROWS} 个单位，本表有 ${rows.length} 个，请分成几个文件导入`);
  }
  return rows;
}
