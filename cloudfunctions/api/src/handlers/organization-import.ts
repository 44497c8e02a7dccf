// Importing units from an Excel sheet: the template to fill, and the import itself, all rows or none. Every unit is
// created with its audit entry in one transaction; the ids come from the requestId and the row, so a repeated
// call answers the first one's result and creates nothing twice.
import { AppError } from '@/core/errors';
import { judgeImportRows } from '@/core/organization/import-sheet';
import { MAX_IMPORT_BYTES, MAX_IMPORT_SIZE_TEXT, type ActionOutput, type ParsedInput } from '@/core/schemas/actions';
import type { Organization } from '@/core/schemas/documents';
import { sniffFile } from '../adapters/file-sniff';
import type { HandlerContext } from '../context';
import { StoreConflict } from '../ports';
import { XLSX_MIME, readUnitRows, unitTemplate } from '../unit-sheet';
import { audited, newUnit, organiserOf } from './organizations';

const NOT_XLSX = '只能导入 Excel 的 .xlsx 文件：请用下载的导入模板填写（.xls 或 WPS 表格请先另存为 .xlsx）';

export async function importTemplate(_input: ParsedInput<'organization.importTemplate'>, context: HandlerContext) {
  const organiser = await organiserOf(context);
  const bytes = await unitTemplate(organiser.kind, context.now);
  return { fileName: `${organiser.name}-下属单位导入模板.xlsx`, base64: bytes.toString('base64') };
}

/**
 * The unit a row of an import becomes; the row number keeps the id apart from every other row's, padded to
 * Excel's seven digits so that units created in the same instant list in the sheet's order (ties go by id).
 */
function importedId(requestId: string, row: number): string {
  return `orgimp_${requestId}_${String(row).padStart(7, '0')}`;
}

/** Among the organiser's units, those an earlier call with this requestId imported, in the sheet's row order. */
function earlierImport(units: readonly Organization[], requestId: string): Organization[] {
  const prefix = `orgimp_${requestId}_`;
  const rowOf = (org: Organization) => Number(org._id.slice(prefix.length));
  // Only digits may follow: "orgimp_ab_c_0000007" is row 7 of request ab_c, never a row of request ab.
  return units
    .filter((org) => org._id.startsWith(prefix) && /^\d+$/u.test(org._id.slice(prefix.length)))
    .sort((a, b) => rowOf(a) - rowOf(b));
}

const unitsOf = (context: HandlerContext, organiser: Organization) =>
  context.deps.store.find('organizations', { societyId: organiser._id });

function imported(organizations: Organization[]): ActionOutput<'organization.import'> {
  return { imported: organizations.length, refused: [], organizations };
}

async function bytesOf(base64: string): Promise<Buffer> {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length === 0) throw new AppError('FILE_REJECTED', '文件是空的');
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError('FILE_REJECTED', `文件不能超过 ${MAX_IMPORT_SIZE_TEXT}`);
  // By its bytes, never its name: a renamed text file or picture is not a sheet.
  if ((await sniffFile(bytes)).sniffedType !== XLSX_MIME) throw new AppError('FILE_REJECTED', NOT_XLSX);
  return bytes;
}

export async function importOrganizations(input: ParsedInput<'organization.import'>, context: HandlerContext) {
  const organiser = await organiserOf(context);
  const existing = await unitsOf(context, organiser);
  const earlier = earlierImport(existing, input.requestId);
  if (earlier.length > 0) return imported(earlier);
  const rows = await readUnitRows(organiser.kind, await bytesOf(input.base64));
  const { units, refused } = judgeImportRows(organiser.kind, rows, new Set(existing.map((org) => org.name)));
  if (refused.length > 0) return { imported: 0, refused, organizations: [] };

  const created = units.map(({ row, unit }) => newUnit(importedId(input.requestId, row), organiser, unit.kind, unit, context.now));
  try {
    await context.deps.store.transaction(async (tx) => {
      for (const [index, org] of created.entries()) {
        await tx.create('organizations', org);
        await audited(tx, context, org, {
          action: 'import',
          from: null,
          to: org.kind,
          reason: `从 Excel 导入：${input.fileName} 第 ${units[index]!.row} 行`,
        });
      }
    });
  } catch (error) {
    if (!(error instanceof StoreConflict)) throw error;
    // A twin call with the same requestId won the race: answer what it imported. Else an id is taken elsewhere.
    const winner = earlierImport(await unitsOf(context, organiser), input.requestId);
    if (winner.length > 0) return imported(winner);
    throw new AppError('CONFLICT');
  }
  return imported(created);
}
