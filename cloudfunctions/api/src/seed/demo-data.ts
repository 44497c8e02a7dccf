// The society, its units, its programme and one demo account per role: seeded on first start, idempotently.
import { programConfigSchema } from '@/core/program/program-schema';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';
import type { Organization, Program, User } from '@/core/schemas/documents';

export const SOCIETY_ID = 'org-scceas';
export const DEMO_PROGRAM_ID = 'program-sichuan-civil-2023';

type Seeded<T> = Omit<T, 'version' | 'createdAt' | 'updatedAt'>;

export const demoOrganizations: Seeded<Organization>[] = [
  { _id: SOCIETY_ID, name: '四川省土木建筑学会', kind: 'society', societyId: null },
  { _id: 'org-branch-academic', name: '学术工作委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-branch-structure', name: '建筑结构专业委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-branch-popsci', name: '科普工作委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-member-design', name: '四川省建筑设计研究院有限公司', kind: 'memberUnit', societyId: SOCIETY_ID },
  { _id: 'org-member-swjtu', name: '西南交通大学土木工程学院', kind: 'memberUnit', societyId: SOCIETY_ID },
];

export const demoUsers: Seeded<User>[] = [
  { _id: 'user-secretary', openid: 'demo-secretary', name: '王秘书', role: 'secretariat', orgId: SOCIETY_ID },
  {
    _id: 'user-contact-structure',
    openid: 'demo-contact-structure',
    name: '李工（结构专委会）',
    role: 'applicant',
    orgId: 'org-branch-structure',
  },
  {
    _id: 'user-contact-academic',
    openid: 'demo-contact-academic',
    name: '陈老师（学术工委）',
    role: 'applicant',
    orgId: 'org-branch-academic',
  },
  { _id: 'user-contact-design', openid: 'demo-contact-design', name: '张主任（省建院）', role: 'applicant', orgId: 'org-member-design' },
  { _id: 'user-reviewer', openid: 'demo-reviewer', name: '刘教授（评审专家）', role: 'reviewer', orgId: 'org-member-swjtu' },
];

export function demoProgram(): Seeded<Program> {
  return { _id: DEMO_PROGRAM_ID, societyId: SOCIETY_ID, ...programConfigSchema.parse(sichuanCivil2023) };
}
