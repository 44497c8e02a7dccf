// Fingerprints of evidence files, so a verifier is told when the same photo, or a re-compressed or resized copy
// of it, is claimed twice. The adapters hash the bytes (SHA-256) and the picture (a 64-bit DCT perceptual hash,
// stored as 16 hex digits); this file only compares them.

/**
 * Two photos whose perceptual hashes differ in at most this many of their 64 bits are the same picture.
 * Measured with the adapters' DCT hash (median-thresholded, so about half the bits are set) on generated scenes
 * (tests/support/photos.ts): re-encoding at JPEG quality 40 and shrinking to 60 % flips 0–4 bits, while different
 * scenes differ in 26–34 (unrelated photos in about half the bits, 32). 7 leaves room for a harsher re-encoding
 * and stays far from different photos, and it is what the 8-band lookup below can promise to find (PHASH_BANDS).
 */
export const PHASH_NEAR_BITS = 7;

/**
 * The hash is cut into 8 bands of 8 bits (2 hex digits), each stored as its own field so a store that only
 * matches fields exactly can find candidates: two hashes at most 7 bits apart differ in at most 7 bands, so at
 * least one band is equal (pigeonhole), and looking candidates up by each band finds every near copy.
 */
export const PHASH_BANDS = 8;

const HEX64 = /^[0-9a-f]{16}$/;

export function isPerceptualHash(value: string): boolean {
  return HEX64.test(value);
}

/** The number of bits in which two 64-bit hashes (16 hex digits each) differ. */
export function hammingDistance(a: string, b: string): number {
  if (!isPerceptualHash(a) || !isPerceptualHash(b)) throw new RangeError('not a 64-bit hex hash');
  let bits = 0;
  for (let index = 0; index < a.length; index += 1) {
    let xor = parseInt(a[index], 16) ^ parseInt(b[index], 16);
    while (xor) {
      bits += xor & 1;
      xor >>= 1;
    }
  }
  return bits;
}

/** The bands of a perceptual hash, in order (band i is compared only with band i of another hash). */
export function phashBands(phash: string): string[] {
  if (!isPerceptualHash(phash)) throw new RangeError('not a 64-bit hex hash');
  const width = phash.length / PHASH_BANDS;
  return Array.from({ length: PHASH_BANDS }, (_, band) => phash.slice(band * width, (band + 1) * width));
}

export interface Fingerprint {
  sha256: string;
  /** null: not a picture the server could decode (a PDF, a Word file, a HEIC photo). */
  phash: string | null;
}

export type EvidenceMatch = 'identical' | 'similar';

/** Whether two files are the same bytes, the same picture re-encoded, or unrelated (null). */
export function evidenceMatch(a: Fingerprint, b: Fingerprint): EvidenceMatch | null {
  if (a.sha256 === b.sha256) return 'identical';
  if (a.phash && b.phash && hammingDistance(a.phash, b.phash) <= PHASH_NEAR_BITS) return 'similar';
  return null;
}

/** 'YYYY:MM:DD HH:MM:SS' (EXIF's own form) → the UTC instant; without an EXIF offset the camera is taken to be on Shanghai time. */
export function exifTimeToIso(value: unknown, offset?: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!match) return null;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : '+08:00';
  const [, year, month, day, hour, minute, second] = match;
  const instant = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`);
  if (Number.isNaN(instant.getTime())) return null;
  // Date rolls 02-30 over to March: a day that does not exist is no capture time.
  const local = new Date(instant.getTime() + zoneMinutes(zone) * 60_000);
  if (local.getUTCDate() !== Number(day) || local.getUTCMonth() + 1 !== Number(month)) return null;
  return instant.toISOString();
}

function zoneMinutes(zone: string): number {
  const sign = zone.startsWith('-') ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}
