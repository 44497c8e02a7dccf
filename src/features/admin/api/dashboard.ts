// A programme's board and one indicator of it opened.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const getDashboard = (input: ActionInput<'dashboard.get'>) => call('dashboard.get', input);
export const dashboardIndicator = (input: ActionInput<'dashboard.indicator'>) => call('dashboard.indicator', input);
