// The two kinds of public notice (公示) a programme may run, as data: the stage that sets its length, the workflow
// actions that list an award in it and take the award on when it ends, and how it reads. Which awards may be
// listed and when is the workflow table's (the opening action's statuses and guards), never repeated here.
import type { Stages } from '../program/program-schema';
import type { PublicityKind } from '../schemas/documents';
import { actionTable, type ApplicationStatus, type WorkflowAction } from '../workflow/award-workflow';

export interface NoticeKind {
  /** What it publishes, as its heading says: 拟立项公示, 考核结果公示. */
  label: string;
  /** The programme's stage that sets it (its working days); a programme without it has no such notice. */
  stage: 'shortlistNotice' | 'resultNotice';
  /** Lists an award in the notice. */
  opening: WorkflowAction;
  /** Takes each listed award on once the notice has ended with no objection open. */
  closing: WorkflowAction;
  /** What ending the notice does, in words: 批准立项, 确认考核结果. */
  closes: string;
  /** The awards it lists, as the staff screen counts them. */
  listed: string;
  /** The heading of its list on the public page. */
  entriesTitle: string;
  /** The title the staff form suggests, after the programme's name. */
  titleSuffix: string;
  /** Why a programme without this stage refuses the notice. */
  absent: string;
}

export const noticeKinds: Record<PublicityKind, NoticeKind> = {
  shortlist: {
    label: '拟立项公示',
    stage: 'shortlistNotice',
    opening: 'openPublicity',
    closing: 'approve',
    closes: '批准立项',
    listed: '拟立项项目',
    entriesTitle: '拟立项名单',
    titleSuffix: '拟立项项目公示',
    absent: '本项目不设立项公示：拟立项项目可直接批准立项',
  },
  result: {
    label: '考核结果公示',
    stage: 'resultNotice',
    opening: 'openResultNotice',
    closing: 'confirmResult',
    closes: '确认考核结果',
    listed: '验收通过项目',
    entriesTitle: '考核结果（验收通过）名单',
    titleSuffix: '考核结果公示',
    absent: '本项目不设考核结果公示：验收通过后可直接登记发放',
  },
};

/** A stored notice's kind: notices stored before result notices existed are shortlist notices. */
export function kindOf(publicity: { kind?: PublicityKind | null }): PublicityKind {
  return publicity.kind ?? 'shortlist';
}

/** The kinds of notice a programme runs, in the order its stages come. */
export function noticeKindsOf(stages: Pick<Stages, 'shortlistNotice' | 'resultNotice'>): PublicityKind[] {
  return (Object.keys(noticeKinds) as PublicityKind[]).filter((kind) => stages[noticeKinds[kind].stage] !== null);
}

/** The statuses a notice of this kind lists awards from: where its opening action starts. */
export function listedStatuses(kind: PublicityKind): readonly ApplicationStatus[] {
  return actionTable[noticeKinds[kind].opening].from;
}

/** The status a listed award is in while the notice runs: where its opening action leads. */
export function inNoticeStatus(kind: PublicityKind): ApplicationStatus {
  const to = actionTable[noticeKinds[kind].opening].to;
  if (!to) throw new Error(`the opening action of a ${kind} notice keeps the status`);
  return to;
}
