// Files as the phone sends them: into a slot the api issued, the bytes landing at the slot's path.
import type { UploadPurpose } from '@/core/evidence/upload-rules';
import type { Attachment } from '@/core/schemas/documents';
import type { Harness } from './harness';

/** A minimal PDF as file-type tells it. */
export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

/** A tiny JPEG as file-type tells it (SOI + APP0 marker), for uploads that must pass the type check. */
export const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 2, 3]);

/**
 * What the phone does on CloudBase: asks for a slot (with the capture time it read from the original photo, when
 * given), then writes the bytes straight to storage at the slot's path (here the harness's local storage).
 * Answers the file id.
 */
export async function uploadedThroughSlot(
  h: Harness,
  openid: string,
  applicationId: string,
  purpose: UploadPurpose,
  bytes: Uint8Array = JPEG_BYTES,
  extension: 'jpg' | 'pdf' = 'jpg',
  capturedAt?: string,
): Promise<string> {
  const slot = await h.as(openid, 'file.slot', { applicationId, purpose, extension, ...(capturedAt ? { capturedAt } : {}) });
  return h.files.write(slot.path, Buffer.from(bytes));
}

/**
 * The attachments the programme's form requires in the application's category, each a PDF uploaded into a
 * slot of the saved draft (slots exist only for an application the server already has).
 */
export async function requiredAttachments(
  h: Harness,
  openid: string,
  application: { _id: string; programId: string; categoryKey: string },
): Promise<Attachment[]> {
  const program = await h.deps.store.get('programs', application.programId);
  if (!program) throw new Error(`no programme ${application.programId}`);
  const attachments: Attachment[] = [];
  for (const spec of program.form.attachments) {
    const asked = spec.categories.length === 0 || spec.categories.includes(application.categoryKey);
    if (!asked || !spec.required) continue;
    const fileId = await uploadedThroughSlot(h, openid, application._id, 'attachment', PDF_BYTES, 'pdf');
    attachments.push({ key: spec.key, fileId, name: `${spec.name}.pdf` });
  }
  return attachments;
}
