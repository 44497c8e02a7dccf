// When an evidence photo was taken. The server reads it from the EXIF data of the bytes it stores; the phone reads
// it from the original photo before compressing (the canvas redraw and WeChat's compressImage drop EXIF) and reports
// it with the upload slot. EXIF in the stored bytes wins; the phone's reading fills in when the bytes carry none.
import { formatShanghaiDateTime } from '../calendar/shanghai';
import { inSaneYears } from '../schemas/labels';
import { exifTimeToIso } from './fingerprints';

/** The EXIF tags read (numeric ids: exifr's browser build has no tag names). */
export const EXIF_TIME_TAGS = { dateTimeOriginal: 0x9003, createDate: 0x9004, offsetTimeOriginal: 0x9011 } as const;

/**
 * exifr options reading just those tags from the Exif IFD (IFD0 only for its pointer there), raw (exifr would
 * otherwise turn the camera's wall-clock time into a Date in the reader's own time zone), keyed by tag number.
 * Shared by the phone and the server; a function, since exifr keeps what it is given.
 */
export function exifTimeOptions() {
  return {
    ifd0: { pick: [0x8769] },
    exif: { pick: Object.values(EXIF_TIME_TAGS) as number[] },
    gps: false,
    reviveValues: false,
    translateKeys: false,
    translateValues: false,
  };
}

/** The capture time exifr's raw output records, as a UTC ISO time; null when it records none. */
export function exifCaptureTime(tags: Record<number, unknown> | undefined | null): string | null {
  if (!tags) return null;
  return exifTimeToIso(tags[EXIF_TIME_TAGS.dateTimeOriginal] ?? tags[EXIF_TIME_TAGS.createDate], tags[EXIF_TIME_TAGS.offsetTimeOriginal]);
}

/** A phone's clock may run a little ahead of the server's. */
export const CAPTURE_CLOCK_SLACK_MINUTES = 5;

/** Why a capture time the phone reported cannot be accepted (in Chinese), or null: a photo is not taken in the future. */
export function reportedCaptureProblem(capturedAt: string, now: Date): string | null {
  const latest = now.getTime() + CAPTURE_CLOCK_SLACK_MINUTES * 60_000;
  return Date.parse(capturedAt) > latest
    ? `照片拍摄时间（${formatShanghaiDateTime(capturedAt)}）不能晚于现在，请检查手机时间后重新选择照片`
    : null;
}

/**
 * The phone's reading as it is worth sending, judged by the phone's own clock: null for a camera whose clock was
 * off (a time in the future, or outside the years the app deals in), so its wrong time does not stop the upload.
 */
export function sendableCaptureTime(capturedAt: string | null, now: Date): string | null {
  return capturedAt && inSaneYears(capturedAt) && !reportedCaptureProblem(capturedAt, now) ? capturedAt : null;
}

export const captureSources = ['exif', 'phone'] as const;
export type CaptureSource = (typeof captureSources)[number];

/** A file's capture time and where it came from: the stored bytes' EXIF, else the phone's reading, else none. */
export function captureOf(
  exifTime: string | null,
  phoneTime: string | null,
): { capturedAt: string | null; captureSource: CaptureSource | null } {
  if (exifTime) return { capturedAt: exifTime, captureSource: 'exif' };
  if (phoneTime) return { capturedAt: phoneTime, captureSource: 'phone' };
  return { capturedAt: null, captureSource: null };
}

const sourceLabels: Record<CaptureSource, string> = { exif: '照片信息', phone: '手机读取' };

/** 拍摄时间 as a verifier reads it, naming where it came from. */
export function captureTimeText(fact: { capturedAt: string | null; captureSource: CaptureSource | null }): string {
  if (!fact.capturedAt) return '拍摄时间 未知（照片未记录）';
  const source = fact.captureSource ? `（${sourceLabels[fact.captureSource]}）` : '';
  return `拍摄时间 ${formatShanghaiDateTime(fact.capturedAt)}${source}`;
}
