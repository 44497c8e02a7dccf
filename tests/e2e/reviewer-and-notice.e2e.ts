// An expert with two tasks steps back from one on a conflict (the secretariat is told and cannot assign them again),
// moves on with 下一份 to the other, scores it with each criterion's bands in view and sees the other expert's score
// unnamed; then the public notice names its issuing body and date, and an objection gets a number to quote, which
// the secretariat finds. Screenshots: test-results/e2e/reviewer-notice-*.png.
import { apiAs } from './support/api';
import { submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';

const ZHAO = '赵教授（评审专家）';
const FIRST = '建筑结构抗震科普进社区';
const SECOND = '学术工委青年科技沙龙';
const PROGRAM_ID = 'program-sichuan-civil-2023';

const phone = phoneForFile('reviewer-notice');

test('an expert steps back from one task, scores the next blind to names; the notice is signed and its objection receipt found', async () => {
  const { stack } = phone;
  const secretary = await apiAs(stack.url, 'user-secretary');
  const liu = await apiAs(stack.url, 'user-reviewer');
  const first = await submittedOverApi(stack, 'e2e-reviewer-notice-1');
  const second = await submittedOverApi(stack, 'e2e-reviewer-notice-2', { userId: 'user-contact-academic', projectName: SECOND });
  const versionOf = async (applicationId: string) => (await secretary('application.get', { applicationId })).application.version;
  for (const applicationId of [first, second]) {
    await secretary('application.decide', { applicationId, version: await versionOf(applicationId), decision: 'passCheck' });
    await secretary('review.assign', {
      applicationId,
      version: await versionOf(applicationId),
      reviewerIds: ['user-reviewer', 'user-reviewer-scu'],
    });
  }
  // 刘教授 scores the second application first (over the api: his screens are the lifecycle test's).
  const liuTask = (await liu('review.mine', {})).items.find((task) => task.applicationId === second)!;
  const declared = await liu('review.declare', { reviewId: liuTask._id, version: liuTask.version, noConflict: true });
  const { program } = await liu('review.open', { reviewId: liuTask._id });
  await liu('review.submit', {
    reviewId: liuTask._id,
    version: declared.version,
    scores: program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: 80 })),
    comment: '沙龙主题明确。',
  });

  // 赵教授 declares a conflict on the first and steps back.
  await phone.ui.signInAs(ZHAO);
  await phone.ui.tapText('评审任务');
  await phone.ui.tapText(FIRST);
  await phone.ui.see('利益冲突声明');
  await phone.ui.press('存在利益冲突，申请回避');
  await phone.ui.field('如：本人曾与该项目负责人合作发表论文').fill('本人曾与该项目负责人合作发表论文');
  await phone.ui.screenshot('declare-conflict');
  await phone.ui.press('确认回避，退出该项评审');
  await phone.ui.confirmDialog('确认回避');
  await phone.ui.see('已申请回避');
  await phone.ui.see('说明：本人曾与该项目负责人合作发表论文');
  await phone.ui.screenshot('stepped-back');

  // The secretariat is told, and the expert is no longer offered for that application.
  const told = (await secretary('notification.list', {})).items.find((message) => message.title.startsWith('专家申请回避'));
  expect(told?.body).toContain('赵教授');
  const candidates = await secretary('review.candidates', { applicationId: first });
  expect(candidates.find((candidate) => candidate.userId === 'user-reviewer-scu')?.excludedBecause).toContain('声明利益冲突');

  // 下一份 opens the second task; its score sheet shows each criterion's bands.
  await phone.ui.press(`下一份：${SECOND}`);
  await phone.ui.see('利益冲突声明');
  await phone.ui.press('本人确认无利益冲突，开始评审');
  await phone.ui.see('原文未载明评分档次，以下各档按满分平均划分，仅供参考');
  for (const band of ['优 75–100', '良 50–74', '中 25–49', '差 0–24']) await phone.ui.see(band);
  const inputs = phone.page.locator('input[placeholder="0–100"]').filter({ visible: true });
  const count = await inputs.count();
  for (let index = 0; index < count; index += 1) await phone.ui.field('0–100', index).fill('90');
  await phone.ui.see('档次：优');
  await phone.ui.field('主要优点、不足与建议').fill('选题贴近青年科技工作者需求。');
  await phone.ui.screenshot('scores-with-bands');
  await phone.ui.press('提交评分');
  await phone.ui.confirmDialog('提交');
  await phone.ui.see('评审结果');
  // 刘教授's score is there, his name is not, until the secretariat publishes the ranking.
  await phone.ui.see('专家A');
  await phone.ui.see('秘书处公布评审结果前，其他专家的姓名不显示。');
  await expect(phone.page.locator('.review-other', { hasText: '刘教授' }).filter({ visible: true }).count()).resolves.toBe(0);
  await phone.ui.see('没有待评审的申报了。');
  await phone.ui.screenshot('scored-next-none');

  // The second is shortlisted and published; anyone sees who issues the notice and when.
  await secretary('application.decide', { applicationId: second, version: await versionOf(second), decision: 'shortlist' });
  const { publicity } = await secretary('publicity.open', {
    programId: PROGRAM_ID,
    title: '拟立项项目公示',
    contact: '秘书处 王秘书 028-12345678',
  });
  await phone.ui.open(`/public/pages/notice/index?id=${publicity._id}`);
  await phone.ui.see('发布单位：四川省土木建筑学会 · 发布日期：2023年7月3日');
  await phone.ui.see(SECOND);
  await phone.ui.field('请写明异议事实和理由').fill('该沙龙去年已获资助，请核实是否重复申报。');
  await phone.ui.field('请填写真实姓名').fill('张会员');
  await phone.ui.field('手机或固定电话').fill('13900000000');
  await phone.ui.press('提交异议');
  await phone.ui.see(/^YY-\d{8}-\d{3}$/);
  const receiptNo = (await phone.page.locator('.notice-receipt__number').filter({ visible: true }).innerText()).trim();
  await phone.ui.see(/请记下受理编号，向秘书处查询时报此编号即可/);
  await phone.ui.screenshot('notice-signed-objection-receipt');

  // The secretariat finds the objection by the number the caller quotes.
  const objections = await secretary('objection.list', { publicityId: publicity._id });
  expect(objections.map((objection) => objection.receiptNo)).toEqual([receiptNo]);
});
