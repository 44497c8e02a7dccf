import { useRouter } from '@tarojs/taro';
import { RankingScreen } from '@/features/admin/components/ranking-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function RankingPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <RankingScreen programId={params.programId} /> : null;
}
