// Which organisers' expert pools a reviewer is in: each organiser assigns only its own experts.
import type { Organization, User } from '../schemas/documents';

/**
 * The organisers whose pool the reviewer is in: as recorded, or, for a reviewer recorded before pools
 * existed, the organiser of the unit they work for (or that unit itself when it runs programmes).
 */
export function poolOrgIdsOf(reviewer: Pick<User, 'orgId' | 'poolOrgIds'>, unit: Pick<Organization, 'societyId'> | null): string[] {
  if (reviewer.poolOrgIds) return reviewer.poolOrgIds;
  return [unit?.societyId ?? reviewer.orgId];
}

export function inPool(
  reviewer: Pick<User, 'role' | 'orgId' | 'poolOrgIds'>,
  unit: Pick<Organization, 'societyId'> | null,
  organiserId: string,
): boolean {
  return reviewer.role === 'reviewer' && poolOrgIdsOf(reviewer, unit).includes(organiserId);
}
