// 评分: one score per criterion (0 to its maximum, weight and scoring bands shown, the band of the score typed), a
// comment, and the live weighted total.
// What the expert typed is kept on the phone until it is submitted.
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ReviewCriterion } from '@/core/program/program-schema';
import { bandOf, bandText, criterionBands, EVEN_BANDS_NOTE } from '@/core/review/bands';
import { scoreSheetIssue, weightedTotal } from '@/core/review/scoring';
import type { ReviewView } from '@/core/schemas/actions';
import { Card } from '@/components/card';
import { submitReview } from '../api/reviews';
import { dropLocalDraft, loadLocalDraft, saveLocalDraft } from '@/lib/drafts';
import { confirm, showSuccess, showMessage } from '@/lib/feedback';
import { useAction } from '@/features/common/use-action';

const COMMENT_MAX = 1000;

interface ScoreDraft {
  scores: Record<string, string>;
  comment: string;
}

function parsedScores(criteria: readonly ReviewCriterion[], draft: ScoreDraft) {
  return criteria
    .filter((criterion) => (draft.scores[criterion.key] ?? '').trim() !== '')
    .map((criterion) => ({ criterionKey: criterion.key, score: Number(draft.scores[criterion.key]) }));
}

export function ScoreForm({
  review,
  criteria,
  onSubmitted,
}: {
  review: ReviewView;
  criteria: readonly ReviewCriterion[];
  onSubmitted: () => unknown;
}) {
  const draftKey = `review.${review._id}`;
  const [draft, setDraft] = useState<ScoreDraft>(() => loadLocalDraft<ScoreDraft>(draftKey) ?? { scores: {}, comment: '' });
  const submitting = useAction({ toast: showMessage });
  useEffect(() => saveLocalDraft(draftKey, draft), [draftKey, draft]);

  const scores = parsedScores(criteria, draft);
  const total = weightedTotal(criteria, scores);
  const issue = scoreSheetIssue(criteria, scores) ?? (draft.comment.trim() ? null : '请填写评审意见');

  async function submit() {
    if (issue) return;
    const ok = await confirm('提交评分？', `加权总分 ${total} 分。提交后不能修改，并可看到其他专家的评分。`, '提交');
    if (!ok) return;
    const submitted = await submitting.run(() =>
      submitReview({ reviewId: review._id, version: review.version, scores, comment: draft.comment.trim() }),
    );
    if (!submitted) return;
    dropLocalDraft(draftKey);
    showSuccess('已提交评分');
    void onSubmitted();
  }

  return (
    <Card>
      <Text className="review-card__title">评分</Text>
      {criteria.some((criterion) => criterionBands(criterion).derived) ? <Text className="review-row__meta">{EVEN_BANDS_NOTE}</Text> : null}
      {criteria.map((criterion) => {
        const text = draft.scores[criterion.key] ?? '';
        const value = Number(text);
        const bad = text.trim() !== '' && (!Number.isFinite(value) || value < 0 || value > criterion.maxScore);
        return (
          <View className={`review-criterion${bad ? ' review-criterion--bad' : ''}`} key={criterion.key}>
            <View className="review-criterion__text">
              <Text className="review-criterion__name">{criterion.name}</Text>
              <Text className="review-criterion__meta">
                权重 {criterion.weight}% · 满分 {criterion.maxScore}
              </Text>
              <View className="review-criterion__bands">
                {criterionBands(criterion).bands.map((band) => (
                  <Text className="review-criterion__band" key={band.label} userSelect>
                    {bandText(band)}
                  </Text>
                ))}
              </View>
              {!bad && text.trim() !== '' ? (
                <Text className="review-criterion__current">档次：{bandOf(criterionBands(criterion).bands, value)?.label ?? '—'}</Text>
              ) : null}
            </View>
            <Input
              className="review-criterion__input"
              type="digit"
              value={text}
              placeholder={`0–${criterion.maxScore}`}
              onInput={(event) =>
                setDraft((current) => ({ ...current, scores: { ...current.scores, [criterion.key]: event.detail.value } }))
              }
            />
          </View>
        );
      })}
      <Text className="review-card__label">评审意见</Text>
      <Textarea
        className="review-comment"
        value={draft.comment}
        maxlength={COMMENT_MAX}
        autoHeight
        placeholder="主要优点、不足与建议"
        onInput={(event) => setDraft((current) => ({ ...current, comment: event.detail.value }))}
      />
      <Text className="review-count">
        {draft.comment.length}/{COMMENT_MAX}
      </Text>
      <View className="review-submit">
        <View className="review-total">
          <Text className="review-total__label">加权总分</Text>
          <Text className="review-total__value">{total}</Text>
        </View>
        <Text className="review-issue">{issue ?? '已填写完整，可以提交'}</Text>
        <Button type="primary" block disabled={issue !== null} loading={submitting.busy} onClick={() => void submit()}>
          提交评分
        </Button>
      </View>
    </Card>
  );
}
