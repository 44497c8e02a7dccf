// Steps of the award lifecycle through the api, for tests that need an application at some later stage.
import type { ActionInput, ApplicationView } from '@/core/schemas/actions';
import { OPENID, PROGRAM_ID, completeContent, requestId, type Harness } from './harness';

type Content = ActionInput<'application.create'>['content'];

export async function submitted(h: Harness, openid: string, content: Content = completeContent(), programId = PROGRAM_ID): Promise<ApplicationView> {
  const created = await h.as(openid, 'application.create', { programId, requestId: requestId(), content });
  return h.as(openid, 'application.submit', { applicationId: created._id, version: created.version });
}

export async function decided(h: Harness, application: ApplicationView, decision: ActionInput<'application.decide'>['decision'], reason?: string, secretary: string = OPENID.secretary) {
  return h.as(secretary, 'application.decide', { applicationId: application._id, version: application.version, decision, reason });
}

/** Full marks on every criterion of the programme, scaled by `share` (0–1). */
export async function scoresFor(h: Harness, programId: string, share: number) {
  const program = await h.as(OPENID.secretary, 'program.get', { programId });
  return program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: Math.round(criterion.maxScore * share) }));
}

/** Assigns the reviewers, each declares no conflict and scores; returns the application after assignment. */
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
    const [task] = (await h.as(reviewer.openid, 'review.mine', {})).filter((review) => review.applicationId === application._id);
    if (!task) throw new Error(`no review task for ${reviewer.openid}`);
    const declared = await h.as(reviewer.openid, 'review.declare', { reviewId: task._id, version: task.version, noConflict: true });
    await h.as(reviewer.openid, 'review.submit', {
      reviewId: task._id,
      version: declared.version,
      scores: await scoresFor(h, application.programId, reviewer.share),
      comment: '方案可行，指标明确。',
    });
  }
  return underReview;
}

export const REVIEWERS = {
  liu: { openid: OPENID.reviewer, userId: 'user-reviewer', share: 0.9 },
  zhao: { openid: OPENID.reviewerScu, userId: 'user-reviewer-scu', share: 0.8 },
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
  const results = await h.as(secretary, 'publicity.close', { publicityId: publicity._id });
  return { publicity, results };
}

export async function current(h: Harness, openid: string, applicationId: string): Promise<ApplicationView> {
  return (await h.as(openid, 'application.get', { applicationId })).application;
}
