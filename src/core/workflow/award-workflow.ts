// The award lifecycle as data: statuses with a label for staff and one for applicants, and actions with
// where they start, where they lead and who may take them. transition() reads only this table.
import { z } from 'zod';
import type { Role } from '../schemas/common';

export const applicationStatuses = ['draft', 'submitted', 'returned', 'approved'] as const;
export const applicationStatus = z.enum(applicationStatuses);
export type ApplicationStatus = z.infer<typeof applicationStatus>;

export interface StatusDefinition {
  staffLabel: string;
  applicantLabel: string;
  /** The applicant may change the form's content in this status. */
  editable: boolean;
  /** NutUI tag type used to colour the status. */
  tone: 'default' | 'primary' | 'warning' | 'success' | 'danger';
}

export const statusTable: Record<ApplicationStatus, StatusDefinition> = {
  draft: { staffLabel: '草稿', applicantLabel: '草稿（未提交）', editable: true, tone: 'default' },
  submitted: { staffLabel: '待审核', applicantLabel: '已提交，等待学会审核', editable: false, tone: 'primary' },
  returned: { staffLabel: '已退回修改', applicantLabel: '已退回，请修改后重新提交', editable: true, tone: 'warning' },
  approved: { staffLabel: '已立项', applicantLabel: '已立项，实施中', editable: false, tone: 'success' },
};

export const workflowActions = ['save', 'submit', 'approve', 'return', 'claim'] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface ActionDefinition {
  label: string;
  from: readonly ApplicationStatus[];
  /** null: the action keeps the status (it changes content only). */
  to: ApplicationStatus | null;
  by: readonly Role[];
  /** Applicants act only on their own organisation's applications; staff act on any. */
  ownOrgOnly: boolean;
  reasonRequired: boolean;
}

export const actionTable: Record<WorkflowAction, ActionDefinition> = {
  save: { label: '保存草稿', from: ['draft', 'returned'], to: null, by: ['applicant'], ownOrgOnly: true, reasonRequired: false },
  submit: { label: '提交申报', from: ['draft', 'returned'], to: 'submitted', by: ['applicant'], ownOrgOnly: true, reasonRequired: false },
  approve: { label: '批准立项', from: ['submitted'], to: 'approved', by: ['secretariat'], ownOrgOnly: false, reasonRequired: false },
  return: { label: '退回修改', from: ['submitted'], to: 'returned', by: ['secretariat'], ownOrgOnly: false, reasonRequired: true },
  claim: { label: '填报指标完成情况', from: ['approved'], to: null, by: ['applicant'], ownOrgOnly: true, reasonRequired: false },
};
