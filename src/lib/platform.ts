// Which runtime the app is in. The weapp build calls CloudBase; the H5 build calls the local server.
export const isWeapp = process.env.TARO_ENV === 'weapp';
export const isH5 = process.env.TARO_ENV === 'h5';

/** The H5 app's full address of a link it was given as a path ('/#/pages/join/index?code=…'); null in the mini-program. */
export function webAddressOf(link: string): string | null {
  return isH5 ? new URL(link, window.location.href).href : null;
}

/** Whether a WeChat API failed because the person closed it (a picker, a share sheet): nothing worth showing. */
export function cancelledByPerson(error: unknown): boolean {
  return /cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''));
}
