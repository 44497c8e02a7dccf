import { PeopleScreen } from '@/features/admin/components/people-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function PeoplePage() {
  const signedIn = useSignedIn();
  return signedIn ? <PeopleScreen /> : null;
}
