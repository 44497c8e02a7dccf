// How big a photo is stored: what the phone redraws before uploading, in the browser (canvas) and in the
// mini-program (WeChat's compressImage) alike, so evidence photos stay small and still legible.

/** The longest edge a stored photo keeps, in pixels: enough to read a certificate or a signboard. */
export const PHOTO_MAX_EDGE = 1600;

/** JPEG quality of the redrawn photo, 0–1 (the mini-program's compressImage takes it as 0–100). */
export const PHOTO_JPEG_QUALITY = 0.8;

export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size a photo is redrawn at: scaled down, aspect kept, so its long edge is at most PHOTO_MAX_EDGE; a smaller
 * photo keeps its size (never scaled up). Sizes are whole pixels, at least 1.
 */
export function photoTargetSize(original: PixelSize, maxEdge: number = PHOTO_MAX_EDGE): PixelSize {
  const { width, height } = original;
  if (!(width > 0 && height > 0)) throw new RangeError(`not a photo size: ${width}×${height}`);
  const scale = Math.min(1, maxEdge / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/**
 * The size a photo is seen at, from its stored pixel size and the EXIF orientation the mini-program's getImageInfo
 * reports ('up', 'left-mirrored' …): a photo turned a quarter (left or right) is seen with width and height swapped.
 */
export function shownSize(stored: PixelSize, orientation: string | undefined): PixelSize {
  return orientation && /^(left|right)/.test(orientation) ? { width: stored.height, height: stored.width } : stored;
}
