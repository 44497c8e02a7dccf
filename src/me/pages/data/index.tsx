import { PrivacyPrompt } from '@/components/privacy-prompt';
import { MyDataScreen } from '@/features/me/components/my-data-screen';

export default function MyDataPage() {
  // Copying the export to the clipboard needs the privacy guide agreed first (WeChat asks through the prompt).
  return (
    <>
      <MyDataScreen />
      <PrivacyPrompt />
    </>
  );
}
