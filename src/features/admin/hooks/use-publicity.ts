// 公示管理: the programme, the awards waiting for each kind of notice its stages have, and its notices.
import { listedStatuses, noticeKindsOf } from '@/core/publicity/notice-kinds';
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';
import { resolveProgramId } from './program-id';

export function usePublicity(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const [program, notices] = await Promise.all([call('program.get', { programId }), call('publicity.list', { programId })]);
    const waiting = await Promise.all(
      noticeKindsOf(program.stages).map(async (kind) => ({
        kind,
        applications: (await Promise.all(listedStatuses(kind).map((status) => call('application.queue', { programId, status })))).flat(),
      })),
    );
    return { program, waiting, notices };
  }, [programIdFromRoute]);
}

export function useObjections(publicityId: string, enabled: boolean) {
  return useRemote(async () => (enabled ? call('objection.list', { publicityId }) : []), [publicityId, enabled]);
}
