// The society programme's whole award lifecycle in a phone-sized Chromium, all through the app: application,
// formal check, review with a recusal, ranking, publicity (and its public page, signed out), approval when
// the notice ends, the approval notice, mid-term, final report, a rectification, acceptance and payout.
// Roles switch by signing out and in with the H5 demo sign-in. Screenshots: test-results/e2e/lifecycle-*.png.
import { apiAs } from './support/api';
import { phoneUi } from './support/phone-ui';
import { PHONE } from './support/stack';
import { phoneForFile } from './support/phone-file';

const CONTACT = '李工（结构专委会）';
const SECRETARY = '王秘书';
const LIU = '刘教授（评审专家）';
const ZHAO = '赵教授（评审专家）';
const ZHOU = '周高工（评审专家，结构专委会）';
const PROJECT = '结构专委会一流学会培育行动';
const PROGRAM = '四川省土木建筑学会2023年创建一流科技社团培育奖励';

const phone = phoneForFile('lifecycle');

/** The secretariat's queue of the programme at a stage tab, from the home page's 申报审核. */
async function openQueue(stageTab: string): Promise<void> {
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('申报审核');
  await phone.ui.tapText(stageTab);
  await phone.ui.see(PROJECT);
}

/** The secretariat opens the application from the queue's stage tab and takes a decision with a confirmation. */
async function decide(stageTab: string, decision: string, confirmLabel: string, after: string, shot: string): Promise<void> {
  await openQueue(stageTab);
  await phone.ui.tapText(PROJECT);
  await phone.ui.press(decision);
  await phone.ui.confirmDialog(confirmLabel);
  await phone.ui.status(after);
  await phone.ui.screenshot(shot);
}

/** The contact opens 我的申报 from the home phone.page. */
async function openMine(): Promise<void> {
  await phone.ui.signInAs(CONTACT);
  await phone.ui.tapText('我的申报');
  await phone.ui.see(PROJECT);
}

/**
 * The contact follows the card's 下一步 to the report the server asks for, fills it in and sends it. The committed
 * indicator shows what the claims hold (承诺 / 已核实 / 待核实) and asks only for the shortfall (尚缺 N), or shows
 * 已足额 with no input once covered.
 */
async function sendReport(
  kind: string,
  summary: string,
  figures: { record: string; missing: number; typed: string } | 'covered',
  after: string,
  shot: string,
): Promise<void> {
  await openMine();
  await phone.ui.tapText(`下一步：提交${kind} ›`);
  await phone.ui.field('请填写报告摘要').fill(summary);
  if (figures === 'covered') {
    await phone.ui.see('已足额');
  } else {
    await phone.ui.see(new RegExp(figures.record));
    await phone.ui.field(`尚缺 ${figures.missing}`).fill(figures.typed);
  }
  await phone.ui.screenshot(shot);
  await phone.ui.press(`提交${kind}`);
  await phone.ui.confirmDialog('提交');
  await phone.ui.status(after); // back on 我的申报, reloaded
}

/** A reviewer opens the task, declares no conflict, scores every criterion, comments and submits. */
async function review(reviewer: string, scores: number[], comment: string, shotPrefix: string): Promise<void> {
  await phone.ui.signInAs(reviewer);
  await phone.ui.tapText('评审任务');
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('利益冲突声明');
  await phone.ui.screenshot(`${shotPrefix}-declaration`);
  await phone.ui.press('本人确认无利益冲突，开始评审');
  await phone.ui.see('评分');
  // One input per criterion, in the programme's order (工作基础, 实施能力, 可行性, 指标贡献, 经费合理性).
  await expect(phone.page.locator('input[placeholder="0–100"]').filter({ visible: true }).count()).resolves.toBe(scores.length);
  for (const [index, score] of scores.entries()) await phone.ui.field('0–100', index).fill(String(score));
  await phone.ui.field('主要优点、不足与建议').fill(comment);
  await phone.ui.see('已填写完整，可以提交');
  await phone.ui.screenshot(`${shotPrefix}-scores`);
  await phone.ui.press('提交评分');
  await phone.ui.confirmDialog('提交');
  await phone.ui.see('评审结果');
}

test('the society programme from application to payout, switching between contact, secretariat and reviewers', async () => {
  // a. The contact applies to the programme (category 培育奖励, its only one).
  await phone.ui.signInAs(CONTACT);
  await phone.ui.see(PROGRAM);
  await phone.ui.screenshot('contact-home');
  await phone.ui.tapText('我的申报');
  await phone.ui.press('新建申报');
  await phone.ui.see('培育奖励');
  await expect(phone.page.locator('.apply-choice--selected').filter({ visible: true }).innerText()).resolves.toContain('培育奖励');
  await phone.ui.field('请输入项目名称').fill(PROJECT);
  await phone.ui.field('请填写实施方案').fill('围绕学术引领力开展结构抗震学术沙龙3场，发布科技成果2项，7月至11月实施，秘书长负责。');
  await phone.ui.field('如：专家劳务费').fill('专家劳务费');
  await phone.ui.field('如：1200').fill('3000');
  await phone.ui.field('如：2 人 × 600 元').fill('3场 × 2人 × 500元');
  await phone.ui.see('合计 3,000 元 / 上限 3,000 元');
  await phone.ui.pickFirst('请选择指标');
  await phone.ui.see('党建强会品牌活动');
  await phone.ui.field('整数').fill('3');
  await phone.ui.field('请输入姓名').fill('李明');
  await phone.ui.tapText('本单位已阅读并同意以上承诺');
  await phone.ui.see('✓ 已填写完整，可以提交');
  await phone.ui.screenshot('contact-application-filled');
  await phone.ui.press('提交申报');
  await phone.ui.confirmDialog('提交');
  await phone.ui.status('已提交，等待形式审查');
  await phone.ui.screenshot('contact-submitted');

  // b. The secretariat passes the formal check and assigns reviewers; the one from the applicant's branch is excluded.
  await openQueue('形式审查');
  await phone.ui.screenshot('secretary-check-queue');
  await phone.ui.tapText(PROJECT);
  await phone.ui.press('形式审查通过');
  await phone.ui.confirmDialog('确定');
  await phone.ui.status('形式审查通过，待分配专家');
  const zhou = phone.page.locator('.admin-pick', { hasText: ZHOU }).filter({ visible: true });
  await expect(zhou.getAttribute('aria-disabled')).resolves.toBe('true');
  await expect(zhou.innerText()).resolves.toContain('回避：与申报单位同属“建筑结构专业委员会”，按回避规定不能评审');
  await phone.ui.tapText(LIU);
  await phone.ui.tapText(ZHAO);
  await phone.ui.screenshot('secretary-assign-reviewers-zhou-excluded');
  await phone.ui.press('分配所选 2 位专家');
  await phone.ui.status('专家评审中');
  await phone.page.locator('.admin-review').filter({ visible: true }).nth(1).waitFor();
  await expect(phone.page.locator('.admin-review').filter({ visible: true }).count()).resolves.toBe(2);

  // c. Each reviewer declares, scores and comments; the second then sees the first one's review.
  await review(LIU, [80, 85, 90, 88, 75], '方案具体，指标可考核；建议细化经费测算。', 'reviewer-liu');
  await phone.ui.see('其他专家尚未提交评分');
  await review(ZHAO, [90, 90, 80, 80, 80], '基础扎实，措施可行。', 'reviewer-zhao');
  // Blind until the ranking is published: 刘教授's review, under a stand-in name.
  const liuCard = phone.page.locator('.review-other', { hasText: '专家A' }).filter({ visible: true });
  await expect(liuCard.innerText()).resolves.toMatch(/85 分[\s\S]*方案具体，指标可考核/);
  await expect(phone.page.locator('.review-other', { hasText: LIU }).filter({ visible: true }).count()).resolves.toBe(0);
  await phone.ui.screenshot('reviewer-zhao-sees-liu');

  // d. The ranking shows the mean (85 and 84 → 84.5); shortlisted, then published for 5 working days from today.
  await openQueue('专家评审');
  await phone.ui.tapText('评审排名');
  const rankRow = phone.page.locator('.admin-rank', { hasText: PROJECT }).filter({ visible: true });
  await expect(rankRow.locator('.admin-rank__mean').innerText()).resolves.toBe('84.5');
  await expect(rankRow.innerText()).resolves.toMatch(/区间 84–85[\s\S]*已评 2\/2/);
  await phone.ui.screenshot('secretary-ranking');
  await phone.ui.press('列入拟立项');
  await phone.ui.status('拟立项，待公示');
  // The notice goes out on 27 September: 5 working days skip the National Day holiday (29 Sep – 6 Oct)
  // and count the make-up workdays of 7 and 8 October, so it runs through 9 October.
  await phone.stack.setClock('2023-09-27T09:00:00+08:00');
  await phone.ui.tapText('公示管理 ›');
  await phone.ui.field('如：学会秘书处 王秘书 028-12345678').fill('学会秘书处 王秘书 028-12345678');
  await phone.ui.press('发布公示（1 项）');
  await phone.ui.confirmDialog('发布');
  await phone.ui.see('公示期 2023年9月27日至2023年10月9日（5 个工作日）');
  await phone.ui.screenshot('secretary-publicity-opened');
  await phone.ui.press('查看公示页');
  await phone.page.waitForFunction(() => location.hash.includes('/public/pages/notice/index?id='));
  const noticeRoute = new URL(phone.page.url()).hash.slice(1);

  // e. Anyone, signed out, opens the notice from a shared link.
  const stranger = await phone.browser.newContext(PHONE);
  const publicPage = await stranger.newPage();
  const publicUi = phoneUi(publicPage, phone.stack.url, 'lifecycle', phone.ui.shots);
  await publicUi.open(noticeRoute);
  await publicUi.see('公示期 2023年9月27日至2023年10月9日');
  await publicUi.see(PROJECT);
  await publicUi.see('建筑结构专业委员会');
  await publicUi.see('5 个工作日 · 公示中');
  await publicUi.screenshot('public-notice-signed-out');
  // Anyone may object, leaving a contact; the notice answers with a receipt.
  await publicUi.field('请写明异议事实和理由').fill('该项目的学术沙龙去年已开展过，请核实是否重复申报。');
  await publicUi.field('请填写真实姓名').fill('张会员');
  await publicUi.field('手机或固定电话').fill('13900000000');
  await publicUi.press('提交异议');
  await publicUi.see(/^YY-\d{8}-\d{3}$/);
  await publicUi.screenshot('public-objection-received');
  expect(publicPage.url()).toContain('/public/pages/notice/index?id='); // not sent to sign in
  await stranger.close();

  // The secretariat looks into the objection and dismisses it (through the api: its screen is not this test's
  // subject), so nothing holds the approval back when the notice ends.
  const secretaryApi = await apiAs(phone.stack.url, 'user-secretary');
  const publicityId = new URLSearchParams(noticeRoute.split('?')[1]).get('id') ?? '';
  const [objection] = await secretaryApi('objection.list', { publicityId });
  expect(objection?.content).toBe('该项目的学术沙龙去年已开展过，请核实是否重复申报。');
  await secretaryApi('objection.handle', {
    objectionId: objection!._id,
    version: objection!.version,
    decision: 'dismissed',
    note: '经核实不属重复申报。',
  });

  // f. The day after the notice ends, the timer approves; the secretariat issues the approval notice.
  const jumped = await phone.stack.setClock('2023-10-10T09:00:00+08:00');
  expect(jumped.closedPublicities).toBe(1);
  await openQueue('实施');
  await phone.ui.status('已立项，待下达通知');
  await phone.ui.screenshot('secretary-approved');
  await phone.ui.tapText(PROJECT);
  await phone.ui.press('下达立项通知');
  await phone.ui.confirmDialog('确定');
  await phone.ui.status('实施中');
  await phone.ui.screenshot('secretary-notice-issued');

  // g. Mid-term report, passed.
  const midterm = { record: '承诺 3，已核实 0，待核实 0', missing: 3, typed: '1' };
  await sendReport('中期报告', '已举办结构抗震学术沙龙1场，参会80人。', midterm, '中期报告已提交，等待审核', 'contact-midterm-report');
  await decide('实施', '中期检查通过', '确定', '中期检查通过', 'secretary-midterm-passed');

  // Final report; the secretariat asks for a rectification within a month, with a reason.
  // The mid-term figure became a claim waiting for verification: the final report asks only for the other 2.
  const final = { record: '承诺 3，已核实 0，待核实 1', missing: 2, typed: '2' };
  await sendReport('结项报告', '完成学术沙龙3场，发布科技成果2项。', final, '结项报告已提交，等待验收', 'contact-final-report');
  await openQueue('验收');
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('结项报告');
  // The reports' figures wait below as claims, each verified on its own.
  await phone.ui.see('以上数量已转为成果填报，在下方“指标完成情况”中逐项核实后计入指标。');
  await phone.ui.press('限期整改');
  await phone.ui.see('整改期 1 个月，预计须于 2023年11月10日 前重新提交（以系统记录为准）。');
  await phone.ui.field('理由（必填）').fill('佐证材料不足，请补充沙龙签到表和现场照片');
  await phone.ui.screenshot('secretary-rectify-reason');
  await phone.ui.confirmNutDialog('确认限期整改');
  await phone.ui.status('限期整改中');

  // The contact sees the reason and the due date, and sends the rectification report.
  await openMine();
  await phone.ui.see('整改要求：佐证材料不足，请补充沙龙签到表和现场照片');
  // One month from the decision: through the last minute of 10 November, as the secretariat's dialog said.
  await phone.ui.see('截止 2023年11月10日 23:59');
  await phone.ui.screenshot('contact-sees-rectification');
  // The commitment is covered by the reports' claims: the rectification report asks for no figure again.
  await sendReport('整改报告', '已补充3场沙龙签到表及现场照片。', 'covered', '整改报告已提交，等待验收', 'contact-rectification-report');

  // Accepted, then paid: the form starts at the balance due (3000 yuan) and today, picked not typed; the clerk adds the voucher.
  await decide('验收', '验收通过', '验收通过', '已验收', 'secretary-accepted');
  await expect(phone.ui.field('如 3000').inputValue()).resolves.toBe('3000');
  await phone.ui.field('财务凭证号').fill('记-2023-10-015');
  await phone.ui.screenshot('secretary-payout-form');
  await phone.ui.press('登记发放');
  await phone.ui.confirmDialog('登记');
  await phone.ui.status('已发放');
  const payout = (await phone.page.locator('.admin-facts').filter({ hasText: '凭证号' }).filter({ visible: true }).innerText()).replace(
    /\s+/g,
    ' ',
  );
  expect(payout).toContain('发放金额 3,000 元');
  expect(payout).toContain('发放日期 2023年10月10日');
  expect(payout).toContain('凭证号 记-2023-10-015');
  await phone.ui.screenshot('secretary-paid');

  // The contact sees the payout, and the messages that went with each step.
  await openMine();
  await phone.ui.status('奖补已发放');
  await phone.ui.see('立项 3,000 元');
  await phone.ui.screenshot('contact-paid');
  await phone.ui.open('/pages/index/index');
  await phone.page.locator('.home-messages').filter({ visible: true }).tap();
  // One message per step the contact was told about (the submission's receipt among them), newest first. What
  // became of each WeChat subscribe message is the secretariat's to see, not a line in the contact's messages.
  await phone.ui.see('11 条未读');
  const latest = (await phone.page.locator('.inbox-item').filter({ visible: true }).first().innerText()).replace(/\s+/g, ' ');
  expect(latest).toContain(`登记奖补发放：${PROJECT}`);
  expect(latest).not.toContain('微信提醒');
  await phone.ui.screenshot('contact-messages');
});
