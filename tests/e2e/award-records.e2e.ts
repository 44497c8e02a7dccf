// What the secretariat records on an award, through the screens, in a phone-sized Chromium: the signed agreement,
// the payment after 立项 starting at the advance due (half of 3,000 yuan here), and an extension of the report due,
// its day picked; the contact then reads them in the award's record. Screenshots: test-results/e2e/award-records-*.png.
import { apiAs } from './support/api';
import { awardOverApi, submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';
import { editOf } from '../support/program-edit';

const CONTACT = '李工（结构专委会）';
const SECRETARY = '王秘书';
const PROJECT = '建筑结构抗震科普进社区';
const PROGRAM_ID = 'program-sichuan-civil-2023';

const phone = phoneForFile('award-records');

/** An award of the demo programme, paid half after 立项 on a signed agreement, submitted and taken to implementation over the api. */
async function implementingOverApi(): Promise<string> {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const program = await secretary('program.get', { programId: PROGRAM_ID });
  await secretary('program.update', {
    programId: PROGRAM_ID,
    version: program.version,
    edit: { ...editOf(program), stages: { ...editOf(program).stages, agreement: true, advancePercent: 50 } },
  });
  const applicationId = await submittedOverApi(phone.stack, 'e2e-award-records-0001');
  await awardOverApi(phone.stack, applicationId);
  return applicationId;
}

test('the secretariat records the agreement, the payment after 立项 and an extension; the contact reads them', async () => {
  const applicationId = await implementingOverApi();
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open(`/admin/pages/detail/index?id=${applicationId}`);

  // Before the agreement nothing may be paid: only its form shows.
  await phone.ui.see('登记实施协议');
  await expect(phone.page.getByText('登记经费拨付（立项后）').filter({ visible: true }).count()).resolves.toBe(0);
  await phone.ui.field('如：川土建协〔2023〕12号').fill('川土建协〔2023〕12号');
  await phone.ui.screenshot('agreement-form');
  await phone.ui.press('登记协议');
  await phone.ui.confirmDialog('确定');
  await phone.ui.see('实施协议');

  // The payment after 立项 starts at the advance due, today.
  await phone.ui.see('应付 1,500 元');
  await expect(phone.ui.field('如 3000').inputValue()).resolves.toBe('1500');
  await phone.ui.field('财务凭证号').fill('记-2023-07-021');
  await phone.ui.press('登记拨付');
  await phone.ui.confirmDialog('登记');
  await phone.ui.see('经费拨付（立项后）');
  const advance = (await phone.page.locator('.admin-facts').filter({ hasText: '拨付金额' }).filter({ visible: true }).innerText()).replace(
    /\s+/g,
    ' ',
  );
  expect(advance).toContain('拨付金额 1,500 元');
  expect(advance).toContain('拨付日期 2023年7月10日');

  // An extension of the report due: the day and time are picked (here the pickers' starting day is kept).
  await phone.ui.field('如：受疫情影响，活动顺延').fill('专家外出，中期评估顺延');
  await phone.ui.screenshot('extension-form');
  await phone.ui.press('批准延期');
  await phone.ui.confirmDialog('确定');
  await phone.ui.see('专家外出，中期评估顺延');
  await phone.ui.screenshot('records');

  // The contact reads the award's record and the extension.
  await phone.ui.signInAs(CONTACT);
  await phone.ui.tapText('我的申报');
  await phone.ui.see(/已获准延期至 .*：专家外出，中期评估顺延/);
  await phone.ui.tapText(PROJECT);
  await phone.ui.see('实施协议 川土建协〔2023〕12号，2023年7月10日签订');
  await phone.ui.see('立项后拨付 1,500 元，2023年7月10日');
  await phone.ui.screenshot('contact-record');
});
