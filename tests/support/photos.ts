// Real JPEG photos for evidence tests, made with jimp: a generated scene (soft coloured blobs on a gradient,
// with grain, so its perceptual hash has structure), the same scene re-compressed and resized as a phone or a
// chat would, and a photo carrying an EXIF capture time.
import { Jimp, defaultFormats } from 'jimp';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A 200×150 scene that differs with the seed, as a JPEG at quality 90 (small: jimp is slow inside jest's sandbox). */
export async function scenePhoto(seed: number): Promise<Buffer> {
  const width = 200;
  const height = 150;
  const next = random(seed);
  const blobs = Array.from({ length: 10 }, () => ({
    x: next() * width,
    y: next() * height,
    radius: 12 + next() * 56,
    colour: [next() * 255, next() * 255, next() * 255],
  }));
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let colour = [90 + 60 * Math.sin(x / 22 + seed), 110 + 50 * Math.cos(y / 18 + seed), 130];
      for (const blob of blobs) {
        const inside = 1 - Math.hypot(x - blob.x, y - blob.y) / blob.radius;
        if (inside > 0) colour = colour.map((value, channel) => value * (1 - inside) + blob.colour[channel] * inside);
      }
      const grain = (next() - 0.5) * 20;
      const offset = (y * width + x) * 4;
      data[offset] = colour[0] + grain;
      data[offset + 1] = colour[1] + grain;
      data[offset + 2] = colour[2] + grain;
      data[offset + 3] = 255;
    }
  }
  return new Jimp({ width, height, data }).getBuffer('image/jpeg', { quality: 90 });
}

/** The photo as it comes back from a chat: decoded, shrunk to 120 px wide and saved again at quality 40. */
export async function recompressed(jpeg: Buffer): Promise<Buffer> {
  // Jimp.read sniffs the bytes through a dynamic import jest cannot run; the JPEG decoder is called directly.
  const decoder = defaultFormats.map((format) => format()).find((format) => format.mime === 'image/jpeg')!;
  const image = Jimp.fromBitmap(await decoder.decode(jpeg));
  image.resize({ w: 120 });
  return image.getBuffer('image/jpeg', { quality: 40 });
}

/** A PNG (or any picture jimp decodes) saved again as a JPEG at quality 90, as a camera would store it. */
export async function asJpeg(picture: Buffer, mime = 'image/png'): Promise<Buffer> {
  const decoder = defaultFormats.map((format) => format()).find((format) => format.mime === mime)!;
  return Jimp.fromBitmap(await decoder.decode(picture)).getBuffer('image/jpeg', { quality: 90 });
}

/** A TIFF ASCII value: the text and its terminating NUL. */
function ascii(text: string): Buffer {
  return Buffer.concat([Buffer.from(text, 'latin1'), Buffer.from([0])]);
}

/**
 * The JPEG with an EXIF (APP1) segment recording DateTimeOriginal and, when given, OffsetTimeOriginal. Neither
 * jimp nor exifr writes EXIF, so the segment is assembled by hand: a big-endian TIFF header, IFD0 with one
 * entry pointing to the Exif IFD, and the Exif IFD's ASCII entries with their values after it.
 */
export function withExifTime(jpeg: Buffer, dateTimeOriginal: string, offsetTimeOriginal?: string): Buffer {
  const values = [{ tag: 0x9003, value: ascii(dateTimeOriginal) }];
  if (offsetTimeOriginal) values.push({ tag: 0x9011, value: ascii(offsetTimeOriginal) });
  const exifIfdAt = 8 + 2 + 12 + 4;
  let dataAt = exifIfdAt + 2 + values.length * 12 + 4;
  const ifd0 = Buffer.alloc(2 + 12 + 4);
  ifd0.writeUInt16BE(1, 0);
  ifd0.writeUInt16BE(0x8769, 2); // ExifIFDPointer
  ifd0.writeUInt16BE(4, 4); // LONG
  ifd0.writeUInt32BE(1, 6);
  ifd0.writeUInt32BE(exifIfdAt, 10);
  ifd0.writeUInt32BE(0, 14); // no next IFD
  const exifIfd = Buffer.alloc(2 + values.length * 12 + 4);
  exifIfd.writeUInt16BE(values.length, 0);
  values.forEach(({ tag, value }, index) => {
    const entry = 2 + index * 12;
    exifIfd.writeUInt16BE(tag, entry);
    exifIfd.writeUInt16BE(2, entry + 2); // ASCII
    exifIfd.writeUInt32BE(value.length, entry + 4);
    exifIfd.writeUInt32BE(dataAt, entry + 8);
    dataAt += value.length;
  });
  const tiff = Buffer.concat([
    Buffer.from('MM\u0000\u002a\u0000\u0000\u0000\u0008', 'latin1'),
    ifd0,
    exifIfd,
    ...values.map((v) => v.value),
  ]);
  const body = Buffer.concat([Buffer.from('Exif\u0000\u0000', 'latin1'), tiff]);
  const header = Buffer.alloc(4);
  header.writeUInt16BE(0xffe1, 0);
  header.writeUInt16BE(body.length + 2, 2);
  // Right after the start-of-image marker, where cameras put it.
  return Buffer.concat([jpeg.subarray(0, 2), header, body, jpeg.subarray(2)]);
}
