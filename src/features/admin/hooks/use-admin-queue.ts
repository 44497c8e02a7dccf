// The secretariat's queue: every application of the programme in one call, grouped by stage here, so the
// stage tabs switch instantly and each shows how many wait for the secretariat.
import { useMemo } from 'react';
import type { ApplicationView } from '@/core/schemas/actions';
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { needsStaff, queueStages, type QueueStage } from '../staff-actions';
import { resolveProgramId } from './program-id';

function timeOf(iso: string | null): number {
  return iso ? new Date(iso).getTime() : 0;
}

/** What waits for the secretariat first, oldest first (first come, first served); the rest most recently changed first. */
export function orderQueue(applications: readonly ApplicationView[]): ApplicationView[] {
  const waiting = applications.filter(needsStaff).sort((a, b) => timeOf(a.submittedAt) - timeOf(b.submittedAt));
  const rest = applications.filter((application) => !needsStaff(application)).sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt));
  return [...waiting, ...rest];
}

export interface StageCount {
  total: number;
  waiting: number;
}

export function countByStage(applications: readonly ApplicationView[]): Record<QueueStage, StageCount> {
  const counts = Object.fromEntries(queueStages.map((stage) => [stage, { total: 0, waiting: 0 }])) as Record<QueueStage, StageCount>;
  for (const application of applications) {
    const count = counts[application.stage as QueueStage];
    if (!count) continue;
    count.total += 1;
    if (needsStaff(application)) count.waiting += 1;
  }
  return counts;
}

/** The application to open after this one: the next that waits for the secretariat, in queue order. */
export function nextWaiting(applications: readonly ApplicationView[], currentId: string): { id: string | null; remaining: number } {
  const waiting = orderQueue(applications).filter((application) => needsStaff(application) && application._id !== currentId);
  const ordered = orderQueue(applications);
  const index = ordered.findIndex((application) => application._id === currentId);
  const after = index < 0 ? waiting : [...ordered.slice(index + 1), ...ordered.slice(0, index)].filter((a) => waiting.includes(a));
  return { id: after[0]?._id ?? null, remaining: waiting.length };
}

export function useAdminQueue(programIdFromRoute: string | undefined, stage: QueueStage) {
  const remote = useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    return { programId, applications: await call('application.queue', { programId }) };
  }, [programIdFromRoute]);
  const applications = remote.data?.applications;
  const counts = useMemo(() => countByStage(applications ?? []), [applications]);
  const visible = useMemo(
    () => orderQueue((applications ?? []).filter((application) => application.stage === stage)),
    [applications, stage],
  );
  return { ...remote, programId: remote.data?.programId ?? null, counts, visible };
}
