import { useRouter } from '@tarojs/taro';
import { OrganizationDetailScreen } from '@/features/admin/components/organization-detail-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function OrganizationPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <OrganizationDetailScreen organizationId={params.id ?? ''} /> : null;
}
