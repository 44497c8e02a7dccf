// Excel files of units to import, written with exceljs the way a secretariat's spreadsheet program would: a header
// row with the template's columns, then one unit per row.
import ExcelJS from 'exceljs';
import { importColumns } from '@/core/organization/import-sheet';

/** The template's headers for a 学会 (分支机构 and 会员单位). */
export const UNIT_HEADERS = importColumns('society').map((column) => column.header);

export type SheetCell = string | number | boolean | null;

/** One filled row in the template's column order. */
export function unitRow(
  name: string,
  overrides: Partial<
    Record<'kind' | 'phone' | 'address' | 'rating' | 'ratingYear' | 'inspectionYear' | 'result' | 'invoice' | 'societyDay', SheetCell>
  > = {},
): SheetCell[] {
  const values = {
    kind: '分支机构',
    phone: '028-87654321',
    address: '成都市武侯区一环路南一段 24 号',
    rating: '3A',
    ratingYear: 2022,
    inspectionYear: 2024,
    result: '合格',
    invoice: '是',
    societyDay: '否',
    ...overrides,
  };
  return [
    name,
    values.kind,
    values.phone,
    values.address,
    values.rating,
    values.ratingYear,
    values.inspectionYear,
    values.result,
    values.invoice,
    values.societyDay,
  ];
}

/** count units named after the prefix, branches and member units in turn. */
export function unitRows(count: number, prefix = '导入测试'): SheetCell[][] {
  return Array.from({ length: count }, (_unused, index) =>
    unitRow(`${prefix}${index % 2 === 0 ? '专业委员会' : '会员单位'}${index + 1}`, { kind: index % 2 === 0 ? '分支机构' : '会员单位' }),
  );
}

/** An .xlsx file (its bytes) holding these rows under this header on its first sheet. */
export async function unitSheet(rows: readonly SheetCell[][], headers: readonly string[] = UNIT_HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('单位');
  sheet.addRow([...headers]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Fills the downloaded template (its first sheet) with rows, keeping everything else it holds. */
export async function fillTemplate(template: Buffer, rows: readonly SheetCell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  rows.forEach((row, index) => {
    sheet.getRow(index + 2).values = [...row];
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
