import { useRouter } from '@tarojs/taro';
import { PrivacyPrompt } from '@/components/privacy-prompt';
import { ReportForm } from '@/features/apply/components/report-form';

export default function ReportPage() {
  const { params } = useRouter();
  // Photos and files need the privacy guide agreed first (WeChat asks through the prompt).
  return (
    <>
      <ReportForm applicationId={params.id} />
      <PrivacyPrompt />
    </>
  );
}
