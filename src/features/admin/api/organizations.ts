// The units a programme serves: the list, one unit's history, adding, editing, deactivating and importing.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const listOrganizations = () => call('organization.list', {});
export const organizationHistory = (input: ActionInput<'organization.history'>) => call('organization.history', input);
export const createOrganization = (input: ActionInput<'organization.create'>) => call('organization.create', input);
export const updateOrganization = (input: ActionInput<'organization.update'>) => call('organization.update', input);
export const deactivateOrganization = (input: ActionInput<'organization.deactivate'>) => call('organization.deactivate', input);
export const organizationImportTemplate = () => call('organization.importTemplate', {});
export const importOrganizations = (input: ActionInput<'organization.import'>) => call('organization.import', input);
