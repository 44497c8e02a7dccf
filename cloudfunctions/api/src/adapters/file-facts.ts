// What the server reads from an evidence file's bytes, for both Files adapters: the SHA-256 of the bytes, for a
// picture jimp can decode its 64-bit DCT perceptual hash, and the capture time its EXIF data records.
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { Jimp, defaultFormats, type JimpInstance } from 'jimp';
import { exifCaptureTime, exifTimeOptions } from '@/core/evidence/capture-time';
import type { FileBytesFacts } from '../ports';

/**
 * jimp's decoders by the type file-type already sniffed (JPEG, PNG, BMP, GIF, TIFF; HEIC and WebP it does not
 * decode: those photos keep a SHA-256 only). Jimp.read would sniff the bytes again through a dynamic import of
 * file-type, which jest's module sandbox cannot run.
 */
const decoders = new Map(defaultFormats.map((format) => format()).map((format) => [format.mime as string, format]));
const EXIF_KINDS = ['image/jpeg', 'image/tiff', 'image/heic', 'image/heif', 'image/webp', 'image/png'];

const SIDE = 32;
const KEEP = 8;
/** cos((2x+1)uπ/64) for the 8 lowest frequencies u over 32 samples x. */
const cosines = Array.from({ length: KEEP }, (_, u) =>
  Array.from({ length: SIDE }, (__, x) => Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIDE))),
);

/**
 * The DCT perceptual hash (pHash): the picture shrunk to 32×32 grey (jimp), the 8×8 lowest frequencies of its
 * 2-D DCT, each bit set when its coefficient is above their median. jimp's own image.pHash() compares with the
 * mean including the DC term, which leaves most bits 0 (hashes like 9a40202000c00000): bands of such hashes are
 * mostly "00" and would make the band lookup read nearly every fingerprint. The median keeps half the bits set.
 */
function medianPhash(image: JimpInstance): string {
  const grey = image.clone().resize({ w: SIDE, h: SIDE }).greyscale();
  const pixel = (x: number, y: number) => grey.bitmap.data[(y * SIDE + x) * 4];
  // Separable DCT-II: along rows for the 8 lowest horizontal frequencies, then down the columns.
  const rows = Array.from({ length: SIDE }, (_, y) =>
    cosines.map((cosine) => cosine.reduce((sum, weight, x) => sum + weight * pixel(x, y), 0)),
  );
  const coefficients: number[] = [];
  for (let v = 0; v < KEEP; v += 1) {
    for (let u = 0; u < KEEP; u += 1) coefficients.push(cosines[v].reduce((sum, weight, y) => sum + weight * rows[y][u], 0));
  }
  // The median of the 63 coefficients after the DC term (the picture's mean brightness).
  const sorted = coefficients.slice(1).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble += 1) {
    let value = 0;
    for (let bit = 0; bit < 4; bit += 1) value = (value << 1) | (coefficients[nibble * 4 + bit] > median ? 1 : 0);
    hex += value.toString(16);
  }
  return hex;
}

async function perceptualHash(bytes: Buffer, sniffedType: string | null): Promise<string | null> {
  const format = sniffedType ? decoders.get(sniffedType) : undefined;
  if (!format) return null;
  try {
    const image = Jimp.fromBitmap(await format.decode(bytes));
    return medianPhash(image);
  } catch {
    // A file that is called a JPEG but does not decode as one: it is still fingerprinted by its bytes.
    return null;
  }
}

async function captureTime(bytes: Buffer, sniffedType: string | null): Promise<string | null> {
  if (!sniffedType || !EXIF_KINDS.includes(sniffedType)) return null;
  try {
    // The same tags, raw, as the phone reads from the original photo.
    return exifCaptureTime((await exifr.parse(bytes, exifTimeOptions())) as Record<number, unknown> | undefined);
  } catch {
    return null;
  }
}

export async function fileFactsOf(bytes: Buffer, sniffedType: string | null): Promise<FileBytesFacts> {
  const [phash, capturedAt] = await Promise.all([perceptualHash(bytes, sniffedType), captureTime(bytes, sniffedType)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), phash, capturedAt };
}
