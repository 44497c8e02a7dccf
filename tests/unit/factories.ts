// Test data for the unit tests: seed programmes as stored programmes, organisations and application content.
import type { ApplicationContent } from '@/core/application/rules';
import { AppError } from '@/core/errors';
import { floorCommitments, programSchema, type Program, type Stages } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import type { OrgKind } from '@/core/schemas/common';
import type { Organization, OrganizationProfile } from '@/core/schemas/documents';

export type SeedCode = 'sichuan-civil-2023' | 'sichuan-first-class-society-2023' | 'suzhou-2022' | 'xuzhou-2022';

const stamp = '2022-01-01T00:00:00.000Z';

/**
 * A society's stages as the workflow tests run them: expert review, a 5-day 公示, a mid-term, paid after acceptance,
 * one month to rectify, and a failure that is refunded and bars next year's call.
 */
export const societyStages: Stages = {
  expertReview: true,
  shortlistNotice: { workingDays: 5, minWorkingDays: 5 },
  agreement: false,
  advancePercent: 0,
  midterm: { categories: [], dueAt: null },
  resultNotice: null,
  rectification: { months: 1 },
  failure: { refund: true, withdrawFunding: false, barNextCall: true },
};

/** A seed configuration as the Store holds it once a society has started a programme from it. */
export function programFrom(code: SeedCode, overrides: Partial<Program> = {}): Program {
  const config = seedProgramByCode(code);
  if (!config) throw new Error(`missing seed programme ${code}`);
  return {
    ...programSchema.parse({
      ...config,
      _id: `program-${code}`,
      version: 1,
      createdAt: stamp,
      updatedAt: stamp,
      societyId: 'society-1',
      templateCode: code,
    }),
    ...overrides,
  };
}

/** An organisation that meets every eligibility rule unless the profile says otherwise. */
export function organization(kind: OrgKind, profile: Partial<OrganizationProfile> = {}): Organization {
  return {
    _id: `org-${kind}`,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    active: true,
    name: `某${kind}`,
    kind,
    societyId: 'society-1',
    profile: {
      rating: '5A',
      ratingYear: 2021,
      inspections: [
        { year: 2021, result: '合格' },
        { year: 2022, result: '合格' },
      ],
      sanctions: [],
      integrityClean: true,
      canIssueTaxInvoice: true,
      hasSocietyDay: true,
      fundedLineages: [],
      ...profile,
    },
  };
}

/** Content with nothing filled in yet: a fresh draft in the given category. */
export function emptyContent(categoryKey: string, overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  return {
    categoryKey,
    subtypeKey: null,
    servicePoint: '',
    projectName: '',
    sections: {},
    budget: [],
    schedule: [],
    team: [],
    attachments: [],
    commitments: [],
    declaration: null,
    ...overrides,
  };
}

/** Content that the programme's form accepts for submission in this category, as a careful applicant fills it. */
export function completeContent(program: Program, categoryKey: string, overrides: Partial<ApplicationContent> = {}): ApplicationContent {
  const form = program.form;
  const category = program.categories.find((candidate) => candidate.key === categoryKey);
  if (!category) throw new Error(`no category ${categoryKey} in ${program.code}`);
  const asked = form.attachments.filter((attachment) => attachment.categories.length === 0 || attachment.categories.includes(categoryKey));
  return emptyContent(categoryKey, {
    subtypeKey: category.subtypes[0]?.key ?? null,
    servicePoint: category.servicePointRequired ? '徐州经济技术开发区服务点' : '',
    projectName: '建筑结构抗震科普进社区',
    sections: Object.fromEntries(form.sections.map((section) => [section.key, `${section.title}：具体内容。`])),
    budget: [{ item: '专家劳务', amountFen: category.awardAmountFen, basis: '按实列支' }],
    // July of the programme's year lies inside every seed programme's period.
    schedule: form.schedule
      ? [{ phase: '启动', startsOn: `${program.year}-07-01`, endsOn: `${program.year}-07-31`, work: '制定方案', owner: '李工' }]
      : [],
    team: form.team ? [{ name: '李工', age: 45, title: '高级工程师', employer: '某设计院', task: '负责人' }] : [],
    attachments: asked.map((attachment) => ({
      key: attachment.key,
      fileId: `local://evidence/app_1/${attachment.key}.pdf`,
      name: attachment.name,
    })),
    commitments: form.commitTargets
      ? floorCommitments(program)
      : form.indicatorCommitments
        ? [{ indicatorKey: 'published-results', amount: 3 }]
        : [],
    declaration: form.commitment ? { signerName: '李工', agreed: true } : null,
    ...overrides,
  });
}

/** What a core rule refused (its code and message), or null when it let the work through. */
export function refusal(work: () => void): { code: string; message: string } | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, message: error.message };
  }
}
