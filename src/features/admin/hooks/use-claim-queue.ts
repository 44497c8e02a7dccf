// The claims waiting for the secretariat's verification across the programme's awards, oldest first, a page at a
// time, filtered on the server. A claim verified or rejected on its award's page leaves the loaded list when the
// queue shows again, without reloading the pages already loaded (only a lone first page is read again).
import { useDidShow } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { usePaged } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { claimQueue } from '../api/awards';
import { claimFilterInput, withoutSettled, type ClaimFilters } from '../staff-actions';
import { resolveProgramId } from './program-id';

/** A page of claims: a few phone screens. */
export const CLAIM_PAGE = 20;

/** Claims settled since the queue last showed (this app's pages share the module). */
const settledSinceShown = new Set<string>();

/** Notes a claim verified or rejected, for the queue to drop when it shows again. */
export function noteClaimSettled(claimId: string): void {
  settledSinceShown.add(claimId);
}

export function useClaimQueue(programIdFromRoute: string | undefined, filters: ClaimFilters) {
  const program = useRemote(() => resolveProgramId(programIdFromRoute), [programIdFromRoute]);
  const programId = program.data;
  const input = claimFilterInput(filters);
  const paged = usePaged(
    async (cursor) => (programId ? claimQueue({ programId, ...input, cursor, limit: CLAIM_PAGE }) : { items: [], nextCursor: null }),
    (claim) => claim._id,
    [programId, JSON.stringify(input)],
  );
  const [settled, setSettled] = useState<readonly string[]>([]);
  useDidShow(() => {
    if (settledSinceShown.size === 0) return;
    const ids = [...settledSinceShown];
    settledSinceShown.clear();
    setSettled((before) => [...before, ...ids]);
  });
  const claims = useMemo(() => (programId && paged.items ? withoutSettled(paged.items, settled) : null), [programId, paged.items, settled]);
  /** Coming back to the queue: read it again when no more than its first page was loaded, else keep the pages loaded. */
  const refresh = () => ((paged.items?.length ?? 0) > CLAIM_PAGE ? undefined : paged.reload());
  return { ...paged, loading: program.loading || paged.loading, error: program.error ?? paged.error, claims, refresh };
}
