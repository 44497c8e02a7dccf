// One review for the expert: first the conflict-of-interest declaration (or stepping back), and only after it the
// application; and the task to open next.
import { useCallback, useState } from 'react';
import type { ActionOutput, ReviewView } from '@/core/schemas/actions';
import { ApiError } from '@/lib/api-error';
import { useRemote } from '@/features/common/use-remote';
import { declareReview, myReviews, openReview, recuseReview } from '../api/reviews';
import { nextTask } from '../review-tasks';

export function useReview(reviewId: string) {
  // There is no review.get: the expert's own list says where this review stands before anything is opened.
  const mine = useRemote(async () => {
    // Page by page until it is found (an expert's tasks are a page or two).
    const tasks: ReviewView[] = [];
    let review: ReviewView | undefined;
    let cursor: string | null = null;
    do {
      const page: ActionOutput<'review.mine'> = await myReviews({ cursor, limit: 100 });
      tasks.push(...page.items);
      review = page.items.find((candidate) => candidate._id === reviewId);
      cursor = page.nextCursor;
    } while (!review && cursor);
    if (!review) throw new ApiError('NOT_FOUND', '评审任务不存在或已撤回');
    return { review, next: nextTask(tasks, reviewId) };
  }, [reviewId]);
  const [changed, setChanged] = useState<ReviewView | null>(null);
  const review = changed ?? mine.data?.review;
  const mayOpen = review !== null && review !== undefined && review.status !== 'assigned' && review.status !== 'withdrawn';
  const opened = useRemote(async () => (mayOpen ? openReview({ reviewId }) : null), [reviewId, mayOpen]);

  const declare = useCallback(async () => {
    if (!review) return;
    setChanged(await declareReview({ reviewId, version: review.version, noConflict: true }));
  }, [review, reviewId]);

  /** Declares a conflict and steps back: the task is withdrawn and the secretariat told. */
  const recuse = useCallback(
    async (reason: string) => {
      if (!review) return;
      setChanged(await recuseReview({ reviewId, version: review.version, reason }));
    },
    [review, reviewId],
  );

  return { mine, review, next: mine.data?.next ?? null, opened, declare, recuse };
}
