// The role a person chose to act in (one person may hold several: several users records under one WeChat
// identity). Kept on the device and sent with every call as `as`; the server decides whether it still holds.
// Pure: the storage is passed in, so the rules are tested without a phone.
import type { ApiResult } from '@/core/schemas/actions';

/** Where the choice lives: Taro storage in the app, a plain object in tests. */
export interface ChoiceStore {
  get(): string | null;
  set(userId: string): void;
  clear(): void;
}

export interface CallEvent {
  action: string;
  input: unknown;
  /** The chosen role's userId; absent: the server acts in the person's first role. */
  as?: string;
}

/** The server no longer knows the chosen role (revoked, removed, or another person signed in on this device). */
const CHOICE_GONE: ReadonlySet<string> = new Set(['ROLE_UNKNOWN', 'NOT_REGISTERED']);

/**
 * Sends the call as the chosen role. When the server says that role is gone, forgets the choice and asks
 * once more as the person's first role, so a revoked role never locks anyone out.
 */
export async function sendAsChosen<R extends ApiResult<unknown>>(
  send: (event: CallEvent) => Promise<R>,
  event: CallEvent,
  choice: ChoiceStore,
): Promise<R> {
  const chosen = choice.get();
  if (!chosen) return send(event);
  const result = await send({ ...event, as: chosen });
  if (result && !result.ok && CHOICE_GONE.has(result.error.code)) {
    choice.clear();
    return send(event);
  }
  return result;
}
