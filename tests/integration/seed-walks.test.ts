// Each seed programme walked through the api along the whole path its document lays down, failure included.
// Every step cites the line of the source document (/work/shared/seeds) it follows; the programmes differ only
// in their configuration (stages), never in code.
import type { ActionInput, ApplicationView } from '@/core/schemas/actions';
import { OPENID, refusal, requestId, startHarness, type Harness } from '../support/harness';
import {
  addApplicant,
  contentFor,
  current,
  decided,
  provincialReviewer,
  publicizedAndClosed,
  reported,
  REVIEWERS,
  shortlistedBy,
} from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const PROVINCIAL = 'program-sichuan-first-class-society-2023';
const XUZHOU = 'program-xuzhou-2022';
const SUZHOU = 'program-suzhou-2022';
const CIVIL = 'program-sichuan-civil-2023';

/** The secretariat records one of an award's records (agreement, payment after 立项, refund). */
function recorded(secretary: string, application: ApplicationView, record: ActionInput<'application.record'>['record']) {
  return h.as(secretary, 'application.record', { applicationId: application._id, version: application.version, record });
}

/** Opens the programme's result notice (考核结果公示), moves the clock past its end and closes it. */
async function resultNoticed(programId: string, secretary: string, title: string) {
  const { publicity } = await h.as(secretary, 'publicity.open', { programId, title, contact: '秘书处 0000-00000000', kind: 'result' });
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  const { outcomes: results } = await h.as(secretary, 'publicity.close', { publicityId: publicity._id });
  return { publicity, results };
}

/** An award whose result notice has ended: its results confirmed, the secretariat records the payment. */
async function paidAfterResults(secretary: string, applicationId: string, payout: ReturnType<typeof money>) {
  const published = await current(h, secretary, applicationId);
  expect(published.status).toBe('resultPublished');
  return h.as(secretary, 'application.pay', { applicationId, version: published.version, payout });
}

function money(amountFen: number, paidOn: string, voucherNo: string) {
  return { amountFen, paidOn, voucherNo };
}

describe('the provincial call (seeds 002 + 000)', () => {
  test('立项 after the notice, agreement, the whole award paid; mid-term for 一流科技社团 only; a failure after a month of rectification owes the refund and bars next year’s call', async () => {
    h.clock.set('2023-06-20T10:00:00+08:00');
    const sast = OPENID.secretarySast;
    const reviewer = await provincialReviewer(h);
    const eventHost = await addApplicant(h, {
      id: 'sc-event-host',
      name: '四川省电子学会',
      societyId: 'org-sast',
      profile: { rating: '4A', inspections: [{ year: 2022, result: '合格' }] },
    });

    // 002 line 45 (二、（二）立项评审): 形式审查, 专家立项评审, 确定入选项目, 公示, 公示无异议后下达立项通知书.
    const society = await shortlistedBy(h, OPENID.scceas, PROVINCIAL, 'society', sast, reviewer);
    const event = await shortlistedBy(h, eventHost, PROVINCIAL, 'academic-event', sast, reviewer);
    expect(society.availableActions).not.toContain('approve');
    const { publicity, results } = await publicizedAndClosed(h, PROVINCIAL, sast);
    expect(publicity.kind ?? 'shortlist').toBe('shortlist');
    expect(results.map((result) => result.ok)).toEqual([true, true]);
    const approved = await current(h, sast, society._id);
    expect(approved).toMatchObject({ status: 'approved', awardFen: 20_000_000 });
    const implementing = await decided(h, approved, 'issueNotice', undefined, sast);
    expect(implementing.status).toBe('implementing');

    // 002 line 46 (二、（三）经费划拨): 签订项目实施协议 first; the funds are paid on the agreement, all of them (100% after 立项).
    expect(implementing.availableActions).toContain('recordAgreement');
    expect(implementing.availableActions).not.toContain('disburse');
    const early = await h.raw(sast, 'application.record', {
      applicationId: implementing._id,
      version: implementing.version,
      record: { action: 'disburse', payout: money(20_000_000, '2023-07-20', 'CZ-2023-001') },
    });
    expect(refusal(early)?.[0]).toBe('TRANSITION_NOT_ALLOWED');
    const agreed = await recorded(sast, implementing, {
      action: 'recordAgreement',
      agreement: { signedOn: '2023-07-10', reference: '川科协项目〔2023〕01号' },
    });
    expect(agreed.agreement).toMatchObject({ signedOn: '2023-07-10', reference: '川科协项目〔2023〕01号' });
    expect(agreed.availableActions).toContain('disburse');
    const funded = await recorded(sast, agreed, { action: 'disburse', payout: money(20_000_000, '2023-07-20', 'CZ-2023-001') });
    expect(funded.advance).toMatchObject({ amountFen: 20_000_000, paidOn: '2023-07-20' });
    expect(funded.availableActions).not.toContain('disburse');

    // 002 line 11 (一流科技社团 培育方式): 实施期内须接受中期检查 — the final report is not open before the mid-term one.
    h.clock.set('2023-09-15T10:00:00+08:00');
    const societySees = await current(h, OPENID.scceas, funded._id);
    expect(societySees.availableActions).toContain('submitMidterm');
    expect(societySees.availableActions).not.toContain('submitFinal');
    const midterm = await reported(h, OPENID.scceas, funded, '已完成天府科技云示范科创工作室建设。');
    expect(midterm.status).toBe('midtermSubmitted');
    const midtermPassed = await decided(h, midterm, 'passMidterm', undefined, sast);

    // 002 line 23 (一流学术活动 培育方式): 实施期满须接受绩效评估 — no mid-term: straight to the final report.
    const eventApproved = await current(h, sast, event._id);
    const eventImplementing = await decided(h, eventApproved, 'issueNotice', undefined, sast);
    const hostSees = await current(h, eventHost, eventImplementing._id);
    expect(hostSees.availableActions).not.toContain('submitMidterm');
    expect(hostSees.availableActions).toContain('submitFinal');

    // 002 line 47 (二、（四）结项评审): 2024年1月底前结项评审; 未达到要求的, 给予一个月时间限期整改.
    h.clock.set('2024-01-10T10:00:00+08:00');
    const final = await reported(h, OPENID.scceas, midtermPassed, '全年工作总结及佐证材料。');
    expect(final.status).toBe('finalSubmitted');
    h.clock.set('2024-01-15T10:00:00+08:00');
    const rectifying = await decided(h, final, 'rectifyFinal', '推荐论文数量未达到要求', sast);
    expect(rectifying.status).toBe('inRectification');
    // Due at the end of the day a month on (Asia/Shanghai).
    expect(rectifying.dueAt).toBe('2024-02-15T15:59:59.000Z');
    h.clock.set('2024-02-10T10:00:00+08:00');
    const rectified = await reported(h, OPENID.scceas, rectifying, '已补充推荐论文证明。');
    expect(rectified.status).toBe('rectificationSubmitted');

    // 002 line 47: 截至限期整改时间，仍未达到项目实施要求的，项目申报主体需全额退还项目经费，且取消下一年度项目申报资格.
    const failed = await decided(h, rectified, 'fail', '整改后仍未达到项目实施要求', sast);
    expect(failed.status).toBe('failed');
    expect(failed.failure).toMatchObject({ refundDueFen: 20_000_000, fundingWithdrawn: false, barredYear: 2024 });
    expect(failed.failure?.text).toContain('退还已拨付经费 200,000 元');
    expect(failed.failure?.text).toContain('取消2024年度申报资格');
    const seenByApplicant = await current(h, OPENID.scceas, failed._id);
    expect(seenByApplicant.failure?.refundDueFen).toBe(20_000_000);
    expect(failed.availableActions).toContain('recordRefund');
    const refunded = await recorded(sast, failed, { action: 'recordRefund', refund: money(20_000_000, '2024-03-01', 'TH-2024-001') });
    expect(refunded.refund).toMatchObject({ amountFen: 20_000_000, paidOn: '2024-03-01' });
    expect(refunded.availableActions).not.toContain('recordRefund');

    // The 一流学术活动 passes: everything was paid after 立项, so acceptance leaves nothing to pay and it closes.
    const eventAgreed = await recorded(sast, eventImplementing, {
      action: 'recordAgreement',
      agreement: { signedOn: '2023-07-10', reference: '川科协项目〔2023〕02号' },
    });
    const eventFunded = await recorded(sast, eventAgreed, { action: 'disburse', payout: money(20_000_000, '2023-07-20', 'CZ-2023-002') });
    h.clock.set('2024-01-12T10:00:00+08:00');
    const eventFinal = await reported(h, eventHost, eventFunded, '学术活动论文集已上传，推荐论文12篇。');
    const eventAccepted = await decided(h, eventFinal, 'accept', undefined, sast);
    expect(eventAccepted.availableActions).not.toContain('pay');
    expect((await decided(h, eventAccepted, 'close', undefined, sast)).status).toBe('completed');

    // Next year's call of the same series (lineage, year + 1) refuses the failed society with the reason, not the other.
    const thisYear = await h.store.get('programs', PROVINCIAL);
    if (!thisYear) throw new Error('no provincial programme');
    const stamp = { version: 1, createdAt: h.clock.now().toISOString(), updatedAt: h.clock.now().toISOString() };
    await h.store.transaction((tx) =>
      tx.create('programs', {
        ...thisYear,
        ...stamp,
        _id: 'program-sichuan-first-class-society-2024',
        code: 'sichuan-first-class-society-2024',
        name: '2024年天府科技云科技社团能力提升行动（一流科技社团等培育示范项目）',
        year: 2024,
        opensAt: '2024-06-15T00:00:00+08:00',
        deadline: '2024-06-26T23:59:59+08:00',
        implementationEndsAt: '2024-12-31T23:59:59+08:00',
        finalReportDueAt: '2025-01-31T23:59:59+08:00',
      }),
    );
    h.clock.set('2024-06-20T10:00:00+08:00');
    const next = 'program-sichuan-first-class-society-2024';
    const barred = '取消2024年度申报资格';
    const view = await h.as(OPENID.scceas, 'program.get', { programId: next });
    expect(view.categoryStates.every((state) => state.eligibilityIssues.some((issue) => issue.startsWith(barred)))).toBe(true);
    const refused = await h.raw(OPENID.scceas, 'application.create', {
      programId: next,
      requestId: requestId(),
      content: await contentFor(h, next, 'society'),
    });
    expect(refusal(refused)?.[0]).toBe('APPLICANT_NOT_ELIGIBLE');
    expect(refusal(refused)?.[1]).toContain(barred);
    const other = await h.as(eventHost, 'program.get', { programId: next });
    expect(other.categoryStates.every((state) => state.eligibilityIssues.length === 0)).toBe(true);
  });
});

describe('Xuzhou 2022 (seed 003)', () => {
  test('申报立项 with a notice, 中期评估 for all, 验收考核; failing withdraws the funding at once — no rectification, no refund, no bar', async () => {
    h.clock.set('2022-05-20T10:00:00+08:00');
    const xz = OPENID.secretaryXuzhou;
    // 003 lines 44-46: only 服务专项 is limited per society; one society may file two 一流学会 applications.
    const first = await shortlistedBy(h, OPENID.xzCivil, XUZHOU, 'first-class', xz, REVIEWERS.jiang);
    const second = await shortlistedBy(h, OPENID.xzCivil, XUZHOU, 'first-class', xz, REVIEWERS.jiang);

    // 003 line 184: 项目立项…结果及时公示接受监督，公示时间不少于5个工作日.
    expect(first.availableActions).not.toContain('approve');
    const { publicity, results } = await publicizedAndClosed(h, XUZHOU, xz);
    expect(publicity).toMatchObject({ workingDays: 5, opensOn: '2022-05-20', closesOn: '2022-05-26' });
    expect(results.map((result) => result.ok)).toEqual([true, true]);

    // 003 line 182: 申报立项、中期评估、验收考核三阶段 — every category files a mid-term report.
    const failing = await decided(h, await current(h, xz, first._id), 'issueNotice', undefined, xz);
    expect(failing.availableActions).not.toContain('recordAgreement');
    expect(failing.availableActions).not.toContain('disburse');
    const xzSees = await current(h, OPENID.xzCivil, failing._id);
    expect(xzSees.availableActions).toContain('submitMidterm');
    expect(xzSees.availableActions).not.toContain('submitFinal');
    h.clock.set('2022-09-01T10:00:00+08:00');
    const midterm = await reported(h, OPENID.xzCivil, failing, '中期评估材料。');
    const midtermPassed = await decided(h, midterm, 'passMidterm', undefined, xz);
    h.clock.set('2022-12-20T10:00:00+08:00');
    const final = await reported(h, OPENID.xzCivil, midtermPassed, '项目总结报告及品牌建设案例。');

    // 003 line 184: 考核不合格的项目取消经费奖补资助 — no rectification offered, the funding is withdrawn.
    const xzDecides = await current(h, xz, final._id);
    expect(xzDecides.availableActions).toEqual(expect.arrayContaining(['accept', 'fail']));
    expect(xzDecides.availableActions).not.toContain('rectifyFinal');
    expect(
      await h.refused(xz, 'application.decide', {
        applicationId: final._id,
        version: final.version,
        decision: 'rectifyFinal',
        reason: '补充材料',
      }),
    ).toBe('TRANSITION_NOT_ALLOWED');
    const failed = await decided(h, final, 'fail', '未提供突破性工作案例或品牌建设案例', xz);
    expect(failed.failure).toEqual({ refundDueFen: 0, fundingWithdrawn: true, barredYear: null, text: '取消经费奖补资助' });
    expect(failed.availableActions).toEqual([]);
    expect(
      await h.refused(xz, 'application.pay', {
        applicationId: failed._id,
        version: failed.version,
        payout: money(10_000_000, '2023-01-10', 'XZ-2023-001'),
      }),
    ).toBe('TRANSITION_NOT_ALLOWED');
    // Not barred: the same society sees no reason against it in the programme.
    const view = await h.as(OPENID.xzCivil, 'program.get', { programId: XUZHOU });
    expect(view.categoryStates.find((state) => state.key === 'innovative')?.eligibilityIssues).toEqual([]);

    // The other 一流学会 passes 考核; its payment waits for the result notice (003 line 184: 考核结果及时公示).
    h.clock.set('2022-05-27T10:00:00+08:00');
    const passing = await decided(h, await current(h, xz, second._id), 'issueNotice', undefined, xz);
    h.clock.set('2022-09-01T10:00:00+08:00');
    const passingMid = await decided(h, await reported(h, OPENID.xzCivil, passing, '中期评估材料。'), 'passMidterm', undefined, xz);
    h.clock.set('2022-12-21T10:00:00+08:00');
    const accepted = await decided(h, await reported(h, OPENID.xzCivil, passingMid, '项目总结报告。'), 'accept', undefined, xz);
    expect(accepted.status).toBe('accepted');
    expect(accepted.availableActions).not.toContain('pay');
    expect(accepted.availableActions).toContain('openResultNotice');

    // 003 line 184: 考核结果及时公示接受监督，公示时间不少于5个工作日 — only the passed award is listed; it is paid after.
    const resultNotice = await resultNoticed(XUZHOU, xz, '2022年度提升计划考核结果公示');
    expect(resultNotice.publicity).toMatchObject({ kind: 'result', workingDays: 5 });
    expect(resultNotice.publicity.entries.map((entry) => entry.applicationId)).toEqual([accepted._id]);
    expect(resultNotice.results).toEqual([{ applicationId: accepted._id, ok: true, code: null, message: null }]);
    const paid = await paidAfterResults(xz, accepted._id, money(10_000_000, '2023-01-10', 'XZ-2023-002'));
    expect(paid).toMatchObject({ status: 'paid', payout: { amountFen: 10_000_000 } });
    expect((await current(h, xz, failed._id)).status).toBe('failed');
  });
});

describe('the society’s awards (seed 004)', () => {
  test('专家评审, the notice, 立项, 检查指导 (mid-term), acceptance; paid after acceptance; a failure after rectification withdraws the award', async () => {
    // 004 line 11 (三、3.扶优扶强): 通过专家评审，多中选好、好中选优.
    const passing = await shortlistedBy(h, OPENID.structure, CIVIL, 'award', OPENID.secretary, REVIEWERS.liu);
    const failing = await shortlistedBy(h, OPENID.academic, CIVIL, 'award', OPENID.secretary, REVIEWERS.zhao);
    // The notice: the document names none, a declared placeholder of 5 working days.
    const { publicity, results } = await publicizedAndClosed(h, CIVIL, OPENID.secretary);
    expect(publicity).toMatchObject({ workingDays: 5, opensOn: '2023-07-03', closesOn: '2023-07-07' });
    expect(results.map((result) => result.ok)).toEqual([true, true]);

    // 004 line 19: 具体方案实施期内学会安排检查指导和评估 — a mid-term check; no agreement and nothing paid before acceptance.
    const implementing = await decided(h, await current(h, OPENID.secretary, passing._id), 'issueNotice');
    expect(implementing.availableActions).not.toContain('recordAgreement');
    expect(implementing.availableActions).not.toContain('disburse');
    expect((await current(h, OPENID.structure, implementing._id)).availableActions).toContain('submitMidterm');
    expect((await current(h, OPENID.structure, implementing._id)).availableActions).not.toContain('submitFinal');
    h.clock.set('2023-09-01T10:00:00+08:00');
    const midtermPassed = await decided(h, await reported(h, OPENID.structure, implementing, '已开展讲座1场。'), 'passMidterm');
    h.clock.set('2024-01-05T10:00:00+08:00');
    const accepted = await decided(h, await reported(h, OPENID.structure, midtermPassed, '工作总结及佐证材料。'), 'accept');

    // 004 line 19: 学会通过省财政厅、省科协一流科技社团项目验收后…进行奖励支持 — the 3,000 yuan is paid after acceptance.
    expect(accepted.availableActions).toContain('pay');
    const paid = await h.as(OPENID.secretary, 'application.pay', {
      applicationId: accepted._id,
      version: accepted.version,
      payout: money(300_000, '2024-02-20', 'TJ-2024-001'),
    });
    expect(paid).toMatchObject({ status: 'paid', payout: { amountFen: 300_000 } });

    // Failing: the document is silent (a declared placeholder) — a month's rectification, then the award is withdrawn.
    h.clock.set('2023-07-10T10:00:00+08:00');
    const failingImpl = await decided(h, await current(h, OPENID.secretary, failing._id), 'issueNotice');
    h.clock.set('2023-09-01T10:00:00+08:00');
    const failingMid = await decided(h, await reported(h, OPENID.academic, failingImpl, '中期进展。'), 'passMidterm');
    h.clock.set('2024-01-05T10:00:00+08:00');
    const failingFinal = await reported(h, OPENID.academic, failingMid, '工作总结。');
    const rectifying = await decided(h, failingFinal, 'rectifyFinal', '佐证材料不足');
    expect(rectifying.dueAt).toBe('2024-02-05T15:59:59.000Z');
    h.clock.set('2024-02-06T10:00:00+08:00');
    const failed = await decided(h, await current(h, OPENID.secretary, failing._id), 'fail', '整改期满未提交整改报告');
    expect(failed.failure).toEqual({ refundDueFen: 0, fundingWithdrawn: true, barredYear: null, text: '取消经费奖补资助' });
    expect(failed.availableActions).not.toContain('recordRefund');
    expect(failed.availableActions).not.toContain('pay');
  });
});

describe('Suzhou 2022 (seed 001)', () => {
  test('申报 → 预立项 with no notice → 项目实施 → 绩效评审 → (公示发文 before 表彰奖补); failing withdraws the award with no rectification', async () => {
    h.clock.set('2022-03-01T10:00:00+08:00');
    const sz = OPENID.secretarySuzhou;
    // 001 line 36: 申报、预立项、项目实施 — no notice before implementation: 预立项 leads straight to 立项.
    const shortlisted = await shortlistedBy(h, OPENID.szMech, SUZHOU, 'demonstration', sz, REVIEWERS.shen);
    expect(shortlisted.availableActions).not.toContain('openPublicity');
    const noNotice = await h.raw(sz, 'publicity.open', { programId: SUZHOU, title: '拟立项公示', contact: '学会部' });
    expect(refusal(noNotice)).toEqual(['TRANSITION_NOT_ALLOWED', expect.stringContaining('本项目不设立项公示')]);
    expect(shortlisted.availableActions).toContain('approve');
    const approved = await decided(h, shortlisted, 'approve', undefined, sz);
    expect(approved).toMatchObject({ status: 'approved', awardFen: 10_000_000 });
    const implementing = await decided(h, approved, 'issueNotice', undefined, sz);
    // Nothing is paid after 预立项 and there is no agreement or mid-term check (001 line 36: 表彰奖补 is the last stage).
    expect(implementing.availableActions).not.toContain('disburse');
    const applicantSees = await current(h, OPENID.szMech, implementing._id);
    expect(applicantSees.availableActions).not.toContain('submitMidterm');
    expect(applicantSees.availableActions).toContain('submitFinal');

    // 001 line 41: 项目实施完成后…绩效报告书…于2022年10月31日前报送; 绩效评审 judges it.
    h.clock.set('2022-10-20T10:00:00+08:00');
    const final = await reported(h, OPENID.szMech, implementing, '2022年度绩效报告书及总结材料。');
    expect(final.status).toBe('finalSubmitted');
    // Failing the 绩效评审: no rectification (a declared placeholder: the document names no consequence), no award.
    expect((await current(h, sz, final._id)).availableActions).not.toContain('rectifyFinal');
    const failed = await decided(h, final, 'fail', '绩效未达到申报书目标', sz);
    expect(failed.failure).toEqual({ refundDueFen: 0, fundingWithdrawn: true, barredYear: null, text: '取消经费奖补资助' });
    expect(failed.availableActions).toEqual([]);

    // Another project passes the 绩效评审; 001 line 36: 公示发文 comes before 表彰奖补, so it is not paid yet.
    h.clock.set('2022-03-01T10:00:00+08:00');
    const partyShortlisted = await shortlistedBy(h, OPENID.szEnv, SUZHOU, 'party-building', sz, REVIEWERS.shen);
    const partyImplementing = await decided(h, await decided(h, partyShortlisted, 'approve', undefined, sz), 'issueNotice', undefined, sz);
    h.clock.set('2022-10-25T10:00:00+08:00');
    const partyFinal = await reported(h, OPENID.szEnv, partyImplementing, '2022年度绩效报告书。');
    const accepted = await decided(h, partyFinal, 'accept', undefined, sz);
    expect(accepted.status).toBe('accepted');
    expect(accepted.availableActions).not.toContain('pay');
    expect(accepted.availableActions).toContain('openResultNotice');

    // 001 line 36: 绩效评审 → 公示发文 → 表彰奖补: the result notice follows the performance review, then payment.
    const { publicity, results } = await resultNoticed(SUZHOU, sz, '2022年度科技社团能力提升计划绩效评审结果公示');
    expect(publicity).toMatchObject({ kind: 'result', workingDays: 5 });
    expect(Date.parse(publicity.endsAt)).toBeGreaterThan(Date.parse(accepted.decidedAt!));
    expect(publicity.entries.map((entry) => [entry.orgName, entry.awardFen])).toEqual([['苏州市环境科学学会', 3_000_000]]);
    expect(results.map((result) => result.ok)).toEqual([true]);
    const paid = await paidAfterResults(sz, accepted._id, money(3_000_000, '2022-12-30', 'SZ-2022-001'));
    expect(paid).toMatchObject({ status: 'paid', payout: { amountFen: 3_000_000 } });
  });
});
