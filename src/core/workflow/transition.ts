// A pure transition: (application, action, actor, programme and facts) → the next application and the effects the
// shell runs in the same atomic step (audit entry, notification, quota move, award, due date, failure records).
import { errorMessages, type ErrorCode } from '../errors';
import { formatCalendarDay, formatShanghaiDate, formatShanghaiDateTime, isAfter, isPastDeadline } from '../calendar/shanghai';
import type { Category, Stages } from '../program/program-schema';
import { hasMidterm, tranches } from '../program/program-rules';
import { reviewsIncompleteReason } from '../review/scoring';
import {
  actionTable,
  hidingChecks,
  statusTable,
  workflowActions,
  type ActionCheck,
  type ActionDefinition,
  type ActorRole,
  type ApplicationStatus,
  type Condition,
  type Outcomes,
  type StageGuard,
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

/** A payment, refund or agreement as the guards need it: whether it is recorded. */
type Recorded = object | null | undefined;

export interface WorkflowSubject {
  status: ApplicationStatus;
  orgId: string;
  outcomes: Outcomes;
  /** The category decides whether there is a mid-term check; absent: the programme's rule for all categories. */
  categoryKey?: string;
  awardFen?: number | null;
  /** The payment after 立项, the implementation agreement and a refund after failing, where recorded. */
  advance?: Recorded;
  agreement?: Recorded;
  refund?: Recorded;
  /** A rectification's due time. */
  dueAt?: string | null;
  /** The secretariat's extension of the report now due, with its reason. */
  extension?: { until: string; reason?: string } | null;
}

/** Programme facts the guards read: its stages, its call's window and its report dates. */
export interface WorkflowProgram {
  stages: Stages;
  finalReportDueAt?: string;
  opensAt?: string;
  deadline?: string;
  categories?: readonly Pick<Category, 'key' | 'deadline'>[];
}

/**
 * What the checks read, loaded by the shell only for the checks an action has (see checksFor): the reviews of the
 * application, its notice's end, and how many objections to it are open. Absent facts fail their check.
 */
export interface WorkflowFacts {
  now?: Date;
  reviews?: readonly { status: string; reviewerName: string }[];
  noticeEndsAt?: string | null;
  noticeClosesOn?: string | null;
  openObjections?: number;
}

export interface WorkflowContext extends WorkflowProgram {
  facts?: WorkflowFacts;
}

export type Effect =
  | { kind: 'audit'; action: WorkflowAction; from: ApplicationStatus; to: ApplicationStatus; reason: string | null }
  | {
      kind: 'notify';
      audience: 'applicant' | 'secretariat';
      action: WorkflowAction;
      to: ApplicationStatus;
      reason: string | null;
      /** A receipt of the applicant's own action: in-app only, it spends no WeChat subscribe consent. */
      receipt?: true;
    }
  /** The award enters (1) or leaves (-1) the shortlist or the granted awards: the quota ledger moves with it. */
  | { kind: 'ledger'; step: 'shortlist' | 'grant'; delta: 1 | -1 }
  /** The award is granted at its category's amount. */
  | { kind: 'grant' }
  | { kind: 'due'; set: 'rectification' | 'clear' }
  | { kind: 'record'; what: 'failure' };

export type TransitionRefusal = Extract<
  ErrorCode,
  | 'FORBIDDEN'
  | 'TRANSITION_NOT_ALLOWED'
  | 'REASON_REQUIRED'
  | 'REVIEWS_INCOMPLETE'
  | 'PUBLICITY_NOT_ENDED'
  | 'OBJECTION_PENDING'
  | 'REPORT_OVERDUE'
  | 'CLAIMS_CLOSED'
  | 'NOT_OPEN_YET'
  | 'DEADLINE_PASSED'
>;

export type TransitionResult<T> = { ok: true; next: T; effects: Effect[] } | { ok: false; code: TransitionRefusal; detail?: string };

/** Whether an actor may take an action on a subject, ignoring its status (used to hide buttons and to refuse). */
export function mayAct(actor: Actor, action: WorkflowAction, subject: Pick<WorkflowSubject, 'orgId'>): boolean {
  const definition = actionTable[action];
  if (!definition.by.includes(actor.role)) return false;
  return !definition.ownOrgOnly || actor.orgId === subject.orgId;
}

function midtermApplies(subject: WorkflowSubject, stages: Stages): boolean {
  return subject.categoryKey === undefined ? stages.midterm !== null : hasMidterm(stages, subject.categoryKey);
}

function advanceFen(subject: WorkflowSubject, stages: Stages): number {
  return tranches(subject.awardFen ?? 0, stages).advanceFen;
}

/** Each stage guard, judged on the programme's stages and the application's own records. */
const stageGuardHolds: Record<StageGuard, (subject: WorkflowSubject, stages: Stages) => boolean> = {
  expertReview: (_subject, stages) => stages.expertReview,
  noExpertReview: (_subject, stages) => !stages.expertReview,
  shortlistNotice: (_subject, stages) => stages.shortlistNotice !== null,
  noShortlistNotice: (_subject, stages) => stages.shortlistNotice === null,
  midterm: (subject, stages) => midtermApplies(subject, stages),
  noMidterm: (subject, stages) => !midtermApplies(subject, stages),
  rectification: (_subject, stages) => stages.rectification !== null,
  resultNotice: (_subject, stages) => stages.resultNotice !== null,
  noResultNotice: (_subject, stages) => stages.resultNotice === null,
  agreementDue: (subject, stages) => stages.agreement && !subject.agreement,
  advanceDue: (subject, stages) => stages.advancePercent > 0 && !subject.advance && (!stages.agreement || Boolean(subject.agreement)),
  balanceDue: (_subject, stages) => stages.advancePercent < 100,
  nothingDue: (subject, stages) => stages.advancePercent === 100 && (Boolean(subject.advance) || advanceFen(subject, stages) === 0),
  refundDue: (subject, stages) => stages.failure.refund && Boolean(subject.advance) && !subject.refund,
};

/** The due time of the report the subject owes now: a rectification's, the mid-term's or the final one's. */
export function reportDueAt(subject: WorkflowSubject, context: WorkflowProgram): string | null {
  if (subject.status === 'inRectification' || subject.status === 'midtermRectify') return subject.dueAt ?? null;
  if (subject.status === 'implementing' && midtermApplies(subject, context.stages)) return context.stages.midterm?.dueAt ?? null;
  return context.finalReportDueAt ?? null;
}

/** A due time as extended: the secretariat's extension where that is later. */
function extendedDue(subject: WorkflowSubject, dueAt: string | null): string | null {
  const until = subject.extension?.until;
  if (!dueAt) return null;
  return until && isAfter(until, dueAt) ? until : dueAt;
}

export interface ReportDeadline {
  /** The due time the programme (or the rectification) sets. */
  dueAt: string;
  /** The secretariat's extension, when it moves the due time later. */
  extension: { until: string; reason: string } | null;
  /** The time after which the report is refused (REPORT_OVERDUE): the extension's, or the due time. */
  lastAt: string;
}

/** The deadline of the report the subject owes now, with the extension granted for it; null: no due time is set. */
export function reportDeadline(subject: WorkflowSubject, program: WorkflowProgram): ReportDeadline | null {
  const dueAt = reportDueAt(subject, program);
  if (!dueAt) return null;
  const extension = subject.extension && isAfter(subject.extension.until, dueAt) ? subject.extension : null;
  return {
    dueAt,
    extension: extension ? { until: extension.until, reason: extension.reason ?? '' } : null,
    lastAt: extension?.until ?? dueAt,
  };
}

type CheckRefusal = { code: TransitionRefusal; detail?: string };

/** The due time as extended, once it has passed (null while it has not): the later of the due time and the extension. */
function passedDue(subject: WorkflowSubject, dueAt: string | null, now: Date | undefined): string | null {
  const last = extendedDue(subject, dueAt);
  return now && last && isPastDeadline(now, last) ? last : null;
}

/** Each check, judged on the facts the shell read for it; null when it holds. */
const checkRefusal: Record<ActionCheck, (subject: WorkflowSubject, context: WorkflowContext) => CheckRefusal | null> = {
  windowOpen: (subject, context) => {
    const now = context.facts?.now;
    if (!now || !context.opensAt || !context.deadline) return null;
    const category = context.categories?.find((candidate) => candidate.key === subject.categoryKey);
    const deadline = category?.deadline ?? context.deadline;
    if (isAfter(context.opensAt, now)) return { code: 'NOT_OPEN_YET', detail: `开始时间 ${formatShanghaiDateTime(context.opensAt)}` };
    return isPastDeadline(now, deadline) ? { code: 'DEADLINE_PASSED', detail: `截止时间 ${formatShanghaiDateTime(deadline)}` } : null;
  },
  reviewsComplete: (_subject, { facts }) => {
    const reason = reviewsIncompleteReason(facts?.reviews ?? []);
    return reason ? { code: 'REVIEWS_INCOMPLETE', detail: reason } : null;
  },
  noticeEnded: (_subject, { facts }) => {
    if (facts?.noticeEndsAt && facts.now && isAfter(facts.noticeEndsAt, facts.now)) {
      return {
        code: 'PUBLICITY_NOT_ENDED',
        detail: facts.noticeClosesOn ? `公示期至 ${formatCalendarDay(facts.noticeClosesOn)}` : undefined,
      };
    }
    return facts?.noticeEndsAt ? null : { code: 'PUBLICITY_NOT_ENDED' };
  },
  noOpenObjection: (_subject, { facts }) => ((facts?.openObjections ?? 0) > 0 ? { code: 'OBJECTION_PENDING' } : null),
  reportOnTime: (subject, context) => {
    const deadline = reportDeadline(subject, context);
    const last = passedDue(subject, deadline?.dueAt ?? null, context.facts?.now);
    return last ? { code: 'REPORT_OVERDUE', detail: `期限为 ${formatShanghaiDateTime(last)}，如需延期请联系秘书处` } : null;
  },
  claimsOpen: (subject, context) => {
    const dueAt = subject.status === 'inRectification' ? (subject.dueAt ?? null) : (context.finalReportDueAt ?? null);
    const last = passedDue(subject, dueAt, context.facts?.now);
    return last ? { code: 'CLAIMS_CLOSED', detail: `截止时间为 ${formatShanghaiDateTime(last)}，如需延期请联系秘书处` } : null;
  },
};

function applies<R>(condition: Condition<R>, status: ApplicationStatus): boolean {
  return !condition.from || condition.from.includes(status);
}

/** Whether the action is open from the subject's current status, in this programme (its stage guards hold). */
export function isOpenFrom(action: WorkflowAction, subject: WorkflowSubject, context: WorkflowProgram): boolean {
  const definition: ActionDefinition = actionTable[action];
  if (!definition.from.includes(subject.status)) return false;
  return definition.guards.every((guard) => !applies(guard, subject.status) || stageGuardHolds[guard.rule](subject, context.stages));
}

/** The checks the action makes from the subject's status: the shell reads the facts these need. */
export function checksFor(action: WorkflowAction, status: ApplicationStatus): ActionCheck[] {
  return actionTable[action].checks.filter((check) => applies(check, status)).map((check) => check.rule);
}

/** Whether a check that hides its button fails now (a submit outside the call's window). */
function hiddenNow(action: WorkflowAction, subject: WorkflowSubject, context: WorkflowContext): boolean {
  return checksFor(action, subject.status).some((check) => hidingChecks.includes(check) && checkRefusal[check](subject, context) !== null);
}

/** The actions an actor can take now; the client shows exactly these buttons. */
export function availableActions(actor: Actor, subject: WorkflowSubject, context: WorkflowContext): WorkflowAction[] {
  return workflowActions.filter(
    (action) => mayAct(actor, action, subject) && isOpenFrom(action, subject, context) && !hiddenNow(action, subject, context),
  );
}

/** Whether an action can be taken now, and if not, why (in Chinese) and from when it opens by itself. */
export type ActionReadiness =
  | { allowed: true }
  | {
      allowed: false;
      code: TransitionRefusal;
      /** What a person reads beside the disabled button, e.g. "7月10日起可批准立项，届时系统自动批准立项". */
      reason: string;
      /** The instant the action opens with no one doing anything (a notice ending, a call opening); null: it waits on someone. */
      opensAt: string | null;
      /** The system takes the action itself once it opens (the table lets the system actor take it). */
      automatic: boolean;
    };

/** The instant a refused check stops refusing by time alone; null where it waits on a person. */
function opensAtOf(code: TransitionRefusal, context: WorkflowContext): string | null {
  if (code === 'PUBLICITY_NOT_ENDED') return context.facts?.noticeEndsAt ?? null;
  if (code === 'NOT_OPEN_YET') return context.opensAt ?? null;
  return null;
}

/**
 * Whether the actor may take the action on the subject now, read from the same guards and checks transition()
 * judges (a reason the action asks for is not judged: the screen asks for it). The screens show a refused action
 * as a disabled button with this reason and, where time alone opens it, the day it opens.
 */
export function actionReadiness(actor: Actor, action: WorkflowAction, subject: WorkflowSubject, context: WorkflowContext): ActionReadiness {
  const result = transition(subject, action, actor, context, { reason: actionTable[action].reasonRequired ? '-' : null });
  if (result.ok) return { allowed: true };
  const definition = actionTable[action];
  const opensAt = opensAtOf(result.code, context);
  const automatic = opensAt !== null && definition.by.includes('system');
  const now = context.facts?.now;
  if (opensAt) {
    const day = formatShanghaiDate(opensAt, now ? { sameYearAs: now } : {});
    const reason = `${day}起可${definition.label}${automatic ? `，届时系统自动${definition.label}` : ''}`;
    return { allowed: false, code: result.code, reason, opensAt, automatic };
  }
  const reason = result.detail ? `${errorMessages[result.code]}：${result.detail}` : errorMessages[result.code];
  return { allowed: false, code: result.code, reason, opensAt: null, automatic: false };
}

/** The quota moves between two statuses, read from their flags: a place on the shortlist, a granted award. */
function ledgerEffects(from: ApplicationStatus, to: ApplicationStatus): Effect[] {
  const effects: Effect[] = [];
  const before = statusTable[from];
  const after = statusTable[to];
  if (before.holdsShortlistPlace !== after.holdsShortlistPlace) {
    effects.push({ kind: 'ledger', step: 'shortlist', delta: after.holdsShortlistPlace ? 1 : -1 });
  }
  if (before.granted !== after.granted) effects.push({ kind: 'ledger', step: 'grant', delta: after.granted ? 1 : -1 });
  if (!before.granted && after.granted) effects.push({ kind: 'grant' });
  return effects;
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
  if (!isOpenFrom(action, subject, context)) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  const reason = options.reason?.trim() || null;
  if (definition.reasonRequired && !reason) return { ok: false, code: 'REASON_REQUIRED' };
  for (const check of checksFor(action, subject.status)) {
    const refusal = checkRefusal[check](subject, context);
    if (refusal) return { ok: false, ...refusal };
  }

  const to = definition.to ?? subject.status;
  const outcomes = { ...subject.outcomes };
  if (definition.clears) outcomes[definition.clears] = null;
  if (definition.outcome) Object.assign(outcomes, { [definition.outcome.field]: definition.outcome.value });
  const effects: Effect[] = [];
  if (to !== subject.status) {
    effects.push({ kind: 'audit', action, from: subject.status, to, reason });
    if (definition.notify) effects.push({ kind: 'notify', audience: definition.notify, action, to, reason });
    if (definition.receipt) effects.push({ kind: 'notify', audience: 'applicant', action, to, reason, receipt: true });
    effects.push(...ledgerEffects(subject.status, to));
  }
  if (definition.due) effects.push({ kind: 'due', set: definition.due });
  if (definition.records) effects.push({ kind: 'record', what: definition.records });
  return { ok: true, next: { ...subject, status: to, outcomes }, effects };
}
