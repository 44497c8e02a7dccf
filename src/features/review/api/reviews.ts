// An expert's reviews: the list assigned to them and the scores they submit.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const myReviews = (input: ActionInput<'review.mine'>) => call('review.mine', input);
export const submitReview = (input: ActionInput<'review.submit'>) => call('review.submit', input);
