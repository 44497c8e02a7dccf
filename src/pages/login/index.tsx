import { DemoLogin } from '@/features/home/components/demo-login';

export default function LoginPage() {
  return <DemoLogin />;
}
