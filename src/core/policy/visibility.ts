// Who may see what. Used by the server to refuse and by the client to hide.
import type { Role } from '../schemas/common';

export interface Viewer {
  role: Role;
  orgId: string;
}

/** Staff see every application of their society; an applicant sees only their own organisation's. */
export function maySeeApplication(viewer: Viewer, application: { orgId: string }): boolean {
  if (viewer.role === 'secretariat') return true;
  return viewer.role === 'applicant' && viewer.orgId === application.orgId;
}

export function maySeeDashboard(viewer: Viewer): boolean {
  return viewer.role === 'secretariat';
}

export function audienceOf(role: Role): 'staff' | 'applicant' {
  return role === 'applicant' ? 'applicant' : 'staff';
}
