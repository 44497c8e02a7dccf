// 批量分配评审专家: the organiser's experts (as the server offers them for the first application chosen), a
// selection, a confirmation with the count, then one call; the server judges recusal per application.
import { useState } from 'react';
import type { ActionOutput, ApplicationSummaryView } from '@/core/schemas/actions';
import { confirm, showMessage } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';
import { useRemote } from '@/features/common/use-remote';
import { assignReviews, reviewCandidates } from '../api/reviews';

export type BulkAssignmentResults = ActionOutput<'review.assignMany'>['results'];

export function useBulkAssignment(
  programId: string | null,
  chosen: readonly Pick<ApplicationSummaryView, '_id' | 'version'>[],
  onDone: () => unknown,
) {
  const [open, setOpen] = useState(false);
  const first = chosen[0]?._id ?? null;
  const candidates = useRemote(async () => (open && first ? reviewCandidates({ applicationId: first }) : []), [open, first]);
  const [selected, setSelected] = useState<string[]>([]);
  const action = useAction({ toast: showMessage });
  const [results, setResults] = useState<BulkAssignmentResults | null>(null);

  function toggle(userId: string) {
    setSelected((current) => (current.includes(userId) ? current.filter((id) => id !== userId) : [...current, userId]));
  }

  async function assign(): Promise<void> {
    if (!programId || selected.length === 0 || chosen.length === 0 || action.busy) return;
    const go = await confirm('批量分配评审专家', `将为 ${chosen.length} 份申报分配 ${selected.length} 位评审专家，确定？`);
    if (!go) return;
    const answer = await action.run(() =>
      assignReviews({
        programId,
        items: chosen.map((application) => ({ applicationId: application._id, version: application.version })),
        reviewerIds: selected,
      }),
    );
    if (!answer) return;
    setResults(answer.results);
    setSelected([]);
    setOpen(false);
    void onDone();
  }

  return {
    open,
    start: () => setOpen(true),
    cancel: () => (setOpen(false), setSelected([])),
    candidates,
    selected,
    toggle,
    assign,
    assigning: action.busy,
    results,
    dismiss: () => setResults(null),
  };
}
