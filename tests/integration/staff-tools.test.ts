// The secretariat's tools for many applications (issue 12, deliver 3 and 4): an action that cannot be taken yet
// says why and from when, and the same experts are assigned to many applications in one call, recusal per item.
import { OPENID, PROGRAM_ID, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, claimInput, current, decided, implementingAward, shortlisted, submitted } from '../support/lifecycle';
import { formatShanghaiDate } from '@/core/calendar/shanghai';
import type { ActionInput } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function checkPassed(openid: string) {
  return decided(h, await submitted(h, openid), 'passCheck');
}

describe('blocked decisions on the staff detail', () => {
  test('during the notice 批准立项 is offered but blocked, with the day the notice ends and that the system approves then', async () => {
    const application = await shortlisted(h, await submitted(h, OPENID.structure));
    const { publicity } = await h.as(OPENID.secretary, 'publicity.open', {
      programId: PROGRAM_ID,
      title: '拟立项项目公示',
      contact: '学会秘书处',
    });
    const detail = await h.as(OPENID.secretary, 'application.get', { applicationId: application._id });
    expect(detail.application.availableActions).toContain('approve');
    const day = formatShanghaiDate(publicity.endsAt, { sameYearAs: detail.program.serverNow });
    expect(detail.blocked).toEqual([
      { action: 'approve', reason: `${day}起可批准立项，届时系统自动批准立项`, opensAt: publicity.endsAt, automatic: true },
    ]);
    // The reason is the same rule the decision itself is refused by.
    const seen = await current(h, OPENID.secretary, application._id);
    expect(
      await h.refused(OPENID.secretary, 'application.decide', { applicationId: seen._id, version: seen.version, decision: 'approve' }),
    ).toBe('PUBLICITY_NOT_ENDED');

    h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
    const after = await h.as(OPENID.secretary, 'application.get', { applicationId: application._id });
    expect(after.blocked).toEqual([]);
  });

  test('an applicant is never told the staff side of it', async () => {
    const application = await submitted(h, OPENID.structure);
    expect((await h.as(OPENID.structure, 'application.get', { applicationId: application._id })).blocked).toEqual([]);
  });
});

describe('review.assignMany', () => {
  test('assigns the same experts to each application, moving each into review, with an audit entry each', async () => {
    const first = await checkPassed(OPENID.structure);
    const second = await checkPassed(OPENID.academic);
    const { results } = await h.as(OPENID.secretary, 'review.assignMany', {
      programId: PROGRAM_ID,
      items: [first, second].map((application) => ({ applicationId: application._id, version: application.version })),
      reviewerIds: [REVIEWERS.liu.userId, REVIEWERS.zhao.userId],
    });
    expect(results.map((result) => [result.applicationId, result.ok, result.assigned.sort()])).toEqual([
      [first._id, true, [REVIEWERS.liu.userId, REVIEWERS.zhao.userId].sort()],
      [second._id, true, [REVIEWERS.liu.userId, REVIEWERS.zhao.userId].sort()],
    ]);
    for (const application of [first, second]) {
      expect((await current(h, OPENID.secretary, application._id)).status).toBe('underReview');
      const reviews = await h.store.find('reviews', { applicationId: application._id });
      expect(reviews.map((review) => review.reviewerId).sort()).toEqual([REVIEWERS.liu.userId, REVIEWERS.zhao.userId].sort());
      const audit = await h.store.find('audit', { entity: 'application', entityId: application._id, action: 'startReview' });
      expect(audit).toHaveLength(1);
    }
  });

  test('recusal applies per application: the expert of the applicant unit is left out there only', async () => {
    const structure = await checkPassed(OPENID.structure);
    const academic = await checkPassed(OPENID.academic);
    const { results } = await h.as(OPENID.secretary, 'review.assignMany', {
      programId: PROGRAM_ID,
      items: [structure, academic].map((application) => ({ applicationId: application._id, version: application.version })),
      reviewerIds: [REVIEWERS.liu.userId, 'user-reviewer-structure'],
    });
    const [onStructure, onAcademic] = results;
    expect(onStructure.ok).toBe(true);
    expect(onStructure.assigned).toEqual([REVIEWERS.liu.userId]);
    expect(onStructure.excluded.map((item) => item.userId)).toEqual(['user-reviewer-structure']);
    expect(onStructure.excluded[0].reason).toContain('回避');
    expect(onAcademic.assigned.sort()).toEqual([REVIEWERS.liu.userId, 'user-reviewer-structure'].sort());
    expect(onAcademic.excluded).toEqual([]);
  });

  test('a stale or wrong-stage item is refused on its own and changes nothing; the others go through', async () => {
    const ready = await checkPassed(OPENID.structure);
    const stale = await checkPassed(OPENID.academic);
    const waiting = await submitted(h, OPENID.design);
    const { results } = await h.as(OPENID.secretary, 'review.assignMany', {
      programId: PROGRAM_ID,
      items: [
        { applicationId: ready._id, version: ready.version },
        { applicationId: stale._id, version: stale.version - 1 },
        { applicationId: waiting._id, version: waiting.version },
      ],
      reviewerIds: [REVIEWERS.liu.userId],
    });
    expect(results.map((result) => [result.ok, result.code])).toEqual([
      [true, null],
      [false, 'CONFLICT'],
      [false, 'TRANSITION_NOT_ALLOWED'],
    ]);
    expect(results[2].message).toContain('形式审查通过');
    expect((await current(h, OPENID.secretary, stale._id)).status).toBe('checkPassed');
    expect((await current(h, OPENID.secretary, waiting._id)).status).toBe('submitted');
    expect(await h.store.find('reviews', { applicationId: stale._id })).toEqual([]);
  });

  test("another organiser's secretariat cannot assign on this programme, and an applicant is refused", async () => {
    const application = await checkPassed(OPENID.structure);
    const input = {
      programId: PROGRAM_ID,
      items: [{ applicationId: application._id, version: application.version }],
      reviewerIds: [REVIEWERS.liu.userId],
    };
    expect(await h.refused(OPENID.secretaryXuzhou, 'review.assignMany', input)).toBe('NOT_FOUND');
    expect(await h.refused(OPENID.structure, 'review.assignMany', input)).toBe('FORBIDDEN');
    expect((await current(h, OPENID.secretary, application._id)).status).toBe('checkPassed');
  });
});

describe('application.queue filters (server-side, on the paged list)', () => {
  const queue = (filters: Partial<ActionInput<'application.queue'>>) =>
    h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID, stage: 'check', cursor: null, limit: 30, ...filters });

  test('by unit, by category and by words in the project or unit name', async () => {
    const structure = await submitted(h, OPENID.structure);
    const academic = await submitted(h, OPENID.academic);
    await submitted(h, OPENID.design);
    const all = await queue({});
    expect(all.items).toHaveLength(3);
    expect(all.total).toBe(3);

    const ofUnit = await queue({ orgId: structure.orgId });
    expect(ofUnit.items.map((item) => item._id)).toEqual([structure._id]);
    expect(ofUnit.total).toBeUndefined();

    expect((await queue({ categoryKey: structure.categoryKey })).items.length).toBe(3);
    expect((await queue({ categoryKey: 'no-such-category' })).items).toEqual([]);

    const unitName = academic.orgName.slice(0, 3);
    const byName = await queue({ q: unitName });
    expect(byName.items.map((item) => item.orgName)).toEqual([academic.orgName]);
    expect((await queue({ q: '没有这个名字的项目' })).items).toEqual([]);
  });

  test('a search reads on past a page of non-matches, and its cursor carries on from where it stopped', async () => {
    const first = await submitted(h, OPENID.structure);
    await submitted(h, OPENID.academic);
    await submitted(h, OPENID.design);
    const last = await submitted(h, OPENID.structure);
    const page = await queue({ q: first.orgName, limit: 1 });
    expect(page.items.map((item) => item._id)).toEqual([first._id]);
    const next = await queue({ q: first.orgName, limit: 1, cursor: page.nextCursor });
    expect(next.items.map((item) => item._id)).toEqual([last._id]);
  });

  test('only those with claims waiting for verification', async () => {
    const award = await implementingAward(h, OPENID.structure);
    await submitted(h, OPENID.academic);
    const implementation = { stage: 'implementation' as const };
    expect((await queue({ ...implementation, pendingClaims: true })).items).toEqual([]);
    await h.as(OPENID.structure, 'claim.add', claimInput(award, { links: ['https://www.tfkjy.cn/achievement/1'] }));
    const waiting = await queue({ ...implementation, pendingClaims: true });
    expect(waiting.items.map((item) => item._id)).toEqual([award._id]);
    expect((await queue({ pendingClaims: true })).items).toEqual([]);
  });
});
