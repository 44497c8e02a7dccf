// Files the secretariat downloads: the award ledger (Excel), Word documents (an application in its form's shape,
// the 公示 notice, the 立项通知, the 绩效自评 report) and the evidence pack (a streamed ZIP). Each is written into
// storage under exports/ (no client reads storage directly) and answered as a short-lived link to it.
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ledgerRows, reviewSummaryRows } from '@/core/award/ledger';
import { shanghaiDay } from '@/core/calendar/shanghai';
import { exportPath } from '@/core/evidence/file-ids';
import {
  applicationDocument,
  awardNoticeDocument,
  awardNoticeEntries,
  publicityDocument,
  selfAssessmentDocument,
  type DocBlock,
} from '@/core/exports/documents';
import { evidencePackFiles, safeFileName } from '@/core/exports/evidence-pack';
import { AppError } from '@/core/errors';
import type { ActionOutput, ExportFileView, ParsedInput } from '@/core/schemas/actions';
import type { Program } from '@/core/schemas/documents';
import { awardLedgerWorkbook } from '../award-ledger-sheet';
import type { HandlerContext } from '../context';
import { writeEvidencePack } from '../evidence-pack';
import { loadOrganization, loadReportingProgram, loadStaffApplication, loadStaffProgram, orgNames } from '../loaders';
import { wordDocument } from '../word-document';
import { tallyId } from '@/core/kpi/tally';
import { ownRows, upstreamOf } from './indicators';

/** How long the download link of an export stays valid: long enough for a slow phone, short for a forwarded link. */
export const EXPORT_LINK_SECONDS = 30 * 60;

/** Stores a file made for the caller under its (safe) name and answers where to download it. */
async function delivered(
  context: HandlerContext,
  program: Pick<Program, '_id'>,
  fileName: string,
  content: Buffer | ReadStream,
): Promise<ExportFileView> {
  const { deps } = context;
  const name = safeFileName(fileName);
  const saved = await deps.files.save(exportPath(program._id, deps.newId(), name), content);
  return { fileName: name, fileId: saved.fileId, size: saved.size, url: await deps.files.temporaryUrl(saved.fileId, EXPORT_LINK_SECONDS) };
}

async function word(context: HandlerContext, program: Program, title: string, blocks: DocBlock[]) {
  return delivered(context, program, `${title}.docx`, await wordDocument(title, blocks));
}

/** Everything of a programme the ledgers read: its applications, claims, and the names of the units. */
async function programRecords(context: HandlerContext, program: Program) {
  const { store } = context.deps;
  const [applications, claims] = await Promise.all([
    store.find('applications', { programId: program._id }),
    store.find('claims', { programId: program._id }),
  ]);
  const unitNames = await orgNames(
    store,
    applications.map((application) => application.orgId),
  );
  return { applications, claims, unitNames };
}

export async function awardLedger(
  input: ParsedInput<'export.awardLedger'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.awardLedger'>> {
  const { deps, caller } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const [{ applications, claims, unitNames }, reviews] = await Promise.all([
    programRecords(context, program),
    deps.store.find('reviews', { programId: program._id }),
  ]);
  const bytes = await awardLedgerWorkbook(
    program,
    ledgerRows(program, applications, claims, reviews, unitNames),
    reviewSummaryRows(program, applications, reviews, unitNames),
    context.now,
  );
  return delivered(context, program, `${program.name}-奖补台账.xlsx`, bytes);
}

export async function applicationWord(
  input: ParsedInput<'export.application'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.application'>> {
  const { deps, caller } = context;
  const application = await loadStaffApplication(deps.store, caller, input.applicationId);
  const program = await loadStaffProgram(deps.store, caller, application.programId);
  const unit = await loadOrganization(deps.store, application.orgId);
  return word(context, program, `${unit.name}-${application.projectName}-申报书`, applicationDocument(program, application, unit.name));
}

export async function publicityWord(
  input: ParsedInput<'export.publicity'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.publicity'>> {
  const { deps, caller } = context;
  const publicity = await deps.store.get('publicities', input.publicityId);
  if (!publicity) throw new AppError('NOT_FOUND', '公示不存在');
  const program = await loadStaffProgram(deps.store, caller, publicity.programId);
  return word(context, program, publicity.title, publicityDocument(program, publicity, (await caller.organization()).name));
}

export async function awardNoticeWord(
  input: ParsedInput<'export.awardNotice'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.awardNotice'>> {
  const { deps, caller } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const { applications, unitNames } = await programRecords(context, program);
  const awards = awardNoticeEntries(program, applications, unitNames);
  const blocks = awardNoticeDocument(program, awards, (await caller.organization()).name, shanghaiDay(context.now));
  return word(context, program, `${program.name}-立项通知`, blocks);
}

export async function selfAssessmentWord(
  input: ParsedInput<'export.selfAssessment'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.selfAssessment'>> {
  const { deps, caller } = context;
  const program = await loadReportingProgram(deps.store, caller, input.programId);
  // The board's own rows (dashboard.get), so the report's figures are the board's.
  const [tally, upstream, society] = await Promise.all([
    deps.store.get('indicatorTallies', tallyId(program._id)),
    upstreamOf(deps.store, program),
    loadOrganization(deps.store, program.societyId),
  ]);
  const rows = ownRows(program, tally, context.now, upstream.links);
  const blocks = selfAssessmentDocument(program, rows, society.name, shanghaiDay(context.now));
  return word(context, program, `${society.name}-${program.name}-绩效自评报告`, blocks);
}

export async function evidencePack(
  input: ParsedInput<'export.evidencePack'>,
  context: HandlerContext,
): Promise<ActionOutput<'export.evidencePack'>> {
  const { deps, caller } = context;
  const program = await loadReportingProgram(deps.store, caller, input.programId);
  const { applications, claims, unitNames } = await programRecords(context, program);
  const files = evidencePackFiles(program, applications, claims, unitNames);
  // Built on the function's own disk (/tmp), then uploaded from a read stream: never whole in memory.
  const dir = await mkdtemp(path.join(os.tmpdir(), 'evidence-pack-'));
  try {
    const zipPath = path.join(dir, 'pack.zip');
    await writeEvidencePack(deps.files, files, createWriteStream(zipPath));
    return await delivered(context, program, `${program.name}-佐证材料包.zip`, createReadStream(zipPath));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
