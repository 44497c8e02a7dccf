import { PrivacyScreen } from '@/features/me/components/privacy-screen';

export default function PrivacyPage() {
  return <PrivacyScreen />;
}
