import { useRouter } from '@tarojs/taro';
import { AdminQueueScreen } from '@/features/admin/components/admin-queue-screen';
import { isQueueStage } from '@/features/admin/staff-actions';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function AdminQueuePage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? (
    <AdminQueueScreen programId={params.programId} initialStage={isQueueStage(params.stage) ? params.stage : undefined} />
  ) : null;
}
