// One valid-looking input per action (or several, one per target in the world), aimed at the world's records.
// Typed as a Record over every action of the contract, so a new action does not compile without its builder.
import { staffDecisions, type ActionInput, type ActionName, type RecordAction, type StaffDecision } from '@/core/schemas/actions';
import { sichuanCivil2023 } from '@/core/program/seeds/sichuan-civil-2023';
import { isOpenFrom, type WorkflowSubject } from '@/core/workflow/transition';
import { emptyOutcomes, type ApplicationStatus, type WorkflowAction } from '@/core/workflow/award-workflow';
import type { CallerKind } from './callers';
import { PROGRAM_ID, SETUP_CODE, completeContent } from './harness';
import { editOf } from './program-edit';
import { fixtureStatus, fixtures, versionIn, type Fixture, type World } from './world';

export interface Variant<A extends ActionName> {
  label: string;
  /** The application the input aims at, if any. */
  target: Fixture | null;
  decision?: StaffDecision;
  /** For application.record: the record action the input takes. */
  record?: RecordAction;
  /** tag: a word naming the caller, so ids chosen by the client differ between callers. */
  input(world: World, tag: string): ActionInput<A>;
}
export type InputBuilders = { [A in ActionName]: Variant<A>[] };

/** The world's programme (the society's seed: expert review, a notice, a mid-term report, payment after acceptance). */
export const worldWorkflow = sichuanCivil2023;

/** A fixture's application as the workflow's guards see it (no payment, agreement or refund recorded). */
export function fixtureSubject(status: ApplicationStatus): WorkflowSubject {
  return { status, orgId: '', outcomes: emptyOutcomes };
}

export function requestIdFor(tag: string, label = ''): string {
  return `rq_${tag}_${label}`.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/** A distinct, plausible phone number per caller. */
function phoneFor(tag: string): string {
  let hash = 0;
  for (const char of tag) hash = (hash * 31 + char.charCodeAt(0)) % 100_000_000;
  return `139${hash.toString().padStart(8, '0')}`;
}

/**
 * The targets of a workflow action: the first fixture it may leave from and, unless inFromOnly, one it may not
 * (picked by `salt` among the others, so different actions probe different statuses).
 */
export function workflowTargets(action: WorkflowAction, salt: number, inFromOnly = false): Fixture[] {
  const open = fixtures.filter((fixture) => isOpenFrom(action, fixtureSubject(fixtureStatus[fixture]), worldWorkflow));
  const closed = fixtures.filter((fixture) => !open.includes(fixture));
  const targets: Fixture[] = open.slice(0, 1);
  if (!inFromOnly && closed.length > 0) targets.push(closed[salt % closed.length]!);
  return targets;
}

function onApplications<A extends ActionName>(
  action: WorkflowAction,
  salt: number,
  build: (world: World, applicationId: string, version: number, tag: string, target: Fixture) => ActionInput<A>,
  inFromOnly = false,
): Variant<A>[] {
  return workflowTargets(action, salt, inFromOnly).map((target) => ({
    label: target,
    target,
    input: (world, tag) =>
      build(world, world.applications[target], versionIn(world, 'applications', world.applications[target]), tag, target),
  }));
}

const single = <A extends ActionName>(input: Variant<A>['input']): Variant<A>[] => [{ label: 'world', target: null, input }];

function decisionVariants<A extends 'application.decide' | 'application.decideMany'>(
  build: (applicationId: string, version: number, decision: StaffDecision) => ActionInput<A>,
  inFromOnly: boolean,
): Variant<A>[] {
  return staffDecisions.flatMap((decision, index) =>
    onApplications<A>(decision, index, (_world, applicationId, version) => build(applicationId, version, decision), inFromOnly).map(
      (variant) => ({ ...variant, label: `${decision} on ${variant.label}`, decision }),
    ),
  );
}

const fullMarks = (world: World) =>
  world.snapshot.programs
    .find((program) => program._id === PROGRAM_ID)!
    .reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: 80 }));

export const inputBuilders: InputBuilders = {
  'session.me': single(() => ({})),
  'me.export': single(() => ({})),
  'program.list': single(() => ({})),
  'program.get': single(() => ({ programId: PROGRAM_ID })),
  'program.templates': single(() => ({})),
  'program.createFromTemplate': single((_world, tag) => ({
    templateCode: 'sichuan-civil-2023',
    requestId: requestIdFor(tag, 'program'),
    name: '2024年培育奖励',
  })),
  // The world's programme is published already: its secretariat hears so, others do not find it.
  'program.publish': single((world) => ({ programId: PROGRAM_ID, version: versionIn(world, 'programs', PROGRAM_ID) })),
  'program.update': single((world) => ({
    programId: PROGRAM_ID,
    version: versionIn(world, 'programs', PROGRAM_ID),
    edit: editOf(world.snapshot.programs.find((program) => program._id === PROGRAM_ID)!),
  })),
  'application.create': single((_world, tag) => ({
    programId: PROGRAM_ID,
    requestId: requestIdFor(tag, 'create'),
    content: completeContent(),
  })),
  'application.save': onApplications('save', 1, (_world, applicationId, version) => ({
    applicationId,
    version,
    content: completeContent({ projectName: '修改后的项目名称' }),
  })),
  'application.submit': onApplications('submit', 2, (_world, applicationId, version) => ({ applicationId, version })),
  'application.withdraw': onApplications('withdraw', 3, (_world, applicationId, version) => ({
    applicationId,
    version,
    reason: '本单位决定不再申报',
  })),
  'application.get': (['draft', 'submitted', 'implementing'] as const).map((target) => ({
    label: target,
    target,
    input: (world) => ({ applicationId: world.applications[target] }),
  })),
  'application.listMine': single(() => ({ programId: PROGRAM_ID })),
  'application.queue': single(() => ({ programId: PROGRAM_ID, stage: 'review', cursor: null, limit: 30 })),
  'application.decide': decisionVariants(
    (applicationId, version, decision) => ({ applicationId, version, decision, reason: '依据评审意见' }),
    false,
  ),
  'application.decideMany': decisionVariants(
    (applicationId, version, decision) => ({ items: [{ applicationId, version }], decision, reason: '依据评审意见' }),
    true,
  ),
  // Only where a report is due: elsewhere the handler names the status before the role (see the matrix).
  'application.report': onApplications(
    'submitMidterm',
    0,
    (world, applicationId, version, tag) => ({
      applicationId,
      version,
      requestId: requestIdFor(tag, 'report'),
      summary: '中期任务已按计划完成。',
      achievements: [{ indicatorKey: 'published-results', amount: 1 }],
      fileIds: [world.files.report.fileId],
    }),
    true,
  ),
  'application.pay': onApplications('pay', 4, (_world, applicationId, version) => ({
    applicationId,
    version,
    payout: { amountFen: 300_000, paidOn: '2023-07-10', voucherNo: 'PZ-2023-001' },
  })),
  // The world's programme has no agreement and pays after acceptance: only an extension is ever open there.
  'application.record': [
    ...onApplications<'application.record'>('extendDue', 6, (_world, applicationId, version) => ({
      applicationId,
      version,
      record: { action: 'extendDue', until: '2026-12-31T23:59:59+08:00', reason: '受疫情影响，活动延期举办' },
    })).map((variant) => ({ ...variant, record: 'extendDue' as const })),
    ...onApplications<'application.record'>('disburse', 7, (_world, applicationId, version) => ({
      applicationId,
      version,
      record: { action: 'disburse', payout: { amountFen: 300_000, paidOn: '2023-07-10', voucherNo: 'PZ-2023-002' } },
    })).map((variant) => ({ ...variant, record: 'disburse' as const })),
  ],
  'claim.add': onApplications('claim', 5, (world, applicationId, _version, tag, target) => ({
    applicationId,
    requestId: requestIdFor(tag, 'claim'),
    indicatorKey: 'published-results',
    amount: 1,
    description: '发布科技成果一项',
    fileIds: [(world.files[target as keyof World['files']] ?? world.files.implementing).fileId],
  })),
  'claim.verify': single((world) => ({
    claimId: world.claimId,
    version: versionIn(world, 'claims', world.claimId),
    decision: 'verified',
  })),
  'claim.queue': single(() => ({ programId: PROGRAM_ID, indicatorKey: 'published-results', cursor: null, limit: 30 })),
  'review.candidates': single((world) => ({ applicationId: world.applications.checkPassed })),
  'review.assign': onApplications('startReview', 6, (_world, applicationId, version) => ({
    applicationId,
    version,
    reviewerIds: ['user-reviewer-scu'],
  })),
  'review.assignMany': single((world) => ({
    programId: PROGRAM_ID,
    items: [{ applicationId: world.applications.checkPassed, version: versionIn(world, 'applications', world.applications.checkPassed) }],
    reviewerIds: ['user-reviewer-scu'],
  })),
  'review.mine': single(() => ({ cursor: null, limit: 30 })),
  'review.declare': single((world) => ({
    reviewId: world.reviews.assigned,
    version: versionIn(world, 'reviews', world.reviews.assigned),
    noConflict: true,
  })),
  'review.recuse': single((world) => ({
    reviewId: world.reviews.assigned,
    version: versionIn(world, 'reviews', world.reviews.assigned),
    reason: '本人曾与申报项目负责人合作发表论文',
  })),
  'review.open': single((world) => ({ reviewId: world.reviews.declared })),
  'review.submit': single((world) => ({
    reviewId: world.reviews.declared,
    version: versionIn(world, 'reviews', world.reviews.declared),
    scores: fullMarks(world),
    comment: '方案可行，指标明确。',
  })),
  'review.unassign': single((world) => ({
    reviewId: world.reviews.assigned,
    version: versionIn(world, 'reviews', world.reviews.assigned),
    reason: '专家因故不能参加本次评审',
  })),
  'review.ranking': single(() => ({ programId: PROGRAM_ID, categoryKey: 'award', cursor: null, limit: 30 })),
  'publicity.open': single(() => ({ programId: PROGRAM_ID, title: '第三批拟立项项目公示', contact: '学会秘书处 028-00000000' })),
  'publicity.list': single(() => ({ programId: PROGRAM_ID })),
  'publicity.get': single((world) => ({ publicityId: world.publicities.open })),
  'publicity.close': single((world) => ({ publicityId: world.publicities.closed })),
  'batch.get': single((world) => ({ jobId: `batch_close_${world.publicities.closed}` })),
  'objection.lodge': single((world, tag) => ({
    publicityId: world.publicities.open,
    requestId: requestIdFor(tag, 'objection'),
    applicationId: world.applications.inPublicity,
    content: `该项目的申报材料与实际不符（${tag}）。`,
    contactName: '热心群众',
    contactPhone: phoneFor(tag),
  })),
  'objection.list': single((world) => ({ publicityId: world.publicities.open })),
  'objection.handle': single((world) => ({
    objectionId: world.objectionId,
    version: versionIn(world, 'objections', world.objectionId),
    decision: 'dismissed',
    note: '经核查，异议不成立。',
  })),
  'notification.list': single(() => ({})),
  'notification.read': single((world) => ({
    ids: world.snapshot.notifications
      .filter((notification) => notification.userId === 'user-contact-structure')
      .map((n) => n._id)
      .slice(0, 3),
  })),
  'notification.subscribe': single(() => ({ templateKeys: ['statusChange'] })),
  'notification.templates': single(() => ({})),
  // A PDF (photos stay hidden from reviewers until WeChat's media check passes).
  'file.link': [
    { label: 'implementing', target: 'implementing', input: (world) => ({ fileId: world.files.report.fileId }) },
    { label: 'draft', target: 'draft', input: (world) => ({ fileId: world.files.draft.fileId }) },
  ],
  'dashboard.get': single(() => ({ programId: PROGRAM_ID })),
  'export.awardLedger': single(() => ({ programId: PROGRAM_ID })),
  'export.application': (['draft', 'implementing'] as const).map((target) => ({
    label: target,
    target,
    input: (world) => ({ applicationId: world.applications[target] }),
  })),
  'export.publicity': single((world) => ({ publicityId: world.publicities.closed })),
  'export.awardNotice': single(() => ({ programId: PROGRAM_ID })),
  'export.selfAssessment': single(() => ({ programId: PROGRAM_ID })),
  'export.evidencePack': single(() => ({ programId: PROGRAM_ID })),
  'dashboard.indicator': single(() => ({ programId: PROGRAM_ID, indicatorKey: 'published-results' })),
  'indicator.record': single((_world, tag) => ({
    requestId: requestIdFor(tag, 'value'),
    programId: PROGRAM_ID,
    indicatorKey: 'satisfaction',
    value: 95,
    on: '2023-07-01',
    evidence: '2023年上半年会员服务满意度调查汇总表',
    link: null,
  })),
  // Unlinking a programme that is not linked: allowed to its secretariat, and changes only its version.
  'program.link': single((world) => ({ programId: PROGRAM_ID, version: versionIn(world, 'programs', PROGRAM_ID), applicationId: null })),
  'objection.handleMany': single((world) => ({
    items: [{ objectionId: world.objectionId, version: versionIn(world, 'objections', world.objectionId) }],
    decision: 'dismissed',
    note: '经核查，异议不成立。',
  })),
  // Nothing is held in the world: the secretariat is told there is nothing to release.
  'moderation.release': single((world) => ({
    entity: 'application',
    id: world.applications.submitted,
    version: versionIn(world, 'applications', world.applications.submitted),
    reason: '经人工复核，内容无问题。',
  })),
  // Attachments may be added while the form is editable, as a save may.
  'file.slot': onApplications('save', 7, (_world, applicationId) => ({ applicationId, purpose: 'attachment', extension: 'pdf' })),
  // The running society's units (another organiser's staff do not see them).
  'organization.list': single(() => ({})),
  'organization.get': single(() => ({ organizationId: 'org-branch-academic' })),
  'organization.history': single(() => ({ organizationId: 'org-branch-structure' })),
  'organization.create': single((_world, tag) => ({
    requestId: requestIdFor(tag, 'org'),
    kind: 'branch',
    name: `青年工作委员会（${tag}）`,
    contactPhone: phoneFor(tag),
  })),
  'organization.update': single((world) => ({
    organizationId: 'org-branch-academic',
    version: versionIn(world, 'organizations', 'org-branch-academic'),
    name: '学术工作委员会',
    profile: { rating: '3A', inspections: [{ year: 2024, result: '合格' }] },
    address: '成都市武侯区',
  })),
  'organization.deactivate': single((world) => ({
    organizationId: 'org-branch-popsci',
    version: versionIn(world, 'organizations', 'org-branch-popsci'),
    reason: '已撤销该分支机构',
  })),
  'organization.importTemplate': single(() => ({})),
  // A branch and a member unit for the running society.
  'organization.import': single((world, tag) => ({
    requestId: requestIdFor(tag, 'import'),
    fileName: '下属单位.xlsx',
    base64: world.importSheet,
  })),
  // 四川大学建筑与环境学院 has no contact yet; another organiser's secretariat does not manage it.
  'invitation.create': single((_world, tag) => ({
    requestId: requestIdFor(tag, 'invite'),
    role: 'applicant',
    orgId: 'org-member-scu',
    name: `新联系人（${tag}）`,
    phone: phoneFor(tag),
    validDays: 14,
  })),
  'invitation.list': single(() => ({})),
  'invitation.revoke': single((world) => ({ invitationId: world.invitations.revocable, reason: '联系人已更换' })),
  'invitation.qrcode': single((world) => ({ invitationId: world.invitations.shared.id })),
  'invitation.peek': single((world) => ({ code: world.invitations.shared.code })),
  // Each kind of caller takes its own invitation (other tags, the fuzz suite's, share one).
  'invitation.accept': single((world, tag) => ({ code: (world.invitations.byCaller[tag as CallerKind] ?? world.invitations.shared).code })),
  // The world has its secretariat already: the setup is done.
  'setup.claim': single(() => ({
    code: SETUP_CODE,
    organiserName: '四川省某学会',
    organiserKind: 'society',
    personName: '新秘书',
  })),
  'person.list': single(() => ({})),
  // 张主任 (省建院's contact) is no caller of the matrix.
  'person.revoke': single((world) => ({
    userId: 'user-contact-design',
    version: versionIn(world, 'users', 'user-contact-design'),
    reason: '已调离该单位',
  })),
  'person.reassign': single((world) => ({
    userId: 'user-contact-design',
    version: versionIn(world, 'users', 'user-contact-design'),
    orgId: 'org-member-scu',
  })),
  'person.remove': single(() => ({ userId: 'user-contact-design', reason: '本人申请删除个人信息' })),
};
