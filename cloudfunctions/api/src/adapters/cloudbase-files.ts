// CloudBase storage: the client uploads with Taro.cloud.uploadFile; the function only checks and links.
import type { Files } from '../ports';

export interface CloudbaseStorage {
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

  async exists(fileId: string): Promise<boolean> {
    return (await this.link(fileId, 60)) !== null;
  }

  async temporaryUrl(fileId: string, ttlSeconds: number): Promise<string> {
    const url = await this.link(fileId, ttlSeconds);
    if (!url) throw new Error(`no temporary URL for ${fileId}`);
    return url;
  }
}
