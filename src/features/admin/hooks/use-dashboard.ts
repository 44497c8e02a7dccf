import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function useDashboard(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const [dashboard, program] = await Promise.all([call('dashboard.get', { programId }), call('program.get', { programId })]);
    return { ...dashboard, programView: program };
  }, [programIdFromRoute]);
}
