// A programme's public notices and the objections lodged against them.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const openPublicity = (input: ActionInput<'publicity.open'>) => call('publicity.open', input);
export const closePublicity = (input: ActionInput<'publicity.close'>) => call('publicity.close', input);
export const handleObjection = (input: ActionInput<'objection.handle'>) => call('objection.handle', input);
export const handleObjections = (input: ActionInput<'objection.handleMany'>) => call('objection.handleMany', input);
export const listPublicity = (input: ActionInput<'publicity.list'>) => call('publicity.list', input);
export const listObjections = (input: ActionInput<'objection.list'>) => call('objection.list', input);
