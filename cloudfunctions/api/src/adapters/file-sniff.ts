// Tells a file's type by its bytes (magic numbers), never by its name: shared by both Files adapters and the
// local server's upload route.
import { fileTypeFromBuffer } from 'file-type';
import type { StoredFile } from '../ports';

export async function sniffFile(bytes: Uint8Array): Promise<StoredFile> {
  const found = await fileTypeFromBuffer(bytes);
  return { size: bytes.length, sniffedType: found?.mime ?? null };
}
