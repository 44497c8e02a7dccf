// Hands a text file to the person to keep: a download in the browser; in WeChat, which opens no JSON, the file is
// written to the mini-program's own folder and sent to a chat of their choice (文件传输助手 keeps it), else copied.
import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { downloadInBrowser } from './browser-download';
import { cancelledByPerson, isWeapp } from './platform';
import { ensurePrivacyAgreed } from './privacy';

export type Kept = 'downloaded' | 'shared' | 'copied' | 'cancelled';

/** Call from a tap: WeChat lets a file be shared only in answer to one. */
export async function keepTextFile(fileName: string, text: string, mime = 'application/json'): Promise<Kept> {
  if (!isWeapp) {
    downloadInBrowser(fileName, new Blob([text], { type: mime }));
    return 'downloaded';
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName });
    return 'shared';
  } catch (error) {
    if (cancelledByPerson(error)) return 'cancelled';
  }
  // An older WeChat, or no room on the phone: the text itself, to paste wherever the person keeps notes.
  await ensurePrivacyAgreed();
  try {
    await Taro.setClipboardData({ data: text });
    return 'copied';
  } catch {
    throw new ApiError('EXPORT_FAILED', '导出失败，请稍后重试');
  }
}
