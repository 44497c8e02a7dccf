// A pure transition: (application, action, actor, now) → the next application and the effects the shell runs.
import type { ErrorCode } from '../errors';
import type { Role } from '../schemas/common';
import { actionTable, type ApplicationStatus, type WorkflowAction } from './award-workflow';

export interface Actor {
  userId: string;
  name: string;
  role: Role;
  orgId: string;
}

export interface WorkflowSubject {
  status: ApplicationStatus;
  orgId: string;
}

/** Side effects are named here and run by the function's shell in the same atomic step as the change. */
export type Effect = { kind: 'audit'; action: WorkflowAction; from: ApplicationStatus; to: ApplicationStatus; reason: string | null };

export type TransitionResult<T> =
  | { ok: true; next: T; effects: Effect[] }
  | { ok: false; code: Extract<ErrorCode, 'FORBIDDEN' | 'TRANSITION_NOT_ALLOWED' | 'REASON_REQUIRED'> };

/** Whether an actor may take an action on a subject, ignoring its status (used to hide buttons and to refuse). */
export function mayAct(actor: Actor, action: WorkflowAction, subject: Pick<WorkflowSubject, 'orgId'>): boolean {
  const definition = actionTable[action];
  if (!definition.by.includes(actor.role)) return false;
  return !definition.ownOrgOnly || actor.orgId === subject.orgId;
}

/** Whether the action is open from the subject's current status. */
export function isOpenFrom(action: WorkflowAction, status: ApplicationStatus): boolean {
  return actionTable[action].from.includes(status);
}

/** The actions an actor can take now; the client shows exactly these buttons. */
export function availableActions(actor: Actor, subject: WorkflowSubject): WorkflowAction[] {
  return (Object.keys(actionTable) as WorkflowAction[]).filter(
    (action) => mayAct(actor, action, subject) && isOpenFrom(action, subject.status),
  );
}

export function transition<T extends WorkflowSubject>(
  subject: T,
  action: WorkflowAction,
  actor: Actor,
  options: { reason?: string | null } = {},
): TransitionResult<T> {
  const definition = actionTable[action];
  if (!mayAct(actor, action, subject)) return { ok: false, code: 'FORBIDDEN' };
  if (!isOpenFrom(action, subject.status)) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  const reason = options.reason?.trim() || null;
  if (definition.reasonRequired && !reason) return { ok: false, code: 'REASON_REQUIRED' };

  const to = definition.to ?? subject.status;
  const effects: Effect[] = [];
  if (to !== subject.status) {
    effects.push({ kind: 'audit', action, from: subject.status, to, reason });
  }
  return { ok: true, next: { ...subject, status: to }, effects };
}
