// CloudBase storage: the client uploads with Taro.cloud.uploadFile; the function checks, fingerprints and links
// them, reads them as streams (an evidence pack) and uploads the files it makes itself (exports).
import type { ReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { FileBytesFacts, Files, SavedFile, StoredFile } from '../ports';
import { fileFactsOf } from './file-facts';
import { sniffFile } from './file-sniff';

export interface CloudbaseStorage {
  /** Without a temporary path the SDK answers the bytes in memory (its type allows a string or nothing too). */
  downloadFile(options: { fileID: string }): Promise<{ fileContent?: Buffer | string }>;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { code: string; fileID: string; tempFileURL: string }[];
  }>;
  uploadFile(options: { cloudPath: string; fileContent: Buffer | ReadStream }): Promise<{ fileID: string }>;
}

/** How long the link the function itself streams a file from stays valid. */
const READ_LINK_SECONDS = 600;

export class CloudbaseFiles implements Files {
  constructor(private readonly storage: CloudbaseStorage) {}

  private async link(fileId: string, ttlSeconds: number): Promise<string | null> {
    const result = await this.storage.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] });
    const entry = result.fileList[0];
    return entry && entry.code === 'SUCCESS' && entry.tempFileURL ? entry.tempFileURL : null;
  }

  /** The file's bytes, downloaded by the function (storage rules do not bind the server); null: none to read. */
  private async bytes(fileId: string): Promise<Buffer | null> {
    const downloaded = await this.storage.downloadFile({ fileID: fileId }).catch(() => null);
    return Buffer.isBuffer(downloaded?.fileContent) ? downloaded.fileContent : null;
  }

  /** The file's type and size, told by its bytes. */
  async inspect(fileId: string): Promise<StoredFile | null> {
    const bytes = await this.bytes(fileId);
    return bytes ? sniffFile(bytes) : null;
  }

  /** A second download: only claims' evidence is fingerprinted, after its bytes passed the type check. */
  async facts(fileId: string): Promise<FileBytesFacts | null> {
    const bytes = await this.bytes(fileId);
    return bytes ? fileFactsOf(bytes, (await sniffFile(bytes)).sniffedType) : null;
  }

  async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
    const url = await this.link(fileId, ttlSeconds);
    if (!url) throw new Error(`no temporary URL for ${fileId}`);
    return url;
  }

  /**
   * Streams the file from its temporary link. The SDK's downloadFile either buffers the whole file or resolves
   * before its temp file is written, so the function fetches the link itself.
   */
  async read(fileId: string): Promise<Readable | null> {
    const url = await this.link(fileId, READ_LINK_SECONDS).catch(() => null);
    if (!url) return null;
    const response = await fetch(url).catch(() => null);
    if (!response?.ok || !response.body) return null;
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async save(storagePath: string, content: Buffer | ReadStream): Promise<SavedFile> {
    const size = Buffer.isBuffer(content) ? content.length : (await stat(content.path)).size;
    const { fileID } = await this.storage.uploadFile({ cloudPath: storagePath, fileContent: content });
    return { fileId: fileID, size };
  }
}
