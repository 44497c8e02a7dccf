// When a chosen photo was taken, read from the original's EXIF data on the phone, before compressing drops it
// (the browser's canvas redraw and WeChat's compressImage keep no EXIF). The server keeps it with the upload slot
// and uses it where the stored bytes carry no capture time. Imported by the apply package only: exifr's browser
// build (about 29 KB, JPEG only, no tag names) stays out of the main package.
import Taro from '@tarojs/taro';
import exifr from 'exifr/dist/mini.esm.mjs';
import { exifCaptureTime, exifTimeOptions } from '@/core/evidence/capture-time';
import { isWeapp } from './platform';

/** EXIF sits in an APP1 segment of at most 64 KB near the start of a JPEG: the head is all that is read. */
const HEAD_BYTES = 128 * 1024;

function readHeadInWeapp(path: string, size: number | undefined): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: path,
      // position/length: base library 2.10.0; length must not pass the file's end, so an unknown size reads it all.
      ...(size ? { position: 0, length: Math.min(size, HEAD_BYTES) } : {}),
      success: (result) => (typeof result.data === 'string' ? reject(new Error('read as text')) : resolve(result.data)),
      fail: reject,
    });
  });
}

async function readHeadInBrowser(path: string): Promise<ArrayBuffer> {
  const blob = await (await fetch(path)).blob();
  return blob.slice(0, HEAD_BYTES).arrayBuffer();
}

/**
 * The photo's capture time as a UTC ISO time, from its EXIF DateTimeOriginal (and OffsetTimeOriginal); null when
 * it records none or cannot be read (a photo's time is a help to the verifier, never a reason to stop an upload).
 * size: the file's size when the picker told it.
 */
export async function photoCaptureTime(path: string, size?: number): Promise<string | null> {
  try {
    const head = isWeapp ? await readHeadInWeapp(path, size) : await readHeadInBrowser(path);
    return exifCaptureTime((await exifr.parse(new Uint8Array(head), exifTimeOptions())) as Record<number, unknown> | undefined);
  } catch {
    return null;
  }
}
