import { useRouter } from '@tarojs/taro';
import { ReviewScreen } from '@/features/review/components/review-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function ReviewScorePage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <ReviewScreen reviewId={params.id ?? ''} /> : null;
}
