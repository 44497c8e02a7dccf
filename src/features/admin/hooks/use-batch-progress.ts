// A batch the server carries on past one call (decisions, a notice opened or closed): while it runs, its progress
// is read again every few seconds (batch.get) until every item is settled.
import { useEffect, useRef, useState } from 'react';
import type { BatchJobView } from '@/core/schemas/actions';
import { getBatch } from '../api/applications';

const POLL_MS = 3000;

export function useBatchProgress(onDone?: (job: BatchJobView) => unknown) {
  const [job, setJob] = useState<BatchJobView | null>(null);
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const jobId = job?.status === 'running' ? job.id : null;
    if (!job || !jobId) return undefined;
    let cancelled = false;
    const timer = setTimeout(() => {
      getBatch({ jobId })
        .then((next) => {
          if (cancelled) return;
          setJob(next);
          if (next.status === 'done') void done.current?.(next);
        })
        // A failed read is tried again at the next tick (the job goes on on the server regardless).
        .catch(() => !cancelled && setJob({ ...job }));
    }, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [job]);

  /** Follows a job the server answered with (nothing to follow once it is done). */
  function follow(started: BatchJobView) {
    setJob(started);
    if (started.status === 'done') void done.current?.(started);
  }

  return { job, follow, clear: () => setJob(null) };
}

/** 已处理 N/M while a batch runs; null once it is done. */
export function progressText(job: BatchJobView | null): string | null {
  return job && job.status === 'running' ? `已处理 ${job.done}/${job.total}，其余由系统在后台继续处理，本页自动刷新` : null;
}
