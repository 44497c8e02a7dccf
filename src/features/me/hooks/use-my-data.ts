// 我的数据: everything the system holds about the signed-in person, in one call.
import { call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

export function useMyData() {
  return useRemote(() => call('me.export', {}), []);
}
