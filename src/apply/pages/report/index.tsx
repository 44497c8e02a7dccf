import { useRouter } from '@tarojs/taro';
import { ReportForm } from '@/features/apply/components/report-form';

export default function ReportPage() {
  const { params } = useRouter();
  return <ReportForm applicationId={params.id} />;
}
