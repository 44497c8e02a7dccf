// The secretariat's queue and its decisions: a stage's applications, one decision or one on many (a batch the server
// carries on, read again while it runs).
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const applicationQueue = (input: ActionInput<'application.queue'>) => call('application.queue', input);
export const decideApplication = (input: ActionInput<'application.decide'>) => call('application.decide', input);
export const decideApplications = (input: ActionInput<'application.decideMany'>) => call('application.decideMany', input);
export const getBatch = (input: ActionInput<'batch.get'>) => call('batch.get', input);
