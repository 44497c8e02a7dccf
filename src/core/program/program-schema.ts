// A programme (计划/项目) is data: the same code runs every call for applications.
// This is the walking-skeleton subset; categories, eligibility rules and phases come with the lifecycle work.
import { z } from 'zod';
import { fen, id, isoTime, orgKind, storedFields } from '../schemas/common';

export const dimensions = ['political', 'innovation', 'academic', 'credibility'] as const;
export const dimensionLabels: Record<(typeof dimensions)[number], string> = {
  political: '政治引领力',
  innovation: '创新支撑力',
  academic: '学术引领力',
  credibility: '社会公信力',
};

export const indicatorKinds = ['count', 'percent', 'yesno', 'rank'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const indicatorSchema = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(60),
  dimension: z.enum(dimensions),
  kind: z.enum(indicatorKinds),
  /** What a count is counted in, e.g. 项, 篇, 名 (empty for percent / yes-no / rank). */
  unit: z.string().max(8),
  /** The programme's own target: count/percent ≥ target, rank ≤ target, yes/no 1 = yes. */
  target: z.number().nonnegative(),
  /** The upstream (provincial) programme's minimum this target is linked to. */
  upstream: z.object({ programCode: z.string(), indicatorKey: z.string(), minimum: z.number().nonnegative() }).nullable(),
  note: z.string().max(200).default(''),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const applicationFormSchema = z.object({
  projectNameMaxChars: z.number().int().positive(),
  planMaxChars: z.number().int().positive(),
  budgetMaxLines: z.number().int().positive(),
});
export type ApplicationForm = z.infer<typeof applicationFormSchema>;

/** Programme content as written in a configuration file (no storage fields). */
const programConfigShape = {
  code: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1).max(80),
  year: z.number().int().min(2000).max(2100),
  summary: z.string().max(500),
  applicantKinds: z.array(orgKind).min(1),
  awardAmountFen: fen.refine((value) => value > 0),
  quota: z.number().int().positive(),
  poolFen: fen.refine((value) => value > 0),
  opensAt: isoTime,
  deadline: isoTime,
  implementationEndsAt: isoTime,
  form: applicationFormSchema,
  indicators: z.array(indicatorSchema).min(1),
};

export const programConfigSchema = z
  .object(programConfigShape)
  .refine((program) => program.awardAmountFen * program.quota <= program.poolFen, {
    message: '奖补名额 × 单项金额 超过资金池',
    path: ['poolFen'],
  })
  .refine((program) => new Date(program.opensAt) < new Date(program.deadline), {
    message: '截止时间须晚于开始时间',
    path: ['deadline'],
  });
export type ProgramConfig = z.infer<typeof programConfigSchema>;

export const programSchema = z.object({
  ...storedFields,
  societyId: id,
  ...programConfigShape,
});
export type Program = z.infer<typeof programSchema>;

export function indicatorByKey(program: Pick<Program, 'indicators'>, key: string): Indicator | undefined {
  return program.indicators.find((indicator) => indicator.key === key);
}

/** Only count indicators are summed from awards; the others are reported at society level. */
export function isSummable(indicator: Indicator): boolean {
  return indicator.kind === 'count';
}
