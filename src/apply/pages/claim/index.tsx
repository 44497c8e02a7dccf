import { useRouter } from '@tarojs/taro';
import { ClaimForm } from '@/features/apply/components/claim-form';

export default function ClaimPage() {
  const { params } = useRouter();
  return <ClaimForm applicationId={params.id} />;
}
