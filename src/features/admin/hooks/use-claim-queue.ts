// The claims waiting for the secretariat's verification across the programme's awards, oldest first.
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function useClaimQueue(programIdFromRoute: string | undefined) {
  return useRemote(async () => call('claim.queue', { programId: await resolveProgramId(programIdFromRoute) }), [programIdFromRoute]);
}
