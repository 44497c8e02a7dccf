// The applicant's path around an award in a phone-sized Chromium, against the H5 build on the real local
// server: a draft that survives a server restart, a return with a reason and a resubmission, then (once
// awarded) a claim with a photo from the file chooser that the secretariat verifies and the dashboard counts.
// Screenshots: test-results/e2e/award-path-*.png.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { asJpeg, withExifTime } from '../support/photos';
import { awardOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';

const CONTACT = '李工（结构专委会）';
const SECRETARY = '王秘书';
const PROJECT = '建筑结构抗震科普进社区';

const phone = phoneForFile('award-path');

test('a contact drafts, survives a restart, is returned and resubmits; once awarded claims with a photo the secretariat verifies', async () => {
  // The contact starts an application and saves a draft; the form checks the budget and counts the plan.
  await phone.ui.signInAs(CONTACT);
  await phone.ui.tapText('我的申报');
  await phone.ui.press('新建申报');
  await phone.ui.field('请输入项目名称').fill(PROJECT);
  await phone.ui.field('请填写实施方案').fill('开展抗震科普讲座3场，发布科技成果3项。');
  await phone.ui.see('20 / 2000'); // the live count: the plan above has 20 characters
  await phone.ui.field('如：专家劳务费').fill('专家劳务');
  await phone.ui.field('如：1200').fill('3500');
  await phone.ui.field('如：2 人 × 600 元').fill('3场讲座');
  await phone.ui.see('预算合计超过上限，请调整后再保存或提交');
  await phone.ui.screenshot('over-budget');
  await phone.ui.field('如：1200').fill('1500');
  await phone.ui.see('合计 1,500 元 / 上限 3,000 元');
  await phone.ui.pickFirst('请选择指标');
  await phone.ui.see('党建强会品牌活动');
  await phone.ui.field('整数').fill('3');
  await phone.ui.press('保存草稿');
  // Once saved on the server the form is the application's own page.
  await phone.page.waitForFunction(() => location.hash.includes('id=app_'));
  await phone.ui.status('草稿（未提交）');
  await phone.ui.screenshot('draft-saved');
  const applicationId = new URLSearchParams(new URL(phone.page.url()).hash.split('?')[1]).get('id')!;

  // The server restarts; the draft is still there, and the contact signs and submits it.
  await phone.stack.restart();
  await phone.ui.open('/apply/pages/mine/index');
  await phone.ui.status('草稿（未提交）');
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('提交前检查');
  await expect(phone.ui.field('请输入项目名称').inputValue()).resolves.toBe(PROJECT);
  await phone.ui.see('○ 未填写：申报承诺签名');
  await phone.ui.field('请输入姓名').fill('李明');
  await phone.ui.tapText('本单位已阅读并同意以上承诺');
  await phone.ui.see('✓ 已填写完整，可以提交');
  await phone.ui.press('提交申报');
  await phone.ui.confirmDialog('提交');
  await phone.ui.status('已提交，等待形式审查');
  await phone.ui.screenshot('submitted-after-restart');

  // The secretariat returns it with a reason.
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('申报审核');
  await phone.ui.tapText('形式审查');
  await phone.ui.tapText(PROJECT);
  await phone.ui.press('退回修改');
  await phone.ui.field('理由（必填）').fill('预算测算依据不清楚，请补充');
  await phone.ui.screenshot('return-with-reason');
  await phone.ui.confirmNutDialog('确认退回修改');
  await phone.ui.status('已退回修改');

  // The contact sees the status and the reason, edits and resubmits.
  await phone.ui.signInAs(CONTACT);
  await phone.ui.tapText('我的申报');
  await phone.ui.status('已退回，请修改后重新提交');
  await phone.ui.see('退回理由：预算测算依据不清楚，请补充');
  await phone.ui.screenshot('returned-seen-by-contact');
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('退回理由：预算测算依据不清楚，请补充');
  await phone.ui.field('如：2 人 × 600 元').fill('3场讲座 × 500元');
  await phone.ui.press('保存草稿');
  await phone.ui.see('已保存');
  await phone.ui.press('重新提交');
  await phone.ui.confirmDialog('提交');
  await phone.ui.status('已重新提交，等待形式审查');

  await awardOverApi(phone.stack, applicationId);

  // The awardee claims an indicator with a photo chosen through the file chooser.
  await phone.ui.open('/apply/pages/mine/index');
  await phone.ui.status('实施中');
  await phone.ui.tapText(PROJECT);
  await phone.ui.press('填报指标完成情况');
  await phone.ui.see('承诺 3 个，已填报 0，已核实 0 个');
  // Past the commitment the form warns but still lets the contact claim.
  await phone.ui.field('整数').fill('5');
  await phone.ui.see('填报后合计 5 个，超过承诺的 3 个；可以提交，超出部分同样需秘书处核实');
  await phone.ui.screenshot('claim-past-commitment');
  await phone.ui.field('整数').fill('2');
  await expect(phone.page.locator('.apply-notice--warning').filter({ visible: true }).count()).resolves.toBe(0);
  await phone.ui.field('时间、地点、内容、成效等').fill('7月开展党建强会品牌活动2次');
  // The activity's day (the picker starts on the server's today) and place.
  await phone.ui.pickFirst('选择活动日期');
  await phone.ui.field('活动地点，如 成都市武侯区 学会报告厅').fill('成都市武侯区 学会报告厅');
  // A camera's JPEG with its capture time in EXIF: the phone redraws it smaller (dropping EXIF) and reports the time.
  const photo = withExifTime(await asJpeg(await readFile(path.join(__dirname, 'fixtures', 'activity.png'))), '2023:07:08 09:30:00');
  const chooser = phone.page.waitForEvent('filechooser');
  await phone.ui.press('添加照片');
  await (await chooser).setFiles({ name: 'activity.jpg', mimeType: 'image/jpeg', buffer: photo });
  await phone.page.locator('.apply-photo--done .apply-photo__image').first().waitFor();
  await phone.ui.screenshot('claim-with-photo');
  await phone.ui.press('提交');
  await phone.ui.status('实施中'); // back on the application

  // The secretariat opens the photo full-size, verifies the claim, and the dashboard counts it.
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('申报审核');
  await phone.ui.tapText('实施');
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('7月开展党建强会品牌活动2次');
  await phone.ui.see(/地点 成都市武侯区 学会报告厅/);
  // The stored photo carries no EXIF (the phone redrew it): its capture time is the one the phone read.
  await phone.ui.see(/照片 1：拍摄时间 2023年7月8日 09:30（手机读取） · 上传时间 /);
  await phone.ui.screenshot('claim-to-verify');
  await phone.page.locator('.admin-claim .admin-photos__cell').filter({ visible: true }).first().tap();
  await phone.page.waitForFunction(() =>
    Array.from(document.images).some(
      (image) => image.src.includes('/files/evidence/') && image.complete && image.naturalWidth >= 300 && image.getClientRects().length > 0,
    ),
  );
  await phone.ui.screenshot('photo-full-size');
  await phone.page.locator('.preview-image').tap(); // a tap closes Taro's H5 preview
  await phone.page.locator('.preview-image').waitFor({ state: 'detached' });
  await phone.ui.press('核实');
  await phone.page.locator('.admin-claim .nut-tag', { hasText: '已核实' }).filter({ visible: true }).waitFor();
  await phone.ui.screenshot('claim-verified');

  await phone.ui.open('/pages/index/index');
  await phone.ui.tapText('指标看板');
  await phone.ui.see('党建强会品牌活动');
  const card = phone.page.locator('.admin-indicator', { hasText: '党建强会品牌活动' }).filter({ visible: true });
  const cardText = (await card.innerText()).replace(/\s+/g, ' ');
  // The society's plan names two 党建强会 brands (seed 004 line 14), above the province's floor of one.
  expect(cardText).toContain('目标 2 个');
  expect(cardText).toContain('省级底线 1 个');
  expect(cardText).toContain('各奖补项目承诺 3 个');
  expect(cardText).toContain('已填报 2 个');
  expect(cardText).toContain('已核实 2 个');
  expect(cardText).toContain('已达标');
  await phone.ui.screenshot('dashboard');
});
