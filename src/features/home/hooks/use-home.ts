// Who is signed in and which programmes they can see, loaded together for the home screen. A person WeChat
// knows but no one has invited yet is not an error: the home screen shows them how to join.
import { ApiError, call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

export function useHome(enabled: boolean) {
  return useRemote(async () => {
    if (!enabled) return null;
    try {
      const [session, programs] = await Promise.all([call('session.me', {}), call('program.list', {})]);
      return { registered: true as const, session, programs };
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'NOT_REGISTERED') return { registered: false as const };
      throw failure;
    }
  }, [enabled]);
}
