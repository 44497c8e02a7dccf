// Who may see what. Used by the server to refuse and by the client to hide.
import type { Role } from '../schemas/common';
import type { ApplicationStatus } from '../workflow/award-workflow';

export interface Viewer {
  role: Role;
  orgId: string;
}

/** A society's (or 科协's) secretariat runs the programmes whose societyId is its own organisation. */
export function runsProgram(viewer: Viewer, program: { societyId: string }): boolean {
  return viewer.role === 'secretariat' && viewer.orgId === program.societyId;
}

/**
 * Staff see the applications to their own organisation's programmes once submitted: a draft is the unit's
 * own until it is sent (a returned one stays visible: it was submitted, and the secretariat asked for changes).
 * An applicant sees only their own unit's.
 */
export function maySeeApplication(viewer: Viewer, application: { orgId: string; societyId: string; status: ApplicationStatus }): boolean {
  if (viewer.role === 'secretariat') return runsProgram(viewer, application) && application.status !== 'draft';
  return viewer.role === 'applicant' && viewer.orgId === application.orgId;
}

export function audienceOf(role: Role): 'staff' | 'applicant' {
  return role === 'applicant' ? 'applicant' : 'staff';
}
