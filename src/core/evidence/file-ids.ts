// Evidence files go from the client straight to storage, to a path the server chose (an upload slot) under a
// folder named after the application; the function receives only file IDs and checks each against its slot.

/** Storage folder of an application's evidence, e.g. "evidence/a_123/". */
export function evidenceFolder(applicationId: string): string {
  return `evidence/${applicationId}/`;
}

/** A storage folder name for a person: their user id, kept to characters safe in any path. */
export function uploaderFolder(userId: string): string {
  return `u_${userId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/**
 * The path an upload slot names: the application's folder, then the uploader's own folder (so a storage rule
 * and the slot check can tell whose file it is), then a random name chosen by the server.
 */
export function slotPath(applicationId: string, uploaderId: string, randomName: string, extension: string): string {
  return `${evidenceFolder(applicationId)}${uploaderId}/${randomName}.${extension}`;
}

/**
 * The storage path inside a file ID: "cloud://env-id.bucket-id/evidence/a/x.jpg" (CloudBase) or
 * "local://evidence/a/x.jpg" (embedded) → "evidence/a/x.jpg"; null for anything else.
 */
export function storagePathOf(fileId: string): string | null {
  const cloud = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  const local = /^local:\/\/(.+)$/.exec(fileId);
  const path = cloud?.[1] ?? local?.[1];
  if (!path || path.split('/').some((segment) => segment === '..' || segment === '')) return null;
  return path;
}

export function fileBelongsToApplication(fileId: string, applicationId: string): boolean {
  const path = storagePathOf(fileId);
  return path !== null && path.startsWith(evidenceFolder(applicationId));
}

/**
 * The evidence a claim draft kept on the phone may bring back: only files of this application, and (when the
 * acting role is known) only those this person uploaded, so a draft left by another role or person on the same
 * phone, or copied from another application, never carries their files into this claim.
 */
export function restorableFileIds(fileIds: readonly string[], applicationId: string, userId: string | null): string[] {
  const own = userId ? `${evidenceFolder(applicationId)}${uploaderFolder(userId)}/` : null;
  return fileIds.filter((fileId) => {
    const path = storagePathOf(fileId);
    return path !== null && fileBelongsToApplication(fileId, applicationId) && (own === null || path.startsWith(own));
  });
}

/**
 * Where an export the function made is stored: under exports/ and the programme (no storage rule lets a client
 * read it; the function hands a short-lived link to the staff who asked), in a folder of a random name of the
 * server's, under the file's own name (a download keeps it). The name must already be a safe one.
 */
export function exportPath(programId: string, randomName: string, fileName: string): string {
  return `exports/${programId}/${randomName}/${fileName}`;
}
