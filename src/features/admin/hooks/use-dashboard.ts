import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function useDashboard(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    return call('dashboard.get', { programId });
  }, [programIdFromRoute]);
}
