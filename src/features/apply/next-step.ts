// What the applicant should do next with an application, and by when: read from the actions the server
// offers (never guessed from a status name), so the list and the form say the same thing.
import { formatShanghaiDateTime, isPastDeadline } from '@/core/calendar/shanghai';
import { errorMessages } from '@/core/errors';
import type { ApplicationView, ProgramView } from '@/core/schemas/actions';
import { stageLabels, stages, statusTable, type ApplicationStatus, type Stage, type WorkflowAction } from '@/core/workflow/award-workflow';
import { reportDeadline, type ReportDeadline } from '@/core/workflow/transition';
import type { RouteName } from '@/lib/navigation';

import { reportTitles, type ReportKind } from '@/core/kpi/report-ledger';

export { reportTitles, type ReportKind };

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
  /** Where the step is taken; null: nothing to fill in here (e.g. the deadline has passed). */
  route: RouteName | null;
  params: Record<string, string>;
  /** e.g. "截止 2024年1月31日 23:59", or with an extension "延期至 2024年2月15日 23:59（原截止 …）" */
  due: string | null;
  /** Why the due time moved (the extension's reason), or what to do now the deadline has passed. */
  note: string | null;
  /** The deadline has passed: the server would refuse the report (REPORT_OVERDUE). */
  overdue: boolean;
}

/** The programme's report dates, and the server's time when it was read (the phone's clock is not the judge). */
type ProgramDates = Pick<ProgramView, 'finalReportDueAt' | 'stages' | 'serverNow'>;

/** The deadline of the report the application owes now, as the server judges it (with a granted extension). */
export function reportDeadlineOf(application: ApplicationView, program?: ProgramDates): ReportDeadline | null {
  return program ? reportDeadline(application, program) : null;
}

/** The due line of a report: its deadline, or the extended one with the original beside it. */
export function dueText(deadline: ReportDeadline): string {
  const last = formatShanghaiDateTime(deadline.lastAt);
  return deadline.extension ? `已延期至 ${last}（原截止 ${formatShanghaiDateTime(deadline.dueAt)}）` : `截止 ${last}`;
}

/** What the applicant is told once the report's deadline has passed (the server refuses it: REPORT_OVERDUE). */
export function overdueText(kind: ReportKind, deadline: ReportDeadline): string {
  return `${errorMessages.REPORT_OVERDUE}：${reportTitles[kind]}须于 ${formatShanghaiDateTime(deadline.lastAt)} 前提交，现已不能提交。如需延期，请联系秘书处申请。`;
}

/** Whether the report's deadline has passed, by the server's time the programme was read at. */
export function isOverdue(deadline: ReportDeadline, program: Pick<ProgramView, 'serverNow'>): boolean {
  return isPastDeadline(new Date(program.serverNow), deadline.lastAt);
}

export function nextStep(application: ApplicationView, program?: ProgramDates): NextStep | null {
  const id = application._id;
  const actions = application.availableActions;
  const report = reportDue(application);
  if (report) {
    const deadline = reportDeadlineOf(application, program);
    const overdue = deadline !== null && program !== undefined && isOverdue(deadline, program);
    if (overdue) {
      return {
        label: `${reportTitles[report]}提交期限已过，请联系秘书处申请延期`,
        route: null,
        params: { id },
        due: dueText(deadline),
        note: overdueText(report, deadline),
        overdue,
      };
    }
    return {
      label: `提交${reportTitles[report]}`,
      route: 'report',
      params: { id },
      due: deadline ? dueText(deadline) : null,
      note: deadline?.extension?.reason ? `延期理由：${deadline.extension.reason}` : null,
      overdue,
    };
  }
  const plain = (label: string, route: RouteName): NextStep => ({ label, route, params: { id }, due: null, note: null, overdue: false });
  if (actions.includes('resubmit')) return plain('修改后重新提交', 'editApplication');
  if (actions.includes('submit')) return plain('完成并提交申报', 'editApplication');
  if (actions.includes('claim')) return plain('填报指标完成情况', 'addClaim');
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
    if (closedAt && index === current) state = statusTable[application.status].tone === 'done' ? 'done' : 'ended';
    return { stage, label: stageLabels[stage], state };
  });
}
