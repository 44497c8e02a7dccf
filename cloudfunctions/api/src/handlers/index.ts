// The action table: one handler per action of the contract; the compiler insists none is missing.
import type { ActionName, ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { HandlerContext } from '../context';
import {
  createApplication,
  decideApplication,
  getApplication,
  listMyApplications,
  queueApplications,
  saveApplication,
  submitApplication,
} from './applications';
import { addClaim } from './claims';
import { getDashboard, getProgram, getSession, linkFile, listPrograms } from './misc';

export type Handler<A extends ActionName> = (input: ParsedInput<A>, context: HandlerContext) => Promise<ActionOutput<A>>;

export const handlers: { [A in ActionName]: Handler<A> } = {
  'session.me': getSession,
  'program.list': listPrograms,
  'program.get': getProgram,
  'application.create': createApplication,
  'application.save': saveApplication,
  'application.submit': submitApplication,
  'application.get': getApplication,
  'application.listMine': listMyApplications,
  'application.queue': queueApplications,
  'application.decide': decideApplication,
  'claim.add': addClaim,
  'file.link': linkFile,
  'dashboard.get': getDashboard,
};
