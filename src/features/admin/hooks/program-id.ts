// Which programme an admin screen shows: the route's programId, or else the caller's newest programme,
// so the home page's plain links still open a useful screen.
import { ApiError } from '@/lib/api-error';
import { listPrograms } from '@/features/common/api/shared';

let newestProgramId: Promise<string> | null = null;

export function resolveProgramId(fromRoute: string | undefined): Promise<string> {
  if (fromRoute) return Promise.resolve(fromRoute);
  newestProgramId ??= listPrograms().then((programs) => {
    const newest = programs[0];
    if (!newest) throw new ApiError('NOT_FOUND', '暂无奖补项目');
    return newest._id;
  });
  newestProgramId.catch(() => {
    newestProgramId = null;
  });
  return newestProgramId;
}
