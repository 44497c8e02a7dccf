// A refused or failed call as the app sees it, and the Chinese message to show for any failure. Apart from the api
// client, so a feature's hooks can tell refusals apart without importing the client itself.
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The message to show for any failure of a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return '操作失败，请稍后重试';
}
