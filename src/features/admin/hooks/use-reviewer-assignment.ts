// 分配评审专家: the candidates the server offers (with who is excluded and why), a selection, and the assignment.
import { useState } from 'react';
import type { ActionOutput } from '@/core/schemas/actions';
import { useAction } from '@/features/common/use-action';
import { useRemote } from '@/features/common/use-remote';
import { assignReview, reviewCandidates } from '../api/reviews';
import { settle } from './use-decision';

type Excluded = ActionOutput<'review.assign'>['excluded'];

export function useReviewerAssignment(application: { _id: string; version: number }, enabled: boolean, onAssigned: () => unknown) {
  const candidates = useRemote(
    async () => (enabled ? reviewCandidates({ applicationId: application._id }) : []),
    [application._id, application.version, enabled],
  );
  const [selected, setSelected] = useState<string[]>([]);
  // settle shows the refusal; the selection stays for another try.
  const action = useAction();
  const [excluded, setExcluded] = useState<Excluded | null>(null);

  function toggle(userId: string) {
    setSelected((current) => (current.includes(userId) ? current.filter((id) => id !== userId) : [...current, userId]));
  }

  async function assign(): Promise<void> {
    if (selected.length === 0) return;
    const result = await action.run(() =>
      settle(
        () => assignReview({ applicationId: application._id, version: application.version, reviewerIds: selected }),
        '已分配',
        onAssigned,
      ),
    );
    if (result) {
      setExcluded(result.excluded);
      setSelected([]);
    }
  }

  return { candidates, selected, toggle, assign, assigning: action.busy, excluded };
}
