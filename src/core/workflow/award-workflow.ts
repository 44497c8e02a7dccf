// The award lifecycle as data: statuses with a label for staff and one for applicants, and actions with
// where they start, where they lead, who may take them, the outcome they record and whom they notify.
// transition() reads only this table.
import type { Role } from '../schemas/labels';

export const applicationStatuses = [
  'draft',
  'submitted',
  'returned',
  'resubmitted',
  'withdrawn',
  'checkRejected',
  'checkPassed',
  'underReview',
  'notSelected',
  'shortlisted',
  'inPublicity',
  'objectionUpheld',
  'approved',
  'implementing',
  'midtermSubmitted',
  'midtermRectify',
  'midtermPassed',
  'finalSubmitted',
  'inRectification',
  'rectificationSubmitted',
  'accepted',
  'inResultNotice',
  'resultPublished',
  'failed',
  'paid',
  'completed',
  'terminated',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

/** The stage a status belongs to: the secretariat's queues and the applicant's timeline group by it. */
export const stages = ['application', 'check', 'review', 'publicity', 'implementation', 'acceptance', 'payout', 'closed'] as const;
export type Stage = (typeof stages)[number];

export const stageLabels: Record<Stage, string> = {
  application: '申报',
  check: '形式审查',
  review: '专家评审',
  publicity: '公示',
  implementation: '实施',
  acceptance: '验收',
  payout: '奖补发放',
  closed: '已结束',
};

/** Status colours by meaning (src/styles/tokens.css): red is kept for refusals and failures. */
export type StatusTone = 'neutral' | 'progress' | 'done' | 'attention' | 'refusal';

export interface StatusDefinition {
  staffLabel: string;
  applicantLabel: string;
  stage: Stage;
  /** The applicant may change the form's content in this status. */
  editable: boolean;
  /** The award counts against its category's quota and the pool (shortlisted or later, not ended badly). */
  holdsShortlistPlace: boolean;
  /** The award is granted: it counts against the approval quota and the pool. */
  granted: boolean;
  /** What the status means to the person, which colours it: in progress, done, needs their attention, refused or failed. */
  tone: StatusTone;
}

function status(
  staffLabel: string,
  applicantLabel: string,
  stage: Stage,
  tone: StatusDefinition['tone'],
  flags: Partial<Pick<StatusDefinition, 'editable' | 'holdsShortlistPlace' | 'granted'>> = {},
): StatusDefinition {
  return { staffLabel, applicantLabel, stage, tone, editable: false, holdsShortlistPlace: false, granted: false, ...flags };
}

const held = { holdsShortlistPlace: true } as const;
const grantedAward = { holdsShortlistPlace: true, granted: true } as const;

export const statusTable: Record<ApplicationStatus, StatusDefinition> = {
  draft: status('草稿', '草稿（未提交）', 'application', 'neutral', { editable: true }),
  submitted: status('待形式审查', '已提交，等待形式审查', 'check', 'progress'),
  returned: status('已退回修改', '已退回，请修改后重新提交', 'application', 'attention', { editable: true }),
  resubmitted: status('已重新提交，待形式审查', '已重新提交，等待形式审查', 'check', 'progress'),
  withdrawn: status('申报单位已撤回', '已撤回', 'closed', 'neutral'),
  checkRejected: status('形式审查未通过', '未通过形式审查', 'closed', 'refusal'),
  checkPassed: status('形式审查通过，待分配专家', '已通过形式审查，等待专家评审', 'review', 'progress'),
  underReview: status('专家评审中', '专家评审中', 'review', 'progress'),
  notSelected: status('评审未入选', '经专家评审未入选', 'closed', 'neutral'),
  shortlisted: status('拟立项，待公示', '拟立项，等待公示', 'publicity', 'progress', held),
  inPublicity: status('公示中', '公示中', 'publicity', 'progress', held),
  objectionUpheld: status('异议成立，不予奖补', '公示期间异议成立，不予奖补', 'closed', 'refusal'),
  approved: status('已立项，待下达通知', '已立项，等待立项通知', 'implementation', 'done', grantedAward),
  implementing: status('实施中', '实施中', 'implementation', 'progress', grantedAward),
  midtermSubmitted: status('中期报告待审核', '中期报告已提交，等待审核', 'implementation', 'progress', grantedAward),
  midtermRectify: status('中期检查需整改', '中期检查需整改，请按期重新提交', 'implementation', 'attention', grantedAward),
  midtermPassed: status('中期检查通过', '中期检查通过，请按期提交结项报告', 'implementation', 'done', grantedAward),
  finalSubmitted: status('结项报告待验收', '结项报告已提交，等待验收', 'acceptance', 'progress', grantedAward),
  inRectification: status('限期整改中', '验收未通过，请在整改期限内重新提交', 'acceptance', 'attention', grantedAward),
  rectificationSubmitted: status('整改报告待验收', '整改报告已提交，等待验收', 'acceptance', 'progress', grantedAward),
  accepted: status('已验收', '已通过验收', 'payout', 'done', grantedAward),
  inResultNotice: status('考核结果公示中', '考核结果公示中', 'payout', 'progress', grantedAward),
  resultPublished: status('结果公示期满，待发放', '考核结果公示期满，等待奖补发放', 'payout', 'done', grantedAward),
  // What failing means (refund, funding withdrawn, barred next year) is the programme's, shown beside the status.
  failed: status('验收不合格', '验收不合格', 'closed', 'refusal', grantedAward),
  paid: status('已发放', '奖补已发放', 'closed', 'done', grantedAward),
  completed: status('已结项', '已结项', 'closed', 'done', grantedAward),
  // Leaving the granted awards gives the award's place and amount back to its category's quota and the pool.
  terminated: status('已终止实施', '项目已终止', 'closed', 'refusal'),
};

/** The outcome fields an action may record; a decision's meaning is this field, never the action's name. */
export const outcomeFields = {
  check: ['passed', 'returned', 'rejected'],
  review: ['shortlisted', 'notSelected'],
  publicity: ['approved', 'objectionUpheld'],
  midterm: ['passed', 'rectify'],
  final: ['accepted', 'rectify', 'failed'],
} as const;
export type OutcomeField = keyof typeof outcomeFields;
export type Outcomes = { [F in OutcomeField]: (typeof outcomeFields)[F][number] | null };
export const emptyOutcomes: Outcomes = { check: null, review: null, publicity: null, midterm: null, final: null };

export type OutcomeOf = { [F in OutcomeField]: { field: F; value: (typeof outcomeFields)[F][number] } }[OutcomeField];

/** Who takes an action: a person in a role, or the system (the timer function). */
export type ActorRole = Role | 'system';
export const actorRoles: readonly ActorRole[] = ['applicant', 'secretariat', 'reviewer', 'system'];

/**
 * Conditions on the programme's stages (core/program/program-schema.ts, stagesSchema) and on the application's own
 * records, judged by transition() without any read. An action whose guard fails is not open: no button, and
 * TRANSITION_NOT_ALLOWED if asked.
 */
export const stageGuards = [
  'expertReview',
  'noExpertReview',
  'shortlistNotice',
  'noShortlistNotice',
  'midterm',
  'noMidterm',
  'rectification',
  'resultNotice',
  'noResultNotice',
  'agreementDue',
  'advanceDue',
  'balanceDue',
  'nothingDue',
  'refundDue',
] as const;
export type StageGuard = (typeof stageGuards)[number];

/**
 * Checks that need facts the shell reads for them (reviews, the notice, objections) or the time: the action is
 * open (its button shows), but taking it is refused with the check's own code and reason until it holds.
 */
export const actionChecks = ['windowOpen', 'reviewsComplete', 'noticeEnded', 'noOpenObjection', 'reportOnTime', 'claimsOpen'] as const;
export type ActionCheck = (typeof actionChecks)[number];

/** Checks that also hide the button while they fail (when the time is known): submitting outside the call's window. */
export const hidingChecks: readonly ActionCheck[] = ['windowOpen'];

/** A guard or check, on leaving the statuses named (all the action's statuses when none is named). */
export interface Condition<R> {
  rule: R;
  from?: readonly ApplicationStatus[];
}

/** The application's due date an action sets (a rectification's, rectification months from now) or clears. */
export type DueEffect = 'rectification' | 'clear' | null;

/** Records an action writes beyond its status: what failing means for this application and its organisation. */
export type RecordEffect = 'failure' | null;

export const workflowActions = [
  'save',
  'submit',
  'resubmit',
  'withdraw',
  'return',
  'passCheck',
  'rejectCheck',
  'startReview',
  'shortlist',
  'unshortlist',
  'decline',
  'openPublicity',
  'upholdObjection',
  'approve',
  'issueNotice',
  'claim',
  'submitMidterm',
  'passMidterm',
  'rectifyMidterm',
  'submitFinal',
  'accept',
  'rectifyFinal',
  'submitRectification',
  'fail',
  'recordAgreement',
  'disburse',
  'extendDue',
  'openResultNotice',
  'confirmResult',
  'pay',
  'close',
  'recordRefund',
  'terminate',
] as const;
export type WorkflowAction = (typeof workflowActions)[number];

export interface ActionDefinition {
  label: string;
  from: readonly ApplicationStatus[];
  /** null: the action keeps the status (it changes content only). */
  to: ApplicationStatus | null;
  by: readonly ActorRole[];
  /** Applicants act only on their own organisation's applications; staff act on any. */
  ownOrgOnly: boolean;
  reasonRequired: boolean;
  outcome: OutcomeOf | null;
  /** An outcome this action takes back (e.g. leaving the shortlist un-decides the review). */
  clears: OutcomeField | null;
  /** Whom the shell tells about the change, in-app and by subscribe message. */
  notify: 'applicant' | 'secretariat' | null;
  /** The applicant who took it gets a receipt too: when it was received and what happens next. */
  receipt: boolean;
  /** Stage guards: where one fails, the action is not open at all. */
  guards: readonly Condition<StageGuard>[];
  /** Checks on facts and time: the action is open, but refused with the check's reason until it holds. */
  checks: readonly Condition<ActionCheck>[];
  due: DueEffect;
  records: RecordEffect;
  /**
   * The action carries its own content (a form, a report, a payment, a date) and has its own api action; the
   * others are decisions, taken through application.decide with at most a reason.
   */
  content: boolean;
}

type Definition = Pick<ActionDefinition, 'label' | 'from' | 'to' | 'by'> & Partial<ActionDefinition>;

function action(definition: Definition): ActionDefinition {
  return {
    ownOrgOnly: false,
    reasonRequired: false,
    outcome: null,
    clears: null,
    notify: null,
    receipt: false,
    guards: [],
    checks: [],
    due: null,
    records: null,
    content: false,
    ...definition,
  };
}

const applicant = ['applicant'] as const;
const secretariat = ['secretariat'] as const;
const own = { ownOrgOnly: true, notify: 'secretariat', content: true } as const;
const withReceipt = { receipt: true } as const;
const toApplicant = { notify: 'applicant' } as const;
const checkable = ['submitted', 'resubmitted'] as const;
const grantedOpen = ['approved', 'implementing', 'midtermSubmitted', 'midtermRectify', 'midtermPassed', 'inRectification'] as const;
/** Where the applicant still owes a report, and a due date may be extended. */
const reportOwed = ['implementing', 'midtermRectify', 'midtermPassed', 'inRectification'] as const;
/** Where an award's agreement and its payment after 立项 may still be recorded (late, at the latest before it ends). */
const beforeTheEnd = [...grantedOpen, 'finalSubmitted', 'rectificationSubmitted', 'accepted', 'resultPublished'] as const;
const onTime = { checks: [{ rule: 'reportOnTime' }] } as const;
/** Between the call's opening and its category's deadline, on the server's clock. */
const inWindow = { checks: [{ rule: 'windowOpen' }] } as const;

export const actionTable: Record<WorkflowAction, ActionDefinition> = {
  save: action({ label: '保存', from: ['draft', 'returned'], to: null, by: applicant, ownOrgOnly: true, content: true }),
  submit: action({ label: '提交申报', from: ['draft'], to: 'submitted', by: applicant, ...own, ...inWindow, ...withReceipt }),
  resubmit: action({ label: '重新提交', from: ['returned'], to: 'resubmitted', by: applicant, ...own, ...inWindow, ...withReceipt }),
  withdraw: action({
    label: '撤回申报',
    from: ['submitted', 'returned', 'resubmitted', 'checkPassed'],
    to: 'withdrawn',
    by: applicant,
    ...own,
  }),
  return: action({
    label: '退回修改',
    from: checkable,
    to: 'returned',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'check', value: 'returned' },
    ...toApplicant,
  }),
  passCheck: action({
    label: '形式审查通过',
    from: checkable,
    to: 'checkPassed',
    by: secretariat,
    outcome: { field: 'check', value: 'passed' },
    ...toApplicant,
  }),
  rejectCheck: action({
    label: '形式审查不通过',
    from: checkable,
    to: 'checkRejected',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'check', value: 'rejected' },
    ...toApplicant,
  }),
  startReview: action({
    label: '分配评审专家',
    from: ['checkPassed'],
    to: 'underReview',
    by: secretariat,
    guards: [{ rule: 'expertReview' }],
    content: true,
    ...toApplicant,
  }),
  shortlist: action({
    label: '列入拟立项',
    // After the experts' review, or straight after the formal check where the programme has no expert review.
    from: ['underReview', 'checkPassed'],
    to: 'shortlisted',
    by: secretariat,
    outcome: { field: 'review', value: 'shortlisted' },
    guards: [{ rule: 'noExpertReview', from: ['checkPassed'] }],
    checks: [{ rule: 'reviewsComplete', from: ['underReview'] }],
    ...toApplicant,
  }),
  unshortlist: action({
    label: '移出拟立项',
    from: ['shortlisted'],
    to: 'underReview',
    by: secretariat,
    reasonRequired: true,
    clears: 'review',
    guards: [{ rule: 'expertReview' }],
    ...toApplicant,
  }),
  decline: action({
    label: '不予入选',
    from: ['underReview', 'checkPassed'],
    to: 'notSelected',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'review', value: 'notSelected' },
    guards: [{ rule: 'noExpertReview', from: ['checkPassed'] }],
    ...toApplicant,
  }),
  openPublicity: action({
    label: '发布公示',
    from: ['shortlisted'],
    to: 'inPublicity',
    by: secretariat,
    guards: [{ rule: 'shortlistNotice' }],
    content: true,
    ...toApplicant,
  }),
  upholdObjection: action({
    label: '异议成立',
    from: ['inPublicity', 'inResultNotice'],
    to: 'objectionUpheld',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'publicity', value: 'objectionUpheld' },
    content: true,
    ...toApplicant,
  }),
  approve: action({
    label: '批准立项',
    // After the notice, once it has ended with no objection open; straight from the shortlist where there is none.
    from: ['inPublicity', 'shortlisted'],
    to: 'approved',
    by: ['secretariat', 'system'],
    outcome: { field: 'publicity', value: 'approved' },
    guards: [{ rule: 'noShortlistNotice', from: ['shortlisted'] }],
    checks: [
      { rule: 'noOpenObjection', from: ['inPublicity'] },
      { rule: 'noticeEnded', from: ['inPublicity'] },
    ],
    ...toApplicant,
  }),
  issueNotice: action({ label: '下达立项通知', from: ['approved'], to: 'implementing', by: secretariat, ...toApplicant }),
  claim: action({
    label: '填报指标完成情况',
    from: grantedOpen,
    to: null,
    by: applicant,
    ownOrgOnly: true,
    content: true,
    // Achievements are reported until the final report is due (a rectification's own date while rectifying).
    checks: [{ rule: 'claimsOpen' }],
  }),
  submitMidterm: action({
    label: '提交中期报告',
    from: ['implementing', 'midtermRectify'],
    to: 'midtermSubmitted',
    by: applicant,
    ...own,
    // Only in a category with a mid-term check.
    guards: [{ rule: 'midterm', from: ['implementing'] }],
    ...onTime,
  }),
  passMidterm: action({
    label: '中期检查通过',
    from: ['midtermSubmitted'],
    to: 'midtermPassed',
    by: secretariat,
    outcome: { field: 'midterm', value: 'passed' },
    due: 'clear',
    ...toApplicant,
  }),
  rectifyMidterm: action({
    label: '中期检查需整改',
    from: ['midtermSubmitted'],
    to: 'midtermRectify',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'midterm', value: 'rectify' },
    guards: [{ rule: 'rectification' }],
    due: 'rectification',
    ...toApplicant,
  }),
  submitFinal: action({
    label: '提交结项报告',
    from: ['implementing', 'midtermPassed'],
    to: 'finalSubmitted',
    by: applicant,
    ...own,
    // Straight from implementing only in a category without a mid-term check.
    guards: [{ rule: 'noMidterm', from: ['implementing'] }],
    ...onTime,
  }),
  accept: action({
    label: '验收通过',
    from: ['finalSubmitted', 'rectificationSubmitted'],
    to: 'accepted',
    by: secretariat,
    outcome: { field: 'final', value: 'accepted' },
    due: 'clear',
    ...toApplicant,
  }),
  rectifyFinal: action({
    label: '限期整改',
    from: ['finalSubmitted'],
    to: 'inRectification',
    by: secretariat,
    reasonRequired: true,
    outcome: { field: 'final', value: 'rectify' },
    guards: [{ rule: 'rectification' }],
    due: 'rectification',
    ...toApplicant,
  }),
  submitRectification: action({
    label: '提交整改报告',
    from: ['inRectification'],
    to: 'rectificationSubmitted',
    by: applicant,
    ...own,
    ...onTime,
  }),
  fail: action({
    label: '验收不合格',
    from: ['finalSubmitted', 'rectificationSubmitted', 'inRectification'],
    to: 'failed',
    by: ['secretariat', 'system'],
    reasonRequired: true,
    outcome: { field: 'final', value: 'failed' },
    due: 'clear',
    records: 'failure',
    ...toApplicant,
  }),
  recordAgreement: action({
    label: '登记实施协议',
    from: beforeTheEnd,
    to: null,
    by: secretariat,
    guards: [{ rule: 'agreementDue' }],
    content: true,
  }),
  disburse: action({
    label: '登记经费拨付',
    from: beforeTheEnd,
    to: null,
    by: secretariat,
    guards: [{ rule: 'advanceDue' }],
    content: true,
  }),
  extendDue: action({ label: '批准延期', from: reportOwed, to: null, by: secretariat, reasonRequired: true, content: true }),
  openResultNotice: action({
    label: '发布结果公示',
    from: ['accepted'],
    to: 'inResultNotice',
    by: secretariat,
    guards: [{ rule: 'resultNotice' }],
    content: true,
    ...toApplicant,
  }),
  confirmResult: action({
    label: '确认公示结果',
    from: ['inResultNotice'],
    to: 'resultPublished',
    by: ['secretariat', 'system'],
    checks: [{ rule: 'noOpenObjection' }, { rule: 'noticeEnded' }],
    ...toApplicant,
  }),
  pay: action({
    label: '登记奖补发放',
    from: ['accepted', 'resultPublished'],
    to: 'paid',
    by: secretariat,
    guards: [{ rule: 'noResultNotice', from: ['accepted'] }, { rule: 'balanceDue' }],
    content: true,
    ...toApplicant,
  }),
  close: action({
    label: '结项',
    // Where the whole award was paid after 立项, acceptance leaves nothing to pay.
    from: ['accepted', 'resultPublished'],
    to: 'completed',
    by: secretariat,
    guards: [{ rule: 'noResultNotice', from: ['accepted'] }, { rule: 'nothingDue' }],
    ...toApplicant,
  }),
  recordRefund: action({
    label: '登记退还经费',
    from: ['failed'],
    to: null,
    by: secretariat,
    guards: [{ rule: 'refundDue' }],
    content: true,
  }),
  terminate: action({
    label: '终止项目',
    // Before any report is judged: a unit that cannot carry the project on, or one found to have cheated.
    from: ['approved', 'implementing', 'midtermSubmitted', 'midtermRectify', 'midtermPassed'],
    to: 'terminated',
    by: secretariat,
    reasonRequired: true,
    ...toApplicant,
  }),
};
