// An expert's reviews: the list assigned to them, the declaration (or stepping back), the application opened, and
// the scores they submit.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const myReviews = (input: ActionInput<'review.mine'>) => call('review.mine', input);
export const submitReview = (input: ActionInput<'review.submit'>) => call('review.submit', input);
export const openReview = (input: ActionInput<'review.open'>) => call('review.open', input);
export const declareReview = (input: ActionInput<'review.declare'>) => call('review.declare', input);
export const recuseReview = (input: ActionInput<'review.recuse'>) => call('review.recuse', input);
