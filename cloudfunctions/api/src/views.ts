// Stored documents → what a caller is shown.
import { budgetTotalFen, isWindowOpen } from '@/core/application/rules';
import { audienceOf } from '@/core/policy/visibility';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import type { Application, Program } from '@/core/schemas/documents';
import { statusTable } from '@/core/workflow/award-workflow';
import { availableActions } from '@/core/workflow/transition';
import type { Caller } from './context';

export function toProgramView(program: Program, now: Date): ProgramView {
  return { ...program, windowOpen: isWindowOpen(program, now), serverNow: now.toISOString() };
}

export function toApplicationView(application: Application, program: Program, orgName: string, caller: Caller, now: Date): ApplicationView {
  const status = statusTable[application.status];
  const windowOpen = isWindowOpen(program, now);
  return {
    ...application,
    orgName,
    statusLabel: audienceOf(caller.user.role) === 'staff' ? status.staffLabel : status.applicantLabel,
    budgetTotalFen: budgetTotalFen(application.budget),
    availableActions: availableActions(caller.actor, application).filter((action) => windowOpen || action !== 'submit'),
  };
}
