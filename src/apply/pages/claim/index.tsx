import { useRouter } from '@tarojs/taro';
import { PrivacyPrompt } from '@/components/privacy-prompt';
import { ClaimForm } from '@/features/apply/components/claim-form';

export default function ClaimPage() {
  const { params } = useRouter();
  // Photos and files need the privacy guide agreed first (WeChat asks through the prompt).
  return (
    <>
      <ClaimForm applicationId={params.id} />
      <PrivacyPrompt />
    </>
  );
}
