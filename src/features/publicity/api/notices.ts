// A public notice, read without signing in, and an objection lodged against it.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const getPublicNotice = (input: ActionInput<'publicity.get'>) => call('publicity.get', input);
export const lodgeObjection = (input: ActionInput<'objection.lodge'>) => call('objection.lodge', input);
