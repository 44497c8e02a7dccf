// What an expert may and must do: review blind to the other experts until the ranking is published, step back on
// a conflict (the secretariat is told and may not assign the same expert again), and score by the review deadline.
import { OPENID, PROGRAM_ID, refusal, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, current, decided, scoresFor, submitted, taskFor } from '../support/lifecycle';
import type { ApplicationView } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function nameOf(userId: string): Promise<string> {
  const user = await h.store.get('users', userId);
  if (!user) throw new Error(`no user ${userId}`);
  return user.name;
}

/** Both experts assigned to a checked application; returns it under review. */
async function underReviewByBoth(): Promise<ApplicationView> {
  const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  const { application } = await h.as(OPENID.secretary, 'review.assign', {
    applicationId: checked._id,
    version: checked.version,
    reviewerIds: [REVIEWERS.liu.userId, REVIEWERS.zhao.userId],
  });
  return application;
}

async function scoredBy(reviewer: { openid: string; share: number }, applicationId: string) {
  const task = (await taskFor(h, reviewer.openid, applicationId))!;
  const declared = await h.as(reviewer.openid, 'review.declare', { reviewId: task._id, version: task.version, noConflict: true });
  return h.as(reviewer.openid, 'review.submit', {
    reviewId: task._id,
    version: declared.version,
    scores: await scoresFor(h, PROGRAM_ID, reviewer.share),
    comment: '方案可行，指标明确。',
  });
}

describe('experts review blind until the ranking is published', () => {
  test('no answer an expert gets names the other expert or carries their id before the shortlist; after it, the names show', async () => {
    const application = await underReviewByBoth();
    const zhaoName = await nameOf(REVIEWERS.zhao.userId);
    const liuName = await nameOf(REVIEWERS.liu.userId);
    await scoredBy(REVIEWERS.zhao, application._id);
    const liuTask = await scoredBy(REVIEWERS.liu, application._id);

    const answers = [
      await h.as(REVIEWERS.liu.openid, 'review.mine', {}),
      await h.as(REVIEWERS.liu.openid, 'review.open', { reviewId: liuTask._id }),
    ];
    for (const answer of answers) {
      const text = JSON.stringify(answer);
      expect(text).not.toContain(zhaoName);
      expect(text).not.toContain(REVIEWERS.zhao.userId);
      expect(text).not.toContain(REVIEWERS.zhao.openid);
    }
    const opened = await h.as(REVIEWERS.liu.openid, 'review.open', { reviewId: liuTask._id });
    // The other expert's score is there, under a stand-in name.
    expect(opened.otherReviews.map((review) => [review.reviewerName, review.total])).toEqual([['专家A', 80]]);
    expect(opened.review.reviewerName).toBe(liuName);
    // Staff always see who scored what.
    const staff = await h.as(OPENID.secretary, 'application.get', { applicationId: application._id });
    expect(staff.reviews.map((review) => review.reviewerName).sort()).toEqual([liuName, zhaoName].sort());

    await decided(h, await current(h, OPENID.secretary, application._id), 'shortlist');
    const published = await h.as(REVIEWERS.liu.openid, 'review.open', { reviewId: liuTask._id });
    expect(published.otherReviews.map((review) => [review.reviewerName, review.reviewerId])).toEqual([[zhaoName, REVIEWERS.zhao.userId]]);
  });
});

describe('an expert declares a conflict and steps back', () => {
  test('the task is withdrawn with the reason, audited, the secretariat is told, and the expert is not offered again', async () => {
    const application = await underReviewByBoth();
    const task = (await taskFor(h, REVIEWERS.zhao.openid, application._id))!;
    const reason = '本人曾与该项目负责人合作发表论文';

    const recused = await h.as(REVIEWERS.zhao.openid, 'review.recuse', { reviewId: task._id, version: task.version, reason });
    expect(recused.status).toBe('withdrawn');
    expect(recused.withdrawal).toMatchObject({ by: 'reviewer', reason });

    // Gone from the expert's list; opening or scoring it says they stepped back.
    expect((await h.as(REVIEWERS.zhao.openid, 'review.mine', {})).items).toEqual([]);
    expect(refusal(await h.raw(REVIEWERS.zhao.openid, 'review.open', { reviewId: task._id }))?.[0]).toBe('REVIEW_RECUSED');

    const audit = await h.store.find('audit', { entity: 'review', entityId: task._id, action: 'recuse' });
    expect(audit.map((entry) => [entry.from, entry.to, entry.reason, entry.actorId])).toEqual([
      ['assigned', 'withdrawn', reason, REVIEWERS.zhao.userId],
    ]);
    const detail = await h.as(OPENID.secretary, 'application.get', { applicationId: application._id });
    expect(detail.application.version).toBe(application.version + 1);
    expect(detail.audit.find((entry) => entry.action === 'reviewerRecused')?.reason).toContain(reason);
    expect(detail.reviews.find((review) => review.reviewerId === REVIEWERS.zhao.userId)?.withdrawal?.reason).toBe(reason);

    const messages = await h.as(OPENID.secretary, 'notification.list', {});
    const told = messages.items.find((message) => message.title.startsWith('专家申请回避'));
    expect(told?.body).toContain('请另行分配专家');
    expect(told?.page).toBe(`/admin/pages/detail/index?id=${application._id}`);

    const candidates = await h.as(OPENID.secretary, 'review.candidates', { applicationId: application._id });
    expect(candidates.find((candidate) => candidate.userId === REVIEWERS.zhao.userId)?.excludedBecause).toContain('声明利益冲突');
    const again = await h.raw(OPENID.secretary, 'review.assign', {
      applicationId: application._id,
      version: detail.application.version,
      reviewerIds: [REVIEWERS.zhao.userId],
    });
    expect(refusal(again)?.[0]).toBe('CONFLICT_OF_INTEREST');
  });

  test('a submitted score cannot be stepped back from, and a stale version changes nothing', async () => {
    const application = await underReviewByBoth();
    const scored = await scoredBy(REVIEWERS.liu, application._id);
    expect(
      await h.refused(REVIEWERS.liu.openid, 'review.recuse', { reviewId: scored._id, version: scored.version, reason: '利益相关' }),
    ).toBe('TRANSITION_NOT_ALLOWED');
    const task = (await taskFor(h, REVIEWERS.zhao.openid, application._id))!;
    const before = await h.store.find('audit', {});
    expect(
      await h.refused(REVIEWERS.zhao.openid, 'review.recuse', { reviewId: task._id, version: task.version + 5, reason: '利益相关' }),
    ).toBe('CONFLICT');
    expect(await h.store.find('audit', {})).toHaveLength(before.length);
    expect((await h.store.get('reviews', task._id))?.status).toBe('assigned');
  });
});

describe('the review deadline', () => {
  test('is shown with each task and enforced: no declaring or scoring after it', async () => {
    const program = (await h.store.get('programs', PROGRAM_ID))!;
    const dueAt = '2023-07-10T23:59:59+08:00';
    await h.store.transaction((tx) =>
      tx.replace('programs', { ...program, reviewDueAt: dueAt, version: program.version + 1 }, program.version),
    );
    const application = await underReviewByBoth();
    const [assignedMessage] = (await h.as(REVIEWERS.liu.openid, 'notification.list', {})).items;
    expect(assignedMessage?.body).toContain('请于2023年7月10日 23:59前完成评审');

    const task = (await taskFor(h, REVIEWERS.liu.openid, application._id))!;
    expect(task.dueAt).toBe(dueAt);
    const declared = await h.as(REVIEWERS.liu.openid, 'review.declare', { reviewId: task._id, version: task.version, noConflict: true });

    h.clock.set('2023-07-11T00:00:01+08:00');
    const late = await h.raw(REVIEWERS.liu.openid, 'review.submit', {
      reviewId: task._id,
      version: declared.version,
      scores: await scoresFor(h, PROGRAM_ID, 0.9),
      comment: '方案可行。',
    });
    expect(refusal(late)).toEqual(['REVIEW_CLOSED', '评审已截止：评审截止时间为2023年7月10日 23:59，如需延期请联系秘书处']);
    expect((await h.store.get('reviews', task._id))?.status).toBe('declared');
    const zhaoTask = (await taskFor(h, REVIEWERS.zhao.openid, application._id))!;
    expect(
      await h.refused(REVIEWERS.zhao.openid, 'review.declare', { reviewId: zhaoTask._id, version: zhaoTask.version, noConflict: true }),
    ).toBe('REVIEW_CLOSED');
  });
});
