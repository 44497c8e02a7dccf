import { ProgramsScreen } from '@/features/admin/components/programs-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function ProgramsPage() {
  const signedIn = useSignedIn();
  return signedIn ? <ProgramsScreen /> : null;
}
