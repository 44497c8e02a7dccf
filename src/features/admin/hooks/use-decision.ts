// A staff decision with the version the clerk saw: a second clerk's earlier decision is reported, not overwritten.
import type { ApplicationView, StaffDecision } from '@/core/schemas/actions';
import { ApiError, messageOf } from '@/lib/api-error';
import { showMessage, showSuccess } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';
import { decideApplication } from '../api/applications';
import { doneText } from '../staff-actions';

const STALE_CODES = new Set(['CONFLICT', 'TRANSITION_NOT_ALLOWED']);
export const STALE_MESSAGE = '该申报已被他人处理，请刷新';

export function isStale(error: unknown): boolean {
  return error instanceof ApiError && STALE_CODES.has(error.code);
}

/** Runs one remote change; resolves when its dialog may close, rejects (after a message) to keep it open. */
export async function settle<T>(work: () => Promise<T>, success: string, onSettled: () => unknown): Promise<T | null> {
  try {
    const result = await work();
    showSuccess(success);
    void onSettled();
    return result;
  } catch (error) {
    if (isStale(error)) {
      showMessage(STALE_MESSAGE);
      void onSettled();
      return null;
    }
    showMessage(messageOf(error));
    throw error;
  }
}

export function useDecision(application: Pick<ApplicationView, '_id' | 'version'> | null, onSettled: () => unknown) {
  // settle shows the refusal; the runner keeps busy (which decision spins) and ignores a second tap.
  const action = useAction<StaffDecision>();

  async function decide(decision: StaffDecision, reason?: string): Promise<void> {
    if (!application) return;
    await action.run(
      () =>
        settle(
          () =>
            decideApplication({
              applicationId: application._id,
              version: application.version,
              decision,
              ...(reason ? { reason } : {}),
            }),
          doneText(decision),
          onSettled,
        ),
      decision,
    );
  }

  return { deciding: action.running, decide };
}
