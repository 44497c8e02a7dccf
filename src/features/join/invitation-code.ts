// Where an invitation code comes from: a scanned mini-program code (WeChat hands the page its `scene`,
// URL-encoded), the H5 link's `code` query, or what the person types. The server reads the code itself
// (spaces, dashes and lower case allowed); here it is only tidied for showing.
import { tidyCode } from '@/core/people/join';

export { tidyCode };

/** The code a page was opened with, or '' when it was opened without one. */
export function codeFromPageParams(params: Partial<Record<string, string>>): string {
  const raw = params.scene ?? params.code ?? '';
  try {
    return tidyCode(decodeURIComponent(raw));
  } catch {
    return tidyCode(raw); // a malformed % escape: show it as it came, the server will say it is wrong
  }
}
