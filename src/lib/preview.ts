// Full-size viewing of evidence photos: WeChat's native viewer in the mini-program, Taro's swiper overlay on H5.
import Taro from '@tarojs/taro';

export async function previewImages(urls: string[], current: string): Promise<void> {
  if (urls.length === 0) return;
  await Taro.previewImage({ urls, current: urls.includes(current) ? current : urls[0] });
}
