// CloudBase storage: the client uploads with Taro.cloud.uploadFile; the function only checks and links.
import type { FileBytesFacts, Files, StoredFile } from '../ports';
import { fileFactsOf } from './file-facts';
import { sniffFile } from './file-sniff';

export interface CloudbaseStorage {
  downloadFile(options: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(options: { fileList: { fileID: string; maxAge: number }[] }): Promise<{
    fileList: { code: string; fileID: string; tempFileURL: string }[];
  }>;
}

export class CloudbaseFiles implements Files {
  constructor(private readonly storage: CloudbaseStorage) {}

  private async link(fileId: string, ttlSeconds: number): Promise<string | null> {
    const result = await this.storage.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] });
    const entry = result.fileList[0];
    return entry && entry.code === 'SUCCESS' && entry.tempFileURL ? entry.tempFileURL : null;
  }

  /** The function downloads the file (storage rules do not bind the server) to check its bytes. */
  async inspect(fileId: string): Promise<StoredFile | null> {
    const downloaded = await this.storage.downloadFile({ fileID: fileId }).catch(() => null);
    return downloaded?.fileContent ? sniffFile(downloaded.fileContent) : null;
  }

  /** A second download: only claims' evidence is fingerprinted, after its bytes passed the type check. */
  async facts(fileId: string): Promise<FileBytesFacts | null> {
    const downloaded = await this.storage.downloadFile({ fileID: fileId }).catch(() => null);
    if (!downloaded?.fileContent) return null;
    return fileFactsOf(downloaded.fileContent, (await sniffFile(downloaded.fileContent)).sniffedType);
  }

  async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
    const url = await this.link(fileId, ttlSeconds);
    if (!url) throw new Error(`no temporary URL for ${fileId}`);
    return url;
  }
}
