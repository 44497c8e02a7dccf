// The words of the in-app message (and subscribe message) each workflow change sends.
import { actionTable, statusTable, type ApplicationStatus, type WorkflowAction } from './award-workflow';

export interface MessageText {
  title: string;
  body: string;
}

export function statusChangeMessage(
  action: WorkflowAction,
  to: ApplicationStatus,
  audience: 'applicant' | 'secretariat',
  projectName: string,
  reason: string | null,
): MessageText {
  const status = statusTable[to];
  const label = audience === 'applicant' ? status.applicantLabel : status.staffLabel;
  const name = projectName.trim() || '未命名项目';
  return {
    title: `${actionTable[action].label}：${name}`.slice(0, 60),
    body: (reason ? `${label}。意见：${reason}` : label).slice(0, 300),
  };
}
