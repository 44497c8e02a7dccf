// The secretariat imports its units from Excel in a phone-sized Chromium, against the H5 build on the real local
// server: downloads the template, fills 30 units into it (exceljs, as a spreadsheet program would), imports the
// file in one step and finds the 30 units in the list. Screenshots: test-results/e2e/import-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { fillTemplate, unitRow, unitRows, unitSheet } from '../support/unit-sheets';
import { phoneUi, type PhoneUi } from './support/phone-ui';
import { SCREENSHOTS, chromiumVersion, launchPhone, startLocalStack, type LocalStack } from './support/stack';

const SECRETARY = '王秘书';
/** The demo society's own units before the import. */
const DEMO_UNITS = 6;

let stack: LocalStack;
let browser: Browser;
let page: Page;
let ui: PhoneUi;
let workDir: string;

beforeAll(async () => {
  stack = await startLocalStack();
  ({ browser, page } = await launchPhone());
  ui = phoneUi(page, stack.url, 'import');
  workDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-import-'));
  console.log(`e2e import: ${chromiumVersion()} at 375×812 against ${stack.url}`);
});

afterAll(async () => {
  await page?.screenshot({ path: path.join(SCREENSHOTS, 'import-last-screen.png'), fullPage: true }).catch(() => undefined);
  await browser?.close();
  await stack?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('30 units import from an Excel file in one step', async () => {
  await ui.signInAs(SECRETARY);
  await ui.tapText('下属单位');
  await ui.see(`${DEMO_UNITS} 个`);

  // The template downloads as a file.
  const downloading = page.waitForEvent('download');
  await ui.press('下载导入模板');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('四川省土木建筑学会-下属单位导入模板.xlsx');
  const templatePath = path.join(workDir, download.suggestedFilename());
  await download.saveAs(templatePath);
  await ui.screenshot('template-downloaded');

  // Filled in with 30 units, it goes back through the browser's file chooser.
  const rows = unitRows(30, '导入演示');
  const filledPath = path.join(workDir, '下属单位-已填写.xlsx');
  writeFileSync(filledPath, await fillTemplate(readFileSync(templatePath), rows));
  const choosing = page.waitForEvent('filechooser');
  await ui.press('从 Excel 导入');
  await (await choosing).setFiles(filledPath);

  await ui.see('已导入 30 个单位');
  await ui.see(`${DEMO_UNITS + 30} 个`);
  for (const [name] of rows) await expect(ui.text(String(name)).isVisible()).resolves.toBe(true);
  // Listed in the sheet's order, after the demo units.
  const names = await page.locator('.admin-list__name').filter({ visible: true }).allInnerTexts();
  expect(names.slice(DEMO_UNITS)).toEqual(rows.map(([name]) => name));
  await page.locator('.taro__toast').filter({ visible: true }).waitFor({ state: 'hidden' });
  await ui.screenshot('imported');
});

test('a sheet with refused rows imports nothing and lists each row with its reasons', async () => {
  const badPath = path.join(workDir, '下属单位-有误.xlsx');
  writeFileSync(
    badPath,
    await unitSheet([unitRow('青年工作委员会'), unitRow('学术工作委员会'), unitRow('四川省力学学会', { kind: '学会', rating: '6A' })]),
  );
  const choosing = page.waitForEvent('filechooser');
  await ui.press('从 Excel 导入');
  await (await choosing).setFiles(badPath);
  await ui.see('未导入任何单位：2 行有问题，请改正后重新导入整个文件');
  await ui.see('单位名称：已有名为“学术工作委员会”的单位');
  await ui.see('单位类型：学会只能管理分支机构、会员单位');
  await ui.see(`${DEMO_UNITS + 30} 个`);
  await expect(ui.text('青年工作委员会').isVisible()).resolves.toBe(false);
  await ui.screenshot('refused-rows');
});
