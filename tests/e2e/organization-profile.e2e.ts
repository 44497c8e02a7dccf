// The organiser's page of one unit in a phone-sized Chromium: its dated facts in Chinese dates, its history
// across years, and the profile edited with pickers and chips (a 通报 removed, a year's inspection added),
// after which the provincial call no longer refuses it. Screenshots: test-results/e2e/organization-profile-*.png.
import { apiAs } from './support/api';
import { phoneForFile } from './support/phone-file';

const SECRETARY = '省科协学会部';
const UNIT = '四川省机械工程学会';
const PROVINCIAL = 'program-sichuan-first-class-society-2023';

const phone = phoneForFile('organization-profile');

test('the secretariat reads a unit’s dated facts, removes a 通报 and adds an inspection; the provincial call then admits it', async () => {
  const contact = await apiAs(phone.stack.url, 'user-contact-sc-mech');
  const before = await contact('program.get', { programId: PROVINCIAL });
  expect(before.categoryStates[0]?.eligibilityIssues).toEqual([
    '两年内被通报并限期整改的不得申报（本单位：2022年9月20日被四川省科协通报并限期整改）',
  ]);

  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open('/admin/pages/organizations/index');
  await phone.ui.see(UNIT);
  const card = phone.page.locator('.admin-program').filter({ hasText: UNIT, visible: true });
  await card.locator('taro-button-core').filter({ hasText: '详情' }).tap();
  await phone.ui.see('4A级（2020年评定）');
  await phone.ui.see('2022年度：基本合格');
  await phone.ui.see('2022年9月20日 四川省科协通报并限期整改：年度工作报告逾期未报送，限期一个月整改');
  await phone.ui.see('暂无申报记录（草稿不计）');
  await phone.ui.screenshot('facts');

  await phone.ui.open('/admin/pages/organizations/index');
  await phone.page
    .locator('.admin-program')
    .filter({ hasText: UNIT, visible: true })
    .locator('taro-button-core')
    .filter({ hasText: '编辑' })
    .tap();
  await phone.ui.see('年检结论（按年度）');
  await phone.ui.see('2022年9月20日');
  await phone.page.getByText('添加年检结论').filter({ visible: true }).scrollIntoViewIfNeeded();
  await phone.ui.screenshot('edit-dialog-inspections');
  await phone.page.getByText('添加处罚或通报').filter({ visible: true }).scrollIntoViewIfNeeded();
  await phone.ui.screenshot('edit-dialog-sanctions');
  // The 通报 is withdrawn on review: its row is deleted (the second 删除 after five inspection rows).
  await phone.page.locator('.admin-profile__sanction .admin-profile__remove').filter({ visible: true }).tap();
  await phone.ui.see('无行政处罚或通报记录');
  await phone.ui.press('添加年检结论');
  await phone.ui.see('2020年');
  await phone.ui.press('保存');
  await phone.ui.see('已保存');

  await phone.page
    .locator('.admin-program')
    .filter({ hasText: UNIT, visible: true })
    .locator('taro-button-core')
    .filter({ hasText: '详情' })
    .tap();
  await phone.ui.see('2020年度：合格');
  await phone.ui.screenshot('facts-after-edit');
  const after = await contact('program.get', { programId: PROVINCIAL });
  expect(after.categoryStates.every((state) => state.eligibilityIssues.length === 0)).toBe(true);
});
