// 评审: the conflict-of-interest declaration first (the application is fetched only after it) — or stepping back
// on a conflict — then the application and the score sheet with each criterion's bands; once submitted, the
// expert's own scores beside the other experts' (unnamed until the ranking is published), and the next task.
import { Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { rankingPublished } from '@/core/review/blind';
import type { ProgramView, ReviewView } from '@/core/schemas/actions';
import { Card } from '@/components/card';
import { PageState } from '@/components/page-state';
import { StatusTag } from '@/components/status-tag';
import { openAttachment } from '@/features/common/open-attachment';
import { useAction } from '@/features/common/use-action';
import { confirm, showMessage } from '@/lib/feedback';
import { back, replace } from '@/lib/navigation';
import { PriorityNotes } from '@/components/program-info';
import { ApplicationContent } from '@/features/admin/components/application-content';
import { useReview } from '../hooks/use-review';
import { reviewDueText } from '../review-tasks';
import { ScoreForm } from './score-form';
import '../review.css';

function Declaration({
  review,
  onDeclare,
  onRecuse,
}: {
  review: ReviewView;
  onDeclare: () => Promise<void>;
  onRecuse: (reason: string) => Promise<void>;
}) {
  const acting = useAction({ toast: showMessage });
  const [recusing, setRecusing] = useState(false);
  const [reason, setReason] = useState('');
  const busy = acting.busy;
  const run = (step: () => Promise<void>) => acting.run(step);
  async function recuse() {
    const sure = await confirm('申请回避', '确认后您将退出该项评审，秘书处会另行安排专家。', '确认回避');
    if (sure) await run(() => onRecuse(reason.trim()));
  }
  return (
    <Card>
      <Text className="review-card__title">利益冲突声明</Text>
      <Text className="review-declare__project">{review.applicationName}</Text>
      <Text className="review-declare__org">
        申报单位：{review.orgName} · {review.categoryName}
      </Text>
      <DueLine dueAt={review.dueAt} />
      <Text className="review-declare__text">
        本人确认与上述申报单位及项目负责人不存在任职、隶属、合作、亲属等利益关系，将客观公正地独立评审，并对申报材料保密。
      </Text>
      <Text className="review-declare__note">如存在利益冲突，请勿确认，选择“申请回避”并说明情况。确认后方可查看申报书。</Text>
      <Button type="primary" block loading={busy && !recusing} disabled={busy} onClick={() => void run(onDeclare)}>
        本人确认无利益冲突，开始评审
      </Button>
      {recusing ? (
        <View className="review-recuse">
          <Text className="review-card__label">利益冲突情况（必填）</Text>
          <Textarea
            className="review-comment"
            value={reason}
            maxlength={300}
            autoHeight
            placeholder="如：本人曾与该项目负责人合作发表论文"
            onInput={(event) => setReason(event.detail.value)}
          />
          <Button
            className="review-recuse__button"
            type="danger"
            fill="outline"
            block
            loading={busy}
            disabled={busy || reason.trim().length < 2}
            onClick={() => void recuse()}
          >
            {reason.trim().length < 2 ? '请先说明利益冲突情况' : '确认回避，退出该项评审'}
          </Button>
        </View>
      ) : (
        <Button className="review-recuse__button" fill="outline" block disabled={busy} onClick={() => setRecusing(true)}>
          存在利益冲突，申请回避
        </Button>
      )}
    </Card>
  );
}

/** The review deadline in words, when the programme sets one. */
function DueLine({ dueAt }: { dueAt: string | null }) {
  const text = reviewDueText(dueAt, new Date());
  return text ? <Text className="review-due">{text}</Text> : null;
}

/** After a score is in, or after stepping back: the next task still to do, or the way back to the list. */
function NextTask({ next }: { next: ReviewView | null }) {
  return (
    <View className="review-next">
      {next ? (
        <Button type="primary" block onClick={() => void replace('reviewScore', { id: next._id })}>
          下一份：{next.applicationName || '（未填写项目名称）'}
        </Button>
      ) : (
        <Text className="review-row__meta">没有待评审的申报了。</Text>
      )}
      <Button className="review-next__back" fill="outline" block onClick={() => void back().catch(() => replace('reviewQueue'))}>
        返回评审任务
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
  const { mine, review, next, opened, declare, recuse } = useReview(reviewId);
  if (!reviewId) return <PageState loading={false} error="缺少评审编号，请从评审任务进入" />;
  if (!review) return <PageState loading={mine.loading} error={mine.error} onRetry={() => void mine.reload()} />;
  if (review.status === 'assigned') {
    return (
      <View className="review-page">
        <Declaration review={review} onDeclare={declare} onRecuse={recuse} />
      </View>
    );
  }
  if (review.status === 'withdrawn') {
    return (
      <View className="review-page">
        <Card>
          <Text className="review-card__title">已申请回避</Text>
          <Text className="review-declare__project">{review.applicationName}</Text>
          <Text className="review-declare__text">您已退出该项评审，秘书处已收到您的说明，将另行安排专家。</Text>
          {review.withdrawal ? <Text className="review-row__meta">说明：{review.withdrawal.reason}</Text> : null}
        </Card>
        <NextTask next={next} />
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
      <Card>
        <View className="review-row__head">
          <Text className="review-card__headline">{application.projectName}</Text>
          <StatusTag status={application.status} label={application.statusLabel} />
        </View>
        <Text className="review-row__org">
          {application.orgName} · {application.categoryName}
        </Text>
        <Text className="review-row__meta">评审指标 {program.reviewCriteria.length} 项，满分按权重折算为 100 分</Text>
        <DueLine dueAt={current.dueAt} />
      </Card>
      <PriorityNotes notes={program.notes} />
      <View className="review-application">
        <ApplicationContent
          application={application}
          program={program}
          onOpenAttachment={(fileId, name) => void openAttachment(fileId, name)}
        />
      </View>
      {current.status === 'submitted' ? (
        <Card>
          <Text className="review-card__title">评审结果</Text>
          <ReviewCard review={current} program={program} title="我的评分" />
          <Text className="review-card__label">其他专家（{otherReviews.length}）</Text>
          {otherReviews.length === 0 ? <Text className="review-row__meta">其他专家尚未提交评分</Text> : null}
          {otherReviews.map((other) => (
            <ReviewCard key={other._id} review={other} program={program} title={other.reviewerName} />
          ))}
          {otherReviews.length > 0 && !rankingPublished(application.status) ? (
            <Text className="review-row__meta">秘书处公布评审结果前，其他专家的姓名不显示。</Text>
          ) : null}
        </Card>
      ) : (
        <ScoreForm review={current} criteria={program.reviewCriteria} onSubmitted={reload} />
      )}
      {current.status === 'submitted' ? <NextTask next={next} /> : null}
    </View>
  );
}
