// Formal check, review, shortlist, publicity, approval when the notice ends, and the approval notice, over the api,
// for e2e files that test what comes after: the lifecycle test takes every one of these steps through the screens.
import { apiAs } from './api';
import type { LocalStack } from './stack';

const PROGRAM_ID = 'program-sichuan-civil-2023';

/** Takes a submitted application of the demo programme (opened on 3 July 2023) to implementation. */
export async function awardOverApi(stack: Pick<LocalStack, 'url' | 'setClock'>, applicationId: string): Promise<void> {
  const secretary = await apiAs(stack.url, 'user-secretary');
  const current = async () => (await secretary('application.get', { applicationId })).application;
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'passCheck' });
  await secretary('review.assign', {
    applicationId,
    version: (await current()).version,
    reviewerIds: ['user-reviewer', 'user-reviewer-scu'],
  });
  for (const reviewerId of ['user-reviewer', 'user-reviewer-scu']) {
    const reviewer = await apiAs(stack.url, reviewerId);
    const [assigned] = await reviewer('review.mine', {});
    const declared = await reviewer('review.declare', { reviewId: assigned._id, version: assigned.version, noConflict: true });
    const { program } = await reviewer('review.open', { reviewId: assigned._id });
    await reviewer('review.submit', {
      reviewId: declared._id,
      version: declared.version,
      scores: program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: 85 })),
      comment: '科普对象明确，措施可行。',
    });
  }
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'shortlist' });
  await secretary('publicity.open', { programId: PROGRAM_ID, title: '拟立项项目公示', contact: '学会秘书处 028-12345678' });
  // The notice runs 3–7 July; on Monday 10 July the timer closes it into approval.
  await expect(stack.setClock('2023-07-10T09:00:00+08:00')).resolves.toMatchObject({ closedPublicities: 1 });
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'issueNotice' });
  expect((await current()).status).toBe('implementing');
}
