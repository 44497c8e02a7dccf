// Who is signed in and which programmes they can see, loaded together for the home screen. A person WeChat
// knows but no one has invited yet is not an error: the home screen shows them how to join.
import { ApiError } from '@/lib/api-error';
import { currentSession, listPrograms } from '@/features/common/api/shared';
import { useRemote } from '@/features/common/use-remote';

export function useHome(enabled: boolean) {
  return useRemote(async () => {
    if (!enabled) return null;
    try {
      const [session, programs] = await Promise.all([currentSession(), listPrograms()]);
      return { registered: true as const, session, programs };
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'NOT_REGISTERED') return { registered: false as const };
      throw failure;
    }
  }, [enabled]);
}
