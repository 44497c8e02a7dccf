// Evidence photos and attachments: chosen on the phone, photos compressed, then uploaded straight to storage
// at a path the server chose for this person and application (an upload slot). Only file IDs go to the api.
import Taro from '@tarojs/taro';
import { PHOTO_JPEG_QUALITY, photoTargetSize, shownSize } from '@/core/evidence/photo-size';
import {
  ALLOWED_KINDS_TEXT,
  MAX_UPLOAD_BYTES,
  uploadExtensionOf,
  uploadExtensions,
  type UploadExtension,
  type UploadPurpose,
} from '@/core/evidence/upload-rules';
import { ApiError, call } from './api';
import { cancelledByPerson, isWeapp } from './platform';
import { ensurePrivacyAgreed } from './privacy';
import { sessionToken } from './session';

const TOO_LARGE = '文件不能超过 10 MB';

export interface PickedPhoto {
  /** A local path or blob URL the page can preview. */
  path: string;
  size: number;
}

interface LocalFile {
  path: string;
  /** Bytes, when known (a compressed photo's size is known in the browser only). */
  size: number | null;
}

export async function pickPhotos(count: number): Promise<PickedPhoto[]> {
  await ensurePrivacyAgreed();
  const result = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return result.tempFiles.map((file) => ({ path: file.path, size: file.size }));
}

/** Browser: redraw at most PHOTO_MAX_EDGE px on the long edge as JPEG. */
async function compressInBrowser(path: string): Promise<LocalFile> {
  const image = await new Promise<HTMLImageElement>((resolve, reject) => {
    const element = new Image();
    element.onload = () => resolve(element);
    element.onerror = reject;
    element.src = path;
  });
  const target = photoTargetSize({ width: image.naturalWidth, height: image.naturalHeight });
  const canvas = document.createElement('canvas');
  canvas.width = target.width;
  canvas.height = target.height;
  canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', PHOTO_JPEG_QUALITY));
  return blob ? { path: URL.createObjectURL(blob), size: blob.size } : { path, size: null };
}

/**
 * Mini-program: WeChat's compressImage at the same quality, scaled to the same long edge (compressedWidth and
 * compressedHeight, base library 2.26.0). Both sides are given, from the photo's size as seen: WeChat's community
 * answers report white borders when only one is, and iOS builds that read `compressWidth`/`compressHeight`, so
 * those names are sent too. When the size cannot be read, the photo is recompressed at its own size.
 */
async function compressInWeapp(path: string): Promise<LocalFile> {
  const quality = Math.round(PHOTO_JPEG_QUALITY * 100);
  const info = await Taro.getImageInfo({ src: path }).catch(() => null);
  const target = info && info.width > 0 && info.height > 0 ? photoTargetSize(shownSize(info, info.orientation)) : null;
  const size = target
    ? { compressedWidth: target.width, compressedHeight: target.height, compressWidth: target.width, compressHeight: target.height }
    : {};
  const result = await Taro.compressImage({ src: path, quality, ...size } as Taro.compressImage.Option);
  return { path: result.tempFilePath, size: null };
}

/** A photo as JPEG, at most PHOTO_MAX_EDGE px on the long edge (core/evidence/photo-size.ts), on both builds. */
export async function compressPhoto(path: string): Promise<LocalFile> {
  return isWeapp ? compressInWeapp(path) : compressInBrowser(path);
}

type Envelope = { ok: boolean; data?: { fileId: string }; error?: { code: string; message: string } };

/** Asks the server for a slot, then sends the bytes to the path it names; answers the file ID. */
async function uploadThroughSlot(
  applicationId: string,
  purpose: UploadPurpose,
  extension: UploadExtension,
  file: LocalFile,
  failure: string,
  capturedAt: string | null = null,
): Promise<string> {
  if (file.size !== null && file.size > MAX_UPLOAD_BYTES) throw new ApiError('FILE_REJECTED', TOO_LARGE);
  const slot = await call('file.slot', {
    applicationId,
    purpose,
    extension,
    ...(file.size ? { size: file.size } : {}),
    ...(capturedAt ? { capturedAt } : {}),
  });
  try {
    if (isWeapp) {
      const result = await Taro.cloud.uploadFile({ cloudPath: slot.path, filePath: file.path });
      return result.fileID;
    }
    const token = sessionToken();
    const response = await Taro.uploadFile({
      url: `/files/upload?slot=${encodeURIComponent(slot.slotId)}`,
      filePath: file.path,
      name: 'file',
      header: token ? { Authorization: `Bearer ${token}` } : {},
    });
    const body = JSON.parse(response.data) as Envelope;
    if (!body.ok || !body.data) throw new ApiError(body.error?.code ?? 'UPLOAD_FAILED', body.error?.message ?? failure);
    return body.data.fileId;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError('UPLOAD_FAILED', failure);
  }
}

/**
 * Uploads one compressed photo as evidence of a claim or report and returns its file ID. capturedAt: when the
 * original was taken (lib/photo-capture.ts), sent with the slot since compressing drops the photo's EXIF data.
 */
export async function uploadEvidence(
  applicationId: string,
  purpose: UploadPurpose,
  localPath: string,
  capturedAt: string | null = null,
): Promise<string> {
  const compressed = await compressPhoto(localPath);
  return uploadThroughSlot(applicationId, purpose, 'jpg', compressed, '照片上传失败，请检查网络后重试', capturedAt);
}

export interface PickedDocument {
  path: string;
  name: string;
  size: number;
}

/** Photos the phone can redraw as JPEG (HEIC is sent as it is). */
const COMPRESSIBLE: readonly UploadExtension[] = ['jpg', 'jpeg', 'png', 'webp'];
/** The browser's file chooser offers exactly the kinds the server accepts. */
const ACCEPT = uploadExtensions.map((extension) => `.${extension}`).join(',');

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
 * extensions: offer only files of these kinds (e.g. ['xlsx']); by default, every kind an upload accepts.
 */
export async function pickDocument(extensions?: readonly string[]): Promise<PickedDocument | null> {
  if (!isWeapp) return pickInBrowser(extensions ? extensions.map((extension) => `.${extension}`).join(',') : ACCEPT);
  await ensurePrivacyAgreed();
  try {
    const result = await Taro.chooseMessageFile(
      extensions ? { count: 1, type: 'file', extension: [...extensions] } : { count: 1, type: 'all' },
    );
    const file = result.tempFiles[0];
    return file ? { path: file.path, name: file.name, size: file.size } : null;
  } catch (error) {
    if (cancelledByPerson(error)) return null;
    throw new ApiError('PICK_FAILED', '无法选择文件，请重试');
  }
}

/**
 * Uploads an attachment of an application, or a claim's document (photos compressed first); answers its file ID.
 * capturedAt: a photo's capture time as read from the original, sent with the slot.
 */
export async function uploadAttachment(
  applicationId: string,
  file: PickedDocument,
  purpose: Extract<UploadPurpose, 'attachment' | 'claim'> = 'attachment',
  capturedAt: string | null = null,
): Promise<string> {
  const extension = uploadExtensionOf(file.name);
  if (!extension) throw new ApiError('FILE_REJECTED', `只能上传${ALLOWED_KINDS_TEXT}`);
  if (file.size > MAX_UPLOAD_BYTES) throw new ApiError('FILE_REJECTED', TOO_LARGE);
  const failure = '附件上传失败，请检查网络后重试';
  if (COMPRESSIBLE.includes(extension)) {
    return uploadThroughSlot(applicationId, purpose, 'jpg', await compressPhoto(file.path), failure, capturedAt);
  }
  return uploadThroughSlot(applicationId, purpose, extension, { path: file.path, size: file.size }, failure, capturedAt);
}

/** The bytes of a chosen file as base64, for the few calls that carry a small file themselves (a sheet to import). */
export async function readPickedBase64(file: PickedDocument): Promise<string> {
  try {
    if (isWeapp) {
      // At most MAX_IMPORT_BYTES: read at once.
      return Taro.getFileSystemManager().readFileSync(file.path, 'base64') as string;
    }
    const blob = await (await fetch(file.path)).blob();
    const dataUrl = await new Promise<string>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(String(reader.result));
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(blob);
    });
    return dataUrl.slice(dataUrl.indexOf(',') + 1);
  } catch {
    throw new ApiError('PICK_FAILED', '无法读取所选文件，请重试');
  }
}
