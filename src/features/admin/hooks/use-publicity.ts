// 公示管理: the programme, its shortlist waiting for a notice, and its notices.
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function usePublicity(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const [program, shortlist, notices] = await Promise.all([
      call('program.get', { programId }),
      call('application.queue', { programId, status: 'shortlisted' }),
      call('publicity.list', { programId }),
    ]);
    return { program, shortlist, notices };
  }, [programIdFromRoute]);
}

export function useObjections(publicityId: string, enabled: boolean) {
  return useRemote(async () => (enabled ? call('objection.list', { publicityId }) : []), [publicityId, enabled]);
}
