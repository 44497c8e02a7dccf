// An organisation's profile as stored, read tolerantly: records written before the facts were dated lack
// ratingYear, inspections and sanctions (and may carry the old annualInspectionPassed flag, which no rule reads).
import { organizationProfileSchema, type Inspection, type Organization, type OrganizationProfile } from '../schemas/documents';

/** The profile with every field present: what is missing takes its default, what is unknown is dropped. */
export function profileOf(org: Pick<Organization, 'profile'>): OrganizationProfile {
  return organizationProfileSchema.parse(org.profile ?? {});
}

/** Inspections newest first. */
export function inspectionsNewestFirst(profile: Pick<OrganizationProfile, 'inspections'>): Inspection[] {
  return [...profile.inspections].sort((a, b) => b.year - a.year);
}
