import { getProgram } from '@/features/common/api/shared';
import { useRemote } from '@/features/common/use-remote';
import { dashboardIndicator } from '../api/dashboard';

/** One indicator of a programme's board opened, with the programme (for the server's day). */
export function useIndicator(programId: string, indicatorKey: string) {
  return useRemote(async () => {
    const [indicator, program] = await Promise.all([dashboardIndicator({ programId, indicatorKey }), getProgram({ programId })]);
    return { ...indicator, program };
  }, [programId, indicatorKey]);
}
