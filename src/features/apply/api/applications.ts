// The applicant's own applications.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const listMyApplications = (input: ActionInput<'application.listMine'> = {}) => call('application.listMine', input);
