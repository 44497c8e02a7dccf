// Downloads on the phone (H5, a 375×812 Chromium): the secretariat taps a download on the 指标看板, the function
// makes the file into storage, the screen shows it being made, and the browser saves it under its Chinese name.
// The file is read back: the ledger with exceljs, the 绩效自评 through its word/document.xml.
// Screenshots: test-results/e2e/exports-*.png.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import { apiAs } from './support/api';
import { phoneForFile } from './support/phone-file';

const SECRETARY = '王秘书';
const PROGRAM_ID = 'program-sichuan-civil-2023';

const phone = phoneForFile('exports');

async function downloaded(label: string) {
  const download = phone.page.waitForEvent('download');
  await phone.ui.press(label);
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('the secretariat downloads the award ledger and the 绩效自评 from the 指标看板, and their figures are the board’s', async () => {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const board = await secretary('dashboard.get', { programId: PROGRAM_ID });
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('指标看板');
  await phone.ui.see('下载奖补台账（Excel）');
  await phone.ui.screenshot('dashboard-downloads');

  const ledger = await downloaded('下载奖补台账（Excel）');
  expect(ledger.name).toMatch(/奖补台账\.xlsx$/);
  await phone.ui.see(/已生成：.*奖补台账\.xlsx/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(ledger.bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('奖补台账');
  let awardYuan = 0;
  sheet?.eachRow((row, number) => {
    const value = row.getCell(4).value;
    if (number > 1 && typeof value === 'number') awardYuan += value;
  });
  expect(Math.round(awardYuan * 100)).toBe(board.grantedFen);

  const report = await downloaded('下载绩效自评报告（Word）');
  expect(report.name).toMatch(/绩效自评报告\.docx$/);
  const xml = (await (await JSZip.loadAsync(report.bytes)).file('word/document.xml')?.async('string')) ?? '';
  for (const row of board.rows) expect(xml).toContain(row.name);
  await phone.ui.screenshot('dashboard-downloaded');
});
