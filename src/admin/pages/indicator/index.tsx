import { useRouter } from '@tarojs/taro';
import { IndicatorDetailScreen } from '@/features/admin/components/indicator-detail-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function IndicatorPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? (
    <IndicatorDetailScreen programId={params.programId ?? ''} indicatorKey={params.indicatorKey ?? ''} record={params.record === '1'} />
  ) : null;
}
