// An expert who never scores does not block the shortlist: the secretariat running the programme withdraws the
// assignment with a reason; a submitted score stays, another organiser cannot touch it, and the expert loses the task.
import { OPENID, PROGRAM_ID, refusal, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, current, decided, reviewed, scoresFor, submitted, tryShortlist } from '../support/lifecycle';
import type { ApplicationView, ReviewView } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const shortlist = (application: ApplicationView) => tryShortlist(h, application);

async function detail(applicationId: string) {
  return h.as(OPENID.secretary, 'application.get', { applicationId });
}

async function reviewOf(applicationId: string, reviewerId: string): Promise<ReviewView> {
  const review = (await detail(applicationId)).reviews.find((candidate) => candidate.reviewerId === reviewerId);
  if (!review) throw new Error(`no review by ${reviewerId}`);
  return review;
}

async function snapshot() {
  return {
    reviews: await h.store.find('reviews', {}),
    applications: await h.store.find('applications', {}),
    audit: await h.store.find('audit', {}),
  };
}

/** Liu scores, Zhao stays silent: the application is under review with one score missing. */
async function oneExpertSilent() {
  const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  await reviewed(h, checked, [REVIEWERS.liu]);
  const seen = await current(h, OPENID.secretary, checked._id);
  const { application } = await h.as(OPENID.secretary, 'review.assign', {
    applicationId: seen._id,
    version: seen.version,
    reviewerIds: [REVIEWERS.zhao.userId],
  });
  return application;
}

test('withdrawing the silent expert lets the shortlist through; a shortlist judged before it is stale', async () => {
  const underReview = await oneExpertSilent();
  expect(refusal(await shortlist(underReview))?.[0]).toBe('REVIEWS_INCOMPLETE');
  const silent = await reviewOf(underReview._id, REVIEWERS.zhao.userId);

  const { application, review } = await h.as(OPENID.secretary, 'review.unassign', {
    reviewId: silent._id,
    version: silent.version,
    reason: '两周未评分，联系不上',
  });
  expect(review.status).toBe('withdrawn');
  expect(application.version).toBe(underReview.version + 1);
  expect(refusal(await shortlist(underReview))?.[0]).toBe('CONFLICT');

  const audit = (await detail(underReview._id)).audit;
  expect(audit.find((entry) => entry.action === 'unassignReviewer')?.reason).toBe(
    '撤回评审专家：赵教授（评审专家）（两周未评分，联系不上）',
  );
  const reviewAudit = await h.store.find('audit', { entity: 'review', entityId: silent._id, action: 'unassign' });
  expect(reviewAudit.map((entry) => [entry.from, entry.to, entry.reason])).toEqual([['assigned', 'withdrawn', '两周未评分，联系不上']]);

  const ranking = await h.as(OPENID.secretary, 'review.ranking', { programId: PROGRAM_ID });
  const row = ranking.items.find((candidate) => candidate.applicationId === underReview._id);
  expect([row?.assigned, row?.submitted]).toEqual([1, 1]);

  const done = await shortlist(application);
  expect(done.ok && (done.data as ApplicationView).status).toBe('shortlisted');
});

test('the expert no longer sees the task, cannot open, declare or score it, and is told so', async () => {
  const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  await h.as(OPENID.secretary, 'review.assign', {
    applicationId: checked._id,
    version: checked.version,
    reviewerIds: [REVIEWERS.liu.userId, REVIEWERS.zhao.userId],
  });
  const [task] = (await h.as(REVIEWERS.zhao.openid, 'review.mine', {})).items;
  const declared = await h.as(REVIEWERS.zhao.openid, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true });
  const fileId = await h.files.write(`evidence/${checked._id}/site.jpg`, Buffer.from('jpeg bytes'));
  await h.as(REVIEWERS.zhao.openid, 'file.link', { fileId });
  // The longest reason allowed still fits the expert's message.
  const reason = '专家出差无法按期评审。'.repeat(50).slice(0, 500);
  await h.as(OPENID.secretary, 'review.unassign', { reviewId: declared._id, version: declared.version, reason });

  expect((await h.as(REVIEWERS.zhao.openid, 'review.mine', {})).items).toEqual([]);
  expect(await h.refused(REVIEWERS.zhao.openid, 'file.link', { fileId })).toBe('NOT_FOUND');
  expect(refusal(await h.raw(REVIEWERS.zhao.openid, 'review.open', { reviewId: task!._id }))).toEqual([
    'REVIEW_WITHDRAWN',
    '该评审任务已被秘书处撤回',
  ]);
  expect(await h.refused(REVIEWERS.zhao.openid, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true })).toBe(
    'REVIEW_WITHDRAWN',
  );
  const scoring = {
    reviewId: task!._id,
    version: declared.version + 1,
    scores: await scoresFor(h, PROGRAM_ID, 0.8),
    comment: '可行。',
  };
  expect(await h.refused(REVIEWERS.zhao.openid, 'review.submit', scoring)).toBe('REVIEW_WITHDRAWN');
  expect((await reviewOf(checked._id, REVIEWERS.zhao.userId)).total).toBeNull();
  const messages = await h.as(REVIEWERS.zhao.openid, 'notification.list', {});
  expect(messages.items.map((message) => message.title)).toContain('评审任务已撤回：建筑结构抗震科普进社区');
  // The other expert's task is untouched.
  expect((await h.as(REVIEWERS.liu.openid, 'review.mine', {})).items.map((review) => review.status)).toEqual(['assigned']);
});

test('the same expert can be assigned again, starts over, and is awaited again', async () => {
  const underReview = await oneExpertSilent();
  const silent = await reviewOf(underReview._id, REVIEWERS.zhao.userId);
  const { application } = await h.as(OPENID.secretary, 'review.unassign', {
    reviewId: silent._id,
    version: silent.version,
    reason: '暂缓',
  });
  const candidates = await h.as(OPENID.secretary, 'review.candidates', { applicationId: underReview._id });
  expect(candidates.find((candidate) => candidate.userId === REVIEWERS.zhao.userId)?.assigned).toBe(false);

  const again = await h.as(OPENID.secretary, 'review.assign', {
    applicationId: application._id,
    version: application.version,
    reviewerIds: [REVIEWERS.zhao.userId],
  });
  expect(again.assigned).toEqual([REVIEWERS.zhao.userId]);
  const [task] = (await h.as(REVIEWERS.zhao.openid, 'review.mine', {})).items;
  expect([task?._id, task?.status, task?.declaredAt]).toEqual([silent._id, 'assigned', null]);
  expect(refusal(await shortlist(again.application))).toEqual(['REVIEWS_INCOMPLETE', '尚有专家未提交评分：赵教授（评审专家）尚未提交评分']);
});

test('a submitted review cannot be withdrawn, and nothing changes', async () => {
  const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  await reviewed(h, checked, [REVIEWERS.liu]);
  const scored = await reviewOf(checked._id, REVIEWERS.liu.userId);
  const before = await snapshot();
  expect(
    refusal(await h.raw(OPENID.secretary, 'review.unassign', { reviewId: scored._id, version: scored.version, reason: '分数偏高' })),
  ).toEqual(['TRANSITION_NOT_ALLOWED', '当前状态下不能执行该操作：刘教授（评审专家）已提交评分，不能撤回']);
  expect(await snapshot()).toEqual(before);
});

test('only the running secretariat may withdraw, with a reason; others are refused and nothing changes', async () => {
  const underReview = await oneExpertSilent();
  const silent = await reviewOf(underReview._id, REVIEWERS.zhao.userId);
  const input = { reviewId: silent._id, version: silent.version, reason: '未评分' };
  const before = await snapshot();
  expect(await h.refused(OPENID.secretarySast, 'review.unassign', input)).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.secretaryXuzhou, 'review.unassign', input)).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.structure, 'review.unassign', input)).toBe('FORBIDDEN');
  expect(await h.refused(REVIEWERS.zhao.openid, 'review.unassign', input)).toBe('FORBIDDEN');
  expect(await h.refused(null, 'review.unassign', input)).toBe('UNAUTHENTICATED');
  expect(refusal(await h.raw(OPENID.secretary, 'review.unassign', { ...input, reason: ' \u202E ' }))?.[0]).toBe('INVALID_INPUT');
  expect(await h.refused(OPENID.secretary, 'review.unassign', { ...input, version: silent.version - 1 })).toBe('CONFLICT');
  expect(await snapshot()).toEqual(before);
});
