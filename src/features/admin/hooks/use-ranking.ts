import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function useRanking(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    return { programId, ranking: await call('review.ranking', { programId }) };
  }, [programIdFromRoute]);
}
