// Steps of the award lifecycle through the api, for tests that need an application at some later stage.
import type { ActionInput, ApplicationView, ReviewView } from '@/core/schemas/actions';
import { collections } from '@/core/schemas/documents';
import { floorCommitments } from '@/core/program/program-schema';
import { OPENID, PROGRAM_ID, completeContent, requestId, type Harness } from './harness';
import { requiredAttachments } from './uploads';

type Content = ActionInput<'application.create'>['content'];

export async function submitted(
  h: Harness,
  openid: string,
  content: Content = completeContent(),
  programId = PROGRAM_ID,
): Promise<ApplicationView> {
  const created = await h.as(openid, 'application.create', { programId, requestId: requestId(), content });
  return h.as(openid, 'application.submit', { applicationId: created._id, version: created.version });
}

export async function decided(
  h: Harness,
  application: ApplicationView,
  decision: ActionInput<'application.decide'>['decision'],
  reason?: string,
  secretary: string = OPENID.secretary,
) {
  return h.as(secretary, 'application.decide', { applicationId: application._id, version: application.version, decision, reason });
}

/** Full marks on every criterion of the programme, scaled by `share` (0–1). */
/** Asks the secretariat to shortlist an application and answers whatever the server said (for refusals). */
export function tryShortlist(h: Harness, application: ApplicationView) {
  return h.raw(OPENID.secretary, 'application.decide', {
    applicationId: application._id,
    version: application.version,
    decision: 'shortlist',
  });
}

export async function scoresFor(h: Harness, programId: string, share: number) {
  const program = await h.deps.store.get('programs', programId);
  if (!program) throw new Error(`no programme ${programId}`);
  return program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: Math.round(criterion.maxScore * share) }));
}

/** A reviewer's task on an application, paging through their list (newest first) until it is found. */
export async function taskFor(h: Harness, openid: string, applicationId: string): Promise<ReviewView | undefined> {
  let cursor: string | null = null;
  do {
    const page: { items: ReviewView[]; nextCursor: string | null } = await h.as(openid, 'review.mine', { cursor, limit: 100 });
    const task = page.items.find((review) => review.applicationId === applicationId);
    if (task) return task;
    cursor = page.nextCursor;
  } while (cursor);
  return undefined;
}

/** Assigns the reviewers, each declares no conflict and scores; returns the application as it then is. */
export async function reviewed(
  h: Harness,
  application: ApplicationView,
  reviewers: { openid: string; userId: string; share: number }[],
  secretary: string = OPENID.secretary,
): Promise<ApplicationView> {
  const { application: underReview } = await h.as(secretary, 'review.assign', {
    applicationId: application._id,
    version: application.version,
    reviewerIds: reviewers.map((reviewer) => reviewer.userId),
  });
  for (const reviewer of reviewers) {
    const task = await taskFor(h, reviewer.openid, application._id);
    if (!task) throw new Error(`no review task for ${reviewer.openid}`);
    const declared = await h.as(reviewer.openid, 'review.declare', { reviewId: task._id, version: task.version, noConflict: true });
    await h.as(reviewer.openid, 'review.submit', {
      reviewId: task._id,
      version: declared.version,
      scores: await scoresFor(h, application.programId, reviewer.share),
      comment: '方案可行，指标明确。',
    });
  }
  // Each score joined the application's running score: it has a newer version than the assignment answered.
  return reviewers.length ? current(h, secretary, underReview._id) : underReview;
}

export const REVIEWERS = {
  liu: { openid: OPENID.reviewer, userId: 'user-reviewer', share: 0.9 },
  zhao: { openid: OPENID.reviewerScu, userId: 'user-reviewer-scu', share: 0.8 },
  /** In the Suzhou 科协's pool, and the Xuzhou 科协's: each city assigns only its own experts. */
  shen: { openid: OPENID.reviewerSuzhou, userId: 'user-reviewer-suzhou', share: 0.9 },
  jiang: { openid: OPENID.reviewerXuzhou, userId: 'user-reviewer-xuzhou', share: 0.9 },
} as const;

/** From submitted to shortlisted, with two reviewers. */
export async function shortlisted(h: Harness, application: ApplicationView, secretary: string = OPENID.secretary) {
  const checked = await decided(h, application, 'passCheck', undefined, secretary);
  const underReview = await reviewed(h, checked, [REVIEWERS.liu, REVIEWERS.zhao], secretary);
  return decided(h, underReview, 'shortlist', undefined, secretary);
}

/** Opens the notice for everything shortlisted in the programme, moves the clock past its end and closes it. */
export async function publicizedAndClosed(h: Harness, programId = PROGRAM_ID, secretary: string = OPENID.secretary) {
  const { publicity } = await h.as(secretary, 'publicity.open', { programId, title: '拟立项项目公示', contact: '学会秘书处 028-00000000' });
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  const closing = await h.as(secretary, 'publicity.close', { publicityId: publicity._id });
  return { publicity, results: closing.outcomes, job: closing };
}

/** An award under way: through check, review, publicity and the approval notice. */
export async function implementingAward(h: Harness, openid: string = OPENID.structure): Promise<ApplicationView> {
  const application = await shortlisted(h, await submitted(h, openid));
  await publicizedAndClosed(h);
  return decided(h, await current(h, OPENID.secretary, application._id), 'issueNotice');
}

/** The applicant files the report its status asks for (mid-term, final or rectification). */
export async function reported(h: Harness, openid: string, application: ApplicationView, summary = '按计划完成各项工作。') {
  return h.as(openid, 'application.report', {
    requestId: requestId(),
    applicationId: application._id,
    version: application.version,
    summary,
    achievements: [],
    fileIds: [],
  });
}

/** From approved through 立项通知, the mid-term check (where the category has one) and the final report to acceptance. */
export async function acceptedFrom(h: Harness, openid: string, approved: ApplicationView, secretary: string = OPENID.secretary) {
  let step = await reported(h, openid, await decided(h, approved, 'issueNotice', undefined, secretary));
  if (step.status === 'midtermSubmitted') step = await reported(h, openid, await decided(h, step, 'passMidterm', undefined, secretary));
  return decided(h, step, 'accept', undefined, secretary);
}

/** Someone of the public objects to an entry of a notice (no sign-in); answers the server's reply. */
export function objectedTo(h: Harness, publicityId: string, applicationId: string, content: string, contactPhone = '13900000000') {
  return h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId,
    applicationId,
    content,
    contactName: '张会员',
    contactPhone,
  });
}

/** The secretariat handles the first objection lodged against a notice. */
export async function objectionHandled(h: Harness, publicityId: string, decision: 'upheld' | 'dismissed', note: string) {
  const [objection] = await h.as(OPENID.secretary, 'objection.list', { publicityId });
  if (!objection) throw new Error(`no objection to ${publicityId}`);
  return h.as(OPENID.secretary, 'objection.handle', { objectionId: objection._id, version: objection.version, decision, note });
}

export async function current(h: Harness, openid: string, applicationId: string): Promise<ApplicationView> {
  return (await h.as(openid, 'application.get', { applicationId })).application;
}

/** A unit and its contact, written straight into the store (what the secretariat would register). */
export async function addApplicant(
  h: Harness,
  unit: { id: string; name: string; kind?: 'society' | 'branch' | 'memberUnit'; societyId: string; profile?: Record<string, unknown> },
): Promise<string> {
  const stamp = { version: 1, createdAt: h.clock.now().toISOString(), updatedAt: h.clock.now().toISOString() };
  const openid = `test-${unit.id}`;
  await h.store.transaction(async (tx) => {
    await tx.create(
      'organizations',
      collections.organizations.parse({
        _id: unit.id,
        name: unit.name,
        kind: unit.kind ?? 'society',
        societyId: unit.societyId,
        profile: unit.profile ?? {},
        ...stamp,
      }),
    );
    await tx.create(
      'users',
      collections.users.parse({ _id: `user-${unit.id}`, openid, name: `${unit.name}联系人`, role: 'applicant', orgId: unit.id, ...stamp }),
    );
  });
  return openid;
}

/**
 * A complete application to any programme's form: every section, a budget within the category's award,
 * the tables the form asks for, a signature. Attachments need the saved draft: see requiredAttachments.
 */
export async function contentFor(h: Harness, programId: string, categoryKey: string, overrides: Partial<Content> = {}): Promise<Content> {
  const program = await h.deps.store.get('programs', programId);
  if (!program) throw new Error(`no programme ${programId}`);
  const category = program.categories.find((candidate) => candidate.key === categoryKey)!;
  return {
    categoryKey,
    subtypeKey: category.subtypes[0]?.key ?? null,
    servicePoint: category.servicePointRequired ? '铜山区某企业' : '',
    projectName: `${category.name}项目`,
    sections: Object.fromEntries(program.form.sections.map((section) => [section.key, `${section.title}：按通知要求认真组织实施。`])),
    budget: [{ item: '专家咨询费', amountFen: Math.min(category.awardAmountFen, 100_000), basis: '按标准' }],
    schedule: program.form.schedule
      ? [{ phase: '第一阶段', startsOn: `${program.year}-07-01`, endsOn: `${program.year}-09-30`, work: '组织实施', owner: '秘书长' }]
      : [],
    team: program.form.team?.required ? [{ name: '张三', age: 45, title: '教授', employer: '某大学', task: '项目负责人' }] : [],
    attachments: [],
    commitments: program.form.commitTargets
      ? floorCommitments(program)
      : program.form.indicatorCommitments
        ? [{ indicatorKey: 'published-results', amount: 1 }]
        : [],
    declaration: program.form.commitment ? { signerName: '法定代表人', agreed: true } : null,
    ...overrides,
  };
}

/** Creates the draft with contentFor and its required attachments (unless overridden), then submits it. */
export async function appliedTo(h: Harness, openid: string, programId: string, categoryKey: string, overrides: Partial<Content> = {}) {
  const created = await draftWithAttachments(h, openid, programId, categoryKey, overrides);
  return h
    .raw(openid, 'application.submit', { applicationId: created._id, version: created.version })
    .then((result) => ({ created, result }));
}

/** A saved draft from contentFor, with the form's required attachments uploaded into its slots (unless overridden). */
export async function draftWithAttachments(
  h: Harness,
  openid: string,
  programId: string,
  categoryKey: string,
  overrides: Partial<Content> = {},
) {
  const id = requestId();
  const content = await contentFor(h, programId, categoryKey, overrides);
  const created = await h.as(openid, 'application.create', { programId, requestId: id, content });
  const attachments = overrides.attachments ?? (await requiredAttachments(h, openid, created));
  if (attachments.length === 0) return created;
  return h.as(openid, 'application.save', { applicationId: created._id, version: created.version, content: { ...content, attachments } });
}

/** An expert in the province's pool (the demo has none), written straight into the store. */
export async function provincialReviewer(h: Harness): Promise<{ openid: string; userId: string; share: number }> {
  const stamp = { version: 1, createdAt: h.clock.now().toISOString(), updatedAt: h.clock.now().toISOString() };
  await h.store.transaction((tx) =>
    tx.create(
      'users',
      collections.users.parse({
        _id: 'user-reviewer-sast',
        openid: 'test-reviewer-sast',
        name: '钱教授（省科协评审专家）',
        role: 'reviewer',
        orgId: 'org-member-swjtu',
        poolOrgIds: ['org-sast'],
        ...stamp,
      }),
    ),
  );
  return { openid: 'test-reviewer-sast', userId: 'user-reviewer-sast', share: 0.9 };
}

/** Submitted, through the formal check and the experts' review, onto the shortlist. */
export async function shortlistedBy(
  h: Harness,
  contact: string,
  programId: string,
  categoryKey: string,
  secretary: string,
  reviewer: { openid: string; userId: string; share: number },
  overrides: Partial<Content> = {},
) {
  const { result } = await appliedTo(h, contact, programId, categoryKey, overrides);
  if (!result.ok) throw new Error(JSON.stringify(result));
  const checked = await decided(h, result.data as ApplicationView, 'passCheck', undefined, secretary);
  const underReview = await reviewed(h, checked, [reviewer], secretary);
  return decided(h, underReview, 'shortlist', undefined, secretary);
}

/** A claim on an award as a contact sends it: one result under 发布科技成果 unless the change says otherwise. */
export function claimInput(award: Pick<ApplicationView, '_id'>, change: Partial<ActionInput<'claim.add'>> = {}): ActionInput<'claim.add'> {
  return {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: '在天府科技云发布科技成果',
    fileIds: [],
    ...change,
  };
}
