import { useRouter } from '@tarojs/taro';
import { PrivacyPrompt } from '@/components/privacy-prompt';
import { ApplicationEditor } from '@/features/apply/components/application-editor';

export default function EditApplicationPage() {
  const { params } = useRouter();
  // Photos and files need the privacy guide agreed first (WeChat asks through the prompt).
  return (
    <>
      <ApplicationEditor applicationId={params.id} programId={params.programId} />
      <PrivacyPrompt />
    </>
  );
}
