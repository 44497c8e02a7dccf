// What the secretariat records on an award beyond its decisions (application.record): the signed agreement, the
// payment after 立项 (seed 002: 签订项目实施协议后拨付经费), the balance after acceptance, the refund after failing
// (seed 002/004: 退还经费) and an extension of a report's due date — each capped by what is due, each audited.
import type { ActionInput, ApplicationView } from '@/core/schemas/actions';
import { OPENID, refusal, startHarness, type Harness } from '../support/harness';
import { acceptedFrom, current, decided, publicizedAndClosed, reported, shortlisted, submitted } from '../support/lifecycle';
import { withStages } from '../support/program-edit';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Half of each award (3,000 yuan) paid after 立项 on a signed agreement, the rest after acceptance. */
const halfOnAgreement = { agreement: true, advancePercent: 50 };

async function approved(openid: string = OPENID.structure) {
  const award = await shortlisted(h, await submitted(h, openid));
  await publicizedAndClosed(h);
  return current(h, OPENID.secretary, award._id);
}

function record(application: ApplicationView, entry: ActionInput<'application.record'>['record']) {
  return h.raw(OPENID.secretary, 'application.record', { applicationId: application._id, version: application.version, record: entry });
}

async function recorded(application: ApplicationView, entry: ActionInput<'application.record'>['record']) {
  return h.as(OPENID.secretary, 'application.record', { applicationId: application._id, version: application.version, record: entry });
}

const payment = (amountFen: number) => ({ amountFen, paidOn: '2023-08-01', voucherNo: '记-2023-081' });

test('funds after 立项 wait for the agreement and are capped at the advance due; the balance after acceptance at what is left', async () => {
  await withStages(h, halfOnAgreement);
  let award = await approved();
  // Before the agreement: it may be recorded, nothing may be paid.
  expect(award.availableActions).toContain('recordAgreement');
  expect(award.availableActions).not.toContain('disburse');
  expect(refusal(await record(award, { action: 'disburse', payout: payment(150_000) }))?.[0]).toBe('TRANSITION_NOT_ALLOWED');

  award = await recorded(award, { action: 'recordAgreement', agreement: { signedOn: '2023-07-20', reference: '川土建协〔2023〕12号' } });
  expect(award.agreement).toMatchObject({ signedOn: '2023-07-20', reference: '川土建协〔2023〕12号', recordedBy: 'user-secretary' });
  expect(award.availableActions).not.toContain('recordAgreement');
  expect(award.availableActions).toContain('disburse');

  // Half of 3,000 yuan is due after 立项: more is refused and nothing is written.
  expect(refusal(await record(award, { action: 'disburse', payout: payment(150_001) }))).toEqual([
    'INVALID_INPUT',
    expect.stringContaining('拨付金额不能超过应付金额'),
  ]);
  expect((await current(h, OPENID.secretary, award._id)).advance ?? null).toBeNull();
  award = await recorded(award, { action: 'disburse', payout: payment(150_000) });
  expect(award.advance).toMatchObject({ amountFen: 150_000, paidOn: '2023-08-01', voucherNo: '记-2023-081' });
  expect(award.availableActions).not.toContain('disburse');

  // The applicant sees both in the award's record.
  expect(await current(h, OPENID.structure, award._id)).toMatchObject({
    agreement: { reference: '川土建协〔2023〕12号' },
    advance: { amountFen: 150_000 },
  });

  // After acceptance only the balance may be paid.
  h.clock.set('2023-11-01T09:00:00+08:00');
  const accepted = await acceptedFrom(h, OPENID.structure, award);
  const tooMuch = await h.raw(OPENID.secretary, 'application.pay', {
    applicationId: award._id,
    version: accepted.version,
    payout: payment(300_000),
  });
  expect(refusal(tooMuch)).toEqual(['INVALID_INPUT', expect.stringContaining('发放金额不能超过应付金额')]);
  const paid = await h.as(OPENID.secretary, 'application.pay', {
    applicationId: award._id,
    version: accepted.version,
    payout: payment(150_000),
  });
  expect(paid).toMatchObject({ status: 'paid', payout: { amountFen: 150_000 } });

  const audit = await h.store.find('audit', { entityId: award._id });
  expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['recordAgreement', 'disburse', 'pay']));
});

test('a refund is recorded only after failing where the programme asks one, and at most what was paid after 立项 (the provincial rule, seed 002 line 47: 全额退还…取消下一年度申报资格)', async () => {
  // The society's own plan names no consequence of failing (seed 004, a declared placeholder); set the province's here.
  await withStages(h, { advancePercent: 50, failure: { refund: true, withdrawFunding: false, barNextCall: true } });
  let award = await approved();
  expect(award.availableActions).not.toContain('recordRefund');
  award = await recorded(award, { action: 'disburse', payout: payment(150_000) });
  expect(refusal(await record(award, { action: 'recordRefund', refund: payment(150_000) }))?.[0]).toBe('TRANSITION_NOT_ALLOWED');

  h.clock.set('2023-11-01T09:00:00+08:00');
  let step = await reported(h, OPENID.structure, await decided(h, award, 'issueNotice'));
  step = await reported(h, OPENID.structure, await decided(h, step, 'passMidterm'));
  const failed = await decided(h, step, 'fail', '关键指标均未完成');
  expect(failed.failure).toMatchObject({ refundDueFen: 150_000, barredYear: 2024 });
  expect((await current(h, OPENID.structure, award._id)).failure?.text).toBe('退还已拨付经费 1,500 元，取消2024年度申报资格');
  expect(failed.availableActions).toContain('recordRefund');

  expect(refusal(await record(failed, { action: 'recordRefund', refund: payment(150_001) }))).toEqual([
    'INVALID_INPUT',
    expect.stringContaining('退还金额不能超过应付金额'),
  ]);
  const refunded = await recorded(failed, { action: 'recordRefund', refund: { ...payment(150_000), paidOn: '2023-12-01' } });
  expect(refunded).toMatchObject({ status: 'failed', refund: { amountFen: 150_000, paidOn: '2023-12-01' } });
  expect(refunded.availableActions).not.toContain('recordRefund');
  expect(await h.store.find('audit', { entityId: award._id, action: 'recordRefund' })).toHaveLength(1);
});

test('where failing asks no refund (Xuzhou, seed 003: 取消经费奖补资助), none can be recorded', async () => {
  await withStages(h, { advancePercent: 50, failure: { refund: false, withdrawFunding: true, barNextCall: false } });
  let award = await recorded(await approved(), { action: 'disburse', payout: payment(150_000) });
  h.clock.set('2023-11-01T09:00:00+08:00');
  award = await reported(h, OPENID.structure, await decided(h, award, 'issueNotice'));
  award = await reported(h, OPENID.structure, await decided(h, award, 'passMidterm'));
  const failed = await decided(h, award, 'fail', '未完成');
  expect(failed.failure).toMatchObject({ refundDueFen: 0, fundingWithdrawn: true, text: '取消经费奖补资助' });
  expect(failed.availableActions).not.toContain('recordRefund');
  expect(refusal(await record(failed, { action: 'recordRefund', refund: payment(1) }))?.[0]).toBe('TRANSITION_NOT_ALLOWED');
});

test('an extension lets a late report in, is shown to the applicant and is audited with its reason', async () => {
  await withStages(h, { midterm: { categories: [], dueAt: '2023-09-30T23:59:59+08:00' } });
  const award = await decided(h, await approved(), 'issueNotice');
  h.clock.set('2023-10-08T09:00:00+08:00');
  const late = {
    requestId: 'late-midterm-0001',
    applicationId: award._id,
    summary: '中期进展',
    achievements: [],
    fileIds: [],
  };
  expect(refusal(await h.raw(OPENID.structure, 'application.report', { ...late, version: award.version }))).toEqual([
    'REPORT_OVERDUE',
    expect.stringContaining('期限为 2023年9月30日 23:59'),
  ]);
  // An extension must end in the future.
  expect(refusal(await record(award, { action: 'extendDue', until: '2023-10-01T23:59:59+08:00', reason: '国庆假期' }))?.[0]).toBe(
    'INVALID_INPUT',
  );
  await recorded(award, { action: 'extendDue', until: '2023-10-20T23:59:59+08:00', reason: '专家外出，中期评估顺延' });
  const seen = await current(h, OPENID.structure, award._id);
  expect(seen.extension).toMatchObject({
    until: '2023-10-20T15:59:59.000Z',
    reason: '专家外出，中期评估顺延',
    grantedBy: 'user-secretary',
  });
  const filed = await h.as(OPENID.structure, 'application.report', { ...late, version: seen.version });
  expect(filed.status).toBe('midtermSubmitted');
  const [entry] = await h.store.find('audit', { entityId: award._id, action: 'extendDue' });
  expect(entry).toMatchObject({ actorRole: 'secretariat', reason: '专家外出，中期评估顺延' });
});
