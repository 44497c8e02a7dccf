// The organisations, people and the four seed programmes of the demo: seeded on first start, idempotently.
// Each record is parsed by its collection's schema in seed.ts, so defaults (profiles, consents) fill in.
import type { z } from 'zod';
import { seedPrograms } from '@/core/program/seeds';
import type { organizationSchema, programSchema, userSchema } from '@/core/schemas/documents';

export const SOCIETY_ID = 'org-scceas';
export const DEMO_PROGRAM_ID = 'program-sichuan-civil-2023';

type Seeded<S extends z.ZodTypeAny> = Omit<z.input<S>, 'version' | 'createdAt' | 'updatedAt'>;
type SeedOrg = Seeded<typeof organizationSchema>;
type SeedUser = Seeded<typeof userSchema>;

const society = (id: string, name: string, societyId: string, profile: SeedOrg['profile']): SeedOrg => ({
  _id: id,
  name,
  kind: 'society',
  societyId,
  profile,
});

export const demoOrganizations: SeedOrg[] = [
  // The society of the first user, its branches and member units; itself a 省级学会 under 四川省科协.
  { _id: SOCIETY_ID, name: '四川省土木建筑学会', kind: 'society', societyId: 'org-sast' },
  { _id: 'org-branch-academic', name: '学术工作委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-branch-structure', name: '建筑结构专业委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-branch-popsci', name: '科普工作委员会', kind: 'branch', societyId: SOCIETY_ID },
  { _id: 'org-member-design', name: '四川省建筑设计研究院有限公司', kind: 'memberUnit', societyId: SOCIETY_ID },
  { _id: 'org-member-swjtu', name: '西南交通大学土木工程学院', kind: 'memberUnit', societyId: SOCIETY_ID },
  { _id: 'org-member-scu', name: '四川大学建筑与环境学院', kind: 'memberUnit', societyId: SOCIETY_ID },
  // The associations (科协) that run the other three seed programmes, and societies that apply to them.
  { _id: 'org-sast', name: '四川省科学技术协会', kind: 'association', societyId: null },
  { _id: 'org-szast', name: '苏州市科学技术协会', kind: 'association', societyId: null },
  { _id: 'org-xzast', name: '徐州市科学技术协会', kind: 'association', societyId: null },
  society('org-sz-mech', '苏州市机械工程学会', 'org-szast', {
    rating: '4A',
    annualInspectionPassed: true,
    canIssueTaxInvoice: true,
    hasSocietyDay: true,
  }),
  society('org-sz-env', '苏州市环境科学学会', 'org-szast', {
    rating: '2A',
    annualInspectionPassed: true,
    canIssueTaxInvoice: true,
    hasSocietyDay: false,
  }),
  society('org-xz-civil', '徐州市土木建筑学会', 'org-xzast', { rating: '4A', annualInspectionPassed: true, canIssueTaxInvoice: true }),
  society('org-xz-agri', '徐州市农学会', 'org-xzast', { rating: '3A', annualInspectionPassed: true, canIssueTaxInvoice: true }),
];

const person = (id: string, name: string, role: SeedUser['role'], orgId: string): SeedUser => ({
  _id: `user-${id}`,
  openid: `demo-${id}`,
  name,
  role,
  orgId,
});

export const demoUsers: SeedUser[] = [
  person('secretary', '王秘书', 'secretariat', SOCIETY_ID),
  person('contact-structure', '李工（结构专委会）', 'applicant', 'org-branch-structure'),
  person('contact-academic', '陈老师（学术工委）', 'applicant', 'org-branch-academic'),
  person('contact-design', '张主任（省建院）', 'applicant', 'org-member-design'),
  person('reviewer', '刘教授（评审专家）', 'reviewer', 'org-member-swjtu'),
  person('reviewer-scu', '赵教授（评审专家）', 'reviewer', 'org-member-scu'),
  person('reviewer-structure', '周高工（评审专家，结构专委会）', 'reviewer', 'org-branch-structure'),
  person('secretary-xuzhou', '徐州市科协学会部', 'secretariat', 'org-xzast'),
  person('secretary-suzhou', '苏州市科协学会部', 'secretariat', 'org-szast'),
  person('secretary-sast', '省科协学会部', 'secretariat', 'org-sast'),
  person('contact-xz-civil', '孙秘书长（徐州土建学会）', 'applicant', 'org-xz-civil'),
  person('contact-sz-mech', '吴秘书长（苏州机械学会）', 'applicant', 'org-sz-mech'),
  person('contact-xz-agri', '钱秘书长（徐州农学会）', 'applicant', 'org-xz-agri'),
  person('contact-sz-env', '郑秘书长（苏州环境科学学会）', 'applicant', 'org-sz-env'),
  // The society itself applies to the province's 一流科技社团 call, through its own contact.
  person('contact-scceas', '黄副秘书长（土木建筑学会）', 'applicant', SOCIETY_ID),
];

/** Which organisation runs each seed programme. */
const runners: Record<string, string> = {
  'sichuan-civil-2023': SOCIETY_ID,
  'sichuan-first-class-society-2023': 'org-sast',
  'suzhou-2022': 'org-szast',
  'xuzhou-2022': 'org-xzast',
};

export function programIdOf(code: string): string {
  return `program-${code}`;
}

export function demoPrograms(): Seeded<typeof programSchema>[] {
  return seedPrograms.map((config) => ({
    _id: programIdOf(config.code),
    societyId: runners[config.code] ?? SOCIETY_ID,
    templateCode: config.code,
    ...config,
  }));
}
