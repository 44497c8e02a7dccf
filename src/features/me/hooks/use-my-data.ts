// 我的数据: everything the system holds about the signed-in person, in one call.
import { useRemote } from '@/features/common/use-remote';
import { exportMyData } from '../api/my-data';

export function useMyData() {
  return useRemote(() => exportMyData(), []);
}
