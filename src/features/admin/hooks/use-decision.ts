// 批准立项 / 退回修改 with the version the clerk saw: a second clerk's earlier decision is reported, not overwritten.
import { useState } from 'react';
import type { ApplicationView } from '@/core/schemas/actions';
import { ApiError, call, messageOf } from '@/lib/api';
import { showMessage, showSuccess } from '@/lib/feedback';

export type Decision = 'approve' | 'return';

const STALE_CODES = new Set(['CONFLICT', 'TRANSITION_NOT_ALLOWED']);
export const STALE_MESSAGE = '该申报已被他人处理，请刷新';

export function useDecision(application: ApplicationView | null, onSettled: () => unknown) {
  const [deciding, setDeciding] = useState<Decision | null>(null);

  /**
   * Resolves when the dialog may close (done, or overtaken by another clerk); rejects to keep it open
   * with what the clerk typed, e.g. after a network failure.
   */
  async function decide(decision: Decision, reason?: string): Promise<void> {
    if (!application || deciding) return;
    setDeciding(decision);
    try {
      await call('application.decide', {
        applicationId: application._id,
        version: application.version,
        decision,
        ...(reason ? { reason } : {}),
      });
      showSuccess(decision === 'approve' ? '已批准立项' : '已退回修改');
      void onSettled();
    } catch (error) {
      if (error instanceof ApiError && STALE_CODES.has(error.code)) {
        showMessage(STALE_MESSAGE);
        void onSettled();
        return;
      }
      showMessage(messageOf(error));
      throw error;
    } finally {
      setDeciding(null);
    }
  }

  return { deciding, decide };
}
