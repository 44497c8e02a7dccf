// Local disk stands in for CloudBase storage: files live under .data/files, and links are signed and
// short-lived, like CloudBase temporary URLs, so private evidence is never served by a bare path.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createReadStream, createWriteStream, type ReadStream } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { storagePathOf } from '@/core/evidence/file-ids';
import type { Clock, FileBytesFacts, Files, SavedFile, StoredFile } from '../ports';
import { fileFactsOf } from './file-facts';
import { sniffFile } from './file-sniff';

const isFile = (file: string) =>
  stat(file).then(
    (info) => info.isFile(),
    () => false,
  );

export class LocalFiles implements Files {
  constructor(
    private readonly root: string,
    private readonly secret: string,
    private readonly clock: Clock,
    /** Prefix of the links, e.g. "/files/" on the local server. */
    private readonly linkBase = '/files/',
  ) {}

  /** The absolute path of a storage path, refusing anything that would leave the root. */
  resolve(storagePath: string): string {
    const absolute = path.resolve(this.root, storagePath);
    if (!absolute.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`outside storage: ${storagePath}`);
    return absolute;
  }

  async write(storagePath: string, bytes: Buffer): Promise<string> {
    const absolute = this.resolve(storagePath);
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, bytes);
    return `local://${storagePath}`;
  }

  /** The absolute path of a local file id, or null for any other id. */
  private fileOf(fileId: string): string | null {
    const storagePath = storagePathOf(fileId);
    return storagePath && fileId.startsWith('local://') ? this.resolve(storagePath) : null;
  }

  /** Whether a file is stored under this id (the tests' view of the disk; handlers read files through inspect). */
  async exists(fileId: string): Promise<boolean> {
    const file = this.fileOf(fileId);
    return file !== null && (await isFile(file));
  }

  async inspect(fileId: string): Promise<StoredFile | null> {
    const file = this.fileOf(fileId);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    return bytes ? sniffFile(bytes) : null;
  }

  async facts(fileId: string): Promise<FileBytesFacts | null> {
    const file = this.fileOf(fileId);
    const bytes = file ? await readFile(file).catch(() => null) : null;
    return bytes ? fileFactsOf(bytes, (await sniffFile(bytes)).sniffedType) : null;
  }

  async read(fileId: string): Promise<Readable | null> {
    const file = this.fileOf(fileId);
    return file !== null && (await isFile(file)) ? createReadStream(file) : null;
  }

  async save(storagePath: string, content: Buffer | ReadStream): Promise<SavedFile> {
    const absolute = this.resolve(storagePath);
    await mkdir(path.dirname(absolute), { recursive: true });
    if (Buffer.isBuffer(content)) await writeFile(absolute, content);
    else await pipeline(content, createWriteStream(absolute));
    return { fileId: `local://${storagePath}`, size: (await stat(absolute)).size };
  }

  private signature(storagePath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${storagePath}\n${expires}`).digest('base64url');
  }

  async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
    const storagePath = storagePathOf(fileId);
    if (!storagePath) throw new Error(`not a local file id: ${fileId}`);
    const expires = Math.floor(this.clock.now().getTime() / 1000) + ttlSeconds;
    const query = `expires=${expires}&signature=${this.signature(storagePath, expires)}`;
    return `${this.linkBase}${storagePath.split('/').map(encodeURIComponent).join('/')}?${query}`;
  }

  /** Checks a link made by temporaryUrl: the right signature and not yet expired. */
  verifyLink(storagePath: string, expires: number, signature: string): boolean {
    if (!Number.isInteger(expires) || expires < this.clock.now().getTime() / 1000) return false;
    const expected = Buffer.from(this.signature(storagePath, expires));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}
