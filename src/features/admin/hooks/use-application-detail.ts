// One application as the secretariat sees it, plus its stage's queue to step to the next one that waits.
import { useCallback, useMemo, useRef } from 'react';
import { getApplication } from '@/features/common/api/shared';
import { useRemote } from '@/features/common/use-remote';
import { applicationQueue } from '../api/applications';
import { isQueueStage, type QueueStage } from '../staff-actions';
import { nextWaiting } from './use-admin-queue';

/** How far along the stage's queue "next" looks: its first page, at the largest page the server answers. */
const NEXT_LOOKS_AT = 100;

export function useApplicationDetail(applicationId: string, stageFromRoute: string | undefined) {
  const detail = useRemote(() => getApplication({ applicationId }), [applicationId]);
  const programId = detail.data?.program._id;
  // The queue the clerk came from: it stays the same after a decision moves this application to the next stage.
  const firstStage = useRef<QueueStage | null>(null);
  if (!firstStage.current && detail.data) {
    const stage = isQueueStage(stageFromRoute) ? stageFromRoute : detail.data.application.stage;
    firstStage.current = isQueueStage(stage) ? stage : null;
  }
  const stage = isQueueStage(stageFromRoute) ? stageFromRoute : firstStage.current;
  const pending = useRemote(
    async () => (programId && stage ? (await applicationQueue({ programId, stage, limit: NEXT_LOOKS_AT })).items : []),
    [programId, stage],
  );

  const next = useMemo(() => nextWaiting(pending.data ?? [], applicationId), [pending.data, applicationId]);

  const { reload: reloadDetail } = detail;
  const { reload: reloadPending } = pending;
  const reload = useCallback(async () => {
    await Promise.all([reloadDetail(), reloadPending()]);
  }, [reloadDetail, reloadPending]);

  return { ...detail, reload, next, stage };
}
