// A person's role as the secretariat invites and manages it, and as the invited person reads it.
import type { Role } from '@/core/schemas/common';

export const personRoleLabels: Record<Role, string> = {
  applicant: '单位联系人',
  reviewer: '评审专家',
  secretariat: '秘书处成员',
};

/** What taking the role means, in a line the invited person can check. */
export function roleDuty(role: Role, orgName: string, organiserName: string): string {
  if (role === 'applicant') return `代表“${orgName}”申报${organiserName}的奖补项目、填报完成情况`;
  if (role === 'reviewer') return `为${organiserName}评审申报（工作单位：${orgName}，本单位的申报将自动回避）`;
  return `在${organiserName}秘书处管理项目、审核申报、邀请人员`;
}
