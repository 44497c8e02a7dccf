// 专家评审: every review of the application with the mean and spread, and (while it can still be
// reviewed) the choice of reviewers, conflicts of interest excluded by the server. An expert who has not
// scored can be withdrawn (撤回) with a reason, so a silent expert does not block the shortlist.
import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { countingReviews, outlierIds, summarize } from '@/core/review/scoring';
import type { ApplicationView, ProgramView, ReviewView } from '@/core/schemas/actions';
import { unassignReview } from '../api/awards';
import { settle } from '../hooks/use-decision';
import { useReviewerAssignment } from '../hooks/use-reviewer-assignment';
import { ReasonDialog } from './reason-dialog';
import { ReviewerCandidates } from './reviewer-candidates';
import { Section } from '@/components/section';

const reviewStatusLabels: Record<ReviewView['status'], string> = {
  assigned: '待确认回避',
  declared: '评审中',
  submitted: '已提交',
  withdrawn: '已撤回',
};

/** Only a score not yet in can be taken back; the server refuses the rest too. */
const withdrawable = new Set<ReviewView['status']>(['assigned', 'declared']);

function ReviewWithdrawal({ review, onClose, onChanged }: { review: ReviewView | null; onClose: () => void; onChanged: () => unknown }) {
  return (
    <ReasonDialog
      visible={review !== null}
      title={`撤回${review?.reviewerName ?? ''}的评审任务`}
      confirmText="确认撤回"
      required
      description="撤回后该专家不再看到此任务，其评分不再计入；如需要可再次分配。理由记入操作记录并告知专家。"
      chips={['长期未评分', '专家无法按期完成', '存在利益冲突']}
      onConfirm={async (reason) => {
        if (review) {
          await settle(() => unassignReview({ reviewId: review._id, version: review.version, reason }), '已撤回', onChanged);
        }
        onClose();
      }}
      onClose={onClose}
    />
  );
}

export function ReviewList({
  reviews: all,
  program,
  onChanged,
}: {
  reviews: readonly ReviewView[];
  program: ProgramView;
  onChanged: () => unknown;
}) {
  const [withdrawing, setWithdrawing] = useState<ReviewView | null>(null);
  const reviews = countingReviews(all);
  const submitted = reviews.filter((review) => review.status === 'submitted' && review.total !== null);
  const summary = summarize(submitted.map((review) => review.total!));
  const outliers = new Set(outlierIds(submitted.map((review) => ({ id: review._id, total: review.total! }))));
  const criterionName = (key: string) => program.reviewCriteria.find((criterion) => criterion.key === key)?.name ?? key;
  if (all.length === 0) return <Text className="admin-muted">尚未分配评审专家</Text>;
  return (
    <View>
      <View className="admin-score-summary">
        <Text>
          已提交 {submitted.length}/{reviews.length}
        </Text>
        <Text>平均分 {summary.mean ?? '—'}</Text>
        <Text>标准差 {summary.spread ?? '—'}</Text>
        <Text>{summary.min !== null ? `${summary.min}–${summary.max}` : '—'}</Text>
      </View>
      {all.map((review) => (
        <View
          className={`admin-review${outliers.has(review._id) ? ' admin-review--outlier' : ''}${review.status === 'withdrawn' ? ' admin-review--withdrawn' : ''}`}
          key={review._id}
        >
          <View className="admin-claim__head">
            <Text className="admin-list__name">
              {review.reviewerName}
              {outliers.has(review._id) ? '（偏离其他专家）' : ''}
            </Text>
            {review.total !== null ? (
              <Text className="admin-list__value">{review.total} 分</Text>
            ) : (
              <Tag type="default">{reviewStatusLabels[review.status]}</Tag>
            )}
          </View>
          {review.scores.length > 0 ? (
            <Text className="admin-list__sub">
              {review.scores.map((score) => `${criterionName(score.criterionKey)} ${score.score}`).join(' · ')}
            </Text>
          ) : null}
          {review.comment ? <Text className="admin-claim__text">{review.comment}</Text> : null}
          {withdrawable.has(review.status) ? (
            <View className="admin-claim__actions">
              <Button size="small" type="warning" fill="outline" onClick={() => setWithdrawing(review)}>
                撤回
              </Button>
            </View>
          ) : null}
        </View>
      ))}
      <ReviewWithdrawal review={withdrawing} onClose={() => setWithdrawing(null)} onChanged={onChanged} />
    </View>
  );
}

function ReviewerAssignment({ application, onAssigned }: { application: ApplicationView; onAssigned: () => unknown }) {
  const assignment = useReviewerAssignment(application, true, onAssigned);
  return (
    <View className="admin-assign">
      <Text className="admin-assign__title">分配评审专家</Text>
      {assignment.excluded && assignment.excluded.length > 0 ? (
        <Text className="admin-row__reason admin-row__reason--wrap">
          已自动回避：{assignment.excluded.map((item) => `${item.name}（${item.reason}）`).join('；')}
        </Text>
      ) : null}
      <ReviewerCandidates candidates={assignment.candidates} selected={assignment.selected} onToggle={assignment.toggle}>
        <Button
          type="primary"
          block
          disabled={assignment.selected.length === 0}
          loading={assignment.assigning}
          onClick={() => void assignment.assign()}
        >
          {assignment.selected.length ? `分配所选 ${assignment.selected.length} 位专家` : '请选择专家'}
        </Button>
      </ReviewerCandidates>
    </View>
  );
}

const assignable = new Set<ApplicationView['status']>(['checkPassed', 'underReview']);

export function ReviewPanel({
  application,
  program,
  reviews,
  onChanged,
}: {
  application: ApplicationView;
  program: ProgramView;
  reviews: readonly ReviewView[];
  onChanged: () => unknown;
}) {
  const canAssign = assignable.has(application.status);
  const counting = countingReviews(reviews);
  if (!canAssign && reviews.length === 0) return null;
  return (
    <Section title="专家评审" extra={counting.length ? `${counting.length} 位专家` : undefined}>
      <ReviewList reviews={reviews} program={program} onChanged={onChanged} />
      {canAssign ? <ReviewerAssignment application={application} onAssigned={onChanged} /> : null}
    </Section>
  );
}
