import { HomeScreen } from '@/features/home/components/home-screen';

export default function IndexPage() {
  return <HomeScreen />;
}
