// The applicant's own application, by the id in the page's route (report and claim pages).
import type { ApplicationDetail } from '@/core/schemas/actions';
import { ApiError } from '@/lib/api-error';
import { getApplication } from '@/features/common/api/shared';
import { useRemote } from '@/features/common/use-remote';

export const MISSING_ID_MESSAGE = '缺少申报编号，请从“我的申报”进入';

export function useOwnApplication(applicationId: string | undefined) {
  return useRemote<ApplicationDetail>(async () => {
    if (!applicationId) throw new ApiError('INVALID_INPUT', MISSING_ID_MESSAGE);
    return getApplication({ applicationId });
  }, [applicationId]);
}
