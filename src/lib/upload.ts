// Evidence photos: chosen from album or camera, compressed on the phone, uploaded straight to storage.
// Only the resulting file IDs are sent to the api function.
import Taro from '@tarojs/taro';
import { evidencePath } from '@/core/evidence/file-ids';
import { ApiError } from './api';
import { isWeapp } from './platform';
import { sessionToken } from './session';

const MAX_EDGE = 1600;
const JPEG_QUALITY = 0.8;

export interface PickedPhoto {
  /** A local path or blob URL the page can preview. */
  path: string;
  size: number;
}

export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return result.tempFiles.map((file) => ({ path: file.path, size: file.size }));
}

/** Browser: redraw at most MAX_EDGE px on the long edge as JPEG. */
async function compressInBrowser(path: string): Promise<string> {
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const element = new Image();
    element.onload = () => resolve(element);
    element.onerror = reject;
    element.src = path;
  });
  const scale = Math.min(1, MAX_EDGE / Math.max(image.naturalWidth, image.naturalHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(image.naturalWidth * scale));
  canvas.height = Math.max(1, Math.round(image.naturalHeight * scale));
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
  return blob ? URL.createObjectURL(blob) : path;
}

export async function compressPhoto(path: string): Promise<string> {
  if (isWeapp) {
    const result = await Taro.compressImage({ src: path, quality: Math.round(JPEG_QUALITY * 100) });
    return result.tempFilePath;
  }
  return compressInBrowser(path);
}

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** Uploads one compressed photo into the application's evidence folder and returns its file ID. */
export async function uploadEvidence(applicationId: string, localPath: string): Promise<string> {
  const cloudPath = evidencePath(applicationId, randomName(), 'jpg');
  const compressed = await compressPhoto(localPath);
  try {
    if (isWeapp) {
      const result = await Taro.cloud.uploadFile({ cloudPath, filePath: compressed });
      return result.fileID;
    }
    const token = sessionToken();
    const response = await Taro.uploadFile({
      url: '/files/upload',
      filePath: compressed,
      name: 'file',
      formData: { path: cloudPath },
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const body = JSON.parse(response.data) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } };
    if (!body.ok || !body.data) throw new ApiError(body.error?.code ?? 'UPLOAD_FAILED', body.error?.message ?? '上传失败');
    return body.data.fileId;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('UPLOAD_FAILED', '照片上传失败，请检查网络后重试');
  }
}
