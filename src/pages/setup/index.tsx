import { SetupScreen } from '@/features/join/components/setup-screen';

export default function SetupPage() {
  return <SetupScreen />;
}
