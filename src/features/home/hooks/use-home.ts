// Who is signed in and which programmes they can see, loaded together for the home screen.
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

export function useHome(enabled: boolean) {
  return useRemote(async () => {
    if (!enabled) return null;
    const [session, programs] = await Promise.all([call('session.me', {}), call('program.list', {})]);
    return { session, programs };
  }, [enabled]);
}
