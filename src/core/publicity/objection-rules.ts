// Rules for a public objection shared by the contract, the server and the form: what a contact phone is,
// when two objections say the same thing, and how a receipt number reads.

export const PHONE_MESSAGE = '请填写正确的联系电话：11 位手机号，或带区号的固定电话（如 028-12345678）';

/** Separators people type inside a number: spaces (also full-width), hyphens, dots, brackets round the area code. */
const SEPARATORS = /[\s\u3000\-–—.()（）]/g;

/**
 * A mainland mobile ("13912345678") or a landline with its area code ("028-12345678"), optionally with
 * +86; null when it is neither. Area codes 010 and 02x have three digits, all others four.
 */
export function normalizePhone(raw: string): string | null {
  let text = raw.trim().replace(/＋/g, '+');
  let international = false;
  const prefixed = /^(?:\+|00)86/.exec(text);
  if (prefixed) {
    international = true;
    text = text.slice(prefixed[0].length);
  }
  const digits = text.replace(SEPARATORS, '');
  if (!/^\d+$/.test(digits)) return null;
  if (/^1[3-9]\d{9}$/.test(digits)) return digits;
  // After +86 a landline drops its trunk 0 ("+86 28 12345678").
  const national = international && !digits.startsWith('0') ? `0${digits}` : digits;
  const areaLength = /^0[12]/.test(national) ? 3 : 4;
  const area = national.slice(0, areaLength);
  const local = national.slice(areaLength);
  if (!/^0[1-9]\d+$/.test(area) || !/^[1-9]\d{6,7}$/.test(local)) return null;
  return `${area}-${local}`;
}

export function isPhone(raw: string): boolean {
  return normalizePhone(raw) !== null;
}

/** The content two objections are compared by: same words, whatever the spacing or full-width forms. */
export function normalizeObjectionContent(content: string): string {
  return content.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** "YY-20231009-007": the lodging day in Shanghai and that day's sequence, at least three digits. */
export function receiptNumber(shanghaiDay: string, sequence: number): string {
  return `YY-${shanghaiDay.replace(/-/g, '')}-${String(sequence).padStart(3, '0')}`;
}

export const RECEIPT_PATTERN = /^YY-\d{8}-\d{3,}$/;

/**
 * Whether an objection's receipt number may be the one a caller quotes, however they say it: with or without the YY
 * prefix, hyphens or spaces, full-width digits, or only its end ("20231009-007", "1009007" and "007" all find
 * YY-20231009-007). Nothing quoted: every objection.
 */
export function receiptMatches(receiptNo: string | null, quoted: string): boolean {
  const digits = (text: string) => text.normalize('NFKC').replace(/[^0-9]/g, '');
  const wanted = digits(quoted);
  if (!wanted) return true;
  return receiptNo !== null && digits(receiptNo).endsWith(wanted);
}
