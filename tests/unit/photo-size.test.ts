// The size evidence photos are redrawn at before upload, on both builds (issue 11: resized on the phone to 1,600 px
// on the long edge in the mini-program too, as in the browser).
import { PHOTO_MAX_EDGE, photoTargetSize, shownSize } from '@/core/evidence/photo-size';

test('a 4,000 × 3,000 camera photo is redrawn at 1,600 × 1,200, landscape or portrait', () => {
  expect(PHOTO_MAX_EDGE).toBe(1600);
  expect(photoTargetSize({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200 });
  expect(photoTargetSize({ width: 3000, height: 4000 })).toEqual({ width: 1200, height: 1600 });
});

test('the aspect is kept to the nearest pixel for odd sizes, and a very thin strip keeps at least one pixel', () => {
  const panorama = photoTargetSize({ width: 9248, height: 6936 });
  expect(panorama.width).toBe(1600);
  expect(panorama.height).toBe(1200);
  expect(photoTargetSize({ width: 4032, height: 3024 })).toEqual({ width: 1600, height: 1200 });
  expect(photoTargetSize({ width: 20000, height: 3 })).toEqual({ width: 1600, height: 1 });
});

test('a photo already within 1,600 px keeps its size: never scaled up', () => {
  expect(photoTargetSize({ width: 1600, height: 900 })).toEqual({ width: 1600, height: 900 });
  expect(photoTargetSize({ width: 640, height: 480 })).toEqual({ width: 640, height: 480 });
});

test('a photo turned a quarter by its EXIF orientation is sized as it is seen', () => {
  expect(shownSize({ width: 4000, height: 3000 }, 'right')).toEqual({ width: 3000, height: 4000 });
  expect(shownSize({ width: 4000, height: 3000 }, 'left-mirrored')).toEqual({ width: 3000, height: 4000 });
  expect(shownSize({ width: 4000, height: 3000 }, 'up')).toEqual({ width: 4000, height: 3000 });
  expect(shownSize({ width: 4000, height: 3000 }, 'down-mirrored')).toEqual({ width: 4000, height: 3000 });
  expect(photoTargetSize(shownSize({ width: 4000, height: 3000 }, 'right'))).toEqual({ width: 1200, height: 1600 });
});

test('a size that is not a picture is refused rather than turned into a 1-pixel upload', () => {
  expect(() => photoTargetSize({ width: 0, height: 3000 })).toThrow(RangeError);
  expect(() => photoTargetSize({ width: Number.NaN, height: 3000 })).toThrow(RangeError);
});
