// One review for the expert: first the conflict-of-interest declaration, and only after it the application.
import { useCallback, useState } from 'react';
import type { ActionOutput, ReviewView } from '@/core/schemas/actions';
import { ApiError, call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

export function useReview(reviewId: string) {
  // There is no review.get: the expert's own list says where this review stands before anything is opened.
  const mine = useRemote(async () => {
    // Page by page until it is found (an expert's tasks are a page or two).
    let review: ReviewView | undefined;
    let cursor: string | null = null;
    do {
      const page: ActionOutput<'review.mine'> = await call('review.mine', { cursor, limit: 100 });
      review = page.items.find((candidate) => candidate._id === reviewId);
      cursor = page.nextCursor;
    } while (!review && cursor);
    if (!review) throw new ApiError('NOT_FOUND', '评审任务不存在或已撤回');
    return review;
  }, [reviewId]);
  const [declared, setDeclared] = useState<ReviewView | null>(null);
  const review = declared ?? mine.data;
  const mayOpen = review !== null && review !== undefined && review.status !== 'assigned';
  const opened = useRemote(async () => (mayOpen ? call('review.open', { reviewId }) : null), [reviewId, mayOpen]);

  const declare = useCallback(async () => {
    if (!review) return;
    setDeclared(await call('review.declare', { reviewId, version: review.version, noConflict: true }));
  }, [review, reviewId]);

  return { mine, review, opened, declare };
}
