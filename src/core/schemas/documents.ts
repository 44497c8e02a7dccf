// Stored documents: the shape of every record in the Store, whichever adapter holds it.
import { z } from 'zod';
import { fen, id, isoTime, orgKind, role, storedFields } from './common';
import { applicationStatus } from '../workflow/award-workflow';
import { programSchema } from '../program/program-schema';

export const organizationSchema = z.object({
  ...storedFields,
  name: z.string().min(1).max(80),
  kind: orgKind,
  /** The society a branch or member unit belongs to; null for a society. */
  societyId: id.nullable(),
});
export type Organization = z.infer<typeof organizationSchema>;

export const userSchema = z.object({
  ...storedFields,
  /** WeChat OPENID (or the local demo stand-in); identity always comes from the platform, never the event. */
  openid: z.string().min(1),
  name: z.string().min(1).max(40),
  role,
  orgId: id,
  phone: z.string().max(20).optional(),
});
export type User = z.infer<typeof userSchema>;

export { programSchema };
export type { Program } from '../program/program-schema';

export const budgetLineSchema = z.object({
  item: z.string().trim().min(1, '请填写预算科目').max(40),
  amountFen: fen.refine((value) => value > 0, '金额须大于 0'),
  basis: z.string().trim().max(100).default(''),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const commitmentSchema = z.object({
  indicatorKey: z.string().min(1).max(64),
  amount: z.number().int().min(1, '承诺数量至少为 1').max(100000),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const applicationSchema = z.object({
  ...storedFields,
  programId: id,
  orgId: id,
  createdBy: id,
  /** Idempotency key chosen by the client when it first creates the draft. */
  requestId: z.string().min(8).max(64),
  status: applicationStatus,
  projectName: z.string().max(60),
  plan: z.string().max(20000),
  budget: z.array(budgetLineSchema).max(30),
  commitments: z.array(commitmentSchema).max(30),
  /** The reason of the last return for revision, shown to the applicant until they resubmit. */
  returnReason: z.string().nullable(),
  submittedAt: isoTime.nullable(),
  decidedAt: isoTime.nullable(),
});
export type Application = z.infer<typeof applicationSchema>;

export const claimSchema = z.object({
  ...storedFields,
  applicationId: id,
  programId: id,
  orgId: id,
  indicatorKey: z.string().min(1),
  amount: z.number().int().min(1),
  description: z.string().max(500),
  fileIds: z.array(z.string()).max(9),
  createdBy: id,
});
export type Claim = z.infer<typeof claimSchema>;

export const auditEntrySchema = z.object({
  _id: id,
  entity: z.enum(['application', 'claim', 'program']),
  entityId: id,
  /** The entity's version after the change: orders a document's history even within one millisecond. */
  entityVersion: z.number().int().nonnegative(),
  action: z.string(),
  actorId: id,
  actorName: z.string(),
  actorRole: role,
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  at: isoTime,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const collections = {
  organizations: organizationSchema,
  users: userSchema,
  programs: programSchema,
  applications: applicationSchema,
  claims: claimSchema,
  audit: auditEntrySchema,
} as const;
export type CollectionName = keyof typeof collections;
export type DocumentOf<C extends CollectionName> = z.infer<(typeof collections)[C]>;

export { fen };
