// Benchmark (not a test): stored bytes of an evidence photo against the original, on each build's path. The goal
// (issue 11): at most 15 % of the original, with the long edge kept at 1,600 px, on both builds.
//
//   node bench/photo-size.mjs
//
// What is real and what is simulated: the original is a generated 4,000 × 3,000 camera-like JPEG (a scene of soft
// blobs on a gradient with sensor grain, like tests/support/photos.ts, saved at quality 92). Both phone paths are
// simulated here with jimp, using the size and quality the app's code asks for (core/evidence/photo-size.ts):
//   - H5: the browser redraws the photo on a canvas at photoTargetSize and saves a JPEG at PHOTO_JPEG_QUALITY;
//     here jimp's bilinear resize and JPEG encoder stand in for the browser's.
//   - weapp: WeChat's compressImage with compressedWidth/compressedHeight and quality; here the same jimp resize and
//     encoder stand in for WeChat's, which no Node process can run. The figure before this change (quality only,
//     full size) is simulated the same way.
// Real encoders differ by some percent; the ratio is the point.
import { build } from 'esbuild';
import { Jimp } from 'jimp';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './processes.mjs';

/** core/evidence/photo-size.ts, the one place both builds take the size and quality from. */
async function photoSizeRules() {
  const out = path.join(root, '.build', 'bench-photo-size.cjs');
  await build({
    entryPoints: [path.join(root, 'src', 'core', 'evidence', 'photo-size.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: out,
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(out);
}

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A camera-like scene: gradient, soft blobs and grain, as raw RGBA. */
function scene(width, height, seed = 7) {
  const next = random(seed);
  const blobs = Array.from({ length: 24 }, () => ({
    x: next() * width,
    y: next() * height,
    radius: (0.05 + next() * 0.25) * width,
    colour: [next() * 255, next() * 255, next() * 255],
  }));
  const data = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      let r = 90 + 60 * Math.sin(x / 140 + seed);
      let g = 110 + 50 * Math.cos(y / 120 + seed);
      let b = 130 + 30 * Math.sin((x + y) / 300);
      for (const blob of blobs) {
        const inside = 1 - Math.hypot(x - blob.x, y - blob.y) / blob.radius;
        if (inside > 0) {
          r = r * (1 - inside) + blob.colour[0] * inside;
          g = g * (1 - inside) + blob.colour[1] * inside;
          b = b * (1 - inside) + blob.colour[2] * inside;
        }
      }
      const grain = (next() - 0.5) * 18;
      const offset = (y * width + x) * 4;
      data[offset] = r + grain;
      data[offset + 1] = g + grain;
      data[offset + 2] = b + grain;
      data[offset + 3] = 255;
    }
  }
  return { width, height, data };
}

/** Resized to `size` (or kept) and saved as a JPEG at quality 0–100: what the phone would store. */
async function stored(bitmap, size, quality) {
  const image = new Jimp({ width: bitmap.width, height: bitmap.height, data: Buffer.from(bitmap.data) });
  if (size.width !== bitmap.width || size.height !== bitmap.height) image.resize({ w: size.width, h: size.height });
  return { bytes: await image.getBuffer('image/jpeg', { quality }), width: image.width, height: image.height };
}

/**
 * Makes the original, runs each path, prints and returns the figures.
 * @param {{ width?: number, height?: number, quiet?: boolean }} [options]
 */
export async function benchPhotoSize(options = {}) {
  const log = options.quiet ? () => {} : console.log;
  const { PHOTO_MAX_EDGE, PHOTO_JPEG_QUALITY, photoTargetSize } = await photoSizeRules();
  const bitmap = scene(options.width ?? 4000, options.height ?? 3000);
  const original = (await stored(bitmap, bitmap, 92)).bytes;
  const quality = Math.round(PHOTO_JPEG_QUALITY * 100);
  const target = photoTargetSize(bitmap);
  const paths = [
    { name: 'H5 (canvas redraw, simulated with jimp)', ...(await stored(bitmap, target, quality)) },
    { name: 'weapp (compressImage with width, simulated)', ...(await stored(bitmap, target, quality)) },
    { name: 'weapp before: quality only (simulated)', ...(await stored(bitmap, bitmap, quality)) },
  ];
  const result = {
    original: { width: bitmap.width, height: bitmap.height, bytes: original.length },
    maxEdge: PHOTO_MAX_EDGE,
    quality,
    paths: paths.map(({ name, bytes, width, height }) => ({
      name,
      width,
      height,
      bytes: bytes.length,
      ratio: bytes.length / original.length,
    })),
  };
  log(`evidence photo: original ${bitmap.width}×${bitmap.height} JPEG q92, ${(original.length / 1024).toFixed(0)} KB (generated)`);
  for (const one of result.paths) {
    log(
      `  ${one.name.padEnd(46)} ${`${one.width}×${one.height}`.padEnd(10)} ${(one.bytes / 1024).toFixed(0).padStart(6)} KB  ${(100 * one.ratio).toFixed(1).padStart(5)} % of the original`,
    );
  }
  log(`  goal: ≤ 15 % with the long edge at ${PHOTO_MAX_EDGE} px, quality ${quality}, on both builds`);
  return result;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchPhotoSize();
}
