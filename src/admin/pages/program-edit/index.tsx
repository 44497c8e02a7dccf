import { useRouter } from '@tarojs/taro';
import { ProgramEditScreen } from '@/features/admin/components/program-edit-screen';
import { useSignedIn } from '@/features/common/use-signed-in';

export default function ProgramEditPage() {
  const { params } = useRouter();
  const signedIn = useSignedIn();
  return signedIn ? <ProgramEditScreen programId={params.programId ?? ''} preview={params.view === 'preview'} /> : null;
}
