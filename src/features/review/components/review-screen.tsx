// 评审: the conflict-of-interest declaration first (the application is fetched only after it), then the
// application and the score sheet; once submitted, the expert's own scores beside the other experts'.
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ProgramView, ReviewView } from '@/core/schemas/actions';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { openAttachment } from '@/features/common/open-attachment';
import { useAction } from '@/features/common/use-action';
import { PriorityNotes } from '@/components/program-info';
import { ApplicationContent } from '@/features/admin/components/application-content';
import { useReview } from '../hooks/use-review';
import { ScoreForm } from './score-form';
import '../review.css';

function Declaration({ review, onDeclare }: { review: ReviewView; onDeclare: () => Promise<void> }) {
  const declaring = useAction({ toast: true });
  const declare = () => declaring.run(onDeclare);
  return (
    <View className="review-card">
      <Text className="review-card__title">利益冲突声明</Text>
      <Text className="review-declare__project">{review.applicationName}</Text>
      <Text className="review-declare__org">
        申报单位：{review.orgName} · {review.categoryName}
      </Text>
      <Text className="review-declare__text">
        本人确认与上述申报单位及项目负责人不存在任职、隶属、合作、亲属等利益关系，将客观公正地独立评审，并对申报材料保密。
      </Text>
      <Text className="review-declare__note">如存在利益冲突，请勿确认，并联系学会秘书处调整评审任务。确认后方可查看申报书。</Text>
      <Button type="primary" block loading={declaring.busy} onClick={() => void declare()}>
        本人确认无利益冲突，开始评审
      </Button>
    </View>
  );
}

function ReviewCard({ review, program, title }: { review: ReviewView; program: ProgramView; title: string }) {
  const criterionName = (key: string) => program.reviewCriteria.find((criterion) => criterion.key === key)?.name ?? key;
  return (
    <View className="review-other">
      <View className="review-row__head">
        <Text className="review-row__title">{title}</Text>
        <Text className="review-other__total">{review.total ?? '—'} 分</Text>
      </View>
      <Text className="review-row__meta">
        {review.scores.map((score) => `${criterionName(score.criterionKey)} ${score.score}`).join(' · ')}
      </Text>
      {review.comment ? <Text className="review-other__comment">{review.comment}</Text> : null}
    </View>
  );
}

export function ReviewScreen({ reviewId }: { reviewId: string }) {
  const { mine, review, opened, declare } = useReview(reviewId);
  if (!reviewId) return <PageState loading={false} error="缺少评审编号，请从评审任务进入" />;
  if (!review) return <PageState loading={mine.loading} error={mine.error} onRetry={() => void mine.reload()} />;
  if (review.status === 'assigned') {
    return (
      <View className="review-page">
        <Declaration review={review} onDeclare={declare} />
      </View>
    );
  }
  const data = opened.data;
  if (!data) return <PageState loading={opened.loading || !opened.error} error={opened.error} onRetry={() => void opened.reload()} />;
  const { application, program, otherReviews } = data;
  const current = data.review;
  const reload = () => Promise.all([mine.reload(), opened.reload()]);

  return (
    <View className="review-page">
      <View className="review-card">
        <View className="review-row__head">
          <Text className="review-card__headline">{application.projectName}</Text>
          <StatusTag status={application.status} label={application.statusLabel} />
        </View>
        <Text className="review-row__org">
          {application.orgName} · {application.categoryName}
        </Text>
        <Text className="review-row__meta">评审指标 {program.reviewCriteria.length} 项，满分按权重折算为 100 分</Text>
      </View>
      <PriorityNotes notes={program.notes} />
      <View className="review-application">
        <ApplicationContent
          application={application}
          program={program}
          onOpenAttachment={(fileId, name) => void openAttachment(fileId, name)}
        />
      </View>
      {current.status === 'submitted' ? (
        <View className="review-card">
          <Text className="review-card__title">评审结果</Text>
          <ReviewCard review={current} program={program} title="我的评分" />
          <Text className="review-card__label">其他专家（{otherReviews.length}）</Text>
          {otherReviews.length === 0 ? <Text className="review-row__meta">其他专家尚未提交评分</Text> : null}
          {otherReviews.map((other) => (
            <ReviewCard key={other._id} review={other} program={program} title={other.reviewerName} />
          ))}
        </View>
      ) : (
        <ScoreForm review={current} criteria={program.reviewCriteria} onSubmitted={reload} />
      )}
    </View>
  );
}
