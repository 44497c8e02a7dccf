// Expert review as the secretariat runs it: the experts an application may have, assigning them (to one or many),
// and the ranking of the scores.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const reviewCandidates = (input: ActionInput<'review.candidates'>) => call('review.candidates', input);
export const assignReview = (input: ActionInput<'review.assign'>) => call('review.assign', input);
export const assignReviews = (input: ActionInput<'review.assignMany'>) => call('review.assignMany', input);
export const reviewRanking = (input: ActionInput<'review.ranking'>) => call('review.ranking', input);
