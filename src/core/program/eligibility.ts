// Who may apply to a programme. The walking skeleton checks the applicant kind; the rule list
// (ratings, inspections, integrity, invoices…) grows here as data.
import type { Organization } from '../schemas/documents';
import type { Program } from './program-schema';

export function isEligibleApplicant(program: Pick<Program, 'applicantKinds'>, org: Pick<Organization, 'kind'>): boolean {
  return program.applicantKinds.includes(org.kind);
}
