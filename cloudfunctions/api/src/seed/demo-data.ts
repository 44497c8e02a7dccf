// The organisations, people and the four seed programmes of the demo: seeded on first start, idempotently.
// Each record is parsed by its collection's schema in seed.ts, so defaults (profiles, consents) fill in.
import type { z } from 'zod';
import { seedPrograms } from '@/core/program/seeds';
import type { InspectionResult, organizationSchema, programSchema, userSchema } from '@/core/schemas/documents';

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

/** 年检结论 for 2021–2025, 合格 unless a year says otherwise (the 2022 and 2021 calls ask for the year before). */
function inspectedFrom2021(exceptions: Record<number, InspectionResult> = {}) {
  return [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, result: exceptions[year] ?? ('合格' as const) }));
}

export const demoOrganizations: SeedOrg[] = [
  // The society of the first user, its branches and member units; itself a 省级学会 under 四川省科协.
  society(SOCIETY_ID, '四川省土木建筑学会', 'org-sast', {
    rating: '5A',
    ratingYear: 2021,
    inspections: inspectedFrom2021(),
    canIssueTaxInvoice: true,
    hasSocietyDay: true,
  }),
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
  // Another 省级学会, 通报 by the province in September 2022: the 2023 一流科技社团 call refuses it (两年内被通报).
  society('org-sc-mech', '四川省机械工程学会', 'org-sast', {
    rating: '4A',
    ratingYear: 2020,
    inspections: inspectedFrom2021({ 2022: '基本合格' }),
    sanctions: [{ kind: 'notice', on: '2022-09-20', authority: '四川省科协', note: '年度工作报告逾期未报送，限期一个月整改' }],
    canIssueTaxInvoice: true,
  }),
  society('org-sz-mech', '苏州市机械工程学会', 'org-szast', {
    rating: '4A',
    ratingYear: 2020,
    inspections: inspectedFrom2021(),
    canIssueTaxInvoice: true,
    hasSocietyDay: true,
  }),
  society('org-sz-env', '苏州市环境科学学会', 'org-szast', {
    rating: '2A',
    ratingYear: 2019,
    inspections: inspectedFrom2021({ 2023: '基本合格' }),
    canIssueTaxInvoice: true,
    hasSocietyDay: false,
  }),
  society('org-xz-civil', '徐州市土木建筑学会', 'org-xzast', {
    rating: '4A',
    ratingYear: 2021,
    inspections: inspectedFrom2021(),
    canIssueTaxInvoice: true,
  }),
  society('org-xz-agri', '徐州市农学会', 'org-xzast', {
    rating: '3A',
    ratingYear: 2018,
    inspections: inspectedFrom2021(),
    sanctions: [{ kind: 'penalty', on: '2019-04-12', authority: '徐州市民政局', note: '未按规定换届，警告' }],
    canIssueTaxInvoice: true,
  }),
];

const person = (id: string, name: string, role: SeedUser['role'], orgId: string, more: Partial<SeedUser> = {}): SeedUser => ({
  _id: `user-${id}`,
  openid: `demo-${id}`,
  name,
  role,
  orgId,
  ...more,
});

/** An expert in the named organisers' pools, working for `orgId` (which drives recusal). */
const expert = (id: string, name: string, orgId: string, poolOrgIds: string[]): SeedUser =>
  person(id, name, 'reviewer', orgId, { poolOrgIds });

export const demoUsers: SeedUser[] = [
  person('secretary', '王秘书', 'secretariat', SOCIETY_ID),
  person('contact-structure', '李工（结构专委会）', 'applicant', 'org-branch-structure', { phone: '13800000001' }),
  person('contact-academic', '陈老师（学术工委）', 'applicant', 'org-branch-academic', { phone: '13800000002' }),
  person('contact-design', '张主任（省建院）', 'applicant', 'org-member-design', { phone: '13800000003' }),
  expert('reviewer', '刘教授（评审专家）', 'org-member-swjtu', [SOCIETY_ID]),
  expert('reviewer-scu', '赵教授（评审专家）', 'org-member-scu', [SOCIETY_ID]),
  expert('reviewer-structure', '周高工（评审专家，结构专委会）', 'org-branch-structure', [SOCIETY_ID]),
  person('secretary-xuzhou', '徐州市科协学会部', 'secretariat', 'org-xzast'),
  person('secretary-suzhou', '苏州市科协学会部', 'secretariat', 'org-szast'),
  person('secretary-sast', '省科协学会部', 'secretariat', 'org-sast'),
  person('contact-xz-civil', '孙秘书长（徐州土建学会）', 'applicant', 'org-xz-civil', { phone: '13800000004' }),
  person('contact-sz-mech', '吴秘书长（苏州机械学会）', 'applicant', 'org-sz-mech', { phone: '13800000005' }),
  person('contact-xz-agri', '钱秘书长（徐州农学会）', 'applicant', 'org-xz-agri', { phone: '13800000006' }),
  person('contact-sz-env', '郑秘书长（苏州环境科学学会）', 'applicant', 'org-sz-env', { phone: '13800000007' }),
  // The society itself applies to the province's 一流科技社团 call, through its own contact.
  person('contact-scceas', '黄副秘书长（土木建筑学会）', 'applicant', SOCIETY_ID, { phone: '13800000008' }),
  // 王秘书 holds a second role with the same WeChat identity: the society's own contact in that provincial call.
  // Bound after the secretariat role (its id sorts after it), so the secretariat stays the one acting by default.
  person('secretary-as-contact', '王秘书', 'applicant', SOCIETY_ID, { openid: 'demo-secretary', phone: '13800000009' }),
  person('contact-sc-mech', '冯秘书长（机械工程学会）', 'applicant', 'org-sc-mech', { phone: '13800000010' }),
  // Each city 科协 has experts of its own; one Xuzhou expert works for a society that applies (recusal).
  expert('reviewer-xuzhou', '蒋教授（徐州评审专家）', 'org-xzast', ['org-xzast']),
  expert('reviewer-xz-civil', '韩高工（徐州评审专家，土建学会）', 'org-xz-civil', ['org-xzast']),
  expert('reviewer-suzhou', '沈教授（苏州评审专家）', 'org-szast', ['org-szast']),
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
