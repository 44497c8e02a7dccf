// Dialling a number: WeChat asks the user to confirm; H5 follows a tel: link. A dismissed dialog is not an error.
import Taro from '@tarojs/taro';

export async function callPhone(phoneNumber: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber });
  } catch {
    // The user cancelled the call sheet: nothing to report.
  }
}
