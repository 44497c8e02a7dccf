// The secretariat's queue: one stage's applications a page at a time (oldest submission first, from the server);
// of those loaded, what waits for the secretariat shows first.
import { useMemo } from 'react';
import type { ApplicationSummaryView } from '@/core/schemas/actions';
import { usePaged } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { applicationQueue } from '../api/applications';
import { needsStaff, queueFilterInput, type QueueFilters, type QueueStage } from '../staff-actions';
import { resolveProgramId } from './program-id';

/** A page of the queue: enough for a phone screen several times over. */
export const QUEUE_PAGE = 30;

function timeOf(iso: string | null): number {
  return iso ? new Date(iso).getTime() : 0;
}

/** What waits for the secretariat first, oldest first (first come, first served); the rest most recently changed first. */
export function orderQueue(applications: readonly ApplicationSummaryView[]): ApplicationSummaryView[] {
  const waiting = applications.filter(needsStaff).sort((a, b) => timeOf(a.submittedAt) - timeOf(b.submittedAt));
  const rest = applications.filter((application) => !needsStaff(application)).sort((a, b) => timeOf(b.updatedAt) - timeOf(a.updatedAt));
  return [...waiting, ...rest];
}

export interface StageCount {
  /** How many applications the stage has: the server's running count, else those loaded so far. */
  total: number;
  /** total is the server's count of the whole stage, not only of the loaded pages. */
  totalKnown: boolean;
  /** How many of the loaded ones wait for the secretariat. */
  waiting: number;
  /** More follow the loaded ones: waiting (and total, when not known) are at least these. */
  more: boolean;
}

export function countLoaded(applications: readonly ApplicationSummaryView[], more: boolean, total: number | null): StageCount {
  return { total: total ?? applications.length, totalKnown: total !== null, waiting: applications.filter(needsStaff).length, more };
}

/** The application to open after this one: the next that waits for the secretariat, in queue order. */
export function nextWaiting(applications: readonly ApplicationSummaryView[], currentId: string): { id: string | null; remaining: number } {
  const waiting = orderQueue(applications).filter((application) => needsStaff(application) && application._id !== currentId);
  const ordered = orderQueue(applications);
  const index = ordered.findIndex((application) => application._id === currentId);
  const after = index < 0 ? waiting : [...ordered.slice(index + 1), ...ordered.slice(0, index)].filter((a) => waiting.includes(a));
  return { id: after[0]?._id ?? null, remaining: waiting.length };
}

export function useAdminQueue(programIdFromRoute: string | undefined, stage: QueueStage, filters: QueueFilters = {}) {
  const program = useRemote(() => resolveProgramId(programIdFromRoute), [programIdFromRoute]);
  const programId = program.data;
  const filterKey = JSON.stringify(queueFilterInput(filters));
  const paged = usePaged(
    async (cursor) =>
      programId
        ? applicationQueue({ programId, stage, ...queueFilterInput(filters), cursor, limit: QUEUE_PAGE })
        : { items: [], nextCursor: null },
    (application) => application._id,
    [programId, stage, filterKey],
  );
  const loaded = programId ? paged.items : null;
  const count = useMemo(() => (loaded ? countLoaded(loaded, paged.more, paged.total) : null), [loaded, paged.more, paged.total]);
  const visible = useMemo(() => orderQueue(loaded ?? []), [loaded]);
  return {
    ...paged,
    loading: program.loading || paged.loading,
    error: program.error ?? paged.error,
    reload: programId ? paged.reload : program.reload,
    programId,
    applications: loaded,
    count,
    visible,
  };
}
