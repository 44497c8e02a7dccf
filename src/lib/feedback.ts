// Short messages and confirmations in the platform's own style; they survive a page change (a toast shown
// just before navigating back is still seen on the previous page).
import Taro from '@tarojs/taro';

export function showSuccess(title: string): void {
  void Taro.showToast({ title, icon: 'success', duration: 1800 });
}

export function showMessage(title: string): void {
  void Taro.showToast({ title, icon: 'none', duration: 2500 });
}

export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const result = await Taro.showModal({ title, content, confirmText, cancelText: '取消' });
    return result.confirm;
  } catch {
    return false;
  }
}
