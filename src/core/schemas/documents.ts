// Stored documents: the shape of every record in the Store, whichever adapter holds it.
import { z } from 'zod';
import { fen, id, isoTime, orgKind, role, storedFields, text } from './common';
import { SANE_YEARS, SANE_YEARS_MESSAGE, inSaneYears, sanctionKinds } from './labels';
import { applicationStatuses, outcomeFields } from '../workflow/award-workflow';
import { programSchema } from '../program/program-schema';
import { ratings } from '../program/program-rules';
import { uploadExtensions, uploadPurposes, type UploadExtension } from '../evidence/upload-rules';
import { captureSources } from '../evidence/capture-time';

export const applicationStatus = z.enum(applicationStatuses);

/** 年检结论, from best to worst. */
export const inspectionResults = ['合格', '基本合格', '不合格'] as const;
export type InspectionResult = (typeof inspectionResults)[number];

const profileYear = z.number().int().min(SANE_YEARS.first).max(SANE_YEARS.last);
const profileDay = z.iso.date().refine(inSaneYears, SANE_YEARS_MESSAGE);

export const inspectionSchema = z.object({ year: profileYear, result: z.enum(inspectionResults) });
export type Inspection = z.infer<typeof inspectionSchema>;

export const sanctionSchema = z.object({
  kind: z.enum(sanctionKinds),
  /** The day it was imposed or published (YYYY-MM-DD, Asia/Shanghai). */
  on: profileDay,
  /** Who imposed or published it, e.g. 省民政厅. */
  authority: z.string().max(60).default(''),
  note: z.string().max(200).default(''),
});
export type Sanction = z.infer<typeof sanctionSchema>;

/**
 * The facts eligibility reads, each dated where a rule counts years: the assessment rating with the year it
 * was given, the annual inspection's result per year, penalties and 通报 with their dates.
 */
export const organizationProfileSchema = z.object({
  /** 社会组织评估等级; null: not assessed. */
  rating: z.enum(ratings).nullable().default(null),
  /** The year the rating was given; null when unknown or not assessed. */
  ratingYear: profileYear.nullable().default(null),
  /** 年检结论 per year, at most one per year. */
  inspections: z.array(inspectionSchema).max(50).default([]),
  sanctions: z.array(sanctionSchema).max(50).default([]),
  integrityClean: z.boolean().default(true),
  canIssueTaxInvoice: z.boolean().default(false),
  hasSocietyDay: z.boolean().default(false),
  /** Lineages of programmes that funded this organisation before (往年已获资助). */
  fundedLineages: z.array(z.string()).default([]),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

/** A bar from one year's call of a programme series, recorded by the failure that caused it. */
export const barSchema = z.object({
  lineage: z.string(),
  year: z.number().int(),
  applicationId: id,
  /** The failed award's programme and project, named in the refusal. */
  reason: z.string().max(200),
  recordedAt: isoTime,
});
export type Bar = z.infer<typeof barSchema>;

export const organizationSchema = z.object({
  ...storedFields,
  name: z.string().min(1).max(80),
  kind: orgKind,
  /** The society (or 科协) a branch, member unit or society belongs to; null at the top. */
  societyId: id.nullable(),
  profile: organizationProfileSchema.default(organizationProfileSchema.parse({})),
  contactPhone: z.string().max(40).optional(),
  address: z.string().max(200).optional(),
  /** A deactivated organisation may not apply; stored before the flag existed: active. */
  active: z.boolean().default(true),
  /** Calls the organisation may not apply to, recorded when an award of its failed (取消下一年度申报资格). */
  bars: z.array(barSchema).max(100).optional(),
});
export type Organization = z.infer<typeof organizationSchema>;

/**
 * One role a person holds (a membership): a unit's contact, an expert, or a secretariat member. A person
 * with several roles has one record per role, all with the same openid; the caller picks which one acts.
 */
export const userSchema = z.object({
  ...storedFields,
  /** WeChat OPENID (or the local demo stand-in); identity always comes from the platform, never the event. */
  openid: z.string().min(1),
  name: z.string().min(1).max(40),
  role,
  /** The unit this role acts for: a contact's unit, an expert's employer (drives recusal), a secretariat's organiser. */
  orgId: id,
  phone: z.string().max(20).optional(),
  /** A reviewer's: the organisers (programme runners) whose expert pool they are in; absent on older records. */
  poolOrgIds: z.array(id).optional(),
  /** One-time subscribe-message consents left, per template key (WeChat allows one message per consent). */
  subscriptions: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** A revoked role no longer acts (its records and audit stay); absent on older records: active. */
  active: z.boolean().default(true),
  /** The invitation this role was bound through (null: demo data, or the first secretariat's setup code). */
  invitationId: id.nullable().default(null),
  /** Set when the person was removed at their request: name and phone erased, openid unbound. */
  removedAt: isoTime.nullable().default(null),
});
export type User = z.infer<typeof userSchema>;

export { programSchema };
export type { Program } from '../program/program-schema';

export const budgetLineSchema = z.object({
  item: text().min(1, '请填写预算科目').max(40),
  amountFen: fen.refine((value) => value > 0, '金额须大于 0'),
  basis: text().max(100).default(''),
});
export type BudgetLine = z.infer<typeof budgetLineSchema>;

export const commitmentSchema = z.object({
  indicatorKey: z.string().min(1).max(64),
  amount: z.number().int().min(1, '承诺数量至少为 1').max(100000),
});
export type Commitment = z.infer<typeof commitmentSchema>;

// A day that exists on the calendar (2023-02-30 is refused here, not deep inside a date computation).
const day = z.iso.date({ error: '日期应为真实存在的日期，格式 YYYY-MM-DD' });

export const scheduleRowSchema = z.object({
  phase: text().min(1, '请填写实施阶段').max(40),
  startsOn: day,
  endsOn: day,
  work: text({ multiline: true }).min(1, '请填写工作内容').max(300),
  owner: text().max(20).default(''),
});
export type ScheduleRow = z.infer<typeof scheduleRowSchema>;

export const teamMemberSchema = z.object({
  name: text().min(1, '请填写姓名').max(20),
  age: z.number().int().min(16).max(100).nullable().default(null),
  title: text().max(40).default(''),
  employer: text().max(60).default(''),
  task: text().max(200).default(''),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const attachmentSchema = z.object({
  key: z.string().min(1).max(64),
  fileId: z.string().min(1).max(512),
  name: text().min(1).max(80),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** The signed commitment (申报单位意见): who signed, in their own words. */
export const declarationSchema = z.object({ signerName: text().min(1, '请填写签名人').max(20), agreed: z.literal(true) });

/** What the applicant fills in; the programme's form says which parts are asked and their limits. */
export const applicationContentShape = {
  categoryKey: z.string().min(1).max(64),
  subtypeKey: z.string().max(64).nullable().default(null),
  servicePoint: text().max(60).default(''),
  projectName: text().max(200),
  sections: z.record(z.string().min(1).max(64), text({ multiline: true }).max(20000)).default({}),
  budget: z.array(budgetLineSchema).max(30),
  schedule: z.array(scheduleRowSchema).max(20).default([]),
  team: z.array(teamMemberSchema).max(30).default([]),
  attachments: z.array(attachmentSchema).max(20).default([]),
  commitments: z.array(commitmentSchema).max(30),
  declaration: declarationSchema.nullable().default(null),
};

export const achievementSchema = z.object({
  indicatorKey: z.string().min(1).max(64),
  amount: z.number().int().min(0).max(100000),
});

/** A mid-term, final or rectification report: summary, indicator figures, evidence. */
export const reportSchema = z.object({
  summary: text({ multiline: true }).min(1, '请填写报告摘要').max(5000),
  achievements: z.array(achievementSchema).max(30).default([]),
  fileIds: z.array(z.string().min(1).max(512)).max(18).default([]),
  submittedAt: isoTime,
  /** The client's id for this report, so a retried send is recognised. */
  requestId: z.string().nullable().default(null),
  /** The claims its figures became (one per indicator above 0), waiting for the secretariat's verification. */
  claimIds: z.array(z.string()).max(30).default([]),
});
export type Report = z.infer<typeof reportSchema>;

export const payoutSchema = z.object({
  amountFen: fen.refine((value) => value > 0, '发放金额须大于 0'),
  paidOn: day,
  voucherNo: text().min(1, '请填写凭证号').max(40),
  recordedBy: id,
  recordedAt: isoTime,
});
export type Payout = z.infer<typeof payoutSchema>;

export const agreementSchema = z.object({
  signedOn: day,
  /** The agreement's number or title, as the secretariat files it. */
  reference: text().min(1, '请填写协议编号').max(60),
  recordedBy: id,
  recordedAt: isoTime,
});
export type Agreement = z.infer<typeof agreementSchema>;

export const failureRecordSchema = z.object({
  /** The funds to return (those paid after 立项), in fen; 0 when nothing is to be returned. */
  refundDueFen: fen,
  /** Funds not yet paid will not be paid. */
  fundingWithdrawn: z.boolean(),
  /** The call year the organisation may not apply to in this programme series; null: not barred. */
  barredYear: z.number().int().nullable(),
  /** The consequences in words, as shown to the applicant. */
  text: z.string().max(200),
});
export type FailureRecord = z.infer<typeof failureRecordSchema>;

export const extensionSchema = z.object({
  until: isoTime,
  reason: z.string().max(500),
  grantedBy: id,
  grantedAt: isoTime,
});
export type Extension = z.infer<typeof extensionSchema>;

export const outcomesSchema = z.object({
  check: z.enum(outcomeFields.check).nullable(),
  review: z.enum(outcomeFields.review).nullable(),
  publicity: z.enum(outcomeFields.publicity).nullable(),
  midterm: z.enum(outcomeFields.midterm).nullable(),
  final: z.enum(outcomeFields.final).nullable(),
});

/** One content-security check: the text others will read ("text", "report:final" …) or one photo (its file ID). */
export const moderationCheckSchema = z.object({
  subject: z.string().min(1).max(512),
  /** pass: WeChat found nothing; pending: a photo's verdict has not arrived; held: kept for the secretariat. */
  status: z.enum(['pass', 'pending', 'held']),
  reason: z.string().max(200).nullable(),
  checkedAt: isoTime,
});
export type ModerationCheck = z.infer<typeof moderationCheckSchema>;

/**
 * WeChat content security (msgSecCheck / mediaCheckAsync) of what others will read. Absent on records
 * stored before the checks existed, which count as passed. status is the worst of the checks.
 */
export const moderationSchema = z.object({
  status: z.enum(['pass', 'pending', 'held']),
  checks: z.array(moderationCheckSchema).max(80),
  /** The secretariat's release of held content, with its reason. */
  released: z
    .object({ by: id, at: isoTime, reason: z.string().max(500) })
    .nullable()
    .default(null),
});
export type Moderation = z.infer<typeof moderationSchema>;

export const applicationSchema = z.object({
  ...storedFields,
  programId: id,
  orgId: id,
  /** The organisation running the programme (copied at creation): whose secretariat handles the application. */
  societyId: id,
  createdBy: id,
  /** Idempotency key chosen by the client when it first creates the draft. */
  requestId: z.string().min(8).max(64),
  status: applicationStatus,
  ...applicationContentShape,
  /** What each decision decided: the meaning of a status never has to be guessed from its name. */
  outcomes: outcomesSchema,
  /** The reason given with the last decision (return, rejection, rectification…), shown to the applicant. */
  decisionReason: z.string().nullable(),
  submittedAt: isoTime.nullable(),
  decidedAt: isoTime.nullable(),
  /** The award granted at approval (the category's amount then), counted in the pool. */
  awardFen: fen.nullable().default(null),
  publicityId: id.nullable().default(null),
  reports: z
    .object({ midterm: reportSchema.nullable(), final: reportSchema.nullable(), rectification: reportSchema.nullable() })
    .default({ midterm: null, final: null, rectification: null }),
  /** A report asked again (mid-term or final rectification) is due by this time. */
  dueAt: isoTime.nullable().default(null),
  /** The payment after acceptance (the balance; the whole award where nothing is paid after 立项). */
  payout: payoutSchema.nullable().default(null),
  /** The payment after 立项 (and the agreement), where the programme pays one. */
  advance: payoutSchema.nullable().optional(),
  /** The implementation agreement (项目实施协议), where the programme asks for one. */
  agreement: agreementSchema.nullable().optional(),
  /** The funds returned after failing, where the programme asks for a refund. */
  refund: payoutSchema.nullable().optional(),
  /** What failing meant for this award, recorded when it failed (the programme's rule then). */
  failure: failureRecordSchema.nullable().optional(),
  /** The secretariat's extension of the report now due, with its reason. */
  extension: extensionSchema.nullable().optional(),
  moderation: moderationSchema.optional(),
  /** The experts' scores in so far, kept with each review submitted (in its transaction): how many, and their sum. */
  reviewScores: z.object({ submitted: z.number().int().nonnegative(), sum: z.number().nonnegative() }).optional(),
  /** What the ranking sorts on: the mean of those scores to one decimal; absent while none is in (ranked last). */
  rankScore: z.number().min(0).max(100).optional(),
});
export type Application = z.infer<typeof applicationSchema>;

/** A file's fingerprint: the SHA-256 of its bytes and, for a picture, its perceptual hash. */
const fingerprintFields = {
  fileId: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** 64-bit DCT perceptual hash as 16 hex digits; null when the file is not a picture the server can decode. */
  phash: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
};

/** What the server read from one evidence file's bytes when it first saw them. */
export const fileFactSchema = z
  .object({
    ...fingerprintFields,
    /** When the photo was taken: from the stored bytes' EXIF data, else as the phone read it from the original photo. */
    capturedAt: isoTime.nullable(),
    /** Where capturedAt came from; null when there is none. */
    captureSource: z.enum(captureSources).nullable().optional(),
    /** When the server received the bytes (the local upload, or the first read of a CloudBase file). */
    receivedAt: isoTime,
  })
  // Facts stored before the phone reported a time had a capture time from EXIF only.
  .transform((fact) => ({ ...fact, captureSource: fact.captureSource ?? (fact.capturedAt ? ('exif' as const) : null) }));
export type FileFact = z.infer<typeof fileFactSchema>;

/** Another claim that used the same file (identical bytes) or the same picture re-encoded (similar). */
export const evidenceDuplicateSchema = z.object({
  claimId: id,
  applicationId: id,
  programId: id,
  indicatorKey: z.string(),
  /** This claim's file and the other claim's file. */
  fileId: z.string(),
  otherFileId: z.string(),
  match: z.enum(['identical', 'similar']),
  /** The other use as the verifier reads it, named when it was flagged. */
  orgName: z.string().default(''),
  projectName: z.string().default(''),
  indicatorName: z.string().default(''),
});
export type EvidenceDuplicate = z.infer<typeof evidenceDuplicateSchema>;

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
  /** The secretariat verifies each claim against its evidence; only verified claims count toward targets. */
  verification: z.enum(['pending', 'verified', 'rejected']).default('pending'),
  verificationReason: z.string().nullable().default(null),
  moderation: moderationSchema.optional(),
  /** The day the activity took place (Shanghai); null on claims stored before it was asked. */
  activityOn: day.nullable().default(null),
  /** Where it took place. */
  place: z.string().max(50).default(''),
  /** Records on 天府科技云 (https links) offered as evidence besides the files. */
  links: z.array(z.string().max(500)).max(5).default([]),
  /** What the server found in each file when the claim was added (a list: file ids make poor field names). */
  fileFacts: z.array(fileFactSchema).default([]),
  /** Other claims that used the same file or the same picture re-compressed, for the verifier to compare. */
  duplicates: z.array(evidenceDuplicateSchema).default([]),
  /**
   * Whether duplicates names any use: a field of its own so the claim queue's 证据重复 filter reads an index (absent
   * on claims stored before it was kept, which that filter therefore misses).
   */
  duplicated: z.boolean().default(false),
});
export type Claim = z.infer<typeof claimSchema>;

/**
 * One use of one file as a claim's evidence, keyed for lookup: the SHA-256 and each band of the perceptual hash
 * are plain fields, so the server finds earlier uses of the same or a near-identical photo by equality queries
 * on the organiser's fingerprints instead of reading every claim. Derived from the claim, written in its transaction.
 */
export const evidenceFingerprintSchema = z.object({
  ...storedFields,
  /** The organisation running the programme: a photo is looked for across all its programmes. */
  societyId: id,
  programId: id,
  applicationId: id,
  claimId: id,
  indicatorKey: z.string().min(1),
  ...fingerprintFields,
  /** The perceptual hash in 8 bands of 2 hex digits (see PHASH_BANDS), null for files that are not decodable pictures. */
  band0: z.string().nullable(),
  band1: z.string().nullable(),
  band2: z.string().nullable(),
  band3: z.string().nullable(),
  band4: z.string().nullable(),
  band5: z.string().nullable(),
  band6: z.string().nullable(),
  band7: z.string().nullable(),
});
export type EvidenceFingerprint = z.infer<typeof evidenceFingerprintSchema>;

/** withdrawn: the secretariat took the assignment back before a score was submitted; it no longer counts. */
export const reviewStatuses = ['assigned', 'declared', 'submitted', 'withdrawn'] as const;

/** One reviewer's review of one application. */
export const reviewSchema = z.object({
  ...storedFields,
  programId: id,
  applicationId: id,
  reviewerId: id,
  reviewerName: z.string(),
  status: z.enum(reviewStatuses),
  /** The reviewer declared no conflict of interest before seeing the application. */
  declaredAt: isoTime.nullable(),
  scores: z.array(z.object({ criterionKey: z.string(), score: z.number().min(0).max(100) })),
  comment: z.string().max(1000),
  /** Weighted total on a 0–100 scale, set on submission. */
  total: z.number().min(0).max(100).nullable(),
  submittedAt: isoTime.nullable(),
  /** Why a withdrawn task was withdrawn: taken back by the secretariat, or the expert declared a conflict and stepped back. */
  withdrawal: z
    .object({ by: z.enum(['secretariat', 'reviewer']), reason: z.string().max(500), at: isoTime })
    .nullable()
    .optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const publicityEntrySchema = z.object({
  applicationId: id,
  orgName: z.string(),
  projectName: z.string(),
  categoryName: z.string(),
  awardFen: fen,
});

/** A public notice (公示) of a shortlist: readable without signing in. */
/** What a notice publishes: the shortlist before 立项, or the assessment results before payment. */
export const publicityKinds = ['shortlist', 'result'] as const;
export type PublicityKind = (typeof publicityKinds)[number];

export const publicitySchema = z.object({
  ...storedFields,
  programId: id,
  /** What it publishes; absent on notices stored before result notices existed, which are shortlist notices. */
  kind: z.enum(publicityKinds).optional(),
  title: z.string().min(1).max(100),
  /** Shanghai calendar days, inclusive, counted in Chinese working days. */
  opensOn: day,
  closesOn: day,
  workingDays: z.number().int().positive(),
  /** The UTC instant the closing day ends in Shanghai: after it the shortlist is approved. */
  endsAt: isoTime,
  /** Years the holiday calendar did not cover, counted as Monday–Friday (shown as a warning). */
  fallbackYears: z.array(z.number().int()),
  entries: z.array(publicityEntrySchema),
  contact: z.string().max(200),
  status: z.enum(['open', 'closed']),
  closedAt: isoTime.nullable(),
});
export type Publicity = z.infer<typeof publicitySchema>;

export const objectionSchema = z.object({
  ...storedFields,
  publicityId: id,
  programId: id,
  /** The shortlisted application objected to; null: the notice as a whole. */
  applicationId: id.nullable(),
  content: z.string().min(1).max(1000),
  contactName: z.string().min(1).max(20),
  contactPhone: z.string().min(5).max(30),
  status: z.enum(['open', 'upheld', 'dismissed']),
  handledBy: id.nullable(),
  handlingNote: z.string().max(500).nullable(),
  moderation: moderationSchema.optional(),
  /** The number the objector quotes ("YY-20231009-007"); null on objections lodged before receipts existed. */
  receiptNo: z.string().max(40).nullable().default(null),
});
export type Objection = z.infer<typeof objectionSchema>;

/**
 * A count kept in one document so it can be raised inside a transaction: lodges per phone or client in the
 * current time window (rate limits), or receipts issued on one day (receipt numbers).
 */
export const counterSchema = z.object({
  ...storedFields,
  /** codeAttempt: wrong invitation or setup codes per client; setupClaimed: the one-time setup, taken once. */
  kind: z.enum(['objectionRate', 'objectionReceipt', 'codeAttempt', 'setupClaimed']),
  count: z.number().int().nonnegative(),
  /** The window the count belongs to; a count from an earlier window starts again (null: never resets). */
  windowStart: isoTime.nullable(),
});
export type Counter = z.infer<typeof counterSchema>;

const categoryTally = z.object({ shortlisted: z.number().int().nonnegative(), granted: z.number().int().nonnegative() });

/**
 * The programme's quota ledger: one document updated in the same transaction as each shortlisting and
 * approval, so two clerks (or a hundred) can never pass a quota or the pool together.
 */
const countBy = z.record(z.string(), z.number().int());

/** The programme's application counts, moved with each change (core/award/program-totals.ts). */
export const programTotalsSchema = z.object({
  applications: z.number().int(),
  statuses: countBy,
  categories: countBy,
  /** Applications with text in each section of the form. */
  sections: countBy,
  /** Applications holding an award amount (granted at some point). */
  awarded: z.number().int(),
  /** What the awards not failed were granted at. */
  awardedFen: z.number().int(),
  paidFen: z.number().int(),
});
export type ProgramTotals = z.infer<typeof programTotalsSchema>;

export const ledgerSchema = z.object({
  ...storedFields,
  programId: id,
  categories: z.record(z.string(), categoryTally),
  shortlistedFen: fen,
  grantedFen: fen,
  /** Absent on a ledger from before the totals were kept: the repair fills it in. */
  totals: programTotalsSchema.optional(),
});
export type Ledger = z.infer<typeof ledgerSchema>;

/** One indicator's running figures at one level of the ledger (see indicatorTallySchema). */
export const indicatorFigureSchema = z.object({
  /** The commitments of the awards that count (the programme level), or this award's own commitment. */
  committed: z.number().default(0),
  /** Claims not rejected: pending and verified. */
  claimed: z.number().default(0),
  pending: z.number().default(0),
  /** What counts toward the target: claims the secretariat verified against their evidence. */
  verified: z.number().default(0),
  /** Evidence files and links behind the verified claims. */
  evidence: z.number().int().default(0),
  /** A value recorded for the whole society (rank, percentage, yes/no, head count), latest by its date. */
  value: z.number().nullable().default(null),
  valueOn: z.string().nullable().default(null),
});
export type IndicatorFigure = z.infer<typeof indicatorFigureSchema>;

/**
 * The indicator ledger as running totals, one document per level: a programme (`tally_<programId>`) and each of its
 * applications (`tally_<applicationId>`). Updated in the same transaction as each claim, verification, recorded value
 * and change of whether an award counts, so a board reads one document however many claims there are. A programme
 * linked to the society's application in an upstream (provincial) call carries its verified figures on to it.
 */
export const indicatorTallySchema = z.object({
  ...storedFields,
  programId: id,
  /** null: the programme's own totals. */
  applicationId: id.nullable(),
  orgId: id.nullable(),
  /** Whether this application's figures are in its programme's totals now (granted and not failed). */
  counts: z.boolean(),
  figures: z.record(z.string(), indicatorFigureSchema),
});
export type IndicatorTally = z.infer<typeof indicatorTallySchema>;

/** A society-level value the secretariat recorded, kept as history: the latest by date is the current one. */
export const indicatorValueSchema = z.object({
  ...storedFields,
  programId: id,
  indicatorKey: z.string().min(1).max(64),
  value: z.number(),
  /** The day the value holds for (e.g. the date of the 天府科技云 ranking). */
  on: day,
  /** Where the value can be checked: a document, a list, a link. */
  evidence: z.string().max(500),
  link: z.string().max(500).nullable().default(null),
  recordedBy: id,
  recordedByName: z.string().max(40),
});
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/**
 * The applications one organisation has submitted to one programme, updated in the submit transaction so
 * two submits at once cannot both slip under a per-organisation limit.
 */
export const limitTallySchema = z.object({
  ...storedFields,
  programId: id,
  orgId: id,
  applicationIds: z.array(id),
});
export type LimitTally = z.infer<typeof limitTallySchema>;

/** An in-app message to one person; the subscribe message sent for it (if any) is recorded beside it. */
export const notificationSchema = z.object({
  ...storedFields,
  userId: id,
  programId: id.nullable(),
  applicationId: id.nullable(),
  title: z.string().max(60),
  body: z.string().max(300),
  /** The page the message opens. */
  page: z.string().max(200).nullable(),
  readAt: isoTime.nullable(),
  subscribe: z
    .object({
      templateKey: z.string(),
      /** sent: WeChat took it; recorded: the local adapter wrote it down; skipped: no consent left; failed: WeChat refused. */
      result: z.enum(['sent', 'recorded', 'skipped', 'failed']),
      detail: z.string().max(300).nullable(),
    })
    .nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const auditEntrySchema = z.object({
  _id: id,
  entity: z.enum([
    'application',
    'claim',
    'program',
    'review',
    'publicity',
    'objection',
    'notification',
    'user',
    'organization',
    'upload',
    'invitation',
    'indicatorValue',
    'batchJob',
  ]),
  entityId: id,
  /** The entity's version after the change: orders a document's history even within one millisecond. */
  entityVersion: z.number().int().nonnegative(),
  action: z.string(),
  actorId: id,
  actorName: z.string(),
  actorRole: z.enum(['applicant', 'secretariat', 'reviewer', 'system', 'public']),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  at: isoTime,
  /**
   * The messages an application change sent, named in its own entry (one write per message, not two): each
   * notification's first version, whom it went to and its subscribe message's fate when known (skipped).
   */
  notified: z.array(z.object({ notificationId: id, userId: id, fate: z.string().nullable() })).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/**
 * A photo sent to WeChat's asynchronous media check, found again by the trace id of the verdict pushed
 * back. Trace ids are kept here only, never in anything a client reads, so a forged verdict cannot name one.
 */
export const mediaCheckSchema = z.object({
  ...storedFields,
  /** WeChat's trace id; null when WeChat refused to start the check (the photo is then held). */
  traceId: z.string().max(128).nullable(),
  fileId: z.string().min(1).max(512),
  /** The record the photo is attached to, whose moderation the verdict updates. */
  entity: z.enum(['application', 'claim']),
  entityId: id,
  applicationId: id,
  status: z.enum(['pass', 'pending', 'held']),
  reason: z.string().max(200).nullable(),
});
export type MediaCheck = z.infer<typeof mediaCheckSchema>;

/**
 * An upload slot: the server chose this storage path for this person to add one file to this application.
 * Attaching a file id later is accepted only for a path issued here to the same person.
 */
export const uploadSlotSchema = z.object({
  ...storedFields,
  userId: id,
  applicationId: id,
  purpose: z.enum(uploadPurposes),
  /** Storage path, e.g. evidence/app_x/user_y/<random>.jpg. */
  path: z.string().min(1).max(400),
  extension: z.enum(uploadExtensions as [UploadExtension, ...UploadExtension[]]),
  /** After this the slot takes no upload (the local server checks it; CloudBase uploads are checked on attach). */
  expiresAt: isoTime,
  /** Set when the local server stored the bytes: the type they were sniffed as, and their size. */
  uploadedAt: isoTime.nullable(),
  contentType: z.string().max(100).nullable(),
  size: z.number().int().nonnegative().nullable(),
  /** When the photo was taken, as the phone read it from the original's EXIF before compressing; null when unknown. */
  capturedAt: isoTime.nullable().default(null),
});
export type UploadSlot = z.infer<typeof uploadSlotSchema>;

/**
 * An invitation to take a role: single use, expiring, naming who invited whom for what. The short code is
 * what a person types or receives in a chat; the mini-program code's scene carries the same code.
 */
export const invitationStatuses = ['open', 'used', 'revoked'] as const;
export const invitationSchema = z.object({
  ...storedFields,
  /** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L); unique among all invitations. */
  code: z.string().regex(/^[A-Z2-9]{8}$/),
  /** The organiser whose secretariat issued it; the role acts within it. */
  organiserId: id,
  role,
  /** The contact's unit, the expert's employer, or (secretariat) the organiser itself. */
  orgId: id,
  inviteeName: z.string().min(1).max(40),
  inviteePhone: z.string().max(20).optional(),
  invitedBy: z.object({ userId: id, name: z.string() }),
  expiresAt: isoTime,
  /** open until used or revoked; an open invitation past expiresAt is expired. */
  status: z.enum(invitationStatuses),
  usedAt: isoTime.nullable(),
  /** The role record the invitation created when used. */
  userId: id.nullable(),
  revokedAt: isoTime.nullable(),
  revokeReason: z.string().max(500).nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

/** What a batch job does to each of its applications. */
export const batchJobKinds = ['decide', 'openNotice', 'closeNotice'] as const;
export type BatchJobKind = (typeof batchJobKinds)[number];

export const batchOutcomeSchema = z.object({
  applicationId: id,
  ok: z.boolean(),
  code: z.string().nullable(),
  message: z.string().nullable(),
});
export type BatchOutcome = z.infer<typeof batchOutcomeSchema>;

/**
 * Many applications changed one by one, in as many runs as it takes: the action that starts it does what fits in
 * its time, the timer carries on. `done` items are settled, in order, each with its outcome; an item's change and
 * its mark here land in one transaction, so no run (a retry, the timer racing the action) applies an item twice.
 */
export const batchJobSchema = z.object({
  ...storedFields,
  /** The notice's programme; null for decisions (their items may span the secretariat's programmes). */
  programId: id.nullable(),
  kind: z.enum(batchJobKinds),
  /** The workflow action taken on each item. */
  action: z.string(),
  /** The notice opened or closed (openNotice, closeNotice); null for decisions. */
  publicityId: id.nullable(),
  reason: z.string().nullable(),
  /** Each application with the version its decider saw (null: whatever is current, as the timer acts). */
  items: z.array(z.object({ applicationId: id, version: z.number().int().nullable() })),
  done: z.number().int().nonnegative(),
  outcomes: z.array(batchOutcomeSchema),
  status: z.enum(['running', 'done']),
  /** Who started it: each item is their change, whichever run carries it out. */
  createdBy: z.object({ userId: id, name: z.string(), role: z.enum(['applicant', 'secretariat', 'reviewer', 'system']), orgId: id }),
  finishedAt: isoTime.nullable(),
});
export type BatchJob = z.infer<typeof batchJobSchema>;

export const collections = {
  organizations: organizationSchema,
  users: userSchema,
  programs: programSchema,
  applications: applicationSchema,
  claims: claimSchema,
  reviews: reviewSchema,
  publicities: publicitySchema,
  objections: objectionSchema,
  ledgers: ledgerSchema,
  indicatorTallies: indicatorTallySchema,
  indicatorValues: indicatorValueSchema,
  limitTallies: limitTallySchema,
  notifications: notificationSchema,
  audit: auditEntrySchema,
  mediaChecks: mediaCheckSchema,
  counters: counterSchema,
  uploads: uploadSlotSchema,
  invitations: invitationSchema,
  evidenceFingerprints: evidenceFingerprintSchema,
  batchJobs: batchJobSchema,
} as const;
export type CollectionName = keyof typeof collections;
export type DocumentOf<C extends CollectionName> = z.infer<(typeof collections)[C]>;

export { fen };
