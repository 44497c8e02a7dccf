// Calls more than one feature makes: who is signed in, the programmes, one programme or application, a file's link,
// a server-made export.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export type ExportAction =
  'export.awardLedger' | 'export.application' | 'export.publicity' | 'export.awardNotice' | 'export.selfAssessment' | 'export.evidencePack';

export const currentSession = () => call('session.me', {});
export const listPrograms = () => call('program.list', {});
export const fileLink = (input: ActionInput<'file.link'>) => call('file.link', input);
export const makeExport = <A extends ExportAction>(action: A, input: ActionInput<A>) => call(action, input);
export const getProgram = (input: ActionInput<'program.get'>) => call('program.get', input);
export const getApplication = (input: ActionInput<'application.get'>) => call('application.get', input);
