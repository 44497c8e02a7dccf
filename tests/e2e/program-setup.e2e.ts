// 王秘书 starts a programme from last year's Xuzhou template, edits a stage, a category, a section's hint and a
// review weight (the form says the weights must add up to 100 before the tap), previews it as an applicant will
// see it, is told the template's dates have passed, picks this year's (and the experts' deadline) and publishes. Phone-sized Chromium (375×812);
// screenshots: test-results/e2e/program-setup-*.png.
import { phoneForFile } from './support/phone-file';

const SECRETARY = '王秘书';
const NAME = '2023年度提升学会服务科技创新能力计划';

const phone = phoneForFile('program-setup');

test('a programme from a template: edited in every part, previewed, its past dates fixed, then published', async () => {
  const { ui, page } = phone;
  await ui.signInAs(SECRETARY);
  await ui.tapText('项目设置');
  await ui.see('2022年度徐州市科协提升学会服务科技创新能力计划');
  // The Xuzhou template is the last of the four.
  await ui.press('从模板新建');
  await ui.field('新项目名称，如 2024年创建一流科技社团培育奖励').fill(NAME);
  await ui.screenshot('new-from-template');
  await ui.press('新建');

  // The settings: every part of the programme.
  await ui.see('流程环节');
  await expect(ui.field('类别名称').inputValue()).resolves.toBe('一流学会');
  await ui.screenshot('settings');
  // A stage: Xuzhou's failure has no rectification; this year it gets one, of two months.
  await ui.tapText('限期整改');
  await ui.see('整改期限（月）');
  const months = page.locator('.admin-field', { hasText: '整改期限（月）' }).locator('input').filter({ visible: true }).first();
  await months.fill('2');
  // A category's description, a section's hint.
  await ui.field('类别说明，申报单位可见').fill('面向市级学会，重点支持学术引领和服务创新。');
  await ui.field('填写提示，申报单位可见').fill('写明近三年承担的重点工作和取得的成效。');
  // A weight: 35 + 30 + 25 + 15 is 105, and the form says so in the schema's words before the tap.
  await ui.field('权重', 0).fill('35');
  await ui.see('评审指标权重合计须为 100');
  await ui.see('权重合计 105');
  await ui.screenshot('weights-over-100');
  await ui.field('权重', 3).fill('10');
  await ui.see('权重合计 100');
  await ui.press('保存设置');
  await ui.see('已保存');

  // The preview: as an applicant will see it, with the stages in order; the template's dates have passed.
  await ui.press('预览');
  await ui.see('面向市级学会，重点支持学术引领和服务创新。');
  await ui.see('写明近三年承担的重点工作和取得的成效。');
  await ui.see(/限期整改：未通过的可整改 2 个月/);
  await ui.see(/考核未通过：取消经费奖补资助/);
  await ui.see('申报截止时间、实施结束时间、结项报告截止时间已过，请先在项目设置中改为今后的时间再发布');
  await ui.screenshot('preview-past-dates');
  // The publish button is there but greyed out (NutUI marks it with its disabled class).
  const publish = page.locator('taro-button-core', { hasText: /^\s*发布\s*$/ }).filter({ visible: true });
  await expect(publish.getAttribute('class')).resolves.toMatch(/disabled/);

  // Back to the settings: this year's dates, saved, previewed again and published.
  await ui.press('返回修改');
  // Dates are picked, never typed; each keeps its time of day (申报开始 00:00, the others 23:59).
  await ui.pickDay('申报开始日期', '2023-08-01');
  await ui.pickDay('申报截止日期', '2023-09-30');
  await ui.pickDay('实施结束日期', '2024-06-30');
  await ui.pickDay('结项报告截止日期', '2024-07-15');
  await ui.see('2023年8月1日');
  // The experts' deadline is new: its picker offers only days inside the programme's period.
  await ui.pickDay('专家评审截止时间日期', '2023-10-20');
  await ui.see('2023年10月20日');
  await ui.screenshot('dates-picked');
  // The two service categories closed early last year; this year they close with the programme.
  await ui.press('清除');
  await ui.press('清除');
  await ui.press('保存设置');
  await ui.see('已保存');
  await ui.press('预览');
  await ui.see(/申报：2023年8月1日/);
  await ui.screenshot('preview-ready');
  await ui.press('发布');
  await ui.status('已发布');
  await ui.screenshot('published');

  // On the list it is live, no longer a draft.
  await ui.signInAs(SECRETARY);
  await ui.tapText('项目设置');
  await ui.see(NAME);
  await expect(page.locator('.admin-program', { hasText: NAME }).filter({ visible: true }).first().textContent()).resolves.not.toContain(
    '草稿',
  );
});
