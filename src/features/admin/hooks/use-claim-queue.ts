// The claims waiting for the secretariat's verification across the programme's awards, oldest first.
import { useRemote } from '@/features/common/use-remote';
import { claimQueue } from '../api/awards';
import { resolveProgramId } from './program-id';

export function useClaimQueue(programIdFromRoute: string | undefined) {
  return useRemote(async () => claimQueue({ programId: await resolveProgramId(programIdFromRoute) }), [programIdFromRoute]);
}
