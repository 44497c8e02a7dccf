// The applicant's own applications: the list, the form created, saved, submitted and withdrawn, reports and claims.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const listMyApplications = (input: ActionInput<'application.listMine'> = {}) => call('application.listMine', input);
export const createApplication = (input: ActionInput<'application.create'>) => call('application.create', input);
export const saveApplication = (input: ActionInput<'application.save'>) => call('application.save', input);
export const submitApplication = (input: ActionInput<'application.submit'>) => call('application.submit', input);
export const withdrawApplication = (input: ActionInput<'application.withdraw'>) => call('application.withdraw', input);
export const reportOnApplication = (input: ActionInput<'application.report'>) => call('application.report', input);
export const addClaim = (input: ActionInput<'claim.add'>) => call('claim.add', input);
