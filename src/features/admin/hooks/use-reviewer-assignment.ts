// 分配评审专家: the candidates the server offers (with who is excluded and why), a selection, and the assignment.
import { useState } from 'react';
import type { ActionOutput } from '@/core/schemas/actions';
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { settle } from './use-decision';

type Excluded = ActionOutput<'review.assign'>['excluded'];

export function useReviewerAssignment(application: { _id: string; version: number }, enabled: boolean, onAssigned: () => unknown) {
  const candidates = useRemote(
    async () => (enabled ? call('review.candidates', { applicationId: application._id }) : []),
    [application._id, application.version, enabled],
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [assigning, setAssigning] = useState(false);
  const [excluded, setExcluded] = useState<Excluded | null>(null);

  function toggle(userId: string) {
    setSelected((current) => (current.includes(userId) ? current.filter((id) => id !== userId) : [...current, userId]));
  }

  async function assign(): Promise<void> {
    if (selected.length === 0 || assigning) return;
    setAssigning(true);
    try {
      const result = await settle(
        () => call('review.assign', { applicationId: application._id, version: application.version, reviewerIds: selected }),
        '已分配',
        onAssigned,
      );
      if (result) {
        setExcluded(result.excluded);
        setSelected([]);
      }
    } catch {
      // settle showed the message; the selection stays for another try.
    } finally {
      setAssigning(false);
    }
  }

  return { candidates, selected, toggle, assign, assigning, excluded };
}
