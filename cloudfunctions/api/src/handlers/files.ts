// Files of an application: upload slots the server issues, the check that an attached file id was issued to
// the caller for this application and holds an allowed kind of file, and short-lived links to read them.
import { randomBytes } from 'node:crypto';
import { AppError } from '@/core/errors';
import { reportedCaptureProblem } from '@/core/evidence/capture-time';
import { fileBelongsToApplication, slotPath, storagePathOf, uploaderFolder } from '@/core/evidence/file-ids';
import { MAX_UPLOAD_BYTES, UPLOAD_SLOT_MINUTES, mayUploadFor, purposeLabels, uploadRefusal } from '@/core/evidence/upload-rules';
import { maySeeApplication } from '@/core/policy/visibility';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { Application, UploadSlot } from '@/core/schemas/documents';
import { statusTable } from '@/core/workflow/award-workflow';
import { writeAudit } from '../audit';
import type { Caller, HandlerContext } from '../context';
import { loadProgram, loadVisibleApplication } from '../loaders';
import { requireFileVisible } from '../moderation';
import type { Files, StoreReader } from '../ports';

const LINK_SECONDS = 10 * 60;

/** A slot's id is named after the random file name of its path, so a file id leads to its slot by a plain read. */
function slotIdOf(randomName: string): string {
  return `upload_${randomName}`;
}

/** The slot a storage path was issued by, read inside or outside a transaction. */
export async function slotOfPath(reader: Pick<StoreReader, 'get'>, path: string): Promise<UploadSlot | null> {
  const randomName = /\/([0-9a-f]{32})\.[a-z0-9]+$/.exec(path)?.[1];
  const slot = randomName ? await reader.get('uploads', slotIdOf(randomName)) : null;
  return slot && slot.path === path ? slot : null;
}

/** Issues a slot: a random path in the application's folder for one file, valid for a short while, to this caller only. */
export async function createSlot(input: ParsedInput<'file.slot'>, context: HandlerContext): Promise<ActionOutput<'file.slot'>> {
  const { deps, caller, now } = context;
  const application = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const program = await loadProgram(deps.store, application.programId);
  if (caller.user.role !== 'applicant') throw new AppError('FORBIDDEN', '仅申报单位联系人可以上传文件');
  if (!mayUploadFor(input.purpose, caller.actor, application, program)) {
    throw new AppError(
      'TRANSITION_NOT_ALLOWED',
      `当前状态（${statusTable[application.status].applicantLabel}）不能上传${purposeLabels[input.purpose]}`,
    );
  }
  const captureProblem = input.capturedAt ? reportedCaptureProblem(input.capturedAt, now) : null;
  if (captureProblem) throw new AppError('INVALID_INPUT', captureProblem);
  const stamp = now.toISOString();
  const random = randomBytes(16).toString('hex');
  const slot: UploadSlot = {
    _id: slotIdOf(random),
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    userId: caller.user._id,
    applicationId: application._id,
    purpose: input.purpose,
    path: slotPath(application._id, uploaderFolder(caller.user._id), random, input.extension),
    extension: input.extension,
    expiresAt: new Date(now.getTime() + UPLOAD_SLOT_MINUTES * 60_000).toISOString(),
    uploadedAt: null,
    contentType: null,
    size: null,
    capturedAt: input.capturedAt ? new Date(input.capturedAt).toISOString() : null,
  };
  await deps.store.transaction(async (tx) => {
    await tx.create('uploads', slot);
    await writeAudit(
      tx,
      [{ action: 'issueSlot', from: null, to: slot.path, reason: purposeLabels[slot.purpose] }],
      { entity: 'upload', id: slot._id, version: 1 },
      caller.actor,
      now,
      deps.newId,
    );
  });
  return { slotId: slot._id, path: slot.path, expiresAt: slot.expiresAt, maxBytes: MAX_UPLOAD_BYTES };
}

/**
 * Checks the file ids an application, report or claim is about to refer to. Ids it already refers to pass;
 * each new one must lie in the application's folder, have been issued to this caller for this application,
 * and hold an allowed kind of file within the size limit (read back from storage, so a CloudBase upload is
 * judged by its bytes too).
 */
export async function checkNewFiles(
  reader: Pick<StoreReader, 'get'>,
  files: Files,
  caller: Caller,
  application: Pick<Application, '_id'>,
  fileIds: readonly string[],
  alreadyThere: readonly string[] = [],
): Promise<void> {
  for (const fileId of new Set(fileIds)) {
    if (alreadyThere.includes(fileId)) continue;
    const path = storagePathOf(fileId);
    if (!path || !fileBelongsToApplication(fileId, application._id)) throw new AppError('FILE_NOT_OWNED');
    const slot = await slotOfPath(reader, path);
    if (!slot || slot.userId !== caller.user._id || slot.applicationId !== application._id) throw new AppError('FILE_NOT_OWNED');
    const stored = await files.inspect(fileId);
    if (!stored) throw new AppError('FILE_NOT_FOUND');
    const refusal = uploadRefusal(slot.extension, stored.sniffedType, stored.size);
    if (refusal) throw new AppError('FILE_REJECTED', refusal);
  }
}

/** A reviewer sees an application's files once they have declared no conflict of interest, while the task stands. */
async function reviewerMaySee(store: StoreReader, caller: Caller, application: Application): Promise<boolean> {
  if (caller.user.role !== 'reviewer') return false;
  const [review] = await store.find('reviews', { applicationId: application._id, reviewerId: caller.user._id }, { limit: 1 });
  return Boolean(review && review.status !== 'assigned' && review.status !== 'withdrawn');
}

/** A short-lived link to an evidence file or attachment, for those who may see the application it belongs to. */
export async function linkFile(input: ParsedInput<'file.link'>, context: HandlerContext): Promise<ActionOutput<'file.link'>> {
  const { deps, caller, now } = context;
  const applicationId = storagePathOf(input.fileId)?.split('/')[1];
  const application = applicationId ? await deps.store.get('applications', applicationId) : null;
  const visible =
    application &&
    fileBelongsToApplication(input.fileId, application._id) &&
    (maySeeApplication(caller.user, application) || (await reviewerMaySee(deps.store, caller, application)));
  if (!visible) throw new AppError('NOT_FOUND', '文件不存在');
  await requireFileVisible(deps.store, caller, application, input.fileId);
  return {
    url: await deps.files.temporaryUrl(input.fileId, LINK_SECONDS),
    expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
  };
}
