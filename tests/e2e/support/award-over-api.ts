// Formal check, review, shortlist, publicity, approval when the notice ends, and the approval notice, over the api,
// for e2e files that test what comes after: the lifecycle test takes every one of these steps through the screens.
import { apiAs } from './api';
import type { LocalStack } from './stack';

const PROGRAM_ID = 'program-sichuan-civil-2023';

/**
 * 李工's application for 建筑结构抗震科普进社区 (3,000 yuan award, 3 results committed), created and submitted over the
 * api; or another contact's, under another name.
 */
export async function submittedOverApi(
  stack: Pick<LocalStack, 'url'>,
  requestId: string,
  by: { userId: string; projectName: string } = { userId: 'user-contact-structure', projectName: '建筑结构抗震科普进社区' },
): Promise<string> {
  const contact = await apiAs(stack.url, by.userId);
  const created = await contact('application.create', {
    programId: PROGRAM_ID,
    requestId,
    content: {
      categoryKey: 'award',
      projectName: by.projectName,
      sections: { plan: '开展抗震科普讲座3场，发布科技成果3项。' },
      budget: [{ item: '专家劳务', amountFen: 150_000, basis: '3场×500元' }],
      commitments: [{ indicatorKey: 'published-results', amount: 3 }],
      declaration: { signerName: '李工', agreed: true },
    },
  });
  await contact('application.submit', { applicationId: created._id, version: created.version });
  return created._id;
}

/** Takes a submitted application of the demo programme (opened on 3 July 2023) to implementation. */
/** An assigned expert declares no conflict and scores the application 85 on every criterion, over the api. */
export async function scoredOverApi(stack: Pick<LocalStack, 'url'>, reviewerId: string, applicationId: string): Promise<void> {
  const reviewer = await apiAs(stack.url, reviewerId);
  const task = (await reviewer('review.mine', {})).items.find((item) => item.applicationId === applicationId)!;
  const declared = await reviewer('review.declare', { reviewId: task._id, version: task.version, noConflict: true });
  const { program } = await reviewer('review.open', { reviewId: task._id });
  await reviewer('review.submit', {
    reviewId: declared._id,
    version: declared.version,
    scores: program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: 85 })),
    comment: '科普对象明确，措施可行。',
  });
}

export async function awardOverApi(stack: Pick<LocalStack, 'url' | 'setClock'>, applicationId: string): Promise<void> {
  const secretary = await apiAs(stack.url, 'user-secretary');
  const current = async () => (await secretary('application.get', { applicationId })).application;
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'passCheck' });
  await secretary('review.assign', {
    applicationId,
    version: (await current()).version,
    reviewerIds: ['user-reviewer', 'user-reviewer-scu'],
  });
  for (const reviewerId of ['user-reviewer', 'user-reviewer-scu']) await scoredOverApi(stack, reviewerId, applicationId);
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'shortlist' });
  await secretary('publicity.open', { programId: PROGRAM_ID, title: '拟立项项目公示', contact: '学会秘书处 028-12345678' });
  // The notice runs 3–7 July; on Monday 10 July the timer closes it into approval.
  await expect(stack.setClock('2023-07-10T09:00:00+08:00')).resolves.toMatchObject({ closedPublicities: 1 });
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'issueNotice' });
  expect((await current()).status).toBe('implementing');
}
