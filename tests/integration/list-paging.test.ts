// The staff and reviewer lists page with a cursor (cloudfunctions/api/src/list-pages.ts states its guarantee): pages
// of the queue join with no overlap and no gap, a decision between two pages neither repeats nor drops an item,
// the ranking's ranks run on across pages, and an expert's tasks come newest first.
import type { ApplicationSummaryView, ApplicationView } from '@/core/schemas/actions';
import { DURING_CALL, OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, decided, reviewed, submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Applications submitted one a minute, so the queue's order (oldest submission first) is theirs. */
async function submittedInTurn(count: number): Promise<ApplicationView[]> {
  const start = new Date(DURING_CALL).getTime();
  const made: ApplicationView[] = [];
  for (let index = 0; index < count; index += 1) {
    h.clock.set(new Date(start + index * 60_000).toISOString());
    made.push(await submitted(h, index % 2 ? OPENID.structure : OPENID.academic));
  }
  return made;
}

async function queuePage(cursor: string | null, limit: number) {
  return h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID, stage: 'check', cursor, limit });
}

const ids = (items: readonly { _id: string }[]) => items.map((item) => item._id);

test('the queue pages through more applications than one page holds, oldest submission first, with no overlap or gap', async () => {
  const made = await submittedInTurn(12);
  const first = await queuePage(null, 5);
  const second = await queuePage(first.nextCursor, 5);
  const third = await queuePage(second.nextCursor, 5);
  expect([first.items.length, second.items.length, third.items.length]).toEqual([5, 5, 2]);
  expect([first.nextCursor, second.nextCursor].every((cursor) => typeof cursor === 'string')).toBe(true);
  expect(third.nextCursor).toBeNull();
  expect([...ids(first.items), ...ids(second.items), ...ids(third.items)]).toEqual(ids(made));
  // Every page says how many the whole queue holds, from the programme's running counts (the tab shows it).
  expect([first.total, second.total, third.total]).toEqual([12, 12, 12]);
  // A summary: what the row shows and the decisions it offers, not the content.
  const row: ApplicationSummaryView = first.items[0]!;
  expect(row).toMatchObject({ projectName: made[0]!.projectName, orgName: made[0]!.orgName, categoryName: '培育奖励', stage: 'check' });
  expect(row.availableActions).toContain('passCheck');
  expect(row).not.toHaveProperty('sections');
  expect(row).not.toHaveProperty('budget');
  // A page as large as the list answers it whole, with no cursor to follow.
  const whole = await queuePage(null, 100);
  expect(ids(whole.items)).toEqual(ids(made));
  expect(whole.nextCursor).toBeNull();
});

test('a decision between two pages neither repeats nor drops an application; one submitted meanwhile comes at the end', async () => {
  const made = await submittedInTurn(9);
  const first = await queuePage(null, 4);
  expect(ids(first.items)).toEqual(ids(made.slice(0, 4)));
  // Two applications already seen leave the 形式审查 stage, and one not yet seen leaves it too.
  for (const application of [made[0]!, made[2]!, made[6]!]) await decided(h, application, 'passCheck');
  h.clock.set('2023-07-04T09:00:00+08:00');
  const late = await submitted(h, OPENID.structure);
  const second = await queuePage(first.nextCursor, 4);
  const third = await queuePage(second.nextCursor, 4);
  const seen = [...ids(first.items), ...ids(second.items), ...ids(third.items)];
  // Every application still in the stage, once each; the one that left before it was reached is not shown.
  expect(seen).toEqual([...ids(made.slice(0, 4)), made[4]!._id, made[5]!._id, made[7]!._id, made[8]!._id, late._id]);
  expect(new Set(seen).size).toBe(seen.length);
  expect(third.nextCursor).toBeNull();
});

test('a cursor that is not one the server gave is refused with a clear message', async () => {
  await submittedInTurn(2);
  const result = await h.raw(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID, cursor: 'not-a-cursor', limit: 1 });
  expect(result.ok ? null : [result.error.code, result.error.message]).toEqual(['INVALID_INPUT', '输入有误：翻页位置无效，请刷新列表']);
});

test('the ranking sorts on the mean score kept on the application and numbers ranks on across pages, ties sharing one', async () => {
  const shares = [0.7, 0.9, 0.8, 0.8];
  const scored: ApplicationView[] = [];
  for (const share of shares) {
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    scored.push(await reviewed(h, checked, [{ ...REVIEWERS.liu, share }]));
  }
  // An application under review with no score yet ranks last, unranked.
  const unscored = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
  const stored = await h.store.get('applications', scored[1]!._id);
  expect(stored).toMatchObject({ reviewScores: { submitted: 1, sum: 90 }, rankScore: 90 });

  const first = await h.as(OPENID.secretary, 'review.ranking', { programId: PROGRAM_ID, limit: 2 });
  const second = await h.as(OPENID.secretary, 'review.ranking', { programId: PROGRAM_ID, cursor: first.nextCursor, limit: 2 });
  const third = await h.as(OPENID.secretary, 'review.ranking', { programId: PROGRAM_ID, cursor: second.nextCursor, limit: 2 });
  const rows = [...first.items, ...second.items, ...third.items];
  expect(rows.map((row) => [row.mean, row.rank])).toEqual([
    [90, 1],
    [80, 2],
    [80, 2],
    [70, 4],
    [null, null],
  ]);
  expect(rows.map((row) => row.applicationId)).toContain(unscored._id);
  expect(rows.slice(0, 4).map((row) => [row.assigned, row.submitted])).toEqual(Array(4).fill([1, 1]));
  expect(third.nextCursor).toBeNull();
  expect(first.categories.map((category) => category.key)).toEqual(['award']);
});

test("an expert's tasks come newest first, a page at a time", async () => {
  const assigned: string[] = [];
  for (let index = 0; index < 3; index += 1) {
    h.clock.set(new Date(new Date(DURING_CALL).getTime() + index * 60_000).toISOString());
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    await h.as(OPENID.secretary, 'review.assign', {
      applicationId: checked._id,
      version: checked.version,
      reviewerIds: [REVIEWERS.liu.userId],
    });
    assigned.push(checked._id);
  }
  const first = await h.as(OPENID.reviewer, 'review.mine', { limit: 2 });
  const second = await h.as(OPENID.reviewer, 'review.mine', { cursor: first.nextCursor, limit: 2 });
  expect([...first.items, ...second.items].map((task) => task.applicationId)).toEqual([...assigned].reverse());
  expect(second.nextCursor).toBeNull();
  expect(first.items[0]).toMatchObject({ orgName: '建筑结构专业委员会', categoryName: '培育奖励', status: 'assigned' });
});
