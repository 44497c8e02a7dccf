// One review for the expert: first the conflict-of-interest declaration, and only after it the application.
import { useCallback, useState } from 'react';
import type { ReviewView } from '@/core/schemas/actions';
import { ApiError, call } from '@/lib/api';
import { useRemote } from '@/features/common/use-remote';

export function useReview(reviewId: string) {
  // There is no review.get: the expert's own list says where this review stands before anything is opened.
  const mine = useRemote(async () => {
    const reviews = await call('review.mine', {});
    const review = reviews.find((candidate) => candidate._id === reviewId);
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
