// The one-time setup code as the deploy configured it (env SETUP_CODE), or null when there is none to take.

/** Shorter codes are ignored: a guessable code would hand the whole environment to whoever guesses it. */
export const MIN_SETUP_CODE_LENGTH = 12;

/**
 * null for an absent or empty value, a placeholder the deploy tool left unresolved ("{{env.SETUP_CODE}}", which
 * anyone reading cloudbaserc.json could type), or a code too short to be safe.
 */
export function setupCodeFrom(value: string | undefined): string | null {
  const code = value?.trim() ?? '';
  if (code.includes('{{') || code.replace(/[\s-]/gu, '').length < MIN_SETUP_CODE_LENGTH) return null;
  return code;
}
