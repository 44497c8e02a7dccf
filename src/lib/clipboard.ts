// Copying a text for the person to paste into a chat; the platform itself says 内容已复制.
import Taro from '@tarojs/taro';
import { showMessage } from './feedback';

export async function copyText(text: string): Promise<void> {
  try {
    await Taro.setClipboardData({ data: text });
  } catch {
    showMessage('复制失败，请长按文字手动复制');
  }
}
