import { useRouter } from '@tarojs/taro';
import { PublicityScreen } from '@/features/admin/components/publicity-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function PublicityPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <PublicityScreen programId={params.programId} /> : null;
}
