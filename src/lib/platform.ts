// Which runtime the app is in. The weapp build calls CloudBase; the H5 build calls the local server.
export const isWeapp = process.env.TARO_ENV === 'weapp';
export const isH5 = process.env.TARO_ENV === 'h5';
