// A public notice (公示), read without signing in.
import { ApiError } from '@/lib/api-error';
import { useRemote } from '@/features/common/use-remote';
import { getPublicNotice } from '../api/notices';

export function usePublicNotice(publicityId: string | undefined) {
  return useRemote(async () => {
    if (!publicityId) throw new ApiError('INVALID_INPUT', '链接不完整：缺少公示编号');
    return getPublicNotice({ publicityId });
  }, [publicityId]);
}

export type PublicNoticeRemote = ReturnType<typeof usePublicNotice>;
