import { useRouter } from '@tarojs/taro';
import { MyApplications } from '@/features/apply/components/my-applications';

export default function MyApplicationsPage() {
  const { params } = useRouter();
  return <MyApplications programId={params.programId} />;
}
