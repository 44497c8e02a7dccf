// Every kind of caller the api meets, each with the identity the platform would hand the router: the local
// server's signed session for people, and null for no token, a forged one or an expired one.
import type { Role } from '@/core/schemas/common';
import type { Identity } from '../../cloudfunctions/api/src/ports';
import { issueSession, verifySession } from '../../cloudfunctions/local-server/src/session';
import { OPENID } from './harness';

export const callerKinds = [
  'ownApplicant',
  'otherApplicant',
  'foreignApplicant',
  'reviewerAssigned',
  'reviewerUnassigned',
  'reviewerConflicted',
  'secretariat',
  'otherSecretariat',
  'unregistered',
  'anonymous',
  'forgedToken',
  'expiredToken',
] as const;
export type CallerKind = (typeof callerKinds)[number];

export interface CallerProfile {
  /** The openid inside the session token; null: no token at all. */
  openid: string | null;
  token: 'valid' | 'forged' | 'expired' | 'none';
  /** null: no registered user behind the identity. */
  role: Role | null;
  /** The caller's unit, relative to 建筑结构专业委员会 whose applications fill the world. */
  unit: 'own' | 'other' | 'foreign' | null;
  /** Relative to the review 刘教授 holds in the world; the conflicted one sits in the applicant's own unit. */
  reviewer: 'assigned' | 'unassigned' | 'conflicted' | null;
  /** Secretariat of 四川省土木建筑学会, which runs the world's programme. */
  runsProgram: boolean;
  /** Belongs to the running society (its units, experts and staff see its programmes). */
  member: boolean;
}

const person = (openid: string, role: Role, fields: Partial<CallerProfile>): CallerProfile => ({
  openid,
  token: 'valid',
  role,
  unit: null,
  reviewer: null,
  runsProgram: false,
  member: true,
  ...fields,
});
const nobody = (token: CallerProfile['token'], openid: string | null): CallerProfile => ({
  openid,
  token,
  role: null,
  unit: null,
  reviewer: null,
  runsProgram: false,
  member: false,
});

export const callerProfiles: Record<CallerKind, CallerProfile> = {
  ownApplicant: person(OPENID.structure, 'applicant', { unit: 'own' }),
  otherApplicant: person(OPENID.academic, 'applicant', { unit: 'other' }),
  // 徐州市土木建筑学会: a unit of another 科协.
  foreignApplicant: person(OPENID.xzCivil, 'applicant', { unit: 'foreign', member: false }),
  reviewerAssigned: person(OPENID.reviewer, 'reviewer', { reviewer: 'assigned' }),
  reviewerUnassigned: person(OPENID.reviewerScu, 'reviewer', { reviewer: 'unassigned' }),
  // 周高工 of 建筑结构专业委员会 reviews nothing of his own unit.
  reviewerConflicted: person(OPENID.reviewerStructure, 'reviewer', { reviewer: 'conflicted' }),
  secretariat: person(OPENID.secretary, 'secretariat', { runsProgram: true }),
  otherSecretariat: person(OPENID.secretaryXuzhou, 'secretariat', { member: false }),
  unregistered: nobody('valid', 'openid-nobody-registered'),
  anonymous: nobody('none', null),
  forgedToken: nobody('forged', OPENID.secretary),
  expiredToken: nobody('expired', OPENID.secretary),
};

const SECRET = 'authorization-matrix-secret';
const WEEK_AND_A_DAY_MS = 8 * 24 * 3600 * 1000;

/** The token the caller's browser would send, or undefined for none. */
function tokenOf(profile: CallerProfile, nowMs: number): string | undefined {
  if (!profile.openid || profile.token === 'none') return undefined;
  if (profile.token === 'expired') return issueSession(SECRET, profile.openid, nowMs - WEEK_AND_A_DAY_MS).token;
  const { token } = issueSession(profile.token === 'forged' ? 'a-secret-the-server-never-had' : SECRET, profile.openid, nowMs);
  return token;
}

/** What the local server passes to the router for this caller: verifySession's answer. */
export function identityOf(kind: CallerKind, nowMs: number = Date.now()): Identity | null {
  const openid = verifySession(SECRET, tokenOf(callerProfiles[kind], nowMs), nowMs);
  return openid ? { openid } : null;
}
