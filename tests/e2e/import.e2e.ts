// The secretariat imports its units from Excel in a phone-sized Chromium, against the H5 build on the real local
// server: downloads the template, fills 30 units into it (exceljs, as a spreadsheet program would), imports the
// file in one step and finds the 30 units in the list. Screenshots: test-results/e2e/import-*.png.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fillTemplate, unitRow, unitRows, unitSheet } from '../support/unit-sheets';
import { phoneForFile } from './support/phone-file';

const SECRETARY = '王秘书';
/** The demo society's own units before the import. */
const DEMO_UNITS = 6;

let workDir: string;

const phone = phoneForFile('import', async () => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

beforeAll(async () => {
  workDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-import-'));
});

test('30 units import from an Excel file in one step', async () => {
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('下属单位');
  await phone.ui.see(`${DEMO_UNITS} 个`);

  // The template downloads as a file.
  const downloading = phone.page.waitForEvent('download');
  await phone.ui.press('下载导入模板');
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('四川省土木建筑学会-下属单位导入模板.xlsx');
  const templatePath = path.join(workDir, download.suggestedFilename());
  await download.saveAs(templatePath);
  await phone.ui.screenshot('template-downloaded');

  // Filled in with 30 units, it goes back through the browser's file chooser.
  const rows = unitRows(30, '导入演示');
  const filledPath = path.join(workDir, '下属单位-已填写.xlsx');
  writeFileSync(filledPath, await fillTemplate(readFileSync(templatePath), rows));
  const choosing = phone.page.waitForEvent('filechooser');
  await phone.ui.press('从 Excel 导入');
  await (await choosing).setFiles(filledPath);

  await phone.ui.see('已导入 30 个单位');
  await phone.ui.see(`${DEMO_UNITS + 30} 个`);
  for (const [name] of rows) await expect(phone.ui.text(String(name)).isVisible()).resolves.toBe(true);
  // Listed in the sheet's order, after the demo units.
  const names = await phone.page.locator('.admin-list__name').filter({ visible: true }).allInnerTexts();
  expect(names.slice(DEMO_UNITS)).toEqual(rows.map(([name]) => name));
  await phone.page.locator('.taro__toast').filter({ visible: true }).waitFor({ state: 'hidden' });
  await phone.ui.screenshot('imported');
});

test('a sheet with refused rows imports nothing and lists each row with its reasons', async () => {
  const badPath = path.join(workDir, '下属单位-有误.xlsx');
  writeFileSync(
    badPath,
    await unitSheet([unitRow('青年工作委员会'), unitRow('学术工作委员会'), unitRow('四川省力学学会', { kind: '学会', rating: '6A' })]),
  );
  const choosing = phone.page.waitForEvent('filechooser');
  await phone.ui.press('从 Excel 导入');
  await (await choosing).setFiles(badPath);
  await phone.ui.see('未导入任何单位：2 行有问题，请改正后重新导入整个文件');
  await phone.ui.see('单位名称：已有名为“学术工作委员会”的单位');
  await phone.ui.see('单位类型：学会只能管理分支机构、会员单位');
  await phone.ui.see(`${DEMO_UNITS + 30} 个`);
  await expect(phone.ui.text('青年工作委员会').isVisible()).resolves.toBe(false);
  await phone.ui.screenshot('refused-rows');
});
