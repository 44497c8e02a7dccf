import { useRouter } from '@tarojs/taro';
import { ApplicationEditor } from '@/features/apply/components/application-editor';

export default function EditApplicationPage() {
  const { params } = useRouter();
  return <ApplicationEditor applicationId={params.id} programId={params.programId} />;
}
