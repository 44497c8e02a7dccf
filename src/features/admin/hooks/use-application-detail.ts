// One application as the secretariat sees it, plus the pending queue to step to the next one.
import { useCallback, useMemo } from 'react';
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { filterQueue, nextSubmittedId } from './use-admin-queue';

export function useApplicationDetail(applicationId: string) {
  const detail = useRemote(() => call('application.get', { applicationId }), [applicationId]);
  const programId = detail.data?.program._id;
  const pending = useRemote(async () => (programId ? call('application.queue', { programId, status: 'submitted' }) : []), [programId]);

  const next = useMemo(() => {
    const queue = pending.data ?? [];
    return {
      id: nextSubmittedId(queue, applicationId),
      remaining: filterQueue(queue, 'submitted').filter((application) => application._id !== applicationId).length,
    };
  }, [pending.data, applicationId]);

  const { reload: reloadDetail } = detail;
  const { reload: reloadPending } = pending;
  const reload = useCallback(async () => {
    await Promise.all([reloadDetail(), reloadPending()]);
  }, [reloadDetail, reloadPending]);

  return { ...detail, reload, next };
}
