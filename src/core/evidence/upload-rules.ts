// What may be uploaded as evidence or an attachment: the size limit the phone and the server share, the
// kinds of file told by their bytes, and which purposes an application's status allows now.
import type { Actor } from '../workflow/transition';
import { isOpenFrom, mayAct, type WorkflowProgram, type WorkflowSubject } from '../workflow/transition';
import type { WorkflowAction } from '../workflow/award-workflow';

/** 10 MB: a file of exactly this size is accepted, one byte more is refused. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** How long an upload slot may be used after it was issued. */
export const UPLOAD_SLOT_MINUTES = 30;

export const uploadPurposes = ['attachment', 'report', 'claim'] as const;
export type UploadPurpose = (typeof uploadPurposes)[number];

/** The workflow actions that let an applicant add files for each purpose (any one open is enough). */
const purposeActions: Record<UploadPurpose, readonly WorkflowAction[]> = {
  attachment: ['save'],
  report: ['submitMidterm', 'submitFinal', 'submitRectification'],
  claim: ['claim'],
};

export const purposeLabels: Record<UploadPurpose, string> = {
  attachment: '申报书附件',
  report: '报告佐证材料',
  claim: '指标佐证材料',
};

/** Whether the actor may add files for this purpose to the application in its current status. */
export function mayUploadFor(purpose: UploadPurpose, actor: Actor, subject: WorkflowSubject, context: WorkflowProgram): boolean {
  return purposeActions[purpose].some((action) => mayAct(actor, action, subject) && isOpenFrom(action, subject, context));
}

interface FileKind {
  /** The types file-type reports for these bytes (an old .doc and .xls are both Compound File Binary). */
  sniffed: readonly string[];
  image: boolean;
}

/** Allowed kinds by the extension the slot names; the bytes must be of the same kind. */
export const uploadKinds = {
  jpg: { sniffed: ['image/jpeg'], image: true },
  jpeg: { sniffed: ['image/jpeg'], image: true },
  png: { sniffed: ['image/png'], image: true },
  webp: { sniffed: ['image/webp'], image: true },
  heic: { sniffed: ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence'], image: true },
  pdf: { sniffed: ['application/pdf'], image: false },
  doc: { sniffed: ['application/x-cfb'], image: false },
  docx: { sniffed: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'], image: false },
  xls: { sniffed: ['application/x-cfb'], image: false },
  xlsx: { sniffed: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'], image: false },
} as const satisfies Record<string, FileKind>;
export type UploadExtension = keyof typeof uploadKinds;
export const uploadExtensions = Object.keys(uploadKinds) as UploadExtension[];

export const ALLOWED_KINDS_TEXT = '照片（JPEG、PNG、WebP、HEIC）、PDF、Word（doc/docx）或 Excel（xls/xlsx）文件';

export function isUploadExtension(value: string): value is UploadExtension {
  return Object.prototype.hasOwnProperty.call(uploadKinds, value);
}

/** The allowed extension of a file name ("报告.PDF" → "pdf"), or null. */
export function uploadExtensionOf(name: string): UploadExtension | null {
  const match = /\.([a-z0-9]{1,5})$/i.exec(name.trim());
  const extension = match ? match[1].toLowerCase() : '';
  return isUploadExtension(extension) ? extension : null;
}

/** Why a file is refused (in Chinese), or null when its size and sniffed type fit the slot's kind. */
export function uploadRefusal(extension: UploadExtension, sniffedMime: string | null, size: number): string | null {
  if (size === 0) return '文件是空的';
  if (size > MAX_UPLOAD_BYTES) return '文件不能超过 10 MB';
  const kind: FileKind = uploadKinds[extension];
  if (!sniffedMime || !kind.sniffed.includes(sniffedMime)) return `文件内容不是允许的类型，只能上传${ALLOWED_KINDS_TEXT}`;
  return null;
}

/** The type a stored file is served as: its sniffed type for images, a download for anything else. */
export function servedAs(sniffedMime: string | null): { contentType: string; inline: boolean } {
  const image =
    sniffedMime !== null && Object.values(uploadKinds).some((kind: FileKind) => kind.image && kind.sniffed.includes(sniffedMime));
  return image ? { contentType: sniffedMime, inline: true } : { contentType: sniffedMime ?? 'application/octet-stream', inline: false };
}

/** Whether a stored file id names a photo by its extension (evidence shows photos as pictures, documents as files). */
export function isPhotoFile(fileId: string): boolean {
  const extension = uploadExtensionOf(fileId.split('?')[0]);
  return extension !== null && uploadKinds[extension].image;
}
