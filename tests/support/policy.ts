// The answer each kind of caller should get from each action on the fixture world, derived from the workflow
// table's who-may data; for actions outside the workflow, a one-line rule per action (the compiler wants all).
import type { ErrorCode } from '@/core/errors';
import type { ActionName } from '@/core/schemas/actions';
import { actionTable, type ApplicationStatus, type WorkflowAction } from '@/core/workflow/award-workflow';
import { isOpenFrom } from '@/core/workflow/transition';
import { fixtureSubject, worldWorkflow, type Variant } from './action-inputs';
import { callerProfiles, type CallerKind, type CallerProfile } from './callers';
import { fixtureStatus, type Fixture } from './world';

export type Outcome = 'ok' | ErrorCode;

/** The application a variant aims at must be given: the workflow rules depend on its status. */
function statusOf(variant: Variant<ActionName>): ApplicationStatus {
  if (!variant.target) throw new Error(`variant ${variant.label} names no application`);
  return fixtureStatus[variant.target];
}

/** Who sees an application: its own unit, and the secretariat running the programme once it is submitted. */
function seesApplication(caller: CallerProfile, status: ApplicationStatus): boolean {
  if (caller.unit === 'own') return true;
  return caller.role === 'secretariat' && caller.runsProgram && status !== 'draft';
}

/**
 * The answer to a workflow action, from the table alone. Staff actions (no applicant among `by`) name the
 * role before the record: others hear FORBIDDEN, another organiser's staff NOT_FOUND. Applicant actions hide
 * the record from anyone who may not see it (NOT_FOUND), then check `by` and own-unit (FORBIDDEN). Last, the
 * status must be one the action leaves from (TRANSITION_NOT_ALLOWED).
 */
export function workflowOutcome(action: WorkflowAction, status: ApplicationStatus, caller: CallerProfile): Outcome {
  const definition = actionTable[action];
  if (!definition.by.includes('applicant')) {
    if (caller.role !== 'secretariat' || !definition.by.includes(caller.role)) return 'FORBIDDEN';
    if (!seesApplication(caller, status)) return 'NOT_FOUND';
  } else {
    if (!seesApplication(caller, status)) return 'NOT_FOUND';
    if (!caller.role || !definition.by.includes(caller.role)) return 'FORBIDDEN';
    if (definition.ownOrgOnly && caller.unit !== 'own') return 'FORBIDDEN';
  }
  return isOpenFrom(action, fixtureSubject(status), worldWorkflow) ? 'ok' : 'TRANSITION_NOT_ALLOWED';
}

/** The secretariat of the running organiser only; another organiser's records do not exist for its staff. */
const staffOfProgram = (caller: CallerProfile): Outcome =>
  caller.role !== 'secretariat' ? 'FORBIDDEN' : caller.runsProgram ? 'ok' : 'NOT_FOUND';
const anySecretariat = (caller: CallerProfile): Outcome => (caller.role === 'secretariat' ? 'ok' : 'FORBIDDEN');
const anyone = (): Outcome => 'ok';
/** 刘教授's own review task; to everyone else it does not exist. */
const ownReview = (caller: CallerProfile): Outcome => (caller.reviewer === 'assigned' ? 'ok' : 'NOT_FOUND');
const onTarget =
  (action: WorkflowAction) =>
  (caller: CallerProfile, variant: Variant<ActionName>): Outcome =>
    workflowOutcome(action, statusOf(variant), caller);

/** A refusal the rules above cannot see: the allowed caller meets a business rule of the world. */
const businessRefusals: Partial<Record<string, ErrorCode>> = {
  // The running notice has an objection lodged and not yet handled.
  'application.decide approve on inPublicity': 'OBJECTION_PENDING',
  'application.decideMany approve on inPublicity': 'OBJECTION_PENDING',
  'moderation.release world': 'TRANSITION_NOT_ALLOWED',
};

/** Which reviewers declared no conflict on each fixture a file is linked from (they may open its files). */
const declaredReviewers: Partial<Record<Fixture, CallerProfile['reviewer'][]>> = { implementing: ['assigned', 'unassigned'], draft: [] };

/** Signed-in callers only, except the two public actions; then each action's own rule. */
const policies: { [A in ActionName]: (caller: CallerProfile, variant: Variant<A>) => Outcome } = {
  'session.me': anyone,
  // Anyone signed in may have what is held about them (and only that: tests/integration/my-data.test.ts).
  'me.export': anyone,
  'program.list': anyone,
  'program.get': (caller) => (caller.member ? 'ok' : 'NOT_FOUND'),
  'program.templates': anySecretariat,
  'program.createFromTemplate': anySecretariat,
  'program.update': staffOfProgram,
  'program.publish': (caller) => (staffOfProgram(caller) === 'ok' ? 'TRANSITION_NOT_ALLOWED' : staffOfProgram(caller)),
  // Membership: a unit of another 科协 may not apply to this society's programme.
  'application.create': (caller) => (caller.role !== 'applicant' ? 'FORBIDDEN' : caller.member ? 'ok' : 'APPLICANT_NOT_ELIGIBLE'),
  'application.save': onTarget('save'),
  'application.submit': (caller, variant) =>
    workflowOutcome(statusOf(variant) === 'returned' ? 'resubmit' : 'submit', statusOf(variant), caller),
  'application.withdraw': onTarget('withdraw'),
  'application.get': (caller, variant) => (seesApplication(caller, statusOf(variant)) ? 'ok' : 'NOT_FOUND'),
  'application.listMine': anyone,
  'application.queue': staffOfProgram,
  'application.decide': (caller, variant) => workflowOutcome(variant.decision!, statusOf(variant), caller),
  'application.decideMany': (caller, variant) => workflowOutcome(variant.decision!, statusOf(variant), caller),
  'application.report': onTarget('submitMidterm'),
  'application.pay': onTarget('pay'),
  'application.record': (caller, variant) => workflowOutcome(variant.record!, statusOf(variant), caller),
  'claim.add': onTarget('claim'),
  'claim.verify': staffOfProgram,
  'claim.queue': staffOfProgram,
  'review.candidates': staffOfProgram,
  'review.assign': onTarget('startReview'),
  // Each application's own refusal is an item of the answer: the call itself is refused only to other callers.
  'review.assignMany': staffOfProgram,
  'review.mine': anyone,
  'review.declare': ownReview,
  'review.recuse': ownReview,
  'review.open': ownReview,
  'review.submit': ownReview,
  'review.unassign': staffOfProgram,
  'review.ranking': staffOfProgram,
  'publicity.open': staffOfProgram,
  'publicity.list': staffOfProgram,
  'publicity.get': anyone,
  'publicity.close': staffOfProgram,
  'batch.get': staffOfProgram,
  'objection.lodge': anyone,
  'objection.list': staffOfProgram,
  'objection.handle': staffOfProgram,
  'notification.list': anyone,
  'notification.read': anyone,
  'notification.subscribe': anyone,
  'notification.templates': anyone,
  'file.link': (caller, variant) =>
    seesApplication(caller, statusOf(variant)) || declaredReviewers[variant.target!]?.includes(caller.reviewer) ? 'ok' : 'NOT_FOUND',
  'dashboard.get': staffOfProgram,
  'export.awardLedger': staffOfProgram,
  // The running secretariat, for applications it sees (a unit's draft is not yet its business).
  'export.application': (caller, variant) =>
    caller.role !== 'secretariat' ? 'FORBIDDEN' : seesApplication(caller, statusOf(variant)) ? 'ok' : 'NOT_FOUND',
  'export.publicity': staffOfProgram,
  'export.awardNotice': staffOfProgram,
  // Also the province's staff, whose programme the indicators are linked to (no such caller in the matrix: see
  // tests/integration/exports.test.ts).
  'export.selfAssessment': staffOfProgram,
  'export.evidencePack': staffOfProgram,
  'dashboard.indicator': staffOfProgram,
  'indicator.record': staffOfProgram,
  'program.link': staffOfProgram,
  'objection.handleMany': staffOfProgram,
  'moderation.release': staffOfProgram,
  'file.slot': onTarget('save'),
  'organization.list': anySecretariat,
  'organization.get': staffOfProgram,
  'organization.history': staffOfProgram,
  // 徐州市科协 manages 学会, not 分支机构: the kind is refused before anything is stored.
  'organization.create': (caller) => (caller.role !== 'secretariat' ? 'FORBIDDEN' : caller.runsProgram ? 'ok' : 'INVALID_INPUT'),
  'organization.update': staffOfProgram,
  'organization.deactivate': staffOfProgram,
  'organization.importTemplate': anySecretariat,
  // 徐州市科协 manages 学会, not 分支机构: every row is refused and nothing is stored (the matrix reads it as INVALID_INPUT).
  'organization.import': (caller) => (caller.role !== 'secretariat' ? 'FORBIDDEN' : caller.runsProgram ? 'ok' : 'INVALID_INPUT'),
  // 四川大学建筑与环境学院 is the running society's unit: another organiser's secretariat does not find it.
  'invitation.create': staffOfProgram,
  'invitation.list': anySecretariat,
  'invitation.revoke': staffOfProgram,
  'invitation.qrcode': staffOfProgram,
  // Any WeChat identity, in a role or not, may look at an invitation and take its own.
  'invitation.peek': anyone,
  'invitation.accept': anyone,
  // The world has its secretariat: the right code meets a setup already done.
  'setup.claim': () => 'SETUP_DONE',
  'person.list': anySecretariat,
  'person.revoke': staffOfProgram,
  'person.reassign': staffOfProgram,
  'person.remove': staffOfProgram,
};

const publicActions: readonly ActionName[] = ['publicity.get', 'objection.lodge'];
/** Actions for a WeChat identity with no role yet: a sign-in is needed, a registration is not. */
const identityActions: readonly ActionName[] = ['invitation.peek', 'invitation.accept', 'setup.claim'];

export function expectedOutcome<A extends ActionName>(action: A, variant: Variant<A>, kind: CallerKind): Outcome {
  const caller = callerProfiles[kind];
  const key = `${action} ${variant.label}`;
  if (!publicActions.includes(action)) {
    if (caller.token !== 'valid') return 'UNAUTHENTICATED';
    if (caller.role === null && !identityActions.includes(action)) return 'NOT_REGISTERED';
  }
  const outcome = policies[action](caller, variant);
  return outcome === 'ok' ? (businessRefusals[key] ?? 'ok') : outcome;
}
