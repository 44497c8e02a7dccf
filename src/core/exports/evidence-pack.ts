// What an evidence pack (佐证材料包) holds: every file of every verified claim of the awards that count toward
// the board, laid out indicator → award → files, with one manifest row per file. The ZIP itself is streamed at the
// edge (cloudfunctions/api/src/evidence-pack.ts); this decides the paths and rows only.
import { countsTowardTargets } from '../kpi/tally';
import type { Program } from '../program/program-schema';
import type { Application, Claim } from '../schemas/documents';
import { storagePathOf } from '../evidence/file-ids';

export const verificationLabels: Record<Claim['verification'], string> = { pending: '待核实', verified: '已核实', rejected: '已驳回' };

export interface ManifestRow {
  indicator: string;
  unit: string;
  project: string;
  /** The claim's amount, in the indicator's unit (repeated on each of its files). */
  claimAmount: number;
  indicatorUnit: string;
  verification: string;
  claimDescription: string;
  fileName: string;
  /** Where the file sits in the ZIP: indicator/award/file. */
  path: string;
}

export interface PackFile {
  /** null: a record link (天府科技云), listed in the manifest with its address but holding no file in the ZIP. */
  fileId: string | null;
  indicatorKey: string;
  claimId: string;
  row: ManifestRow;
}

/** A folder or file name any unzip tool accepts: no separators or reserved characters, at most 60 characters. */
export function safeName(text: string): string {
  const cleaned = [...text]
    .map((char) => (/[\\/:*?"<>|]/u.test(char) || char.charCodeAt(0) < 32 ? '_' : char))
    .join('')
    .trim();
  return (cleaned === '' ? '_' : cleaned).slice(0, 60);
}

/**
 * A file name made safe the same way; a long one keeps its beginning and its end (what the document is, e.g.
 * 奖补台账) around an ellipsis, and its extension whole.
 */
export function safeFileName(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = [...(dot > 0 ? fileName.slice(0, dot) : fileName)];
  const short = stem.length > 60 ? `${stem.slice(0, 40).join('')}…${stem.slice(-19).join('')}` : stem.join('');
  return `${safeName(short)}${dot > 0 ? fileName.slice(dot).toLowerCase() : ''}`;
}

const extensionOf = (fileId: string) => /\.([A-Za-z0-9]{1,8})$/u.exec(storagePathOf(fileId) ?? '')?.[1]?.toLowerCase() ?? 'bin';

/** The files of a pack, in order of indicator (the programme's), award (unit, project), claim (oldest first). */
export function evidencePackFiles(
  program: Pick<Program, 'indicators'>,
  applications: readonly Pick<Application, '_id' | 'status' | 'orgId' | 'projectName'>[],
  claims: readonly (Pick<
    Claim,
    '_id' | 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'description' | 'fileIds' | 'createdAt'
  > & { links?: readonly string[] })[],
  unitNames: ReadonlyMap<string, string>,
): PackFile[] {
  const awards = new Map(applications.filter(countsTowardTargets).map((application) => [application._id, application]));
  const verified = claims
    .filter((claim) => claim.verification === 'verified' && awards.has(claim.applicationId))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id));
  const indicatorWidth = String(program.indicators.length).length;
  return program.indicators.flatMap((indicator, indicatorIndex) => {
    const indicatorFolder = `${String(indicatorIndex + 1).padStart(indicatorWidth, '0')}-${safeName(indicator.name)}`;
    const ofIndicator = verified.filter((claim) => claim.indicatorKey === indicator.key);
    const awardIds = [...new Set(ofIndicator.map((claim) => claim.applicationId))];
    const folders = awardIds.map((applicationId) => {
      const award = awards.get(applicationId)!;
      const unit = unitNames.get(award.orgId) ?? '';
      return { award, unit, folder: safeName(`${unit}-${award.projectName}`) };
    });
    folders.sort((a, b) => a.folder.localeCompare(b.folder, 'zh-CN') || a.award._id.localeCompare(b.award._id));
    return folders.flatMap(({ award, unit, folder: name }, awardIndex) => {
      // Two awards of the same unit and name still get folders of their own.
      const folder = `${String(awardIndex + 1).padStart(2, '0')}-${name}`;
      return ofIndicator
        .filter((claim) => claim.applicationId === award._id)
        .flatMap((claim, claimIndex) => {
          const row = (fileName: string, path: string): ManifestRow => ({
            indicator: indicator.name,
            unit,
            project: award.projectName,
            claimAmount: claim.amount,
            indicatorUnit: indicator.unit,
            verification: verificationLabels[claim.verification],
            claimDescription: claim.description,
            fileName,
            path,
          });
          const files = claim.fileIds.map((fileId, fileIndex) => {
            const fileName = `认领${claimIndex + 1}-${fileIndex + 1}.${extensionOf(fileId)}`;
            return {
              fileId,
              indicatorKey: indicator.key,
              claimId: claim._id,
              row: row(fileName, `${indicatorFolder}/${folder}/${fileName}`),
            };
          });
          // A 天府科技云 record is evidence too: the manifest gives its address where a file would sit.
          const links = (claim.links ?? []).map((link) => ({
            fileId: null,
            indicatorKey: indicator.key,
            claimId: claim._id,
            row: row('天府科技云记录', link),
          }));
          return [...files, ...links];
        });
    });
  });
}
