// The secretariat's programme calls: settings, publishing, new programmes from a template, the upstream link.
import type { ActionInput } from '@/core/schemas/actions';
import { call } from '@/lib/api';

export const updateProgram = (input: ActionInput<'program.update'>) => call('program.update', input);
export const publishProgram = (input: ActionInput<'program.publish'>) => call('program.publish', input);
export const programTemplates = () => call('program.templates', {});
export const createProgramFromTemplate = (input: ActionInput<'program.createFromTemplate'>) => call('program.createFromTemplate', input);
export const linkProgram = (input: ActionInput<'program.link'>) => call('program.link', input);
