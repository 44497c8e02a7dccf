// A pure transition: (application, action, actor, programme facts) → the next application and the effects the
// shell runs in the same atomic step (audit entry, notification).
import type { ErrorCode } from '../errors';
import {
  actionTable,
  workflowActions,
  type ActionDefinition,
  type ActorRole,
  type ApplicationStatus,
  type Guard,
  type Outcomes,
  type WorkflowAction,
} from './award-workflow';

export interface Actor {
  userId: string;
  name: string;
  role: ActorRole;
  orgId: string;
}

/** The timer function acts as this actor: it closes publicity and fails overdue rectifications. */
export const systemActor: Actor = { userId: 'system', name: '系统', role: 'system', orgId: 'system' };

export interface WorkflowSubject {
  status: ApplicationStatus;
  orgId: string;
  outcomes: Outcomes;
}

/** Programme facts some guards need. */
export interface WorkflowContext {
  midtermReport: boolean;
}

export type Effect =
  | { kind: 'audit'; action: WorkflowAction; from: ApplicationStatus; to: ApplicationStatus; reason: string | null }
  | { kind: 'notify'; audience: 'applicant' | 'secretariat'; action: WorkflowAction; to: ApplicationStatus; reason: string | null };

export type TransitionRefusal = Extract<ErrorCode, 'FORBIDDEN' | 'TRANSITION_NOT_ALLOWED' | 'REASON_REQUIRED'>;

export type TransitionResult<T> = { ok: true; next: T; effects: Effect[] } | { ok: false; code: TransitionRefusal };

/** Whether an actor may take an action on a subject, ignoring its status (used to hide buttons and to refuse). */
export function mayAct(actor: Actor, action: WorkflowAction, subject: Pick<WorkflowSubject, 'orgId'>): boolean {
  const definition = actionTable[action];
  if (!definition.by.includes(actor.role)) return false;
  return !definition.ownOrgOnly || actor.orgId === subject.orgId;
}

const guards: Record<Guard, (context: WorkflowContext) => boolean> = {
  noMidterm: (context) => !context.midtermReport,
  midterm: (context) => context.midtermReport,
};

/** Whether the action is open from the subject's current status, in this programme. */
export function isOpenFrom(action: WorkflowAction, status: ApplicationStatus, context: WorkflowContext): boolean {
  const definition: ActionDefinition = actionTable[action];
  if (!definition.from.includes(status)) return false;
  if (definition.guard && definition.guard.from === status) return guards[definition.guard.requires](context);
  return true;
}

/** The actions an actor can take now; the client shows exactly these buttons. */
export function availableActions(actor: Actor, subject: WorkflowSubject, context: WorkflowContext): WorkflowAction[] {
  return workflowActions.filter((action) => mayAct(actor, action, subject) && isOpenFrom(action, subject.status, context));
}

export function transition<T extends WorkflowSubject>(
  subject: T,
  action: WorkflowAction,
  actor: Actor,
  context: WorkflowContext,
  options: { reason?: string | null } = {},
): TransitionResult<T> {
  const definition = actionTable[action];
  if (!mayAct(actor, action, subject)) return { ok: false, code: 'FORBIDDEN' };
  if (!isOpenFrom(action, subject.status, context)) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  const reason = options.reason?.trim() || null;
  if (definition.reasonRequired && !reason) return { ok: false, code: 'REASON_REQUIRED' };

  const to = definition.to ?? subject.status;
  const outcomes = { ...subject.outcomes };
  if (definition.clears) outcomes[definition.clears] = null;
  if (definition.outcome) Object.assign(outcomes, { [definition.outcome.field]: definition.outcome.value });
  const effects: Effect[] = [];
  if (to !== subject.status) {
    effects.push({ kind: 'audit', action, from: subject.status, to, reason });
    if (definition.notify) effects.push({ kind: 'notify', audience: definition.notify, action, to, reason });
  }
  return { ok: true, next: { ...subject, status: to, outcomes }, effects };
}
