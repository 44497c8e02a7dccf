// Which roles an organiser's secretariat manages: its own members, the contacts of its units, and the
// experts in its pool. Another organiser's people do not exist for it.
import { poolOrgIdsOf } from '../review/pool';
import type { Organization, User } from '../schemas/documents';

/** A role that may act: neither revoked nor removed. Others never act, are never notified, never assigned. */
export function mayAct(user: Pick<User, 'active' | 'removedAt'>): boolean {
  return user.active && user.removedAt === null;
}

/** unit: the organisation the role's orgId names (null when there is none). */
export function managesRole(organiserId: string, user: Pick<User, 'role' | 'orgId' | 'poolOrgIds'>, unit: Organization | null): boolean {
  switch (user.role) {
    case 'secretariat':
      return user.orgId === organiserId;
    case 'applicant':
      return unit?.societyId === organiserId;
    case 'reviewer':
      return poolOrgIdsOf(user, unit).includes(organiserId);
  }
}
