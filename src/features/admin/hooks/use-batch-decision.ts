// 批量处理: one decision on many applications; the server answers per item, and the clerk sees each answer.
import { useState } from 'react';
import type { ApplicationView, BatchResultView } from '@/core/schemas/actions';
import { call, messageOf } from '@/lib/api';
import { showMessage } from '@/lib/feedback';
import type { BatchDecision } from '../staff-actions';

export interface BatchOutcome {
  decision: BatchDecision;
  results: BatchResultView;
}

export function useBatchDecision(onSettled: () => unknown) {
  const [running, setRunning] = useState<BatchDecision | null>(null);
  const [outcome, setOutcome] = useState<BatchOutcome | null>(null);

  async function run(decision: BatchDecision, applications: readonly Pick<ApplicationView, '_id' | 'version'>[]): Promise<void> {
    if (running || applications.length === 0) return;
    setRunning(decision);
    try {
      const results = await call('application.decideMany', {
        decision,
        items: applications.map((application) => ({ applicationId: application._id, version: application.version })),
      });
      setOutcome({ decision, results });
      void onSettled();
    } catch (error) {
      showMessage(messageOf(error));
    } finally {
      setRunning(null);
    }
  }

  return { running, outcome, run, dismiss: () => setOutcome(null) };
}
