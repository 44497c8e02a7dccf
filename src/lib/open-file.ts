// Opens an attachment from a short-lived link (images in the viewer, documents in WeChat's reader or a new tab),
// and saves a file the server made to open or forward it.
import Taro from '@tarojs/taro';
import { downloadInBrowser } from './browser-download';
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
