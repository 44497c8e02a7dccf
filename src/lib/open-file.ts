// Opens an attachment from a short-lived link: images in the viewer, documents in WeChat's reader or a new tab.
import Taro from '@tarojs/taro';
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
