// Evidence files go from the client straight to storage under a folder named after the application;
// the function receives only file IDs and accepts those inside the caller's application folder.

/** Storage folder of an application's evidence, e.g. "evidence/a_123/". */
export function evidenceFolder(applicationId: string): string {
  return `evidence/${applicationId}/`;
}

/** The path the client uploads to: the folder, a random name chosen by the client, the file's extension. */
export function evidencePath(applicationId: string, randomName: string, extension: string): string {
  const safeExtension = /^[a-z0-9]{1,5}$/i.test(extension) ? extension.toLowerCase() : 'jpg';
  return `${evidenceFolder(applicationId)}${randomName}.${safeExtension}`;
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
