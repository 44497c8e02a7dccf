// WeChat content security with the local stand-in playing WeChat: flagged text is stored and held for the
// secretariat with the reason (never dropped, never published while held); photos stay with the uploader
// and the secretariat until WeChat's asynchronous verdict passes them; the secretariat may release.
import { DEFAULT_MARKERS } from '../../cloudfunctions/api/src/adapters/local-content-check';
import { receiveMediaCheck } from '../../cloudfunctions/api/src/moderation';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { decided, shortlisted, submitted } from '../support/lifecycle';
import { PDF_BYTES, uploadedThroughSlot } from '../support/uploads';

const FLAGGED = `一、开展抗震科普讲座3场${DEFAULT_MARKERS.textMarker}；二、发布科技成果3项。`;
const notice = { programId: PROGRAM_ID, title: '拟立项项目公示', contact: '学会秘书处 028-00000000' };

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

async function queueEntry(applicationId: string) {
  const queue = (await h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID })).items;
  return queue.find((entry) => entry._id === applicationId);
}

/** The society's form, given two kinds of attachment (its seed asks for none). */
async function allowAttachments() {
  await h.store.transaction(async (tx) => {
    const program = (await tx.get('programs', PROGRAM_ID))!;
    const kinds = [
      { key: 'photos', name: '活动照片', required: false, categories: [] },
      { key: 'plan', name: '实施方案', required: false, categories: [] },
    ];
    await tx.replace(
      'programs',
      { ...program, form: { ...program.form, attachments: kinds }, version: program.version + 1 },
      program.version,
    );
  });
}

/** Creates an application of 李工's unit, adds one photo through an upload slot, and submits it. */
async function submittedWithPhoto(openid: string, content = completeContent()) {
  const created = await h.as(openid, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content });
  const fileId = await uploadedThroughSlot(h, openid, created._id, 'attachment');
  const withPhoto = { ...content, attachments: [{ key: 'photos', fileId, name: '活动照片.jpg' }] };
  const saved = await h.as(openid, 'application.save', { applicationId: created._id, version: created.version, content: withPhoto });
  const application = await h.as(openid, 'application.submit', { applicationId: saved._id, version: saved.version });
  return { fileId, application };
}

test('an application submitted with flagged text is held: the secretariat sees it marked with the reason; no reviewer gets it until released', async () => {
  const flagged = await submitted(h, OPENID.structure, completeContent({ sections: { plan: FLAGGED } }));
  const clean = await submitted(h, OPENID.academic, completeContent({ projectName: '学术交流周' }));

  // The applicant's words went to WeChat's text check, as its author, before anyone else could read them.
  expect(h.contentCheck.texts.some((check) => check.openid === OPENID.structure && check.content.includes(FLAGGED))).toBe(true);
  expect(flagged.status).toBe('submitted');
  expect((await queueEntry(flagged._id))?.moderation).toMatchObject({
    status: 'held',
    checks: [{ subject: 'text', status: 'held', reason: '疑似违规内容（时政）' }],
  });
  expect((await queueEntry(clean._id))?.moderation?.status).toBe('pass');

  const checked = await decided(h, flagged, 'passCheck');
  const assign = { applicationId: checked._id, version: checked.version, reviewerIds: ['user-reviewer'] };
  expect(await h.refused(OPENID.secretary, 'review.assign', assign)).toBe('CONTENT_HELD');

  // Only the secretariat running the programme releases it, with a reason that is audited.
  const release = { entity: 'application' as const, id: checked._id, version: checked.version, reason: '人工核实为正常科普内容' };
  expect(await h.refused(OPENID.structure, 'moderation.release', release)).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.secretaryXuzhou, 'moderation.release', release)).toBe('NOT_FOUND');
  const released = await h.as(OPENID.secretary, 'moderation.release', release);
  expect(released.moderation).toMatchObject({ status: 'pass', released: { by: 'user-secretary', reason: '人工核实为正常科普内容' } });
  expect(await h.store.find('audit', { entityId: checked._id, action: 'release' })).toMatchObject([
    { from: 'held', to: 'pass', reason: '人工核实为正常科普内容', actorRole: 'secretariat' },
  ]);
  expect(await h.refused(OPENID.secretary, 'moderation.release', { ...release, version: released.version })).toBe('TRANSITION_NOT_ALLOWED');
  await h.as(OPENID.secretary, 'review.assign', { ...assign, version: released.version });
});

test('an application held after shortlisting (a photo found risky late) stays off the public notice until released', async () => {
  await allowAttachments();
  const { fileId, application } = await submittedWithPhoto(OPENID.structure);
  const clean = await submitted(h, OPENID.academic, completeContent({ projectName: '学术交流周' }));
  await shortlisted(h, application);
  await shortlisted(h, clean);
  await receiveMediaCheck(h.deps, h.contentCheck.verdict(fileId, 'risky'));

  const { notice: first } = await h.as(OPENID.secretary, 'publicity.open', notice);
  expect(first.entries.map((entry) => entry.applicationId)).toEqual([clean._id]);
  const held = await h.store.get('applications', application._id);
  expect(held).toMatchObject({ status: 'shortlisted', moderation: { status: 'held' } });

  await h.as(OPENID.secretary, 'moderation.release', {
    entity: 'application',
    id: held!._id,
    version: held!.version,
    reason: '施工现场照片，误判',
  });
  const { notice: second } = await h.as(OPENID.secretary, 'publicity.open', notice);
  expect(second.entries.map((entry) => entry.applicationId)).toEqual([application._id]);
});

test('a notice whose title is flagged is refused to the secretariat with the reason, and nothing is published', async () => {
  const listed = await shortlisted(h, await submitted(h, OPENID.structure));
  const result = await h.raw(OPENID.secretary, 'publicity.open', { ...notice, title: `拟立项项目公示${DEFAULT_MARKERS.textMarker}` });
  expect(result).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } });
  expect(result.ok ? '' : result.error.message).toContain('疑似违规内容（时政）');
  expect(await h.store.find('publicities', {})).toEqual([]);
  expect((await h.store.get('applications', listed._id))?.status).toBe('shortlisted');
});

test('a flagged objection is stored, receipted and shown to the secretariat marked with the reason', async () => {
  await shortlisted(h, await submitted(h, OPENID.structure));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', notice);
  const lodged = await h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId: publicity._id,
    applicationId: null,
    content: `对公示有意见${DEFAULT_MARKERS.textMarker}`,
    contactName: '张会员',
    contactPhone: '13900000000',
  });
  expect(lodged.ok).toBe(true);
  const [objection] = await h.as(OPENID.secretary, 'objection.list', { publicityId: publicity._id });
  expect(objection).toMatchObject({ status: 'open', moderation: { status: 'held', checks: [{ reason: '疑似违规内容（时政）' }] } });
  expect(h.contentCheck.texts.at(-1)).toMatchObject({ scene: 2, openid: null });
});

test('a flagged claim and a flagged report are stored and marked for the secretariat; the verdict on a photo arrives by itself', async () => {
  const listed = await shortlisted(h, await submitted(h, OPENID.structure));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', notice);
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  await h.as(OPENID.secretary, 'publicity.close', { publicityId: publicity._id });
  const approved = (await h.as(OPENID.secretary, 'application.get', { applicationId: listed._id })).application;
  const award = await decided(h, approved, 'issueNotice');
  const fileId = await uploadedThroughSlot(h, OPENID.structure, award._id, 'claim');
  const claim = await h.as(OPENID.structure, 'claim.add', {
    applicationId: award._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: `发布成果1项${DEFAULT_MARKERS.reviewMarker}`,
    fileIds: [fileId],
  });
  expect(claim.moderation).toMatchObject({
    status: 'held',
    checks: [
      { subject: 'text', status: 'held', reason: '需人工复核（其他）' },
      { subject: fileId, status: 'pending' },
    ],
  });
  const { claims } = await h.as(OPENID.secretary, 'application.get', { applicationId: award._id });
  expect(claims[0]?.moderation?.status).toBe('held');

  // Like the local server, let the stand-in push the verdict of the next photo by itself.
  const delivered: Promise<unknown>[] = [];
  h.contentCheck.pushVerdicts((event) => {
    const done = receiveMediaCheck(h.deps, event);
    delivered.push(done);
    return done;
  }, 0);
  const evidence = await uploadedThroughSlot(h, OPENID.structure, award._id, 'report');
  const reported = await h.as(OPENID.structure, 'application.report', {
    applicationId: award._id,
    version: award.version,
    requestId: requestId(),
    summary: `中期工作进展顺利${DEFAULT_MARKERS.textMarker}`,
    achievements: [],
    fileIds: [evidence],
  });
  expect(reported.moderation?.checks).toContainEqual(
    expect.objectContaining({ subject: expect.stringMatching(/^report:/), status: 'held' }),
  );
  expect(reported.moderation?.checks).toContainEqual(expect.objectContaining({ subject: evidence, status: 'pending' }));
  await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all(delivered);
  const after = (await h.as(OPENID.secretary, 'application.get', { applicationId: award._id })).application;
  expect(after.moderation?.checks).toContainEqual(expect.objectContaining({ subject: evidence, status: 'pass' }));
  expect(after.moderation?.status).toBe('held');
});

describe('photos', () => {
  beforeEach(allowAttachments);

  /** An application with one photo, submitted, passed and assigned to 刘教授, who has declared no conflict. */
  async function withPhoto() {
    const { fileId, application } = await submittedWithPhoto(OPENID.structure);
    const checked = await decided(h, application, 'passCheck');
    await h.as(OPENID.secretary, 'review.assign', { applicationId: checked._id, version: checked.version, reviewerIds: ['user-reviewer'] });
    const [task] = (await h.as(OPENID.reviewer, 'review.mine', {})).items;
    await h.as(OPENID.reviewer, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true });
    return { fileId, applicationId: application._id, reviewId: task!._id };
  }

  test('a photo being checked is linked for the uploader and the secretariat only; a passing verdict opens it to the reviewer', async () => {
    const { fileId, applicationId } = await withPhoto();
    expect(h.contentCheck.media).toMatchObject([
      { fileId, openid: OPENID.structure, scene: 3, mediaUrl: expect.stringContaining('/files/evidence/') },
    ]);
    expect((await h.store.get('applications', applicationId))?.moderation?.status).toBe('pending');
    await h.as(OPENID.structure, 'file.link', { fileId });
    await h.as(OPENID.secretary, 'file.link', { fileId });
    expect(await h.refused(OPENID.reviewer, 'file.link', { fileId })).toBe('CONTENT_HELD');

    expect(await receiveMediaCheck(h.deps, h.contentCheck.verdict(fileId))).toEqual({ updated: true });
    await h.as(OPENID.reviewer, 'file.link', { fileId });
    expect((await h.store.get('applications', applicationId))?.moderation?.status).toBe('pass');
    const audit = await h.store.find('audit', { entityId: applicationId, action: 'mediaCheck' });
    expect(audit).toMatchObject([{ from: 'pending', to: 'pass', actorName: '微信内容安全' }]);
  });

  test('a risky verdict holds the photo and tells the secretariat; a repeated or forged verdict changes nothing; release opens it', async () => {
    const { fileId, applicationId, reviewId } = await withPhoto();
    await h.as(OPENID.reviewer, 'review.open', { reviewId });
    const risky = h.contentCheck.verdict(fileId, 'risky');
    await receiveMediaCheck(h.deps, risky);
    const held = (await h.as(OPENID.secretary, 'application.get', { applicationId })).application;
    expect(held.moderation).toMatchObject({
      status: 'held',
      checks: expect.arrayContaining([{ subject: fileId, status: 'held', reason: '疑似违规内容（色情）', checkedAt: expect.any(String) }]),
    });
    expect(await h.refused(OPENID.reviewer, 'file.link', { fileId })).toBe('CONTENT_HELD');
    expect(await h.refused(OPENID.reviewer, 'review.open', { reviewId })).toBe('CONTENT_HELD');

    // WeChat pushing again, or a client posing as WeChat with a pass, is ignored.
    expect(await receiveMediaCheck(h.deps, { ...risky, result: { suggest: 'pass', label: 100 } })).toEqual({ updated: false });
    expect(await receiveMediaCheck(h.deps, { ...risky, trace_id: 'guessed-trace' })).toEqual({ updated: false });
    expect(await receiveMediaCheck(h.deps, { action: 'file.link' })).toEqual({ updated: false });
    expect((await h.store.get('applications', applicationId))?.version).toBe(held.version);

    await h.as(OPENID.secretary, 'moderation.release', {
      entity: 'application',
      id: applicationId,
      version: held.version,
      reason: '建筑工地照片，误判',
    });
    await h.as(OPENID.reviewer, 'file.link', { fileId });
    await h.as(OPENID.reviewer, 'review.open', { reviewId });
  });

  test('documents are not sent to the image check, and a photo already checked is not sent again on resubmission', async () => {
    const created = await h.as(OPENID.structure, 'application.create', {
      programId: PROGRAM_ID,
      requestId: requestId(),
      content: completeContent(),
    });
    const pdf = await uploadedThroughSlot(h, OPENID.structure, created._id, 'attachment', PDF_BYTES, 'pdf');
    const photo = await uploadedThroughSlot(h, OPENID.structure, created._id, 'attachment');
    const attachments = [
      { key: 'plan', fileId: pdf, name: '实施方案.pdf' },
      { key: 'photos', fileId: photo, name: '现场.png' },
    ];
    const draft = await h.as(OPENID.structure, 'application.save', {
      applicationId: created._id,
      version: created.version,
      content: completeContent({ attachments }),
    });
    const sent = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
    const returned = await decided(h, sent, 'return', '请补充预算依据');
    await h.as(OPENID.structure, 'application.submit', { applicationId: returned._id, version: returned.version });
    expect(h.contentCheck.media.map((check) => check.fileId)).toEqual([photo]);
  });
});
