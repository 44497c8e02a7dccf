// Stored documents → what a caller is shown.
import { applicationWindow, budgetTotalFen, isProgramOpen, isWindowOpen } from '@/core/application/rules';
import { emptyCounts, type LedgerCounts } from '@/core/award/quota';
import { eligibilityIssues } from '@/core/program/eligibility';
import { categoryByKey } from '@/core/program/program-schema';
import { audienceOf } from '@/core/policy/visibility';
import type { ApplicationView, ProgramView, ReviewView } from '@/core/schemas/actions';
import type { Application, Organization, Program, Review } from '@/core/schemas/documents';
import { statusTable } from '@/core/workflow/award-workflow';
import { availableActions, type Actor } from '@/core/workflow/transition';
import type { Caller } from './context';

/** org: the applicant's organisation, whose eligibility each category states; null for staff and reviewers. */
export function toProgramView(program: Program, now: Date, ledger: LedgerCounts | null, org: Organization | null): ProgramView {
  const counts = ledger ?? emptyCounts(program);
  return {
    ...program,
    windowOpen: isProgramOpen(program, now),
    categoryStates: program.categories.map((category) => {
      const window = applicationWindow(program, category.key);
      const tally = counts.categories[category.key] ?? { shortlisted: 0, granted: 0 };
      return {
        key: category.key,
        windowOpen: isWindowOpen(window, now),
        deadline: window.deadline,
        eligibilityIssues: org ? eligibilityIssues(program, category, org, now) : [],
        shortlisted: tally.shortlisted,
        granted: tally.granted,
      };
    }),
    grantedFen: counts.grantedFen,
    shortlistedFen: counts.shortlistedFen,
    serverNow: now.toISOString(),
  };
}

/** The actions an actor may take now (submitting only inside the call's window, as the table's check says). */
export function actionsNow(actor: Actor, application: Application, program: Program, now: Date) {
  return availableActions(actor, application, { ...program, facts: { now } });
}

export function toApplicationView(application: Application, program: Program, orgName: string, caller: Caller, now: Date): ApplicationView {
  const status = statusTable[application.status];
  return {
    ...application,
    orgName,
    categoryName: categoryByKey(program, application.categoryKey)?.name ?? '',
    // A failure says what it means for this award (the programme's rule when it failed).
    statusLabel: `${audienceOf(caller.user.role) === 'staff' ? status.staffLabel : status.applicantLabel}${
      application.status === 'failed' && application.failure ? `：${application.failure.text}` : ''
    }`,
    stage: status.stage,
    budgetTotalFen: budgetTotalFen(application.budget),
    availableActions: actionsNow(caller.actor, application, program, now),
  };
}

export function toReviewView(review: Review, application: Application, program: Program, orgName: string): ReviewView {
  return {
    ...review,
    applicationName: application.projectName,
    orgName,
    categoryName: categoryByKey(program, application.categoryKey)?.name ?? '',
    dueAt: program.reviewDueAt ?? null,
  };
}
