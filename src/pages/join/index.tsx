import { useRouter } from '@tarojs/taro';
import { codeFromPageParams } from '@/features/join/invitation-code';
import { JoinScreen } from '@/features/join/components/join-screen';

export default function JoinPage() {
  const { params } = useRouter();
  return <JoinScreen initialCode={codeFromPageParams(params)} />;
}
