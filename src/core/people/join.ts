// Where an invitation opens: one page of the mini-program, reached by its mini-program code (the scene is the
// invitation's short code) or, in the H5 build, by a link whose hash route carries the code.

/** The mini-program page that takes an invitation (no leading slash, as WeChat wants it). */
export const JOIN_PAGE = 'pages/join/index';

/** The short codes' alphabet: capitals and digits without look-alikes (no 0/O, 1/I/L). */
export const INVITATION_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITATION_CODE_LENGTH = 8;

/** The H5 address (hash router) of a page opened with a code, relative to the app's origin. */
export function h5LinkOf(page: string, code: string): string {
  return `/#/${page}?code=${encodeURIComponent(code)}`;
}

/** A code as a person types or pastes it, tidied: 'ab3k-7mq9 ' → 'AB3K7MQ9' (the server reads it the same way). */
export function tidyCode(typed: string): string {
  return typed.replace(/[\s-]/gu, '').toUpperCase();
}
