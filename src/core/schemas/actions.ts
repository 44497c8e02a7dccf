// The contract of the api function: every action's input and output. The client and the server both
// import these, so a call that type-checks on the phone is the call the function accepts.
import { z } from 'zod';
import { editObject, fen, id, isoTime, orgKind, role, saneIsoTime, text, version } from './common';
import { SANE_YEARS_MESSAGE, inSaneYears } from './labels';
import {
  achievementSchema,
  applicationStatus,
  applicationContentShape,
  applicationSchema,
  auditEntrySchema,
  batchJobKinds,
  claimSchema,
  evidenceDuplicateSchema,
  indicatorValueSchema,
  notificationSchema,
  moderationSchema,
  objectionSchema,
  inspectionSchema,
  invitationSchema,
  organizationProfileSchema,
  organizationSchema,
  sanctionSchema,
  payoutSchema,
  agreementSchema,
  publicityKinds,
  programSchema,
  publicitySchema,
  reviewSchema,
} from './documents';
import { actionTable, stages, workflowActions, type WorkflowAction } from '../workflow/award-workflow';
import { programEditSchema, type ProgramEdit } from '../program/program-edit';
import { tidyCode } from '../people/join';
import { riskKinds } from '../kpi/tally';
import { isPhone, PHONE_MESSAGE } from '../publicity/objection-rules';
import { isTfkjyLink, LINK_MESSAGE, MAX_EVIDENCE_LINKS } from '../evidence/claim-evidence';
import { ALLOWED_KINDS_TEXT, MAX_UPLOAD_BYTES, uploadExtensions, uploadPurposes, type UploadExtension } from '../evidence/upload-rules';

export const applicationContentSchema = z.object(applicationContentShape);
export type ApplicationContentInput = z.input<typeof applicationContentSchema>;

const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号格式不正确');
// A day that exists on the calendar and in this century (2023-02-30 or 9999-12-31 is refused here, not deep
// inside a working-day computation).
const day = z.iso.date({ error: '日期应为真实存在的日期，格式 YYYY-MM-DD' }).refine(inSaneYears, SANE_YEARS_MESSAGE);
const reason = text({ multiline: true }).max(500).optional();

/** One role the signed-in person holds, as the role switcher lists it. */
export const roleChoiceView = z.object({ userId: id, role, orgId: id, orgName: z.string() });
export type RoleChoice = z.infer<typeof roleChoiceView>;

export const sessionView = z.object({
  /** The role acting now: the one the call asked for (`as`), else the person's first. */
  user: z.object({ id, name: z.string(), role }),
  org: z.object({ id, name: z.string(), kind: orgKind, profile: organizationProfileSchema }),
  unreadNotifications: z.number().int().nonnegative(),
  serverNow: isoTime,
  /** Every active role of this person (WeChat identity), the acting one included; ordered by when it was bound. */
  roles: z.array(roleChoiceView),
});
export type SessionView = z.infer<typeof sessionView>;

export const categoryStateView = z.object({
  key: z.string(),
  /** Applications to this category are open now (its own deadline or the programme's). */
  windowOpen: z.boolean(),
  deadline: isoTime,
  /** Why the caller's organisation may not apply to it (empty: it may). Only for applicants. */
  eligibilityIssues: z.array(z.string()),
  shortlisted: z.number().int(),
  granted: z.number().int(),
});

export const programView = programSchema.extend({
  windowOpen: z.boolean(),
  categoryStates: z.array(categoryStateView),
  grantedFen: fen,
  shortlistedFen: fen,
  serverNow: isoTime,
});
export type ProgramView = z.infer<typeof programView>;

export const applicationView = applicationSchema.extend({
  orgName: z.string(),
  categoryName: z.string(),
  /** The status label for the caller's audience (staff or applicant). */
  statusLabel: z.string(),
  stage: z.enum(stages),
  budgetTotalFen: z.number().int(),
  /** What the caller may do now; the client shows exactly these buttons, the server still checks. */
  availableActions: z.array(z.enum(workflowActions)),
});
export type ApplicationView = z.infer<typeof applicationView>;

/**
 * An application as a staff list shows it (申报管理, 公示管理): what its row says and the decisions it offers, without
 * its content, budget lines, reports or payments (application.get answers those).
 */
export const applicationSummaryView = applicationView.pick({
  _id: true,
  version: true,
  updatedAt: true,
  programId: true,
  orgId: true,
  orgName: true,
  projectName: true,
  categoryKey: true,
  categoryName: true,
  status: true,
  statusLabel: true,
  stage: true,
  budgetTotalFen: true,
  awardFen: true,
  submittedAt: true,
  dueAt: true,
  decisionReason: true,
  moderation: true,
  availableActions: true,
});
export type ApplicationSummaryView = z.infer<typeof applicationSummaryView>;

/**
 * Where a list's page starts: null (or absent) for the first page, else the nextCursor of the page before, as
 * given (it is opaque); and how many items to answer.
 */
export const pageInput = {
  cursor: z.string().max(500).nullable().default(null),
  limit: z.number().int().min(1).max(100).default(30),
};

/**
 * One page of a list: its items, the cursor to the next page (null: this is the last), and how many items the
 * whole list has where a running count says so (never counted by reading the list).
 */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable(), total: z.number().int().nonnegative().optional() });
}

export const reviewView = reviewSchema.extend({
  applicationName: z.string(),
  orgName: z.string(),
  categoryName: z.string(),
  /** The programme's review deadline (declare and score by it); null: none set. */
  dueAt: isoTime.nullable(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const applicationDetail = z.object({
  application: applicationView,
  program: programView,
  claims: z.array(claimSchema),
  audit: z.array(auditEntrySchema),
  /** Staff only: every review of the application. */
  reviews: z.array(reviewView),
  /** Staff only, while it is in publicity: the objections lodged against it. */
  objections: z.array(objectionSchema),
  /** What submit would refuse now (eligibility and limits), so the form can say it before the tap. */
  submitIssues: z.array(z.string()),
  /** Staff only: whom to call about it, the person who created it (null for everyone else). */
  contact: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  /**
   * Staff only: the decisions offered (availableActions) that cannot be taken yet, with why and, where time alone
   * opens them, when (core/workflow/transition.ts, actionReadiness). The screen shows them disabled with the reason.
   */
  blocked: z
    .array(z.object({ action: z.enum(workflowActions), reason: z.string(), opensAt: isoTime.nullable(), automatic: z.boolean() }))
    .default([]),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const indicatorRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  dimension: z.string(),
  kind: z.string(),
  unit: z.string(),
  source: z.enum(['claims', 'society']),
  target: z.number(),
  provinceMinimum: z.number().nullable(),
  /** The society's own commitment in the provincial call, where the programme is linked to its application. */
  commitment: z.number().nullable(),
  goal: z.number(),
  committed: z.number().nullable(),
  claimed: z.number().nullable(),
  pending: z.number().nullable(),
  verified: z.number().nullable(),
  evidence: z.number().int(),
  value: z.number().nullable(),
  valueOn: z.string().nullable(),
  achieved: z.number().nullable(),
  gap: z.number().nullable(),
  committedCoversTarget: z.boolean().nullable(),
  risk: z.enum(riskKinds).nullable(),
  riskText: z.string().nullable(),
  daysLeft: z.number().int(),
});

/** A funded society on the provincial board: its commitments and achieved figures side by side, per indicator. */
export const societyColumnView = z.object({
  applicationId: id,
  orgId: id,
  orgName: z.string(),
  projectName: z.string(),
  status: applicationStatus,
  /** Per indicator key: the society's own commitment, what it has achieved so far, and any risk. */
  figures: z.record(
    z.string(),
    z.object({
      commitment: z.number().nullable(),
      achieved: z.number().nullable(),
      pending: z.number().nullable(),
      risk: z.enum(riskKinds).nullable(),
    }),
  ),
});

/** The provincial application a society's programme serves, or could be linked to. */
export const upstreamView = z.object({
  applicationId: id,
  programId: id,
  programName: z.string(),
  projectName: z.string(),
  status: applicationStatus,
  statusLabel: z.string(),
});

/**
 * A file the function made and put into storage under exports/ (which no client may read directly): the name to
 * save it as, its file id, a short-lived link to download it from, and its size in bytes.
 */
export const exportFileView = z.object({ fileName: z.string(), fileId: z.string(), url: z.string(), size: z.number().int().nonnegative() });
export type ExportFileView = z.infer<typeof exportFileView>;

export const dashboardView = z.object({
  program: z.object({ id, name: z.string(), quota: z.number().int().nullable(), poolFen: z.number().int(), version }),
  counts: z.record(applicationStatus, z.number().int()),
  grantedFen: z.number().int(),
  paidFen: z.number().int(),
  rows: z.array(indicatorRowSchema),
  /** The society's provincial application this programme's indicators roll up to; null: not linked. */
  upstream: upstreamView.nullable(),
  /** The organiser's own applications in the calls its indicators name, offered for linking while not linked. */
  upstreamChoices: z.array(upstreamView),
  /** Where applicants commit their own targets (the provincial call): each funded society side by side. */
  societies: z.array(societyColumnView),
});
export type DashboardView = z.infer<typeof dashboardView>;

export const fileLinkView = z.object({ url: z.string(), expiresAt: isoTime });

export const reviewerCandidateView = z.object({
  userId: id,
  name: z.string(),
  orgName: z.string(),
  assigned: z.boolean(),
  /** Why this reviewer may not review the application (e.g. 与申报单位同属一个单位); null: may. */
  excludedBecause: z.string().nullable(),
});

export const rankingRowView = z.object({
  applicationId: id,
  projectName: z.string(),
  orgName: z.string(),
  categoryKey: z.string(),
  status: applicationStatus,
  statusLabel: z.string(),
  version,
  assigned: z.number().int(),
  submitted: z.number().int(),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  /** Reviewer names whose total is far from the others'. */
  outliers: z.array(z.string()),
  rank: z.number().int().nullable(),
});
export type RankingRowView = z.infer<typeof rankingRowView>;

export const rankingCategoryView = z.object({
  key: z.string(),
  name: z.string(),
  quotaMax: z.number().int().nullable(),
  shortlisted: z.number().int(),
  granted: z.number().int(),
});
export type RankingCategoryView = z.infer<typeof rankingCategoryView>;

export const rankingView = pageOf(rankingRowView).extend({
  /** Every category of the programme, with its quota figures. */
  categories: z.array(rankingCategoryView),
  /** The category the items rank in. */
  categoryKey: z.string(),
});
export type RankingView = z.infer<typeof rankingView>;

/** The public notice as anyone sees it, signed in or not. */
export const publicNoticeView = z.object({
  id,
  programName: z.string(),
  /** Who issues it: the organiser running the programme (e.g. 苏州市科学技术协会). */
  issuer: z.string(),
  /** The day it is issued (the day it opens), YYYY-MM-DD; shown as 2023年7月3日. */
  issuedOn: z.string(),
  /** What it publishes, and that in words for its heading (拟立项公示, 考核结果公示). */
  kind: z.enum(publicityKinds),
  kindLabel: z.string(),
  title: z.string(),
  /** e.g. 公示期 2023年9月27日至2023年10月9日 */
  periodText: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  workingDays: z.number().int(),
  /** Shown when some year of the period was counted Monday–Friday for want of holiday data. */
  calendarWarning: z.string().nullable(),
  entries: publicitySchema.shape.entries,
  contact: z.string(),
  open: z.boolean(),
});
export type PublicNoticeView = z.infer<typeof publicNoticeView>;

export const batchResultView = z.array(
  z.object({ applicationId: id, ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() }),
);
export type BatchResultView = z.infer<typeof batchResultView>;

/** A batch's progress: total items, how many are settled (in order) and each settled item's outcome. */
export const batchJobView = z.object({
  /** null: settled within the call, no job to follow. */
  id: id.nullable(),
  kind: z.enum(batchJobKinds),
  status: z.enum(['running', 'done']),
  total: z.number().int(),
  done: z.number().int(),
  outcomes: batchResultView,
});
export type BatchJobView = z.infer<typeof batchJobView>;

export const objectionBatchResultView = z.array(
  z.object({ objectionId: id, ok: z.boolean(), code: z.string().nullable(), message: z.string().nullable() }),
);
export type ObjectionBatchResultView = z.infer<typeof objectionBatchResultView>;

/** One page of the signed-in person's messages, newest first; nextCursor asks for the page after it. */
export const notificationPageView = z.object({
  items: z.array(notificationSchema),
  hasMore: z.boolean(),
  nextCursor: z.number().int().nonnegative().nullable(),
  unread: z.number().int().nonnegative(),
});
export type NotificationPageView = z.infer<typeof notificationPageView>;

/** One row of an organisation import that was refused, with every reason (Excel row numbers, header is row 1). */
export const importRefusal = z.object({ row: z.number().int().positive(), name: z.string(), reasons: z.array(z.string()).min(1) });
export type ImportRefusal = z.infer<typeof importRefusal>;

/**
 * The largest Excel file an import takes. It travels as base64 inside the call, and CloudBase takes at most
 * 100 KB of JSON per call (WeChat advises the same for callFunction's data): 64 KB is about 87 KB as base64,
 * and a 100-unit sheet is about 12 KB.
 */
export const MAX_IMPORT_BYTES = 64 * 1024;
export const MAX_IMPORT_SIZE_TEXT = '64 KB';

/** A payment or refund as the secretariat enters it. */
const moneyRecordInput = payoutSchema.pick({ amountFen: true, paidOn: true, voucherNo: true });

/** What application.record records: one of the workflow's record actions, with its content. */
export const recordInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('recordAgreement'), agreement: agreementSchema.pick({ signedOn: true, reference: true }) }),
  z.object({ action: z.literal('disburse'), payout: moneyRecordInput }),
  z.object({ action: z.literal('recordRefund'), refund: moneyRecordInput }),
  z.object({
    action: z.literal('extendDue'),
    until: saneIsoTime,
    reason: text({ multiline: true }).min(1, '请填写延期理由').max(500),
  }),
]);
export type RecordInput = z.infer<typeof recordInput>;
export type RecordAction = RecordInput['action'];

/**
 * The secretariat's decisions on one application, read from the workflow table: the actions the secretariat takes
 * that carry no content of their own (at most a reason). Shortlisting and approval go through the quota ledger.
 */
export const staffDecisions = workflowActions.filter(
  (action) => actionTable[action].by.includes('secretariat') && !actionTable[action].content,
) as [WorkflowAction, ...WorkflowAction[]];
/** A decision's name; which actions are decisions is the table's to say (staffDecisions), checked on input. */
export type StaffDecision = WorkflowAction;

export { programEditSchema, type ProgramEdit };

/** The profile as the secretariat enters it: the stored fields, each bounded, nothing else. */
const organizationProfileInput = z.strictObject({
  ...organizationProfileSchema.shape,
  inspections: z
    .array(z.strictObject(inspectionSchema.shape))
    .max(50)
    .refine((rows) => new Set(rows.map((row) => row.year)).size === rows.length, '每年只能有一条年检结论')
    .default([]),
  sanctions: z
    .array(z.strictObject({ ...sanctionSchema.shape, authority: text().max(60).default(''), note: text().max(200).default('') }))
    .max(50)
    .default([]),
  fundedLineages: z.array(text().min(1).max(80)).max(50).default([]),
});

/** One application of an organisation, as its history across years lists it (drafts are the applicant's own). */
export const organizationHistoryRow = z.object({
  applicationId: id,
  programId: id,
  programName: z.string(),
  programYear: z.number().int(),
  projectName: z.string(),
  categoryName: z.string(),
  status: applicationStatus,
  /** The staff label: only the organiser's secretariat reads the history. */
  statusLabel: z.string(),
  submittedAt: isoTime.nullable(),
  /** The award granted at approval; null while none is granted (or when it was not). */
  awardFen: fen.nullable(),
  /** What was paid out and on which day; null until the payout is recorded. */
  paidFen: fen.nullable(),
  paidOn: z.string().nullable(),
});
export type OrganizationHistoryRow = z.infer<typeof organizationHistoryRow>;

/** What the secretariat fills in for an organisation, on create and on edit. */
const organizationFields = {
  name: text().min(1, '请填写单位名称').max(80, '单位名称不能超过 80 个字'),
  profile: organizationProfileInput.default(organizationProfileInput.parse({})),
  contactPhone: text().max(40).refine(isPhone, PHONE_MESSAGE).optional(),
  address: text({ multiline: false }).min(1, '请填写地址').max(200, '地址不能超过 200 个字').optional(),
};

/** An invitation as the secretariat sees it; status 'expired' is an open one past its time. */
export const invitationView = invitationSchema.omit({ status: true }).extend({
  status: z.enum(['open', 'used', 'revoked', 'expired']),
  orgName: z.string(),
});
export type InvitationView = z.infer<typeof invitationView>;

/** What the invited person sees before confirming: who invites them, for what, until when. */
export const invitationPreview = z.object({
  code: z.string(),
  role,
  orgName: z.string(),
  organiserName: z.string(),
  inviterName: z.string(),
  inviteeName: z.string(),
  expiresAt: isoTime,
});
export type InvitationPreview = z.infer<typeof invitationPreview>;

/** A person's role as the secretariat manages it (a contact, an expert, a fellow secretariat member). */
export const personView = z.object({
  userId: id,
  version,
  name: z.string(),
  role,
  orgId: id,
  orgName: z.string(),
  phone: z.string().optional(),
  active: z.boolean(),
  removed: z.boolean(),
  /** Who invited them and when they bound (null: demo data or the setup code). */
  invitationId: id.nullable(),
  createdAt: isoTime,
});
export type PersonView = z.infer<typeof personView>;

/** A short code as typed: spaces and dashes ignored, lower case accepted. */
const invitationCode = z
  .string()
  .max(20)
  .transform(tidyCode)
  .pipe(z.string().regex(/^[A-Z2-9]{8}$/, '邀请码应为 8 位字母或数字'));

export const actionContracts = {
  'session.me': { input: z.object({}), output: sessionView },
  'program.list': { input: z.object({}), output: z.array(programView) },
  'program.get': { input: z.object({ programId: id }), output: programView },
  'program.templates': {
    input: z.object({}),
    output: z.array(z.object({ code: z.string(), name: z.string(), summary: z.string(), categories: z.number().int() })),
  },
  'program.createFromTemplate': {
    input: z.object({ templateCode: z.string().min(1).max(80), requestId, name: text().min(1).max(80) }),
    output: programView,
  },
  'program.update': { input: editObject({ programId: id, version, edit: programEditSchema }), output: programView },
  /** A draft programme goes live for its members; refused while any of its dates has passed. */
  'program.publish': { input: z.strictObject({ programId: id, version }), output: programView },
  'application.create': {
    input: z.object({ programId: id, requestId, content: applicationContentSchema }),
    output: applicationView,
  },
  'application.save': {
    input: z.object({ applicationId: id, version, content: applicationContentSchema }),
    output: applicationView,
  },
  /** Submits a draft, or resubmits a returned application. */
  'application.submit': { input: z.object({ applicationId: id, version }), output: applicationView },
  'application.withdraw': { input: z.object({ applicationId: id, version, reason }), output: applicationView },
  'application.get': { input: z.object({ applicationId: id }), output: applicationDetail },
  'application.listMine': { input: z.object({ programId: id.optional() }), output: z.array(applicationView) },
  /**
   * The secretariat's list of a programme's applications (never drafts), oldest submission first, a page at a
   * time: those of one stage, or of the statuses named (status, or statuses), or all.
   */
  'application.queue': {
    input: z.object({
      programId: id,
      stage: z.enum(stages).optional(),
      status: applicationStatus.optional(),
      statuses: z.array(applicationStatus).min(1).max(40).optional(),
      /** Filters: one category, one applicant unit, only those with claims waiting for verification. */
      categoryKey: z.string().min(1).max(64).optional(),
      orgId: id.optional(),
      pendingClaims: z.boolean().optional(),
      /** Words in the project's or the unit's name. */
      q: z.string().trim().max(40).optional(),
      ...pageInput,
    }),
    output: pageOf(applicationSummaryView),
  },
  'application.decide': {
    input: z.object({ applicationId: id, version, decision: z.enum(staffDecisions), reason }),
    output: applicationView,
  },
  /** The same decision on many applications, each in its own transaction; the answer says how each went. */
  'application.decideMany': {
    input: z.object({
      items: z
        .array(z.object({ applicationId: id, version }))
        .min(1)
        .max(200),
      decision: z.enum(staffDecisions),
      reason,
    }),
    /** The decisions as a batch job: those that fit in the call are settled, the timer does the rest (batch.get). */
    output: batchJobView,
  },
  /** A batch's progress, for the secretariat of its programme. */
  'batch.get': { input: z.object({ jobId: id }), output: batchJobView },
  /** The mid-term, final or rectification report, whichever the application's status asks for. */
  'application.report': {
    input: z.object({
      applicationId: id,
      version,
      /** Chosen once per report by the client: a retry after a lost answer is recognised, not refused. */
      requestId,
      summary: text({ multiline: true }).min(1, '请填写报告摘要').max(5000),
      achievements: z.array(achievementSchema).max(30),
      fileIds: z.array(z.string().min(1).max(512)).max(18),
    }),
    output: applicationView,
  },
  'application.pay': {
    input: z.object({ applicationId: id, version, payout: moneyRecordInput }),
    output: applicationView,
  },
  /**
   * The secretariat records what an award's stages ask for beyond decisions: the signed agreement, the payment
   * after 立项, the refund after failing, an extension of the report now due (with its reason). Each is a workflow
   * action of its own (recordAgreement, disburse, recordRefund, extendDue) with its guards in the table.
   */
  'application.record': {
    input: z.object({ applicationId: id, version, record: recordInput }),
    output: applicationView,
  },
  'claim.add': {
    input: z
      .object({
        applicationId: id,
        /** Chosen by the client once per claim, so a retry after a lost answer records it once. */
        requestId,
        indicatorKey: z.string().min(1).max(64),
        amount: z.number().int().min(1).max(100000),
        description: text({ multiline: true }).min(1, '请填写完成情况说明').max(500),
        /** Photos and documents (PDF, Word…) uploaded into claim slots. */
        fileIds: z.array(z.string().min(1).max(512)).max(9).default([]),
        /** The day of the activity (not after today: the server checks against its clock) and its place. */
        activityOn: day.optional(),
        place: text().max(50, '活动地点不能超过 50 字').default(''),
        /** 天府科技云 records (seed 002, line 44: the provincial programme's platform is https://www.tfkjy.cn). */
        links: z.array(z.string().trim().refine(isTfkjyLink, LINK_MESSAGE)).max(MAX_EVIDENCE_LINKS).default([]),
      })
      .refine((claim) => claim.fileIds.length + claim.links.length > 0, {
        message: '请至少上传一份佐证材料（照片、PDF 或 Word 文件）或填写天府科技云记录链接',
        path: ['fileIds'],
      }),
    output: claimSchema,
  },
  'claim.verify': {
    input: z.object({ claimId: id, version, decision: z.enum(['verified', 'rejected']), reason }),
    output: claimSchema,
  },
  /**
   * The claims waiting for the secretariat across every award of a programme, oldest first (a summary, no photos), a
   * page at a time; filtered by indicator, by unit, or to those whose evidence is used elsewhere too (each filter a
   * field of the claim, read through an index: cloudfunctions/api/src/indexes.ts).
   */
  'claim.queue': {
    input: z.object({
      programId: id,
      indicatorKey: z.string().min(1).max(64).optional(),
      orgId: id.optional(),
      /** Only the claims flagged 疑似重复使用. */
      duplicated: z.boolean().optional(),
      ...pageInput,
    }),
    output: pageOf(
      z.object({
        _id: id,
        version,
        applicationId: id,
        orgId: id,
        orgName: z.string(),
        projectName: z.string(),
        indicatorKey: z.string(),
        indicatorName: z.string(),
        unit: z.string(),
        amount: z.number().int(),
        createdAt: isoTime,
        /** Evidence this claim shares with other claims (same file or same picture), each use named for the verifier. */
        duplicates: z.array(evidenceDuplicateSchema).default([]),
      }),
    ),
  },
  'review.candidates': { input: z.object({ applicationId: id }), output: z.array(reviewerCandidateView) },
  'review.assign': {
    input: z.object({ applicationId: id, version, reviewerIds: z.array(id).min(1).max(20) }),
    output: z.object({
      application: applicationView,
      assigned: z.array(z.string()),
      excluded: z.array(z.object({ userId: id, name: z.string(), reason: z.string() })),
    }),
  },
  /**
   * The same experts assigned to many applications of one programme at once; each application is assigned on its
   * own (recusal applies per application), and the answer says how each went.
   */
  'review.assignMany': {
    input: z.object({
      programId: id,
      items: z
        .array(z.object({ applicationId: id, version }))
        .min(1)
        .max(30),
      reviewerIds: z.array(id).min(1).max(20),
    }),
    output: z.object({
      results: z.array(
        z.object({
          applicationId: id,
          ok: z.boolean(),
          code: z.string().nullable(),
          message: z.string().nullable(),
          assigned: z.array(z.string()),
          excluded: z.array(z.object({ userId: id, name: z.string(), reason: z.string() })),
        }),
      ),
    }),
  },
  /** The expert's own review tasks (not those taken back), newest first, a page at a time. */
  'review.mine': { input: z.object({ ...pageInput }), output: pageOf(reviewView) },
  'review.declare': { input: z.object({ reviewId: id, version, noConflict: z.literal(true) }), output: reviewView },
  /**
   * The expert declares a conflict of interest and steps back: the task is withdrawn with the reason, the
   * secretariat is told, and the expert is not offered for this application again.
   */
  'review.recuse': {
    input: z.object({ reviewId: id, version, reason: text({ multiline: true }).min(2, '请说明利益冲突的情况').max(300) }),
    output: reviewView,
  },
  'review.open': {
    input: z.object({ reviewId: id }),
    output: z.object({
      review: reviewView,
      application: applicationView,
      program: programView,
      /**
       * The other reviewers' reviews: empty until the caller has submitted their own; without their names and ids
       * (专家A, 专家B) until the ranking is published (core/review/blind.ts).
       */
      otherReviews: z.array(reviewView),
    }),
  },
  'review.submit': {
    input: z.object({
      reviewId: id,
      version,
      scores: z
        .array(z.object({ criterionKey: z.string().min(1).max(64), score: z.number().min(0).max(100) }))
        .min(1)
        .max(20),
      comment: text({ multiline: true }).min(1, '请填写评审意见').max(1000),
    }),
    output: reviewView,
  },
  /**
   * One category's ranking (the programme's first category when none is named), best mean first, a page at a
   * time, with every category's quota figures.
   */
  'review.ranking': {
    input: z.object({ programId: id, categoryKey: z.string().min(1).max(64).optional(), ...pageInput }),
    output: rankingView,
  },
  /** The secretariat takes back an assignment whose score is not in (an expert who never scores), saying why. */
  'review.unassign': {
    input: z.object({
      reviewId: id,
      version,
      reason: text({ multiline: true }).min(1, '请填写撤回理由').max(500),
    }),
    output: z.object({ application: applicationView, review: reviewView }),
  },
  'publicity.open': {
    input: z.object({
      programId: id,
      title: text().min(1).max(100),
      opensOn: day.optional(),
      contact: text().min(1, '请填写异议受理联系方式').max(200),
      /** shortlist: the 拟立项 list before 立项; result: the accepted awards' assessment results before payment. */
      kind: z.enum(publicityKinds).default('shortlist'),
    }),
    /** job: the entries going into the notice (those that did not fit in the call follow by the timer). */
    output: z.object({ publicity: publicitySchema, notice: publicNoticeView, job: batchJobView }),
  },
  'publicity.list': { input: z.object({ programId: id }), output: z.array(publicitySchema) },
  /** Public: no sign-in. Closes the notice on read once it has ended. */
  'publicity.get': { input: z.object({ publicityId: id }), output: publicNoticeView },
  'publicity.close': { input: z.object({ publicityId: id }), output: batchJobView },
  /** Public: anyone may object during the notice, leaving a contact. */
  'objection.lodge': {
    input: z.object({
      publicityId: id,
      /** Chosen once per objection by the client; a retry is also caught as a duplicate by its content. */
      requestId,
      applicationId: id.nullable(),
      content: text({ multiline: true }).min(5, '请写明异议内容（至少 5 个字）').max(1000),
      contactName: text().min(1, '请填写联系人').max(20),
      contactPhone: z.string().trim().max(30, PHONE_MESSAGE).refine(isPhone, PHONE_MESSAGE),
    }),
    /** receiptNo: the number a person quotes; duplicate: the same objection was already lodged (its receipt). */
    output: z.object({ id, receivedAt: isoTime, receiptNo: z.string(), duplicate: z.boolean() }),
  },
  'objection.list': { input: z.object({ publicityId: id }), output: z.array(objectionSchema) },
  'objection.handle': {
    input: z.object({
      objectionId: id,
      version,
      decision: z.enum(['upheld', 'dismissed']),
      note: text({ multiline: true }).min(1, '请填写处理意见').max(500),
    }),
    output: objectionSchema,
  },
  /** One decision on several objections; each is handled on its own and answered per item. */
  'objection.handleMany': {
    input: z.object({
      items: z
        .array(z.object({ objectionId: id, version }))
        .min(1)
        .max(100),
      decision: z.enum(['upheld', 'dismissed']),
      note: text({ multiline: true }).min(1, '请填写处理意见').max(500),
    }),
    output: objectionBatchResultView,
  },
  'notification.list': {
    input: z.object({
      /** How many messages to skip from the newest (the previous page's nextCursor). */
      cursor: z.number().int().min(0).max(100_000).default(0),
      pageSize: z.number().int().min(1).max(100).default(30),
    }),
    output: notificationPageView,
  },
  'notification.read': { input: z.object({ ids: z.array(id).max(200) }), output: z.object({ unread: z.number().int() }) },
  /** Records the one-time subscribe-message consents the user just gave on a tap. */
  'notification.subscribe': {
    input: z.object({ templateKeys: z.array(z.string().min(1).max(40)).max(5) }),
    output: z.object({ subscriptions: z.record(z.string(), z.number().int()) }),
  },
  /** The template ids the client asks consent for (from the server's configuration). */
  'notification.templates': {
    input: z.object({}),
    output: z.array(z.object({ key: z.string(), templateId: z.string(), title: z.string() })),
  },
  'file.link': { input: z.object({ fileId: z.string().min(1).max(512) }), output: fileLinkView },
  'dashboard.get': { input: z.object({ programId: id }), output: dashboardView },
  /**
   * One indicator of the board opened: its row, each unit's (award's) figures, the claims behind them with their
   * evidence counts, and for a society-level indicator the history of recorded values.
   */
  'dashboard.indicator': {
    input: z.strictObject({ programId: id, indicatorKey: z.string().min(1).max(64) }),
    output: z.object({
      row: indicatorRowSchema,
      units: z.array(
        z.object({
          applicationId: id,
          orgName: z.string(),
          projectName: z.string(),
          committed: z.number(),
          claimed: z.number(),
          pending: z.number(),
          verified: z.number(),
          value: z.number().nullable(),
        }),
      ),
      claims: z.array(
        z.object({
          _id: id,
          applicationId: id,
          orgName: z.string(),
          amount: z.number(),
          description: z.string(),
          verification: claimSchema.shape.verification,
          evidence: z.number().int(),
          createdAt: isoTime,
        }),
      ),
      values: z.array(indicatorValueSchema),
    }),
  },
  /**
   * The secretariat records a society-level value (a rank, a percentage, a yes/no, a head count) with the day it
   * holds for and where it can be checked. Kept as history; the latest by its day is the board's.
   */
  'indicator.record': {
    input: z.strictObject({
      requestId,
      programId: id,
      indicatorKey: z.string().min(1).max(64),
      value: z.number().finite('请填写数值'),
      on: day,
      evidence: text({ multiline: true }).min(1, '请写明数值的出处（文件、名单或截图编号）').max(500),
      link: z
        .string()
        .trim()
        .max(500)
        .regex(/^https:\/\/[^\s]+$/, '链接须以 https:// 开头')
        .nullable()
        .default(null),
    }),
    output: indicatorValueSchema,
  },
  /**
   * Links a programme to its organiser's own application in the provincial call: the indicators that name that call
   * roll their verified figures and recorded values up to it (null unlinks). Figures already there move with it.
   */
  'program.link': {
    input: z.strictObject({ programId: id, version, applicationId: id.nullable() }),
    output: z.object({ id, version, upstreamApplicationId: id.nullable() }),
  },
  /**
   * The award ledger of a programme the caller's organisation runs, as an Excel file: 奖补台账 (every application
   * past the formal check) and 评审汇总表 (each reviewer's scores per criterion, and the means).
   */
  'export.awardLedger': { input: z.strictObject({ programId: id }), output: exportFileView },
  /** An application as a Word file, laid out as its programme's form (sections, indicators, budget, schedule, team). */
  'export.application': { input: z.strictObject({ applicationId: id }), output: exportFileView },
  /** A 公示 notice as a Word file: issuer, dates, the list and how to object. */
  'export.publicity': { input: z.strictObject({ publicityId: id }), output: exportFileView },
  /** The 立项通知 as a Word file: the granted awards with their amounts. */
  'export.awardNotice': { input: z.strictObject({ programId: id }), output: exportFileView },
  /**
   * The 绩效自评 report as a Word file: per indicator its target, the provincial minimum, the verified figure and
   * the evidence files behind it. Also for the staff of the upstream programme the indicators are linked to.
   */
  'export.selfAssessment': { input: z.strictObject({ programId: id }), output: exportFileView },
  /** The evidence pack: a ZIP of verified claims' files by indicator → award, with a manifest sheet (streamed). */
  'export.evidencePack': { input: z.strictObject({ programId: id }), output: exportFileView },
  /** The secretariat releases content held by WeChat content security, with its reason (audited). */
  'moderation.release': {
    input: z.object({
      entity: z.enum(['application', 'claim', 'objection']),
      id,
      version,
      reason: text({ multiline: true }).min(1, '请填写放行理由').max(500),
    }),
    output: z.object({ id, version, moderation: moderationSchema }),
  },
  /** Asks the server for a storage path to upload one file of an application to; the path is the server's choice. */
  'file.slot': {
    input: z.object({
      applicationId: id,
      purpose: z.enum(uploadPurposes),
      extension: z.enum(uploadExtensions as [UploadExtension, ...UploadExtension[]], `只能上传${ALLOWED_KINDS_TEXT}`),
      /** The size the phone measured, when it knows it: a file over the limit is refused before it is sent. */
      size: z.number().int().positive('文件是空的').max(MAX_UPLOAD_BYTES, '文件不能超过 10 MB').optional(),
      /** A photo's capture time, read by the phone from the original before compressing drops its EXIF data. */
      capturedAt: saneIsoTime.optional(),
    }),
    output: z.object({ slotId: id, path: z.string(), expiresAt: isoTime, maxBytes: z.number().int() }),
  },
  /** The organisations under the caller's organiser (its secretariat only). */
  'organization.list': { input: z.strictObject({}), output: z.array(organizationSchema) },
  'organization.get': { input: z.strictObject({ organizationId: id }), output: organizationSchema },
  /** The organisation with its applications and awards across years, newest programme first. */
  'organization.history': {
    input: z.strictObject({ organizationId: id }),
    output: z.object({ organization: organizationSchema, applications: z.array(organizationHistoryRow) }),
  },
  'organization.create': {
    input: z.strictObject({ requestId, kind: orgKind, ...organizationFields }),
    output: organizationSchema,
  },
  /** Replaces the editable fields (a contact phone or address left out is cleared). */
  'organization.update': {
    input: z.strictObject({ organizationId: id, version, ...organizationFields }),
    output: organizationSchema,
  },
  'organization.deactivate': {
    input: z.strictObject({ organizationId: id, version, reason: text({ multiline: true }).min(1, '请填写停用理由').max(500) }),
    output: organizationSchema,
  },
  /** The Excel template for importing units: its columns are those `organization.import` reads. */
  'organization.importTemplate': {
    input: z.strictObject({}),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /**
   * Imports every row of an Excel sheet as a new unit in one step, or none: when any row is refused, nothing is
   * imported and each refused row is reported with its reasons. Repeating the requestId repeats the answer.
   */
  'organization.import': {
    input: z.strictObject({
      requestId,
      fileName: text().min(1, '请选择文件').max(120),
      base64: z
        .string()
        .min(1, '文件是空的')
        .max(Math.ceil(MAX_IMPORT_BYTES / 3) * 4, `文件不能超过 ${MAX_IMPORT_SIZE_TEXT}`)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/u, '文件内容格式不正确'),
    }),
    output: z.object({
      imported: z.number().int().nonnegative(),
      refused: z.array(importRefusal),
      organizations: z.array(organizationSchema),
    }),
  },
  /** Everything the system holds about the caller (all their roles), for them to see and keep. */
  'me.export': {
    input: z.strictObject({}),
    output: z.object({
      exportedAt: isoTime,
      roles: z.array(personView),
      records: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
    }),
  },
  /** Invites a person: a unit's contact (orgId: the unit), an expert (orgId: their employer), a secretariat member. */
  'invitation.create': {
    input: z.strictObject({
      requestId,
      role,
      orgId: id,
      name: text().min(1, '请填写被邀请人姓名').max(40),
      phone: text().max(20).refine(isPhone, PHONE_MESSAGE).optional(),
      validDays: z.number().int().min(1, '有效期至少 1 天').max(30, '有效期不能超过 30 天').default(7),
    }),
    output: invitationView,
  },
  'invitation.list': { input: z.strictObject({}), output: z.array(invitationView) },
  'invitation.revoke': { input: z.strictObject({ invitationId: id, reason }), output: invitationView },
  /** The invitation as a mini-program code (scene = its short code) and the link that opens it in H5. */
  'invitation.qrcode': {
    input: z.strictObject({ invitationId: id }),
    output: z.object({ code: z.string(), scene: z.string(), mime: z.string(), base64: z.string(), link: z.string() }),
  },
  /** For the invited person, signed in to WeChat but perhaps in no role yet: what the invitation offers. */
  'invitation.peek': { input: z.strictObject({ code: invitationCode }), output: invitationPreview },
  /** Binds the caller's WeChat identity (from the platform, never the input) to the invited role. */
  'invitation.accept': { input: z.strictObject({ code: invitationCode }), output: sessionView },
  /** Once per environment: the deploy's setup code makes the caller the first secretariat member of a new organiser. */
  'setup.claim': {
    input: z.strictObject({
      code: z.string().min(8).max(64),
      organiserName: text().min(1, '请填写组织名称').max(80),
      organiserKind: z.enum(['society', 'association']),
      personName: text().min(1, '请填写姓名').max(40),
      phone: text().max(20).refine(isPhone, PHONE_MESSAGE).optional(),
    }),
    output: sessionView,
  },
  'person.list': { input: z.strictObject({}), output: z.array(personView) },
  /** Ends a role: the person can no longer act in it; their records and audit entries stay. */
  'person.revoke': {
    input: z.strictObject({ userId: id, version, reason: text({ multiline: true }).min(1, '请填写理由').max(500) }),
    output: personView,
  },
  /** Moves a contact to another unit, or records an expert's new employer (recusal follows it). */
  'person.reassign': { input: z.strictObject({ userId: id, version, orgId: id }), output: personView },
  /** Erases a person's name and phone and unbinds their WeChat identity from this organiser's roles; audit entries stay. */
  'person.remove': {
    input: z.strictObject({ userId: id, reason: text({ multiline: true }).min(1, '请填写理由').max(500) }),
    output: personView,
  },
} as const;

/** Actions anyone may call without signing in. */

export type ActionName = keyof typeof actionContracts;
export type ActionInput<A extends ActionName> = z.input<(typeof actionContracts)[A]['input']>;
export type ParsedInput<A extends ActionName> = z.infer<(typeof actionContracts)[A]['input']>;
export type ActionOutput<A extends ActionName> = z.infer<(typeof actionContracts)[A]['output']>;

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

export function isActionName(value: unknown): value is ActionName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(actionContracts, value);
}
