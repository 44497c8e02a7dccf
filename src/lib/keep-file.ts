// Hands a text file to the person to keep: a download in the browser; in WeChat, which opens no JSON, the file is
// written to the mini-program's own folder and sent to a chat of their choice (文件传输助手 keeps it), else copied.
import Taro from '@tarojs/taro';
import { ApiError } from './api';
import { isWeapp } from './platform';
import { ensurePrivacyAgreed } from './privacy';

export type Kept = 'downloaded' | 'shared' | 'copied' | 'cancelled';

function downloadInBrowser(fileName: string, text: string, mime: string): Kept {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return 'downloaded';
}

const cancelled = (error: unknown) => /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''));

/** Call from a tap: WeChat lets a file be shared only in answer to one. */
export async function keepTextFile(fileName: string, text: string, mime = 'application/json'): Promise<Kept> {
  if (!isWeapp) return downloadInBrowser(fileName, text, mime);
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`;
  try {
    Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8');
    await Taro.shareFileMessage({ filePath, fileName });
    return 'shared';
  } catch (error) {
    if (cancelled(error)) return 'cancelled';
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
