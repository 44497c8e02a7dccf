// The action table: one handler per action of the contract; the compiler insists none is missing.
import type { ActionName, ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { HandlerContext, IdentityContext, PublicContext } from '../context';
import {
  createApplication,
  decideApplication,
  decideManyApplications,
  getApplication,
  listMyApplications,
  payApplication,
  recordOnApplication,
  queueApplications,
  saveApplication,
  submitApplication,
  submitReport,
  withdrawApplication,
} from './applications';
import { addClaim, queueClaims, verifyClaim } from './claims';
import { acceptInvitation, createInvitation, invitationQrcode, listInvitations, peekInvitation, revokeInvitation } from './invitations';
import { listPeople, reassignPerson, removePerson, revokePerson } from './people';
import { claimSetup } from './setup';
import { releaseHeld } from './moderation';
import { createSlot, linkFile } from './files';
import { exportMyData } from './me';
import { getSession } from './misc';
import { getDashboard, getIndicator, recordIndicatorValue } from './indicators';
import { listNotifications, listTemplates as listMessageTemplates, markRead, recordSubscriptions } from './notifications';
import { applicationWord, awardLedger, awardNoticeWord, evidencePack, publicityWord, selfAssessmentWord } from './exports';
import { importOrganizations, importTemplate } from './organization-import';
import {
  createOrganization,
  deactivateOrganization,
  getOrganization,
  listOrganizations,
  organizationHistory,
  updateOrganization,
} from './organizations';
import { createFromTemplate, getProgram, listPrograms, linkProgram, listTemplates, publishProgram, updateProgram } from './programs';
import {
  closePublicityNow,
  getBatchJob,
  getPublicNotice,
  handleManyObjections,
  handleObjection,
  listObjections,
  listPublicities,
  lodgeObjection,
  openPublicity,
} from './publicity';
import {
  assignReviewers,
  assignReviewersToMany,
  declareNoConflict,
  recuseFromReview,
  myReviews,
  openReview,
  reviewCandidates,
  reviewRanking,
  submitReview,
  unassignReview,
} from './reviews';

export type Handler<A extends ActionName> = (input: ParsedInput<A>, context: HandlerContext) => Promise<ActionOutput<A>>;
export type PublicHandler<A extends ActionName> = (input: ParsedInput<A>, context: PublicContext) => Promise<ActionOutput<A>>;
export type IdentityHandler<A extends ActionName> = (input: ParsedInput<A>, context: IdentityContext) => Promise<ActionOutput<A>>;

type PublicName = 'publicity.get' | 'objection.lodge';

/** Actions anyone may call, signed in or not. */
export const publicHandlers: { [A in PublicName]: PublicHandler<A> } = {
  'publicity.get': getPublicNotice,
  'objection.lodge': lodgeObjection,
};

export function isPublicAction(action: ActionName): action is PublicName {
  return Object.prototype.hasOwnProperty.call(publicHandlers, action);
}

type IdentityName = 'invitation.peek' | 'invitation.accept' | 'setup.claim';

/** Actions for a WeChat identity that may hold no role yet: taking an invitation, the one-time setup. */
export const identityHandlers: { [A in IdentityName]: IdentityHandler<A> } = {
  'invitation.peek': peekInvitation,
  'invitation.accept': acceptInvitation,
  'setup.claim': claimSetup,
};

export function isIdentityAction(action: ActionName): action is IdentityName {
  return Object.prototype.hasOwnProperty.call(identityHandlers, action);
}

export const handlers: { [A in Exclude<ActionName, PublicName | IdentityName>]: Handler<A> } = {
  'session.me': getSession,
  'me.export': exportMyData,
  'program.list': listPrograms,
  'program.get': getProgram,
  'program.templates': listTemplates,
  'program.createFromTemplate': createFromTemplate,
  'program.update': updateProgram,
  'program.publish': publishProgram,
  'application.create': createApplication,
  'application.save': saveApplication,
  'application.submit': submitApplication,
  'application.withdraw': withdrawApplication,
  'application.get': getApplication,
  'application.listMine': listMyApplications,
  'application.queue': queueApplications,
  'application.decide': decideApplication,
  'application.decideMany': decideManyApplications,
  'application.report': submitReport,
  'application.pay': payApplication,
  'application.record': recordOnApplication,
  'claim.add': addClaim,
  'claim.verify': verifyClaim,
  'claim.queue': queueClaims,
  'review.candidates': reviewCandidates,
  'review.assign': assignReviewers,
  'review.assignMany': assignReviewersToMany,
  'review.mine': myReviews,
  'review.declare': declareNoConflict,
  'review.recuse': recuseFromReview,
  'review.open': openReview,
  'review.submit': submitReview,
  'review.ranking': reviewRanking,
  'review.unassign': unassignReview,
  'publicity.open': openPublicity,
  'publicity.list': listPublicities,
  'publicity.close': closePublicityNow,
  'batch.get': getBatchJob,
  'objection.list': listObjections,
  'objection.handle': handleObjection,
  'objection.handleMany': handleManyObjections,
  'notification.list': listNotifications,
  'notification.read': markRead,
  'notification.subscribe': recordSubscriptions,
  'notification.templates': listMessageTemplates,
  'file.link': linkFile,
  'dashboard.get': getDashboard,
  'dashboard.indicator': getIndicator,
  'indicator.record': recordIndicatorValue,
  'program.link': linkProgram,
  'export.awardLedger': awardLedger,
  'export.application': applicationWord,
  'export.publicity': publicityWord,
  'export.awardNotice': awardNoticeWord,
  'export.selfAssessment': selfAssessmentWord,
  'export.evidencePack': evidencePack,
  'moderation.release': releaseHeld,
  'file.slot': createSlot,
  'organization.list': listOrganizations,
  'organization.get': getOrganization,
  'organization.history': organizationHistory,
  'organization.create': createOrganization,
  'organization.update': updateOrganization,
  'organization.deactivate': deactivateOrganization,
  'organization.importTemplate': importTemplate,
  'organization.import': importOrganizations,
  'invitation.create': createInvitation,
  'invitation.list': listInvitations,
  'invitation.revoke': revokeInvitation,
  'invitation.qrcode': invitationQrcode,
  'person.list': listPeople,
  'person.revoke': revokePerson,
  'person.reassign': reassignPerson,
  'person.remove': removePerson,
};
