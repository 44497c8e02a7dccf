// The walking skeleton's whole path in a phone-sized Chromium, switching between the branch contact and
// the secretariat, against the H5 build on the real local server. Screenshots: test-results/e2e/.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SCREENSHOTS, chromiumVersion, launchPhone, startLocalStack, type LocalStack } from './support/stack';

let stack: LocalStack;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  stack = await startLocalStack();
  ({ browser, page } = await launchPhone());
  console.log(`e2e: ${chromiumVersion()} at 375×812 against ${stack.url}`);
});

afterAll(async () => {
  // The last screen, whatever happened: the first place to look when this test fails.
  await page?.screenshot({ path: path.join(SCREENSHOTS, 'last-screen.png'), fullPage: true }).catch(() => undefined);
  await browser?.close();
  await stack?.stop();
});

let shot = 0;
async function screenshot(name: string): Promise<void> {
  shot += 1;
  await page.screenshot({ path: path.join(SCREENSHOTS, `${String(shot).padStart(2, '0')}-${name}.png`), fullPage: true });
}

/** Opens the app afresh at a route, as a person does from a chat link (a hash change alone would not reload). */
async function open(route: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`${stack.url}#${route}`);
}

/** Visible text only: Taro's H5 router keeps earlier pages in the DOM, hidden. */
function text(value: string | RegExp) {
  return page
    .getByText(value, { exact: typeof value === 'string' })
    .filter({ visible: true })
    .first();
}

/** Answers a confirmation dialog (Taro's showModal) with its confirm button. */
async function confirmDialog(label: string): Promise<void> {
  await page.locator('.taro-modal__foot').getByText(label, { exact: true }).filter({ visible: true }).last().tap();
}

/** Taps a button by its label (Taro renders buttons as web components that cover their text). */
async function press(label: string): Promise<void> {
  await page
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`), visible: true })
    .last()
    .tap();
}

/** The native input inside Taro's web component with this placeholder. */
function field(placeholder: string) {
  return page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();
}

async function signInAs(name: string): Promise<void> {
  await open('/pages/login/index');
  await text(name).tap({ force: true });
  await text('切换账号').waitFor();
}

test('a branch contact applies, is returned, resubmits, is approved and claims with a photo; the secretariat sees it all', async () => {
  // The contact opens the programme on the phone.
  await signInAs('李工（结构专委会）');
  await text('四川省土木建筑学会2023年创建一流科技社团培育奖励').waitFor();
  await screenshot('home-contact');

  // Creates an application and saves a draft.
  await text('我的申报').tap({ force: true });
  await press('新建申报');
  await field('请输入项目名称').fill('建筑结构抗震科普进社区');
  await field('请填写工作目标、主要内容、进度安排与预期成果').fill('开展抗震科普讲座3场，发布科技成果3项。');
  // The live count: the plan above has 20 characters.
  await text(/^\s*20\s*\/\s*2000/).waitFor();
  // The form starts with one budget line.
  await field('如：专家劳务费').fill('专家劳务');
  await field('如：1200').fill('3500');
  await field('如：2 人 × 600 元').fill('3场讲座');
  await text(/超过|超出/).waitFor();
  await screenshot('edit-over-budget');
  await field('如：1200').fill('1500');
  // The form starts with one commitment row; the picker opens on the first count indicator.
  await text('请选择指标').tap({ force: true });
  const confirmPick = page.locator('.weui-picker__action', { hasText: '确定' }).last();
  await confirmPick.waitFor();
  await page.waitForTimeout(400); // the picker slides in
  await confirmPick.tap();
  await text('党建强会品牌活动').waitFor();
  await field('整数').fill('3');
  await press('保存草稿');
  // Once saved on the server the form is the application's own page.
  await page.waitForFunction(() => location.hash.includes('id=app_'));
  await screenshot('draft-saved');

  // Leaves; the server restarts; the draft is still there.
  await stack.restart();
  await open('/apply/pages/mine/index');
  await text('建筑结构抗震科普进社区').waitFor();
  await text('建筑结构抗震科普进社区').tap({ force: true });
  await text('提交申报').waitFor();
  await expect(field('请输入项目名称').inputValue()).resolves.toBe('建筑结构抗震科普进社区');
  await press('提交申报');
  await confirmDialog('提交');
  await text(/已提交/).waitFor();
  await screenshot('submitted');

  // The secretariat sees it in the queue and returns it with a reason.
  await signInAs('王秘书');
  await text('申报审核').tap({ force: true });
  await text('建筑结构抗震科普进社区').waitFor();
  await screenshot('queue');
  await text('建筑结构抗震科普进社区').tap({ force: true });
  await press('退回修改');
  await field('退回理由（必填）').fill('预算测算依据不清楚，请补充');
  await screenshot('return-dialog');
  await text('确认退回').tap({ force: true });
  await text('已退回修改').waitFor();

  // The contact sees the status and the reason, edits and resubmits.
  await signInAs('李工（结构专委会）');
  await open('/apply/pages/mine/index');
  await text(/退回理由：预算测算依据不清楚，请补充/).waitFor();
  await screenshot('returned-seen-by-contact');
  await text('建筑结构抗震科普进社区').tap({ force: true });
  await field('如：2 人 × 600 元').fill('3场讲座 × 500元');
  await press('保存草稿');
  await text('已保存').waitFor();
  await press('提交申报');
  await confirmDialog('提交');
  await text(/已提交/).waitFor();

  // The secretariat approves.
  await signInAs('王秘书');
  await text('申报审核').tap({ force: true });
  await text('建筑结构抗震科普进社区').tap({ force: true });
  await press('批准立项');
  await page.locator('.nut-dialog').filter({ visible: true }).waitFor();
  await page.locator('.nut-dialog taro-button-core').filter({ hasText: '批准立项', visible: true }).last().tap();
  await text('已立项').waitFor();

  // The awardee claims an indicator with a photo from the album.
  await signInAs('李工（结构专委会）');
  await open('/apply/pages/mine/index');
  await press('填报指标完成情况');
  await field('整数').fill('2');
  await field('时间、地点、内容、成效等').fill('7月开展党建强会品牌活动2次');
  const chooser = page.waitForEvent('filechooser');
  await press('添加照片');
  await (await chooser).setFiles(path.join(__dirname, 'fixtures', 'activity.png'));
  await page.locator('.apply-photo__image').first().waitFor();
  await screenshot('claim-with-photo');
  await press('提交');
  await text('已提交').waitFor();

  // The secretariat sees the photo full-size and the dashboard rolls up.
  await signInAs('王秘书');
  await text('申报审核').tap({ force: true });
  await text(/^已立项/).tap({ force: true });
  await text('建筑结构抗震科普进社区').tap({ force: true });
  await text('7月开展党建强会品牌活动2次').waitFor();
  await screenshot('detail-with-claim');
  const thumbnail = page.locator('.admin-claim .admin-photos__cell').first();
  await thumbnail.tap();
  await page.waitForTimeout(500);
  await screenshot('photo-full-size');
  const loaded = await page.evaluate(() =>
    Array.from(document.images).some((image) => image.src.includes('/files/evidence/') && image.complete && image.naturalWidth > 100),
  );
  expect(loaded).toBe(true);

  await open('/admin/pages/dashboard/index?programId=program-sichuan-civil-2023');
  await text('党建强会品牌活动').waitFor();
  await screenshot('dashboard');
  const card = page.locator('.admin-indicator', { hasText: '党建强会品牌活动' });
  const cardText = (await card.innerText()).replace(/\s+/g, ' ');
  expect(cardText).toMatch(/目标 1/);
  expect(cardText).toMatch(/省级底线 1/);
  expect(cardText).toMatch(/已承诺 3/);
  expect(cardText).toMatch(/已填报 2/);
});
