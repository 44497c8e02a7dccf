// What the applicant should do next with an application, and by when: read from the actions the server
// offers (never guessed from a status name), so the list and the form say the same thing.
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { stageLabels, stages, statusTable, type ApplicationStatus, type Stage, type WorkflowAction } from '@/core/workflow/award-workflow';
import { reportDeadline } from '@/core/workflow/transition';
import type { RouteName } from '@/lib/navigation';

export type ReportKind = 'midterm' | 'final' | 'rectification';

export const reportTitles: Record<ReportKind, string> = { midterm: '中期报告', final: '结项报告', rectification: '整改报告' };

const reportActions: Record<ReportKind, WorkflowAction> = {
  midterm: 'submitMidterm',
  final: 'submitFinal',
  rectification: 'submitRectification',
};

/** The report the server asks for now, if any. */
export function reportDue(application: Pick<ApplicationView, 'availableActions'>): ReportKind | null {
  const kinds = Object.keys(reportActions) as ReportKind[];
  return kinds.find((kind) => application.availableActions.includes(reportActions[kind])) ?? null;
}

export interface NextStep {
  label: string;
  route: RouteName;
  params: Record<string, string>;
  /** e.g. "截止 2024年1月31日 23:59" */
  due: string | null;
}

export function nextStep(application: ApplicationView, program?: Pick<ProgramView, 'finalReportDueAt' | 'stages'>): NextStep | null {
  const id = application._id;
  const actions = application.availableActions;
  const report = reportDue(application);
  if (report) {
    const dueAt = program ? reportDeadline(application, program) : application.dueAt;
    return {
      label: `提交${reportTitles[report]}`,
      route: 'report',
      params: { id },
      due: dueAt ? `截止 ${formatShanghaiDateTime(dueAt)}` : null,
    };
  }
  if (actions.includes('resubmit')) return { label: '修改后重新提交', route: 'editApplication', params: { id }, due: null };
  if (actions.includes('submit')) return { label: '完成并提交申报', route: 'editApplication', params: { id }, due: null };
  if (actions.includes('claim')) return { label: '填报指标完成情况', route: 'addClaim', params: { id }, due: null };
  return null;
}

/** The stages shown on the applicant's timeline, in order (the closed stage is not a step). */
export const timelineStages: readonly Stage[] = stages.filter((stage) => stage !== 'closed');

/** For applications that have ended: the stage where they ended. */
const endedAt: Partial<Record<ApplicationStatus, Stage>> = {
  withdrawn: 'check',
  checkRejected: 'check',
  notSelected: 'review',
  objectionUpheld: 'publicity',
  failed: 'acceptance',
  paid: 'payout',
  completed: 'payout',
};

export interface TimelineStep {
  stage: Stage;
  label: string;
  state: 'done' | 'current' | 'ended' | 'todo';
}

export function timeline(application: Pick<ApplicationView, 'stage' | 'status'>): TimelineStep[] {
  const closedAt = application.stage === 'closed' ? (endedAt[application.status] ?? 'application') : null;
  const current = timelineStages.indexOf(closedAt ?? application.stage);
  return timelineStages.map((stage, index) => {
    let state: TimelineStep['state'] = index < current ? 'done' : index === current ? 'current' : 'todo';
    // An award that ended well (paid, completed) ends on a done step; the others on an ended one.
    if (closedAt && index === current) state = statusTable[application.status].tone === 'success' ? 'done' : 'ended';
    return { stage, label: stageLabels[stage], state };
  });
}
