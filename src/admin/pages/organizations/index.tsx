import { OrganizationsScreen } from '@/features/admin/components/organizations-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function OrganizationsPage() {
  const signedIn = useSignedIn();
  return signedIn ? <OrganizationsScreen /> : null;
}
