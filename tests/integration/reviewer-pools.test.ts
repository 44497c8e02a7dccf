// Each organiser assigns only the experts in its own pool; the secretariat sees whom to call about an application.
import { OPENID, refusal, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, appliedTo, decided, submitted } from '../support/lifecycle';
import type { ApplicationView } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const XUZHOU = 'program-xuzhou-2022';

/** A Xuzhou society's application, past the formal check by the Xuzhou 科协. */
async function checkedInXuzhou(): Promise<ApplicationView> {
  h.clock.set('2022-05-20T10:00:00+08:00');
  const { result } = await appliedTo(h, OPENID.xzCivil, XUZHOU, 'tech-service');
  if (!result.ok) throw new Error(result.error.message);
  return decided(h, result.data as ApplicationView, 'passCheck', undefined, OPENID.secretaryXuzhou);
}

async function snapshot() {
  const store = h.deps.store;
  return {
    applications: await store.find('applications', {}),
    reviews: await store.find('reviews', {}),
    audit: await store.find('audit', {}),
  };
}

test('the Xuzhou secretariat is offered only Xuzhou experts, with its own unit’s expert recused', async () => {
  const application = await checkedInXuzhou();
  const candidates = await h.as(OPENID.secretaryXuzhou, 'review.candidates', { applicationId: application._id });
  expect(candidates.map((candidate) => [candidate.userId, candidate.excludedBecause === null])).toEqual(
    expect.arrayContaining([
      [REVIEWERS.jiang.userId, true],
      ['user-reviewer-xz-civil', false],
    ]),
  );
  expect(candidates).toHaveLength(2);
});

test('a Sichuan expert sent to a Xuzhou assignment is refused and nothing changes; a Xuzhou expert is assigned', async () => {
  const application = await checkedInXuzhou();
  const before = await snapshot();
  const assign = (reviewerIds: string[]) =>
    h.raw(OPENID.secretaryXuzhou, 'review.assign', { applicationId: application._id, version: application.version, reviewerIds });
  expect(refusal(await assign([REVIEWERS.liu.userId, REVIEWERS.jiang.userId]))).toEqual([
    'REVIEWER_NOT_IN_POOL',
    '该专家不在本项目组织单位的评审专家库中：刘教授（评审专家）',
  ]);
  expect(await snapshot()).toEqual(before);

  const assigned = await h.as(OPENID.secretaryXuzhou, 'review.assign', {
    applicationId: application._id,
    version: application.version,
    reviewerIds: [REVIEWERS.jiang.userId],
  });
  expect(assigned.assigned).toEqual([REVIEWERS.jiang.userId]);
  expect((await h.as(OPENID.reviewerXuzhou, 'review.mine', {})).items.map((review) => review.applicationId)).toEqual([application._id]);
});

test('the society is offered its own experts and not the city 科协s’', async () => {
  const application = await decided(h, await submitted(h, OPENID.design), 'passCheck');
  const candidates = await h.as(OPENID.secretary, 'review.candidates', { applicationId: application._id });
  expect(candidates.map((candidate) => candidate.userId).sort()).toEqual(['user-reviewer', 'user-reviewer-scu', 'user-reviewer-structure']);
  expect(
    await h.refused(OPENID.secretary, 'review.assign', {
      applicationId: application._id,
      version: application.version,
      reviewerIds: ['user-reviewer-suzhou'],
    }),
  ).toBe('REVIEWER_NOT_IN_POOL');
});

test('an expert recorded before pools existed is in the pool of the organiser of the unit they work for', async () => {
  await h.deps.store.transaction(async (tx) => {
    const liu = await tx.get('users', REVIEWERS.liu.userId);
    const { poolOrgIds: _dropped, ...older } = liu!;
    await tx.replace('users', { ...older, version: liu!.version + 1 }, liu!.version);
  });
  const application = await decided(h, await submitted(h, OPENID.design), 'passCheck');
  const candidates = await h.as(OPENID.secretary, 'review.candidates', { applicationId: application._id });
  expect(candidates.map((candidate) => candidate.userId)).toContain(REVIEWERS.liu.userId);
  expect(await h.refused(OPENID.secretaryXuzhou, 'review.candidates', { applicationId: application._id })).toBe('NOT_FOUND');
});

test('the secretariat sees the applicant contact’s name and phone; the applicant and a reviewer see no contact', async () => {
  const application = await decided(h, await submitted(h, OPENID.design), 'passCheck');
  expect((await h.as(OPENID.secretary, 'application.get', { applicationId: application._id })).contact).toEqual({
    name: '张主任（省建院）',
    phone: '13800000003',
  });
  expect((await h.as(OPENID.design, 'application.get', { applicationId: application._id })).contact).toBeNull();
  await h.as(OPENID.secretary, 'review.assign', {
    applicationId: application._id,
    version: application.version,
    reviewerIds: [REVIEWERS.liu.userId],
  });
  const asReviewer = await h.raw(OPENID.reviewer, 'application.get', { applicationId: application._id });
  expect(JSON.stringify(asReviewer)).not.toContain('13800000003');
  const [task] = (await h.as(OPENID.reviewer, 'review.mine', {})).items;
  await h.as(OPENID.reviewer, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true });
  expect(JSON.stringify(await h.as(OPENID.reviewer, 'review.open', { reviewId: task!._id }))).not.toContain('13800000003');
});
