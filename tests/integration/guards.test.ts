// What the server refuses, whatever the client sends: other units' data, late submissions, doubled
// requests, stale versions and bad input — each refusal changes nothing.
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function draftOf(openid: string) {
  return h.as(openid, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() });
}

async function snapshot() {
  return {
    applications: await h.store.find('applications', {}),
    audit: await h.store.find('audit', {}),
    claims: await h.store.find('claims', {}),
  };
}

test("another unit's contact can neither read nor change this application", async () => {
  const draft = await draftOf(OPENID.structure);
  const before = await snapshot();

  expect(await h.refused(OPENID.academic, 'application.get', { applicationId: draft._id })).toBe('NOT_FOUND');
  expect(
    await h.refused(OPENID.academic, 'application.save', {
      applicationId: draft._id,
      version: draft.version,
      content: completeContent({ projectName: '改掉' }),
    }),
  ).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.academic, 'application.submit', { applicationId: draft._id, version: draft.version })).toBe('NOT_FOUND');
  expect(await h.as(OPENID.academic, 'application.listMine', { programId: PROGRAM_ID })).toEqual([]);
  // Reusing someone else's requestId does not hand over their draft.
  expect(
    await h.refused(OPENID.academic, 'application.create', {
      programId: PROGRAM_ID,
      requestId: draft.requestId,
      content: completeContent(),
    }),
  ).toBe('CONFLICT');
  // A reviewer is not staff of the queue and sees no application.
  expect(await h.refused(OPENID.reviewer, 'application.get', { applicationId: draft._id })).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.reviewer, 'application.queue', { programId: PROGRAM_ID })).toBe('FORBIDDEN');

  expect(await snapshot()).toEqual(before);
});

test('roles are enforced: the secretariat cannot apply, an applicant cannot approve or read the dashboard', async () => {
  const draft = await draftOf(OPENID.structure);
  const submitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  expect(
    await h.refused(OPENID.secretary, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() }),
  ).toBe('FORBIDDEN');
  expect(
    await h.refused(OPENID.structure, 'application.decide', { applicationId: draft._id, version: submitted.version, decision: 'approve' }),
  ).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.structure, 'dashboard.get', { programId: PROGRAM_ID })).toBe('FORBIDDEN');
  expect(
    await h.refused(OPENID.secretary, 'application.save', {
      applicationId: draft._id,
      version: submitted.version,
      content: completeContent(),
    }),
  ).toBe('FORBIDDEN');
});

test('identity comes from the platform, never from the event', async () => {
  expect(await h.refused(null, 'session.me', {})).toBe('UNAUTHENTICATED');
  const spoof = await h.raw(null, 'application.listMine', { openid: OPENID.structure, userId: 'user-contact-structure' });
  expect(spoof).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  expect(await h.refused('unknown-openid', 'session.me', {})).toBe('NOT_REGISTERED');
  const me = await h.as(OPENID.structure, 'session.me', {});
  expect(me.user.name).toBe('李工（结构专委会）');
  expect(me.org.name).toBe('建筑结构专业委员会');
});

test('a submit after the deadline is refused by server time, whatever time the client sends', async () => {
  const draft = await draftOf(OPENID.structure);
  h.clock.set('2024-01-01T00:00:00+08:00'); // one second after 2023-12-31 23:59:59 in Shanghai
  const result = await h.raw(OPENID.structure, 'application.submit', {
    applicationId: draft._id,
    version: draft.version,
    now: '2023-07-01T00:00:00+08:00',
    submittedAt: '2023-07-01T00:00:00+08:00',
  });
  expect(result).toEqual({ ok: false, error: { code: 'DEADLINE_PASSED', message: '申报已截止：截止时间 2023年12月31日 23:59' } });
  expect((await h.store.get('applications', draft._id))?.status).toBe('draft');
  // The client is told before it tries: submit is not offered once the call has closed.
  const view = await h.as(OPENID.structure, 'application.get', { applicationId: draft._id });
  expect(view.application.availableActions).toEqual(['save']);
  expect(view.program.windowOpen).toBe(false);

  h.clock.set('2023-12-31T23:59:59+08:00'); // the last second still counts
  const submitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  expect(submitted.status).toBe('submitted');
});

test('a doubled create yields one application, and a doubled submit one submission', async () => {
  const input = { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() };
  const [first, second] = await Promise.all([
    h.as(OPENID.structure, 'application.create', input),
    h.as(OPENID.structure, 'application.create', input),
  ]);
  expect(second._id).toBe(first._id);
  expect(await h.store.find('applications', {})).toHaveLength(1);

  const results = await Promise.all([
    h.raw(OPENID.structure, 'application.submit', { applicationId: first._id, version: first.version }),
    h.raw(OPENID.structure, 'application.submit', { applicationId: first._id, version: first.version }),
  ]);
  expect(results.map((result) => (result.ok ? 'ok' : result.error.code)).sort()).toEqual(['CONFLICT', 'ok']);
  const stored = await h.store.get('applications', first._id);
  expect(stored?.status).toBe('submitted');
  expect(stored?.version).toBe(2);
  expect((await h.store.find('audit', { action: 'submit' })).length).toBe(1);
});

test('a stale version gets a conflict error and the newer content stays', async () => {
  const draft = await draftOf(OPENID.structure);
  await h.as(OPENID.structure, 'application.save', {
    applicationId: draft._id,
    version: draft.version,
    content: completeContent({ projectName: '第一位同事的修改' }),
  });
  const stale = await h.raw(OPENID.structure, 'application.save', {
    applicationId: draft._id,
    version: draft.version,
    content: completeContent({ projectName: '第二位同事的旧版本' }),
  });
  expect(stale).toEqual({ ok: false, error: { code: 'CONFLICT', message: '数据已被他人修改，请刷新后重试' } });
  expect((await h.store.get('applications', draft._id))?.projectName).toBe('第一位同事的修改');
});

test('bad input gets an error code and a Chinese message, and changes nothing', async () => {
  const draft = await draftOf(OPENID.structure);
  const before = await snapshot();
  const save = (content: unknown) =>
    h.raw(OPENID.structure, 'application.save', { applicationId: draft._id, version: draft.version, content });

  const overBudget = await save(
    completeContent({
      budget: [
        { item: '专家劳务', amountFen: 200_000, basis: '' },
        { item: '场地', amountFen: 100_001, basis: '' },
      ],
    }),
  );
  expect(overBudget).toEqual({
    ok: false,
    error: { code: 'BUDGET_OVER_LIMIT', message: '预算合计超过奖补金额上限：合计 3,000.01 元，上限 3,000 元' },
  });

  const tooLong = await save(completeContent({ sections: { plan: '字'.repeat(2001) } }));
  expect(tooLong.ok ? null : tooLong.error.code).toBe('INVALID_INPUT');
  expect(tooLong.ok ? '' : tooLong.error.message).toContain('2000');

  const fractionalFen = await save(completeContent({ budget: [{ item: '场地', amountFen: 100.5, basis: '' }] }));
  expect(fractionalFen.ok ? null : fractionalFen.error.code).toBe('INVALID_INPUT');

  const unknownIndicator = await save(completeContent({ commitments: [{ indicatorKey: 'made-up', amount: 1 }] }));
  expect(unknownIndicator.ok ? null : unknownIndicator.error.code).toBe('INDICATOR_UNKNOWN');

  expect(await h.refused(OPENID.structure, 'application.save', { applicationId: draft._id })).toBe('INVALID_INPUT');
  expect(await h.refused(OPENID.structure, 'no.such.action', {})).toBe('UNKNOWN_ACTION');
  expect((await h.raw(OPENID.structure, 'application.submit', 'not an object')).ok).toBe(false);

  expect(await snapshot()).toEqual(before);
  // A budget of exactly 3,000 yuan is allowed.
  const atLimit = await save(completeContent({ budget: [{ item: '专家劳务', amountFen: 300_000, basis: '' }] }));
  expect(atLimit.ok).toBe(true);
});

test('the embedded store keeps a saved draft across a restart', async () => {
  await h.close();
  h = await startHarness({ store: 'embedded' });
  const draft = await draftOf(OPENID.structure);
  await h.store.close();
  const reopened = await startHarness({ dir: h.dir, store: 'embedded' });
  const again = await reopened.as(OPENID.structure, 'application.get', { applicationId: draft._id });
  expect(again.application.projectName).toBe('建筑结构抗震科普进社区');
  expect(again.application.budgetTotalFen).toBe(250_000);
  // Seeding again on start changed nothing that exists.
  expect(await reopened.store.find('programs', {})).toHaveLength(4);
  await reopened.close();
});

test('input the schema refuses is explained in Chinese, field by field, and changes nothing', async () => {
  const draft = await draftOf(OPENID.structure);
  const result = await h.raw(OPENID.secretary, 'application.decide', {
    applicationId: draft._id,
    version: draft.version,
    decision: 'approve-all',
  });
  expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringMatching(/^输入有误：decision：无效选项/) } });
  const fractional = await h.raw(OPENID.structure, 'application.submit', { applicationId: draft._id, version: 1.5 });
  expect(fractional.ok ? '' : fractional.error.message).toBe('输入有误：version：无效输入：期望 int，实际接收 数字');
  expect((await h.store.get('applications', draft._id))?.version).toBe(draft.version);
});

test('a secretariat handles only its own organisation’s programmes: another 科协’s staff see nothing of the society’s', async () => {
  const draft = await draftOf(OPENID.structure);
  const submitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  const outsider = OPENID.secretaryXuzhou;
  expect(await h.refused(outsider, 'application.queue', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  expect(await h.refused(outsider, 'application.get', { applicationId: draft._id })).toBe('NOT_FOUND');
  expect(
    await h.refused(outsider, 'application.decide', { applicationId: draft._id, version: submitted.version, decision: 'passCheck' }),
  ).toBe('NOT_FOUND');
  expect(await h.refused(outsider, 'dashboard.get', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  expect(await h.refused(outsider, 'review.ranking', { programId: PROGRAM_ID })).toBe('NOT_FOUND');
  expect(await h.refused(outsider, 'publicity.open', { programId: PROGRAM_ID, title: '公示', contact: '某' })).toBe('NOT_FOUND');
  expect(await h.refused(outsider, 'review.candidates', { applicationId: draft._id })).toBe('NOT_FOUND');
  const {
    outcomes: [result],
  } = await h.as(outsider, 'application.decideMany', {
    items: [{ applicationId: draft._id, version: submitted.version }],
    decision: 'passCheck',
  });
  expect(result).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect((await h.store.get('applications', draft._id))?.status).toBe('submitted');
  // Its own programme's queue is open to it.
  expect((await h.as(outsider, 'application.queue', { programId: 'program-xuzhou-2022' })).items).toEqual([]);
});
