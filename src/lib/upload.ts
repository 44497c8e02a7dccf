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

async function uploadToStorage(cloudPath: string, filePath: string, failure: string): Promise<string> {
  try {
    if (isWeapp) {
      const result = await Taro.cloud.uploadFile({ cloudPath, filePath });
      return result.fileID;
    }
    const token = sessionToken();
    const response = await Taro.uploadFile({
      url: '/files/upload',
      filePath,
      name: 'file',
      formData: { path: cloudPath },
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const body = JSON.parse(response.data) as { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } };
    if (!body.ok || !body.data) throw new ApiError(body.error?.code ?? 'UPLOAD_FAILED', body.error?.message ?? '上传失败');
    return body.data.fileId;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('UPLOAD_FAILED', failure);
  }
}

/** Uploads one compressed photo into the application's evidence folder and returns its file ID. */
export async function uploadEvidence(applicationId: string, localPath: string): Promise<string> {
  const cloudPath = evidencePath(applicationId, randomName(), 'jpg');
  const compressed = await compressPhoto(localPath);
  return uploadToStorage(cloudPath, compressed, '照片上传失败，请检查网络后重试');
}

export interface PickedDocument {
  path: string;
  name: string;
  size: number;
}

const DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;
const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'webp', 'gif'];

function extensionOf(name: string): string {
  const match = /\.([a-z0-9]{1,5})$/i.exec(name);
  return match ? match[1].toLowerCase() : '';
}

/** Browser: a hidden file input; resolves to null when the person closes the chooser. */
function pickInBrowser(accept: string): Promise<PickedDocument | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.appendChild(input);
    input.click();
  });
}

/**
 * Chooses one attachment (a scanned PDF, a photo of a signed agreement…): from a WeChat chat in the
 * mini-program, from the file system in a browser. Resolves to null when the person cancels.
 */
export async function pickDocument(): Promise<PickedDocument | null> {
  if (!isWeapp) return pickInBrowser('image/*,.pdf,.doc,.docx,.xls,.xlsx');
  try {
    const result = await Taro.chooseMessageFile({ count: 1, type: 'all' });
    const file = result.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch (error) {
    if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return null;
    throw new ApiError('PICK_FAILED', '无法选择文件，请重试');
  }
}

/** Uploads an attachment into the application's folder (photos compressed first) and returns its file ID. */
export async function uploadAttachment(applicationId: string, file: PickedDocument): Promise<string> {
  if (file.size > DOCUMENT_MAX_BYTES) throw new ApiError('INVALID_INPUT', '文件不能超过 10 MB');
  const extension = extensionOf(file.name) || 'bin';
  const isImage = IMAGE_EXTENSIONS.includes(extension);
  const cloudPath = evidencePath(applicationId, randomName(), isImage ? 'jpg' : extension);
  const local = isImage ? await compressPhoto(file.path) : file.path;
  return uploadToStorage(cloudPath, local, '附件上传失败，请检查网络后重试');
}
