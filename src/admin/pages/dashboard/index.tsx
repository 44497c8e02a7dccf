import { useRouter } from '@tarojs/taro';
import { DashboardScreen } from '@/features/admin/components/dashboard-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function DashboardPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <DashboardScreen programId={params.programId} /> : null;
}
