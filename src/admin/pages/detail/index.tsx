import { useRouter } from '@tarojs/taro';
import { ApplicationDetailScreen } from '@/features/admin/components/application-detail-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function AdminDetailPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <ApplicationDetailScreen applicationId={params.id ?? ''} stage={params.stage} /> : null;
}
