// A programme (计划/项目) is data: the same code runs every call for applications. The four seed programmes
// are configuration files validated by programConfigSchema; a new programme starts as a copy of one of them.
import { z } from 'zod';
import { fen, id, isoTime, orgKind, sanctionKinds, storedFields, text } from '../schemas/common';
import {
  applicantScopeIssue,
  defaultApplicantScope,
  dimensions,
  guaranteedFen,
  indicatorKinds,
  indicatorSources,
  programNoteKinds,
  publicityFloorIssue,
  ratings,
  upstreamFloorIssue,
} from './program-rules';
import { instantPeriodIssue, programPeriod } from './period';

export * from './program-rules';

const key = z.string().regex(/^[a-z0-9-]+$/, '编码只能包含小写字母、数字和连字符');

export const indicatorSchema = z.object({
  key,
  name: z.string().min(1).max(60),
  dimension: z.enum(dimensions),
  kind: z.enum(indicatorKinds),
  /** What a count is counted in, e.g. 项, 篇, 名 (empty for yes-no). */
  unit: z.string().max(8),
  /** The programme's own target: count/percent ≥ target, rank ≤ target, yes/no 1 = yes. */
  target: z.number().nonnegative(),
  /** The upstream (provincial) programme's minimum this target is linked to. */
  upstream: z.object({ programCode: z.string(), indicatorKey: z.string(), minimum: z.number().nonnegative() }).nullable(),
  /**
   * Where the achieved figure comes from: `claims` summed from the awards' verified claims, or `society` a value the
   * secretariat records for the whole society (a rank, a percentage, a yes/no, a head count). Unset: counts come
   * from claims, the other kinds from the society.
   */
  source: z.enum(indicatorSources).optional(),
  note: z.string().max(200).default(''),
});
export type Indicator = z.infer<typeof indicatorSchema>;

/**
 * Eligibility rules, each with a Chinese reason built in core/program/eligibility.ts. A rule applies to the
 * categories it names, or to all when it names none.
 */
export const eligibilityRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('minRating'), rating: z.enum(ratings), categories: z.array(key).default([]) }),
  /** The previous calendar year's annual inspection (年检) is 合格. */
  z.object({ kind: z.literal('passedAnnualInspection'), categories: z.array(key).default([]) }),
  /** Refused when the latest inspection is 不合格, or the two latest (consecutive years) are both 基本合格. */
  z.object({ kind: z.literal('inspectionStanding'), categories: z.array(key).default([]) }),
  /** Refused when a sanction of this kind is dated within `years` years before the day eligibility is judged. */
  z.object({
    kind: z.literal('noSanctionWithin'),
    sanction: z.enum(sanctionKinds),
    years: z.number().int().min(1).max(10),
    categories: z.array(key).default([]),
  }),
  z.object({ kind: z.literal('cleanIntegrity'), categories: z.array(key).default([]) }),
  z.object({ kind: z.literal('canIssueTaxInvoice'), categories: z.array(key).default([]) }),
  z.object({ kind: z.literal('hasSocietyDay'), categories: z.array(key).default([]) }),
  z.object({ kind: z.literal('notFundedBefore'), categories: z.array(key).default([]) }),
]);
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;

/**
 * Who may see and apply to a programme: members of the organisation running it (organisations whose
 * societyId is the programme's), of these kinds — a society's branches and member units, or the
 * societies (省级学会, 市级学会) of a 科协. Nobody outside it sees the programme.
 */
export const applicantScopeSchema = z.object({
  memberKinds: z.array(orgKind).min(1, '申报范围至少选择一种单位类型'),
  /** The applicants as the source document names them, e.g. 省级学会（协会、研究会、促进会）; shown in the reason. */
  label: text().min(1, '请填写申报范围的名称').max(60),
});
export type ApplicantScope = z.infer<typeof applicantScopeSchema>;

export const categorySchema = z
  .object({
    key,
    name: z.string().min(1).max(40),
    /** A heading shared by sibling categories, e.g. 服务专项 over 科技服务 and 科技创新智库. */
    group: z.string().max(40).default(''),
    description: z.string().max(500).default(''),
    /** Sub-types an application picks from (e.g. 智库 / 学术和科技服务 / 科普); they share the category's quota. */
    subtypes: z.array(z.object({ key, name: z.string().min(1).max(40) })).default([]),
    quotaMin: z.number().int().nonnegative().default(0),
    /** null: no cap of its own; the pool still caps it. */
    quotaMax: z.number().int().positive().nullable(),
    /** The award (and the budget ceiling) of one application in this category. */
    awardAmountFen: fen.refine((value) => value > 0, '单项金额须大于 0'),
    applicantKinds: z.array(orgKind).min(1, '每个类别至少选择一种申报单位类型'),
    /** The category's own deadline; null: the programme's. */
    deadline: isoTime.nullable().default(null),
    /** At most this many applications per organisation in this category; null: no limit. */
    maxPerOrg: z.number().int().positive().nullable().default(null),
    /** Each application names a service point (服务点), and an organisation applies once per point. */
    servicePointRequired: z.boolean().default(false),
  })
  .refine((category) => category.quotaMax === null || category.quotaMin <= category.quotaMax, {
    message: '名额下限不能大于上限',
    path: ['quotaMin'],
  });
export type Category = z.infer<typeof categorySchema>;

export const formSectionSchema = z.object({
  key,
  title: z.string().min(1).max(40),
  hint: z.string().max(300).default(''),
  maxChars: z.number().int().positive().max(20000),
  required: z.boolean().default(true),
});
export type FormSection = z.infer<typeof formSectionSchema>;

export const applicationFormSchema = z.object({
  projectNameMaxChars: z.number().int().positive().max(200),
  sections: z.array(formSectionSchema).min(1),
  budget: z.object({
    required: z.boolean(),
    maxLines: z.number().int().positive().max(30),
    /**
     * The budget may not exceed the award. The provincial guide sets no such ceiling (journals show matching
     * funds), so its programme turns it off. Stored before the flag existed: on.
     */
    capAtAward: z.boolean().default(true),
  }),
  /** null: the form has no such table. */
  schedule: z.object({ required: z.boolean(), maxRows: z.number().int().positive().max(20) }).nullable(),
  team: z.object({ required: z.boolean(), maxRows: z.number().int().positive().max(30) }).nullable(),
  attachments: z.array(z.object({ key, name: z.string().min(1).max(40), required: z.boolean(), categories: z.array(key).default([]) })),
  /** The applicant's signed declaration (申报单位意见 / 承诺); null: none asked. */
  commitment: z.object({ text: z.string().min(1).max(500) }).nullable(),
  /** Whether the applicant commits contributions to the programme's indicators. */
  indicatorCommitments: z.boolean(),
  /**
   * The applicant commits its own target for every indicator, at least the programme's (a society applying to the
   * provincial call: seed 000's 绩效指标 table asks each society's target against the provincial minimum).
   */
  commitTargets: z.boolean().optional(),
});
export type ApplicationForm = z.infer<typeof applicationFormSchema>;

/** One scoring band of a criterion as its document describes it, e.g. 优 18–20 分: 材料翔实、方案可行. */
export const scoreBandSchema = z.object({
  label: z.string().min(1).max(8),
  min: z.number().min(0).max(100),
  max: z.number().min(0).max(100),
  text: z.string().max(80).default(''),
});
export type ScoreBand = z.infer<typeof scoreBandSchema>;

export const reviewCriterionSchema = z.object({
  key,
  name: z.string().min(1).max(40),
  /** Share of the total score, in percent; the weights add up to 100. */
  weight: z.number().int().positive().max(100),
  maxScore: z.number().int().positive().max(100),
  /** The document's scoring bands, best first; absent: the experts see bands derived evenly (core/review/bands.ts). */
  bands: z.array(scoreBandSchema).max(6).optional(),
});
export type ReviewCriterion = z.infer<typeof reviewCriterionSchema>;

export const phaseSchema = z.object({
  key,
  name: z.string().min(1).max(20),
  startsAt: isoTime.nullable(),
  endsAt: isoTime.nullable(),
});
export type Phase = z.infer<typeof phaseSchema>;

export const programNoteSchema = z.object({
  kind: z.enum(programNoteKinds),
  text: z.string().min(1).max(300),
  /** Where in the source document, e.g. 种子004 第五部分. */
  source: z.string().max(80).default(''),
});
export type ProgramNote = z.infer<typeof programNoteSchema>;

/** A public notice (公示): how many working days it runs, and the shortest its document allows. */
export const noticeSchema = z.object({
  workingDays: z.number().int().min(1).max(30),
  /**
   * The shortest notice the programme may run. Xuzhou's document says 公示时间不少于5个工作日 (seed 003, line 184);
   * the others name no length, and 5 working days, the usual 公示 of awards from public funds, stands for them.
   */
  minWorkingDays: z.number().int().min(1).max(30).default(5),
});
export type Notice = z.infer<typeof noticeSchema>;

/** What failing the final assessment means, as the programme's document says it. */
export const failureSchema = z.object({
  /** The funds already paid are to be returned (退还经费): the secretariat records the refund. */
  refund: z.boolean(),
  /** Funds not yet paid are withdrawn (取消经费奖补资助). */
  withdrawFunding: z.boolean(),
  /** The organisation may not apply to the same programme series next year (取消下一年度申报资格). */
  barNextCall: z.boolean(),
});
export type Failure = z.infer<typeof failureSchema>;

/**
 * The stages a programme runs through after the formal check, as its document orders them. The workflow table
 * (core/workflow/award-workflow.ts) guards its actions with these, so a programme without a stage never offers it.
 */
export const stagesSchema = z.object({
  /** Expert review (专家评审) before the shortlist; false: the secretariat shortlists right after the formal check. */
  expertReview: z.boolean(),
  /** A notice of the shortlist before 立项; null: 立项 follows the shortlist (e.g. Suzhou's 预立项). */
  shortlistNotice: noticeSchema.nullable(),
  /** A signed implementation agreement (项目实施协议) before any funds are paid. */
  agreement: z.boolean(),
  /** The share of the award paid after 立项 (and the agreement); the rest is paid after acceptance. */
  advancePercent: z.number().int().min(0).max(100),
  /** A mid-term check (中期检查); null: none. It applies to the categories named, or to all when none is named. */
  midterm: z.object({ categories: z.array(key).default([]), dueAt: isoTime.nullable().default(null) }).nullable(),
  /** A notice of the assessment results (考核/绩效结果公示) before the final payout; null: none. */
  resultNotice: noticeSchema.nullable(),
  /** A time-limited rectification (限期整改) after a failed assessment; null: failing is final at once. */
  rectification: z.object({ months: z.number().int().min(1).max(12) }).nullable(),
  failure: failureSchema,
});
export type Stages = z.infer<typeof stagesSchema>;

/** Programme content as written in a configuration file (no storage fields). */
export const programConfigShape = {
  code: key,
  /** Programmes of the same series across years share a lineage (for 往年已获资助不得申报). */
  lineage: key,
  name: text().min(1).max(80),
  year: z.number().int().min(2000).max(2100),
  summary: text({ multiline: true }).max(500),
  /** Where the figures came from, and which ones the source left open. */
  sourceNote: z.string().max(300).default(''),
  /**
   * What the secretariat must know about the document: values it leaves open (placeholder), figures that disagree
   * in the document itself (discrepancy), and the document's priority rules for reviewers (priority). Each cites
   * where in the source it comes from. Shown to the secretariat (and priorities to the experts).
   */
  notes: z.array(programNoteSchema).max(40).default([]),
  categories: z.array(categorySchema).min(1),
  poolFen: fen.refine((value) => value > 0, '资金池须大于 0'),
  /** Which organisations may see and apply to the programme at all (before any category's own rules). */
  applicants: applicantScopeSchema.default(defaultApplicantScope),
  eligibility: z.array(eligibilityRuleSchema),
  /** Groups of category keys an organisation may not apply to together (互不兼报). */
  mutuallyExclusive: z.array(z.array(key).min(2)).default([]),
  opensAt: isoTime,
  deadline: isoTime,
  implementationEndsAt: isoTime,
  /** The final report (结项/绩效报告) is due by this time. */
  finalReportDueAt: isoTime,
  phases: z.array(phaseSchema),
  /** The stages the programme runs through after the formal check, each with its parameters (see stagesSchema). */
  stages: stagesSchema,
  form: applicationFormSchema,
  reviewCriteria: z.array(reviewCriterionSchema).min(1),
  /** Experts declare and score by this time (shown to them, refused after); null or absent: no deadline set. */
  reviewDueAt: isoTime.nullable().optional(),
  indicators: z.array(indicatorSchema),
};

function unique(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}

export const programConfigSchema = z
  .object(programConfigShape)
  .refine((program) => new Date(program.opensAt) < new Date(program.deadline), {
    message: '截止时间须晚于开始时间',
    path: ['deadline'],
  })
  .refine((program) => unique(program.categories.map((category) => category.key)), { message: '类别编码重复', path: ['categories'] })
  .refine((program) => unique(program.indicators.map((indicator) => indicator.key)), { message: '指标编码重复', path: ['indicators'] })
  .refine((program) => program.reviewCriteria.reduce((sum, criterion) => sum + criterion.weight, 0) === 100, {
    message: '评审指标权重合计须为 100',
    path: ['reviewCriteria'],
  })
  .refine(
    (program) => {
      const keys = new Set(program.categories.map((category) => category.key));
      const named = [
        ...program.mutuallyExclusive.flat(),
        ...program.eligibility.flatMap((rule) => rule.categories),
        ...program.form.attachments.flatMap((attachment) => attachment.categories),
      ];
      return named.every((categoryKey) => keys.has(categoryKey));
    },
    { message: '规则中引用了不存在的类别', path: ['categories'] },
  )
  .superRefine((program, context) => {
    const issue = applicantScopeIssue(program.applicants, program.categories);
    if (issue) context.addIssue({ code: 'custom', message: issue, path: [] });
  })
  .refine((program) => guaranteedFen(program) <= program.poolFen, {
    message: '各类别名额下限 × 单项金额 超过资金池',
    path: ['poolFen'],
  })
  .superRefine((program, context) => {
    for (const notice of [program.stages.shortlistNotice, program.stages.resultNotice]) {
      const short = notice ? publicityFloorIssue(notice) : null;
      if (short) context.addIssue({ code: 'custom', message: short, path: [] });
    }
    const midterm = program.stages.midterm?.categories ?? [];
    if (midterm.some((categoryKey) => !program.categories.some((category) => category.key === categoryKey))) {
      context.addIssue({ code: 'custom', message: '中期检查引用了不存在的类别', path: ['stages', 'midterm', 'categories'] });
    }
    const period = programPeriod(program);
    const dated = [
      ['中期报告截止时间', program.stages.midterm?.dueAt, ['stages', 'midterm', 'dueAt']],
      ['专家评审截止时间', program.reviewDueAt, ['reviewDueAt']],
    ] as const;
    for (const [label, instant, path] of dated) {
      const issue = instantPeriodIssue(label, instant, period);
      if (issue) context.addIssue({ code: 'custom', message: issue, path: [...path] });
    }
    program.indicators.forEach((indicator, index) => {
      const issue = upstreamFloorIssue(indicator);
      if (issue) context.addIssue({ code: 'custom', message: issue, path: ['indicators', index, 'target'] });
    });
  });
export type ProgramConfig = z.infer<typeof programConfigSchema>;
export type ProgramConfigInput = z.input<typeof programConfigSchema>;

export const programSchema = z.object({
  ...storedFields,
  /** The organisation that runs the programme (a society or a 科协). */
  societyId: id,
  /** The seed configuration (or programme) this one was started from. */
  templateCode: z.string().nullable().default(null),
  /**
   * A programme started from a template is a draft: only its secretariat sees it until it is published, so last
   * year's dates never reach an applicant. Stored before drafts existed: published.
   */
  draft: z.boolean().default(false),
  /**
   * The organiser's own application in the upstream (provincial) call whose commitments this programme's linked
   * indicators serve: verified figures roll up to it. null: not linked.
   */
  upstreamApplicationId: id.nullable().default(null),
  ...programConfigShape,
});
export type Program = z.infer<typeof programSchema>;
