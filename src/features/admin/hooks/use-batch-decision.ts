// 批量处理: one decision on many applications; the server settles as many as fit in the call and carries on the
// rest, answering per item: the clerk sees 已处理 N/M while it runs, then each answer.
import { useState } from 'react';
import type { ApplicationView, BatchJobView } from '@/core/schemas/actions';
import { showMessage } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';
import { decideApplications } from '../api/applications';
import type { BatchDecision } from '../staff-actions';
import { useBatchProgress } from './use-batch-progress';

export interface BatchOutcome {
  decision: BatchDecision;
  job: BatchJobView;
}

export function useBatchDecision(onSettled: () => unknown) {
  const action = useAction<BatchDecision>({ toast: showMessage });
  const [decision, setDecision] = useState<BatchDecision | null>(null);
  const progress = useBatchProgress(() => onSettled());

  async function run(chosen: BatchDecision, applications: readonly Pick<ApplicationView, '_id' | 'version'>[]): Promise<void> {
    if (applications.length === 0) return;
    const job = await action.run(
      () =>
        decideApplications({
          decision: chosen,
          items: applications.map((application) => ({ applicationId: application._id, version: application.version })),
        }),
      chosen,
    );
    if (!job) return;
    setDecision(chosen);
    progress.follow(job);
    void onSettled();
  }

  const outcome: BatchOutcome | null = decision && progress.job ? { decision, job: progress.job } : null;
  return {
    running: action.running,
    outcome,
    run,
    dismiss: () => {
      setDecision(null);
      progress.clear();
    },
  };
}
