import { ReviewQueueScreen } from '@/features/review/components/review-queue-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function ReviewQueuePage() {
  const signedIn = useSignedIn();
  return signedIn ? <ReviewQueueScreen /> : null;
}
