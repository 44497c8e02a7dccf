// What the secretariat records on an award: payouts and records, the claims waiting and those checked, reviewers withdrawn,
// indicator figures, and content released from moderation.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const payApplication = (input: ActionInput<'application.pay'>) => call('application.pay', input);
export const recordOnApplication = (input: ActionInput<'application.record'>) => call('application.record', input);
export const verifyClaim = (input: ActionInput<'claim.verify'>) => call('claim.verify', input);
export const unassignReview = (input: ActionInput<'review.unassign'>) => call('review.unassign', input);
export const recordIndicator = (input: ActionInput<'indicator.record'>) => call('indicator.record', input);
export const releaseModeration = (input: ActionInput<'moderation.release'>) => call('moderation.release', input);
export const claimQueue = (input: ActionInput<'claim.queue'>) => call('claim.queue', input);
