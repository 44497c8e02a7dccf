// What the server reads from an evidence file's bytes, for both Files adapters: the SHA-256 of the bytes, for a
// picture jimp can decode its 64-bit perceptual hash, and the capture time its EXIF data records.
import { createHash } from 'node:crypto';
import exifr from 'exifr';
import { Jimp, defaultFormats } from 'jimp';
import { exifTimeToIso } from '@/core/evidence/fingerprints';
import type { FileBytesFacts } from '../ports';

/**
 * jimp's decoders by the type file-type already sniffed (JPEG, PNG, BMP, GIF, TIFF; HEIC and WebP it does not
 * decode: those photos keep a SHA-256 only). Jimp.read would sniff the bytes again through a dynamic import of
 * file-type, which jest's module sandbox cannot run.
 */
const decoders = new Map(defaultFormats.map((format) => format()).map((format) => [format.mime as string, format]));
const EXIF_KINDS = ['image/jpeg', 'image/tiff', 'image/heic', 'image/heif', 'image/webp', 'image/png'];

/** jimp's pHash is 64 characters of 0/1; stored as 16 hex digits. */
function binaryToHex(bits: string): string | null {
  if (!/^[01]{64}$/.test(bits)) return null;
  let hex = '';
  for (let index = 0; index < 64; index += 4) hex += parseInt(bits.slice(index, index + 4), 2).toString(16);
  return hex;
}

async function perceptualHash(bytes: Buffer, sniffedType: string | null): Promise<string | null> {
  const format = sniffedType ? decoders.get(sniffedType) : undefined;
  if (!format) return null;
  try {
    const image = Jimp.fromBitmap(await format.decode(bytes));
    return binaryToHex(image.pHash());
  } catch {
    // A file that is called a JPEG but does not decode as one: it is still fingerprinted by its bytes.
    return null;
  }
}

async function captureTime(bytes: Buffer, sniffedType: string | null): Promise<string | null> {
  if (!sniffedType || !EXIF_KINDS.includes(sniffedType)) return null;
  try {
    // Raw values: exifr would read the wall-clock time in the server's own time zone.
    const tags = (await exifr.parse(bytes, {
      pick: ['DateTimeOriginal', 'CreateDate', 'OffsetTimeOriginal'],
      reviveValues: false,
    })) as Record<string, unknown> | undefined;
    if (!tags) return null;
    return exifTimeToIso(tags.DateTimeOriginal ?? tags.CreateDate, tags.OffsetTimeOriginal);
  } catch {
    return null;
  }
}

export async function fileFactsOf(bytes: Buffer, sniffedType: string | null): Promise<FileBytesFacts> {
  const [phash, capturedAt] = await Promise.all([perceptualHash(bytes, sniffedType), captureTime(bytes, sniffedType)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), phash, capturedAt };
}
