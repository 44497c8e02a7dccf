// The words of the in-app message (and subscribe message) each workflow change sends. A person's message reads as
// a letter: what happened, when, and what comes next; nothing technical (ids, codes, delivery states).
import { formatShanghaiDate, formatShanghaiDateTime } from '../calendar/shanghai';
import { formatYuan } from '../money';
import type { ProgramConfig } from '../program/program-schema';
import { actionTable, statusTable, type ApplicationStatus, type WorkflowAction } from './award-workflow';

export interface MessageText {
  title: string;
  body: string;
}

/** What a message may say beyond the status: when the change was made, the award, and the programme's dates. */
export interface MessageFacts {
  /** When the change was made (ISO). */
  at: string;
  /** The award granted, in fen; null: none yet. */
  awardFen: number | null;
  program: Pick<ProgramConfig, 'implementationEndsAt' | 'finalReportDueAt' | 'stages'>;
}

/** The receipt of a submission: when it was received and what happens next (the message, and the applicant's screens). */
export function submissionReceipt(submittedAt: string): string {
  return `已于${formatShanghaiDateTime(submittedAt)}收到。下一步：秘书处进行形式审查，结果会通过消息告诉您；审查开始前如需修改，可先撤回申报。`;
}

/** Whether an application in this status shows its submission receipt (it waits for the formal check). */
export function awaitsCheck(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'resubmitted';
}

/** What the applicant is told beyond the status: a receipt on submission, the amount and the dates on 立项. */
function applicantDetail(to: ApplicationStatus, facts: MessageFacts): string {
  const { program } = facts;
  if (awaitsCheck(to)) return submissionReceipt(facts.at);
  if (to === 'approved') {
    const parts = [facts.awardFen !== null ? `奖补金额${formatYuan(facts.awardFen)}。` : ''];
    if (program.stages.agreement) parts.push('下一步：签订项目实施协议。');
    if (program.stages.advancePercent > 0) parts.push(`立项后拨付奖补金额的${program.stages.advancePercent}%，其余验收后拨付。`);
    const midterm = program.stages.midterm;
    if (midterm) parts.push(midterm.dueAt ? `中期检查材料请于${formatShanghaiDate(midterm.dueAt)}前提交。` : '中期检查时间另行通知。');
    parts.push(
      `项目实施至${formatShanghaiDate(program.implementationEndsAt)}，结项报告请于${formatShanghaiDate(program.finalReportDueAt)}前提交。`,
    );
    return parts.join('');
  }
  return '';
}

export function statusChangeMessage(
  action: WorkflowAction,
  to: ApplicationStatus,
  audience: 'applicant' | 'secretariat',
  projectName: string,
  reason: string | null,
  facts?: MessageFacts,
): MessageText {
  const status = statusTable[to];
  const label = audience === 'applicant' ? status.applicantLabel : status.staffLabel;
  const name = projectName.trim() || '未命名项目';
  const detail = audience === 'applicant' && facts ? applicantDetail(to, facts) : '';
  // Each detail sentence ends with its own full stop.
  let body = detail ? `${label}。${detail}` : label;
  if (reason) body += `${detail ? '' : '。'}意见：${reason}`;
  return { title: `${actionTable[action].label}：${name}`.slice(0, 60), body: body.slice(0, 300) };
}
