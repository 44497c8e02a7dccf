// 隐私保护指引 and 我的数据 in a phone-sized Chromium: reached from the home screen's footer and the sign-in page,
// the person's roles listed, and the whole export downloaded as a JSON file that holds their own roles only.
// 王秘书 also switches between their two roles. Screenshots: test-results/e2e/my-data-*.png.
import { readFileSync } from 'node:fs';
import { phoneForFile } from './support/phone-file';

const SECRETARY = '王秘书';

const phone = phoneForFile('my-data');

test('the privacy guide is one tap from the sign-in page and says what is collected', async () => {
  await phone.ui.open('/pages/login/index');
  await phone.ui.tapText('隐私保护指引');
  await phone.ui.see('我们收集哪些信息');
  await phone.ui.see('谁能看到');
  await phone.ui.see('查看、导出与删除');
  await phone.ui.screenshot('privacy');
});

test('a person opens 我的数据 from the home screen and downloads what is held about them', async () => {
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.tapText('我的数据');
  await phone.ui.see('我的身份');
  await phone.ui.see('有效');
  await phone.ui.see('操作记录');
  await phone.ui.screenshot('summary');

  const [download] = await Promise.all([phone.page.waitForEvent('download'), phone.ui.press('导出全部数据')]);
  expect(download.suggestedFilename()).toMatch(/^my-data-\d{8}\.json$/);
  const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
    roles: { name: string; role: string }[];
    records: Record<string, unknown[]>;
  };
  // 王秘书 runs the society's programme and is the society's contact in the provincial call: both roles are theirs.
  expect(exported.roles.map((role) => [role.name, role.role])).toEqual([
    [SECRETARY, 'secretariat'],
    [SECRETARY, 'applicant'],
  ]);
  expect(Object.keys(exported.records)).toEqual(['users', 'notifications', 'reviews', 'invitations', 'audit']);
});

test("王秘书 switches to the society's contact role for the provincial call, and back to the secretariat", async () => {
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.see('您有 2 个身份');
  await phone.ui.tapText('切换身份');
  await phone.ui.tapText('申报单位联系人 · 四川省土木建筑学会');
  // As the society's contact they see the provincial call, which their secretariat role does not run.
  await phone.ui.see('申报单位联系人 · 四川省土木建筑学会');
  await phone.ui.see(/天府科技云科技社团能力提升行动/);
  await phone.ui.see('我的申报');
  await phone.ui.screenshot('acting-as-contact');

  await phone.ui.tapText('切换身份');
  await phone.ui.tapText('学会秘书处 · 四川省土木建筑学会');
  await phone.ui.see('人员与邀请');
  await phone.ui.screenshot('acting-as-secretariat');
});
