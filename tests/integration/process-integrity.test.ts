// The process cannot be cut short or bent: no shortlist without every expert's score, no amount the pool
// cannot hold, no programme edit with keys the server does not know, no hidden characters in free text.
import { OPENID, PROGRAM_ID, completeContent, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { REVIEWERS, current, decided, reviewed, scoresFor, shortlisted, submitted, taskFor, tryShortlist } from '../support/lifecycle';
import { editOf } from '../support/program-edit';
import type { ApplicationView } from '@/core/schemas/actions';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const shortlist = (application: ApplicationView) => tryShortlist(h, application);

async function score(reviewer: { openid: string }, applicationId: string) {
  const task = await taskFor(h, reviewer.openid, applicationId);
  const declared = await h.as(reviewer.openid, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true });
  await h.as(reviewer.openid, 'review.submit', {
    reviewId: task!._id,
    version: declared.version,
    scores: await scoresFor(h, PROGRAM_ID, 0.8),
    comment: '可行。',
  });
}

describe('shortlisting needs every assigned expert’s score', () => {
  test('refused while any assigned review is missing, named; allowed once all are in', async () => {
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    const { application: underReview } = await h.as(OPENID.secretary, 'review.assign', {
      applicationId: checked._id,
      version: checked.version,
      reviewerIds: [REVIEWERS.liu.userId, REVIEWERS.zhao.userId],
    });
    expect(refusal(await shortlist(underReview))).toEqual([
      'REVIEWS_INCOMPLETE',
      '尚有专家未提交评分：刘教授（评审专家）、赵教授（评审专家）尚未提交评分',
    ]);
    await score(REVIEWERS.liu, checked._id);
    // The score joined the application's running score (a new version): a decision on the version before is stale.
    expect(refusal(await shortlist(underReview))?.[0]).toBe('CONFLICT');
    const oneIn = await current(h, OPENID.secretary, checked._id);
    expect(refusal(await shortlist(oneIn))).toEqual(['REVIEWS_INCOMPLETE', '尚有专家未提交评分：赵教授（评审专家）尚未提交评分']);
    const batch = await h.as(OPENID.secretary, 'application.decideMany', {
      items: [{ applicationId: oneIn._id, version: oneIn.version }],
      decision: 'shortlist',
    });
    expect(batch.outcomes[0]).toMatchObject({ ok: false, code: 'REVIEWS_INCOMPLETE' });
    expect((await current(h, OPENID.secretary, checked._id)).status).toBe('underReview');

    await score(REVIEWERS.zhao, checked._id);
    const done = await shortlist(await current(h, OPENID.secretary, checked._id));
    expect(done.ok && (done.data as ApplicationView).status).toBe('shortlisted');
  });

  test('an expert added after the others scored must score too; a shortlist on the version before the assignment is stale', async () => {
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    const underReview = await reviewed(h, checked, [REVIEWERS.liu]);
    const seen = await current(h, OPENID.secretary, checked._id);
    const { application: widened } = await h.as(OPENID.secretary, 'review.assign', {
      applicationId: seen._id,
      version: seen.version,
      reviewerIds: [REVIEWERS.zhao.userId],
    });
    expect(widened.version).toBe(seen.version + 1);
    expect(refusal(await shortlist(seen))?.[0]).toBe('CONFLICT');
    expect(refusal(await shortlist(widened))).toEqual(['REVIEWS_INCOMPLETE', '尚有专家未提交评分：赵教授（评审专家）尚未提交评分']);
    const audit = (await h.as(OPENID.secretary, 'application.get', { applicationId: underReview._id })).audit;
    expect(audit.map((entry) => entry.action)).toContain('assignReviewers');
  });

  test('an application under review with no review at all (stored before this rule) cannot be shortlisted', async () => {
    const checked = await decided(h, await submitted(h, OPENID.structure), 'passCheck');
    await h.store.transaction(async (tx) => {
      const stored = await tx.get('applications', checked._id);
      await tx.replace('applications', { ...stored!, status: 'underReview', version: stored!.version + 1 }, stored!.version);
    });
    const before = await h.store.find('ledgers', {});
    const refused = await shortlist(await current(h, OPENID.secretary, checked._id));
    expect(refusal(refused)).toEqual(['REVIEWS_INCOMPLETE', '尚有专家未提交评分：尚未分配评审专家，没有任何评分，不能列入拟立项']);
    expect(await h.store.find('ledgers', {})).toEqual(before);
  });
});

async function editOfCivil() {
  const program = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
  return { program, edit: editOf(program) };
}

describe('programme edits', () => {
  test('a category’s amount changes under shortlisted awards only while the pool holds them at the new amount', async () => {
    const first = await shortlisted(h, await submitted(h, OPENID.structure));
    await shortlisted(h, await submitted(h, OPENID.academic));
    const { program, edit } = await editOfCivil();
    expect(program.shortlistedFen).toBe(600_000);
    const update = (awardAmountFen: number) =>
      h.raw(OPENID.secretary, 'program.update', {
        programId: program._id,
        version: program.version,
        edit: { ...edit, categories: [{ ...edit.categories[0]!, awardAmountFen }] },
      });

    const tooMuch = await update(6_000_000);
    expect(refusal(tooMuch)).toEqual([
      'POOL_EXHAUSTED',
      '奖补资金池余额不足：“培育奖励”已有 2 项拟立项，单项金额改为 60,000 元，拟立项合计 120,000 元，超过资金池 100,000 元',
    ]);
    expect((await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID })).version).toBe(program.version);

    const fits = await update(5_000_000);
    expect(fits.ok).toBe(true);
    const after = await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID });
    expect([after.categories[0]?.awardAmountFen, after.shortlistedFen]).toEqual([5_000_000, 10_000_000]);
    // Taking one out of the shortlist frees the new amount, not the old one.
    await decided(h, await current(h, OPENID.secretary, first._id), 'unshortlist', '材料需核实');
    expect((await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID })).shortlistedFen).toBe(5_000_000);
  });

  test('unknown keys are refused by name, at any depth, changing nothing', async () => {
    const { program, edit } = await editOfCivil();
    const update = (input: Record<string, unknown>) =>
      h.raw(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, ...input });
    expect(refusal(await update({ edit: { ...edit, societyId: 'org-xzast' } }))).toEqual([
      'INVALID_INPUT',
      '输入有误：edit：不能修改或不认识的字段：societyId',
    ]);
    expect(refusal(await update({ edit: { ...edit, categories: [{ ...edit.categories[0]!, maxPerOrgg: 3 }] } }))).toEqual([
      'INVALID_INPUT',
      '输入有误：edit.categories.0：不能修改或不认识的字段：maxPerOrgg',
    ]);
    expect(refusal(await update({ edit: { ...edit, form: { ...(edit.form as object), sectionLimits: [] } } }))?.[1]).toBe(
      '输入有误：edit.form：不能修改或不认识的字段：sectionLimits',
    );
    // What the secretariat may not change is refused by name too: the programme's code and its source notes.
    expect(refusal(await update({ edit: { ...edit, code: 'other' } }))?.[1]).toBe('输入有误：edit：不能修改或不认识的字段：code');
    expect(refusal(await update({ edit, templateCode: 'x' }))?.[1]).toBe('输入有误：不能修改或不认识的字段：templateCode');
    expect((await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID })).version).toBe(program.version);
  });

  test('programme dates outside 2000–2099 are refused as a typo, changing nothing', async () => {
    const { program, edit } = await editOfCivil();
    const update = (changed: Record<string, unknown>) =>
      h.raw(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit: { ...edit, ...changed } });
    expect(refusal(await update({ deadline: '9999-12-31T23:59:59+08:00' }))).toEqual([
      'INVALID_INPUT',
      '输入有误：edit.deadline：日期应在 2000 年至 2099 年之间',
    ]);
    expect(refusal(await update({ opensAt: '0001-01-01T00:00:00+08:00' }))?.[1]).toBe(
      '输入有误：edit.opensAt：日期应在 2000 年至 2099 年之间',
    );
    expect((await h.as(OPENID.secretary, 'program.get', { programId: PROGRAM_ID })).version).toBe(program.version);
  });
});

test('control and bidi characters are stripped from free text; text made only of them is empty', async () => {
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent({
      projectName: '抗震科普\u202E进社区\u0007\t第二期',
      sections: { plan: '一、讲座\r\n二、\u2066成果\u2069发布\u200F\u0000' },
      budget: [{ item: '专家\u202D劳务', amountFen: 150_000, basis: '3场\n×500元' }],
    }),
  });
  expect(draft.projectName).toBe('抗震科普进社区 第二期');
  expect(draft.sections.plan).toBe('一、讲座\n二、成果发布');
  expect(draft.budget[0]).toMatchObject({ item: '专家劳务', basis: '3场 ×500元' });
  const stored = await h.store.get('applications', draft._id);
  expect(stored?.projectName).toBe('抗震科普进社区 第二期');

  const sent = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  const returned = await decided(h, sent, 'return', '\u202E请补充\u0008预算依据');
  expect(returned.decisionReason).toBe('请补充预算依据');
  const blank = await h.raw(OPENID.secretary, 'publicity.open', { programId: PROGRAM_ID, title: '\u202E\u2066\u0007', contact: '王秘书' });
  expect(refusal(blank)?.[0]).toBe('INVALID_INPUT');
});
