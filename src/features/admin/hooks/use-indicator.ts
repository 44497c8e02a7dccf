import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

/** One indicator of a programme's board opened, with the programme (for the server's day). */
export function useIndicator(programId: string, indicatorKey: string) {
  return useRemote(async () => {
    const [indicator, program] = await Promise.all([
      call('dashboard.indicator', { programId, indicatorKey }),
      call('program.get', { programId }),
    ]);
    return { ...indicator, program };
  }, [programId, indicatorKey]);
}
