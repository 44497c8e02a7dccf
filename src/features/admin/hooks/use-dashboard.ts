import { getProgram } from '@/features/common/api/shared';
import { useRemote } from '@/features/common/use-remote';
import { getDashboard } from '../api/dashboard';
import { resolveProgramId } from './program-id';

export function useDashboard(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const [dashboard, program] = await Promise.all([getDashboard({ programId }), getProgram({ programId })]);
    return { ...dashboard, programView: program };
  }, [programIdFromRoute]);
}
