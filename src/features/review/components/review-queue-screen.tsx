// 评审任务: the expert's reviews, what still needs doing first.
import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import { useMemo } from 'react';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ReviewView } from '@/core/schemas/actions';
import { currentSession } from '@/features/common/api/shared';
import { myReviews } from '../api/reviews';
import { go } from '@/lib/navigation';
import { Card } from '@/components/card';
import { LoadMore } from '@/components/load-more';
import { PageState } from '@/components/page-state';
import { usePaged } from '@/features/common/use-paged';
import { useRemote } from '@/features/common/use-remote';
import { useReloadOnShow } from '@/features/common/use-reload-on-show';
import { reviewDueText } from '../review-tasks';
import '../review.css';

const statusTags: Record<ReviewView['status'], { label: string; type: 'warning' | 'primary' | 'success' }> = {
  assigned: { label: '待评审', type: 'warning' },
  declared: { label: '评审中', type: 'primary' },
  submitted: { label: '已提交', type: 'success' },
  withdrawn: { label: '已撤回', type: 'warning' },
};

const order: Record<ReviewView['status'], number> = { declared: 0, assigned: 1, submitted: 2, withdrawn: 3 };

/** A page of tasks: more than an expert usually has in one round. */
const PAGE = 50;

export function ReviewQueueScreen() {
  const session = useRemote(() => currentSession(), []);
  const mine = usePaged(
    (cursor) => myReviews({ cursor, limit: PAGE }),
    (review) => review._id,
    [],
  );
  useReloadOnShow(() => Promise.all([session.reload(), mine.reload()]));
  // Of those loaded (newest first from the server), what still needs doing first.
  const reviews = useMemo(() => [...(mine.items ?? [])].sort((a, b) => order[a.status] - order[b.status]), [mine.items]);
  if (!session.data || !mine.items) {
    return (
      <PageState
        loading={session.loading || mine.loading}
        error={session.error ?? mine.error}
        onRetry={() => void Promise.all([session.reload(), mine.reload()])}
      />
    );
  }
  const todo = reviews.filter((review) => review.status !== 'submitted').length;
  const plus = mine.more ? '+' : '';
  return (
    <View className="review-page">
      <View className="review-greeting">
        <Text className="review-greeting__name">{session.data.user.name}，您好</Text>
        <Text className="review-greeting__role">
          {todo > 0 ? `待完成 ${todo}${plus} 份评审` : mine.more ? '已加载的评审任务均已完成' : '评审任务均已完成'} · 共 {reviews.length}
          {plus} 份
        </Text>
      </View>
      <PageState loading={false} error={null} empty={reviews.length === 0} emptyText="暂无分配给您的评审任务，秘书处分配后将在此显示">
        {reviews.map((review) => {
          const tag = statusTags[review.status];
          return (
            <Card key={review._id} onClick={() => void go('reviewScore', { id: review._id })}>
              <View className="review-row__head">
                <Text className="review-row__title">{review.applicationName || '（未填写项目名称）'}</Text>
                <Tag type={tag.type}>{tag.label}</Tag>
              </View>
              <Text className="review-row__org">
                {review.orgName} · {review.categoryName}
              </Text>
              <Text className="review-row__meta">
                {review.status === 'submitted' && review.submittedAt
                  ? `总分 ${review.total ?? '—'} · 提交于 ${formatShanghaiDateTime(review.submittedAt)}`
                  : `分配于 ${formatShanghaiDateTime(review.createdAt)}`}
              </Text>
              {review.status !== 'submitted' && review.dueAt ? (
                <Text className="review-due">{reviewDueText(review.dueAt, new Date())}</Text>
              ) : null}
            </Card>
          );
        })}
        <LoadMore more={mine.more} loading={mine.loadingMore} onMore={mine.loadMore} />
      </PageState>
    </View>
  );
}
