// Issue 10, deliver 4: a photo's capture time, read by the phone from the original before compressing drops its
// EXIF data, and by the server from the stored bytes; which one a verifier is shown, and how it is labelled.
import phoneExifr from 'exifr/dist/mini.esm.mjs';
import serverExifr from 'exifr';
import {
  captureOf,
  captureTimeText,
  exifCaptureTime,
  exifTimeOptions,
  reportedCaptureProblem,
  sendableCaptureTime,
} from '@/core/evidence/capture-time';
import { fileFactSchema } from '@/core/schemas/documents';
import { withExifTime } from '../support/photos';
import { JPEG_BYTES } from '../support/uploads';

const NOW = new Date('2025-03-10T04:00:00.000Z');

test('the phone’s browser build of exifr and the server’s full build read the same capture time from a JPEG', async () => {
  const photo = withExifTime(JPEG_BYTES, '2024:05:01 10:30:00', '+02:00');
  const phone = exifCaptureTime(await phoneExifr.parse(new Uint8Array(photo), exifTimeOptions()));
  const server = exifCaptureTime(await serverExifr.parse(photo, exifTimeOptions()));
  expect(phone).toBe('2024-05-01T08:30:00.000Z');
  expect(server).toBe(phone);
  // Without an offset the camera is taken to be on Shanghai time; without EXIF there is no time.
  expect(exifCaptureTime(await phoneExifr.parse(new Uint8Array(withExifTime(JPEG_BYTES, '2024:05:01 10:30:00')), exifTimeOptions()))).toBe(
    '2024-05-01T02:30:00.000Z',
  );
  expect(exifCaptureTime(await phoneExifr.parse(new Uint8Array(JPEG_BYTES), exifTimeOptions()))).toBeNull();
});

test('DateTimeOriginal is read first, CreateDate when it is missing; nothing readable is no time', () => {
  expect(exifCaptureTime({ 0x9003: '2024:05:01 10:30:00', 0x9004: '2024:05:02 10:30:00' })).toBe('2024-05-01T02:30:00.000Z');
  expect(exifCaptureTime({ 0x9004: '2024:05:02 10:30:00', 0x9011: '+00:00' })).toBe('2024-05-02T10:30:00.000Z');
  expect(exifCaptureTime({ 0x9003: '    :  :     :  :  ' })).toBeNull();
  expect(exifCaptureTime(undefined)).toBeNull();
});

test('EXIF in the stored bytes wins over the phone’s reading, which fills in where the bytes carry none', () => {
  expect(captureOf('2024-05-01T02:30:00.000Z', '2024-06-01T00:00:00.000Z')).toEqual({
    capturedAt: '2024-05-01T02:30:00.000Z',
    captureSource: 'exif',
  });
  expect(captureOf(null, '2024-06-01T00:00:00.000Z')).toEqual({ capturedAt: '2024-06-01T00:00:00.000Z', captureSource: 'phone' });
  expect(captureOf(null, null)).toEqual({ capturedAt: null, captureSource: null });
});

test('a reported time more than five minutes past the server’s now is refused in Chinese; the phone drops such a reading itself', () => {
  expect(reportedCaptureProblem('2025-03-10T04:05:00.000Z', NOW)).toBeNull();
  expect(reportedCaptureProblem('2025-03-10T04:05:01.000Z', NOW)).toBe(
    '照片拍摄时间（2025年3月10日 12:05）不能晚于现在，请检查手机时间后重新选择照片',
  );
  expect(sendableCaptureTime('2025-03-09T04:00:00.000Z', NOW)).toBe('2025-03-09T04:00:00.000Z');
  // A camera whose clock was never set, or runs ahead: the upload goes on without a time.
  expect(sendableCaptureTime('1970-01-01T00:00:00.000Z', NOW)).toBeNull();
  expect(sendableCaptureTime('2025-03-11T04:00:00.000Z', NOW)).toBeNull();
  expect(sendableCaptureTime(null, NOW)).toBeNull();
});

test('the verifier reads where the capture time came from; facts stored before the source was kept came from EXIF', () => {
  expect(captureTimeText({ capturedAt: '2024-05-01T02:30:00.000Z', captureSource: 'exif' })).toBe(
    '拍摄时间 2024年5月1日 10:30（照片信息）',
  );
  expect(captureTimeText({ capturedAt: '2024-05-01T02:30:00.000Z', captureSource: 'phone' })).toBe(
    '拍摄时间 2024年5月1日 10:30（手机读取）',
  );
  expect(captureTimeText({ capturedAt: null, captureSource: null })).toBe('拍摄时间 未知（照片未记录）');
  const old = { fileId: 'cloud://env/evidence/a.jpg', sha256: 'a'.repeat(64), phash: null, receivedAt: '2024-05-01T03:00:00.000Z' };
  expect(fileFactSchema.parse({ ...old, capturedAt: '2024-05-01T02:30:00.000Z' }).captureSource).toBe('exif');
  expect(fileFactSchema.parse({ ...old, capturedAt: null }).captureSource).toBeNull();
  expect(fileFactSchema.parse({ ...old, capturedAt: '2024-05-01T02:30:00.000Z', captureSource: 'phone' }).captureSource).toBe('phone');
});
