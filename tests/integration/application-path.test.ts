// The application's first steps through the api, on the embedded store: apply, return, resubmit; then
// claims with evidence on an award, verified by the secretariat, rolled up on the dashboard.
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { implementingAward } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

test('a branch contact drafts, leaves, comes back, submits; the secretariat returns it with a reason; the contact fixes and resubmits; it passes the formal check', async () => {
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent({ sections: { plan: '' } }),
  });
  expect(draft.status).toBe('draft');
  expect(draft.statusLabel).toBe('草稿（未提交）');
  expect(draft.availableActions).toEqual(['save', 'submit']);
  expect(draft.categoryName).toBe('培育奖励');

  // Coming back later: the draft is listed with what was typed.
  const mine = await h.as(OPENID.structure, 'application.listMine', { programId: PROGRAM_ID });
  expect(mine.map((application) => application._id)).toEqual([draft._id]);
  expect(await h.refused(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version })).toBe(
    'APPLICATION_INCOMPLETE',
  );

  const saved = await h.as(OPENID.structure, 'application.save', {
    applicationId: draft._id,
    version: draft.version,
    content: completeContent(),
  });
  expect(saved.version).toBe(draft.version + 1);
  const submitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: saved.version });
  expect(submitted.status).toBe('submitted');
  expect(submitted.availableActions).toEqual(['withdraw']);

  const queue = (await h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID, status: 'submitted' })).items;
  expect(queue.map((application) => [application._id, application.orgName, application.statusLabel])).toEqual([
    [draft._id, '建筑结构专业委员会', '待形式审查'],
  ]);
  expect(queue[0]?.availableActions).toEqual(['return', 'passCheck', 'rejectCheck']);

  expect(
    await h.refused(OPENID.secretary, 'application.decide', { applicationId: draft._id, version: submitted.version, decision: 'return' }),
  ).toBe('REASON_REQUIRED');
  const returned = await h.as(OPENID.secretary, 'application.decide', {
    applicationId: draft._id,
    version: submitted.version,
    decision: 'return',
    reason: '预算依据不清楚，请补充',
  });
  expect(returned.status).toBe('returned');

  const seenByApplicant = await h.as(OPENID.structure, 'application.get', { applicationId: draft._id });
  expect(seenByApplicant.application.statusLabel).toBe('已退回，请修改后重新提交');
  expect(seenByApplicant.application.decisionReason).toBe('预算依据不清楚，请补充');
  expect(seenByApplicant.application.outcomes.check).toBe('returned');
  expect(seenByApplicant.application.availableActions).toEqual(['save', 'resubmit', 'withdraw']);

  const fixed = await h.as(OPENID.structure, 'application.save', {
    applicationId: draft._id,
    version: returned.version,
    content: completeContent({ budget: [{ item: '专家劳务', amountFen: 150_000, basis: '3场×每场500元，按学会标准' }] }),
  });
  const resubmitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: fixed.version });
  expect(resubmitted.status).toBe('resubmitted');
  expect(resubmitted.decisionReason).toBeNull();

  const checked = await h.as(OPENID.secretary, 'application.decide', {
    applicationId: draft._id,
    version: resubmitted.version,
    decision: 'passCheck',
  });
  expect(checked.status).toBe('checkPassed');
  expect(checked.outcomes.check).toBe('passed');

  const detail = await h.as(OPENID.secretary, 'application.get', { applicationId: draft._id });
  expect(detail.audit.map((entry) => [entry.action, entry.from, entry.to, entry.actorName])).toEqual([
    ['create', null, 'draft', '李工（结构专委会）'],
    ['save', 'draft', 'draft', '李工（结构专委会）'],
    ['submit', 'draft', 'submitted', '李工（结构专委会）'],
    ['return', 'submitted', 'returned', '王秘书'],
    ['save', 'returned', 'returned', '李工（结构专委会）'],
    ['resubmit', 'returned', 'resubmitted', '李工（结构专委会）'],
    ['passCheck', 'resubmitted', 'checkPassed', '王秘书'],
  ]);
  expect(detail.audit[3]?.reason).toBe('预算依据不清楚，请补充');
});

test('an awardee claims an indicator with an uploaded photo; the secretariat opens the photo, verifies it and sees the dashboard roll up', async () => {
  const award = await implementingAward(h);
  const fileId = await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim');

  const claimInput = {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 2,
    description: '在天府科技云发布科技成果2项',
    fileIds: [fileId],
  };
  // Sent twice (the first answer lost on a bad signal): recorded once.
  const [claim, retried] = await Promise.all([
    h.as(OPENID.structure, 'claim.add', claimInput),
    h.as(OPENID.structure, 'claim.add', claimInput),
  ]);
  expect(retried._id).toBe(claim._id);
  expect(await h.store.find('claims', {})).toHaveLength(1);
  expect(claim.fileIds).toEqual([fileId]);

  const link = await h.as(OPENID.secretary, 'file.link', { fileId });
  expect(
    h.files.verifyLink(
      fileId.slice('local://'.length),
      Number(new URL(link.url, 'http://x').searchParams.get('expires')),
      new URL(link.url, 'http://x').searchParams.get('signature') ?? '',
    ),
  ).toBe(true);

  const before = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  expect(before.rows.find((row) => row.key === 'published-results')).toMatchObject({ committed: 3, claimed: 2, verified: 0, gap: 30 });
  expect(await h.refused(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'rejected' })).toBe(
    'REASON_REQUIRED',
  );
  expect(await h.refused(OPENID.structure, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' })).toBe(
    'FORBIDDEN',
  );
  const verified = await h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' });
  expect(verified.verification).toBe('verified');

  const dashboard = await h.as(OPENID.secretary, 'dashboard.get', { programId: PROGRAM_ID });
  const published = dashboard.rows.find((row) => row.key === 'published-results');
  expect(published).toMatchObject({
    target: 30,
    provinceMinimum: 20,
    committed: 3,
    claimed: 2,
    verified: 2,
    gap: 28,
    committedCoversTarget: false,
  });
  const rank = dashboard.rows.find((row) => row.key === 'tfkjy-registered-rank');
  expect(rank).toMatchObject({ target: 50, provinceMinimum: 50, committed: null, claimed: null });
  expect(dashboard.rows).toHaveLength(21);
  expect(dashboard.counts.implementing).toBe(1);
  expect(dashboard.grantedFen).toBe(300_000);
});

test('a claim refers only to files issued to the caller for its own award that really exist', async () => {
  const mine = await implementingAward(h, OPENID.structure);
  const theirs = await implementingAward(h, OPENID.academic);
  const theirFile = await uploadedThroughSlot(h, OPENID.academic, theirs._id, 'claim');
  const claim = (fileIds: string[]) => ({
    applicationId: mine._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: '成果',
    fileIds,
  });

  expect(await h.refused(OPENID.structure, 'claim.add', claim([theirFile]))).toBe('FILE_NOT_OWNED');
  expect(await h.refused(OPENID.structure, 'claim.add', claim([`local://evidence/${mine._id}/../${theirs._id}/x.jpg`]))).toBe(
    'FILE_NOT_OWNED',
  );
  // A path in the award's folder that no slot issued (planted, or guessed) is not the caller's file.
  expect(await h.refused(OPENID.structure, 'claim.add', claim([`local://evidence/${mine._id}/never-uploaded.jpg`]))).toBe('FILE_NOT_OWNED');
  const slot = await h.as(OPENID.structure, 'file.slot', { applicationId: mine._id, purpose: 'claim', extension: 'jpg' });
  expect(await h.refused(OPENID.structure, 'claim.add', claim([`local://${slot.path}`]))).toBe('FILE_NOT_FOUND');
  expect(await h.refused(OPENID.structure, 'claim.add', claim([]))).toBe('INVALID_INPUT');
  expect(await h.refused(OPENID.academic, 'file.link', { fileId: `local://evidence/${mine._id}/x.jpg` })).toBe('NOT_FOUND');
  expect(await h.store.find('claims', {})).toEqual([]);
});

test('claims are refused before approval and on indicators that are not counted per award', async () => {
  const created = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent(),
  });
  const fileId = await uploadedThroughSlot(h, OPENID.structure, created._id, 'attachment');
  const claim = {
    applicationId: created._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: '成果',
    fileIds: [fileId],
  };
  expect(await h.refused(OPENID.structure, 'claim.add', claim)).toBe('TRANSITION_NOT_ALLOWED');
  const award = await implementingAward(h, OPENID.academic);
  const awardFile = await uploadedThroughSlot(h, OPENID.academic, award._id, 'claim');
  expect(
    await h.refused(OPENID.academic, 'claim.add', {
      ...claim,
      applicationId: award._id,
      fileIds: [awardFile],
      indicatorKey: 'satisfaction',
    }),
  ).toBe('INDICATOR_UNKNOWN');
});
