// Opens an attachment from a short-lived link (images in the viewer, documents in WeChat's reader or a new tab),
// and saves a file the server made to open or forward it.
import Taro from '@tarojs/taro';
import { downloadInBrowser, downloadLink } from './browser-download';
import { isWeapp } from './platform';
import { previewImages } from './preview';

const IMAGE = /\.(jpe?g|png|gif|webp)(\?|$)/i;

export async function openFileLink(url: string, name: string): Promise<void> {
  if (IMAGE.test(name) || IMAGE.test(url)) {
    await previewImages([url], url);
    return;
  }
  if (isWeapp) {
    const download = await Taro.downloadFile({ url });
    await Taro.openDocument({ filePath: download.tempFilePath, showMenu: true });
    return;
  }
  window.open(url, '_blank');
}

/**
 * Saves a file the server made (base64) and opens it: in the browser it downloads; in WeChat it is written to
 * the mini-program's user folder and opened in the reader, whose menu forwards it to a chat (and so to a PC).
 */
export async function saveAndOpenFile(fileName: string, base64: string): Promise<void> {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  if (isWeapp) {
    const filePath = `${Taro.env.USER_DATA_PATH}/${fileName.replace(/[\\/:*?"<>|]/gu, '_')}`;
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64');
    const fileType = (['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const).find((kind) => kind === extension);
    await Taro.openDocument({ filePath, showMenu: true, ...(fileType ? { fileType } : {}) });
    return;
  }
  downloadInBrowser(fileName, new Blob([Taro.base64ToArrayBuffer(base64)]));
}

const DOCUMENT_TYPES = ['doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'pdf'] as const;

/**
 * Downloads a file the server stored (an export) from its short-lived link and opens it: in WeChat downloadFile
 * (reporting progress 0–100) then openDocument with its menu, which forwards it to a chat and so to a PC; a ZIP,
 * which the reader cannot open, goes straight to a chat. In the browser the link downloads under the file's name.
 */
export async function downloadAndOpen(file: { url: string; fileName: string }, onProgress: (percent: number) => void): Promise<void> {
  const extension = file.fileName.split('.').pop()?.toLowerCase() ?? '';
  if (!isWeapp) {
    downloadLink(file.fileName, file.url);
    onProgress(100);
    return;
  }
  const task = Taro.downloadFile({ url: file.url });
  task.onProgressUpdate((update) => onProgress(update.progress));
  const downloaded = await task;
  if (downloaded.statusCode !== 200) throw new Error('文件下载失败，请稍后重试');
  const fileType = DOCUMENT_TYPES.find((kind) => kind === extension);
  if (fileType) {
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType, showMenu: true });
    return;
  }
  await Taro.shareFileMessage({ filePath: downloaded.tempFilePath, fileName: file.fileName });
}
