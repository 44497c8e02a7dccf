// The secretariat's queue: one call for every submitted-or-later application, filtered here, so switching
// tabs is instant and each tab can show its count.
import { useMemo } from 'react';
import type { ApplicationView } from '@/core/schemas/actions';
import type { ApplicationStatus } from '@/core/workflow/award-workflow';
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export type QueueFilter = Exclude<ApplicationStatus, 'draft'> | 'all';

export const queueFilters: { value: QueueFilter; label: string }[] = [
  { value: 'submitted', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'approved', label: '已立项' },
  { value: 'all', label: '全部' },
];

function timeOf(iso: string | null): number {
  return iso ? new Date(iso).getTime() : 0;
}

/** Pending work oldest first (first come, first served); everything else most recently changed first. */
export function filterQueue(applications: readonly ApplicationView[], filter: QueueFilter): ApplicationView[] {
  if (filter === 'submitted') {
    return applications
      .filter((application) => application.status === 'submitted')
      .sort((a, b) => timeOf(a.submittedAt) - timeOf(b.submittedAt));
  }
  return applications
    .filter((application) => filter === 'all' || application.status === filter)
    .sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt));
}

export function countByFilter(applications: readonly ApplicationView[]): Record<QueueFilter, number> {
  const counts: Record<QueueFilter, number> = { submitted: 0, returned: 0, approved: 0, all: 0 };
  for (const application of applications) {
    counts.all += 1;
    if (application.status !== 'draft') counts[application.status] += 1;
  }
  return counts;
}

/** The submitted application to open after this one, in queue order; null when none is left. */
export function nextSubmittedId(applications: readonly ApplicationView[], currentId: string): string | null {
  const pending = filterQueue(applications, 'submitted');
  const index = pending.findIndex((application) => application._id === currentId);
  const after = index < 0 ? pending : [...pending.slice(index + 1), ...pending.slice(0, index)];
  return after.find((application) => application._id !== currentId)?._id ?? null;
}

export function useAdminQueue(programIdFromRoute: string | undefined, filter: QueueFilter) {
  const remote = useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    return { programId, applications: await call('application.queue', { programId }) };
  }, [programIdFromRoute]);
  const applications = remote.data?.applications;
  const counts = useMemo(() => countByFilter(applications ?? []), [applications]);
  const visible = useMemo(() => filterQueue(applications ?? [], filter), [applications, filter]);
  return { ...remote, programId: remote.data?.programId ?? null, counts, visible };
}
