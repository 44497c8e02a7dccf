// The contract of the api function: every action's input and output. The client and the server both
// import these, so a call that type-checks on the phone is the call the function accepts.
import { z } from 'zod';
import { id, isoTime, orgKind, role, version } from './common';
import { applicationSchema, auditEntrySchema, budgetLineSchema, claimSchema, commitmentSchema, programSchema } from './documents';
import { applicationStatus, workflowActions } from '../workflow/award-workflow';

export const applicationContentSchema = z.object({
  projectName: z.string().trim().max(200),
  plan: z.string().max(20000),
  budget: z.array(budgetLineSchema).max(30),
  commitments: z.array(commitmentSchema).max(30),
});
export type ApplicationContentInput = z.input<typeof applicationContentSchema>;

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');

export const sessionView = z.object({
  user: z.object({ id, name: z.string(), role }),
  org: z.object({ id, name: z.string(), kind: orgKind }),
  serverNow: isoTime,
});
export type SessionView = z.infer<typeof sessionView>;

export const programView = programSchema.extend({
  windowOpen: z.boolean(),
  serverNow: isoTime,
});
export type ProgramView = z.infer<typeof programView>;

export const applicationView = applicationSchema.extend({
  orgName: z.string(),
  /** The status label for the caller's audience (staff or applicant). */
  statusLabel: z.string(),
  budgetTotalFen: z.number().int(),
  /** What the caller may do now; the client shows exactly these buttons, the server still checks. */
  availableActions: z.array(z.enum(workflowActions)),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const applicationDetail = z.object({
  application: applicationView,
  program: programView,
  claims: z.array(claimSchema),
  audit: z.array(auditEntrySchema),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const indicatorRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  dimension: z.string(),
  kind: z.string(),
  unit: z.string(),
  target: z.number(),
  provinceMinimum: z.number().nullable(),
  committed: z.number().nullable(),
  claimed: z.number().nullable(),
  committedCoversTarget: z.boolean().nullable(),
});

export const dashboardView = z.object({
  program: z.object({ id, name: z.string(), quota: z.number().int(), awardAmountFen: z.number().int(), poolFen: z.number().int() }),
  counts: z.record(applicationStatus, z.number().int()),
  approvedFen: z.number().int(),
  rows: z.array(indicatorRowSchema),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const fileLinkView = z.object({ url: z.string(), expiresAt: isoTime });

export const actionContracts = {
  'session.me': { input: z.object({}), output: sessionView },
  'program.list': { input: z.object({}), output: z.array(programView) },
  'program.get': { input: z.object({ programId: id }), output: programView },
  'application.create': {
    input: z.object({ programId: id, requestId, content: applicationContentSchema }),
    output: applicationView,
  },
  'application.save': {
    input: z.object({ applicationId: id, version, content: applicationContentSchema }),
    output: applicationView,
  },
  'application.submit': { input: z.object({ applicationId: id, version }), output: applicationView },
  'application.get': { input: z.object({ applicationId: id }), output: applicationDetail },
  'application.listMine': { input: z.object({ programId: id.optional() }), output: z.array(applicationView) },
  'application.queue': {
    input: z.object({ programId: id, status: applicationStatus.optional() }),
    output: z.array(applicationView),
  },
  'application.decide': {
    input: z.object({
      applicationId: id,
      version,
      decision: z.enum(['approve', 'return']),
      reason: z.string().trim().max(500).optional(),
    }),
    output: applicationView,
  },
  'claim.add': {
    input: z.object({
      applicationId: id,
      /** Chosen by the client once per claim, so a retry after a lost answer records it once. */
      requestId,
      indicatorKey: z.string().min(1).max(64),
      amount: z.number().int().min(1).max(100000),
      description: z.string().trim().min(1, '请填写完成情况说明').max(500),
      fileIds: z.array(z.string().min(1).max(512)).min(1, '请至少上传一张佐证照片').max(9),
    }),
    output: claimSchema,
  },
  'file.link': { input: z.object({ fileId: z.string().min(1).max(512) }), output: fileLinkView },
  'dashboard.get': { input: z.object({ programId: id }), output: dashboardView },
} as const;

export type ActionName = keyof typeof actionContracts;
export type ActionInput<A extends ActionName> = z.input<(typeof actionContracts)[A]['input']>;
export type ParsedInput<A extends ActionName> = z.infer<(typeof actionContracts)[A]['input']>;
export type ActionOutput<A extends ActionName> = z.infer<(typeof actionContracts)[A]['output']>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(actionContracts, value);
}
