// A staff decision with the version the clerk saw: a second clerk's earlier decision is reported, not overwritten.
import { useState } from 'react';
import type { ApplicationView, StaffDecision } from '@/core/schemas/actions';
import { ApiError, call, messageOf } from '@/lib/api';
import { showMessage, showSuccess } from '@/lib/feedback';
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
  const [deciding, setDeciding] = useState<StaffDecision | null>(null);

  async function decide(decision: StaffDecision, reason?: string): Promise<void> {
    if (!application || deciding) return;
    setDeciding(decision);
    try {
      await settle(
        () =>
          call('application.decide', {
            applicationId: application._id,
            version: application.version,
            decision,
            ...(reason ? { reason } : {}),
          }),
        doneText(decision),
        onSettled,
      );
    } finally {
      setDeciding(null);
    }
  }

  return { deciding, decide };
}
