// The public notice: opened from a shared card by anyone. No sign-in is asked here.
import { useRouter } from '@tarojs/taro';
import { PublicNoticeScreen } from '@/features/publicity/components/public-notice-screen';
import { usePublicNotice } from '@/features/publicity/hooks/use-public-notice';
import { pathOf } from '@/lib/navigation';
import { useShareCard } from '@/lib/share';

export default function PublicNoticePage() {
  const { params } = useRouter();
  const notice = usePublicNotice(params.id);
  useShareCard(() => ({
    title: notice.data ? `${notice.data.title}（${notice.data.periodText}）` : '公示',
    path: pathOf('publicNotice', params.id ? { id: params.id } : {}),
  }));
  return <PublicNoticeScreen notice={notice} />;
}
