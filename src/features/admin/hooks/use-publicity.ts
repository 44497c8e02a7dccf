// 公示管理: the programme, the awards waiting for each kind of notice its stages have, and its notices.
import { listedStatuses, noticeKindsOf } from '@/core/publicity/notice-kinds';
import { getProgram } from '@/features/common/api/shared';
import { allPages } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { applicationQueue } from '../api/applications';
import { listObjections, listPublicity } from '../api/publicity';
import { resolveProgramId } from './program-id';

export function usePublicity(programIdFromRoute: string | undefined) {
  return useRemote(async () => {
    const programId = await resolveProgramId(programIdFromRoute);
    const [program, notices] = await Promise.all([getProgram({ programId }), listPublicity({ programId })]);
    // A notice lists every award waiting for it: the whole list, a page at a time.
    const waiting = await Promise.all(
      noticeKindsOf(program.stages).map(async (kind) => ({
        kind,
        applications: await allPages((cursor) => applicationQueue({ programId, statuses: [...listedStatuses(kind)], cursor, limit: 100 })),
      })),
    );
    return { program, waiting, notices };
  }, [programIdFromRoute]);
}

export function useObjections(publicityId: string, enabled: boolean) {
  return useRemote(async () => (enabled ? listObjections({ publicityId }) : []), [publicityId, enabled]);
}
