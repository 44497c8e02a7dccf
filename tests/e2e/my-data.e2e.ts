// 隐私保护指引 and 我的数据 in a phone-sized Chromium: reached from the home screen's footer and the sign-in page,
// the person's roles listed, and the whole export downloaded as a JSON file that holds their own roles only.
// 王秘书 also switches between their two roles. Screenshots: test-results/e2e/my-data-*.png.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { phoneUi, type PhoneUi } from './support/phone-ui';
import { launchPhone, startLocalStack, type LocalStack } from './support/stack';

const SECRETARY = '王秘书';

let stack: LocalStack;
let browser: Browser;
let page: Page;
let ui: PhoneUi;

beforeAll(async () => {
  stack = await startLocalStack();
  ({ browser, page } = await launchPhone());
  ui = phoneUi(page, stack.url, 'my-data');
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('the privacy guide is one tap from the sign-in page and says what is collected', async () => {
  await ui.open('/pages/login/index');
  await ui.tapText('隐私保护指引');
  await ui.see('我们收集哪些信息');
  await ui.see('谁能看到');
  await ui.see('查看、导出与删除');
  await ui.screenshot('privacy');
});

test('a person opens 我的数据 from the home screen and downloads what is held about them', async () => {
  await ui.signInAs(SECRETARY);
  await ui.tapText('我的数据');
  await ui.see('我的身份');
  await ui.see('有效');
  await ui.see('操作记录');
  await ui.screenshot('summary');

  const [download] = await Promise.all([page.waitForEvent('download'), ui.press('导出全部数据')]);
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
  await ui.signInAs(SECRETARY);
  await ui.see('您有 2 个身份');
  await ui.tapText('切换身份');
  await ui.tapText('申报单位联系人 · 四川省土木建筑学会');
  // As the society's contact they see the provincial call, which their secretariat role does not run.
  await ui.see('申报单位联系人 · 四川省土木建筑学会');
  await ui.see(/天府科技云科技社团能力提升行动/);
  await ui.see('我的申报');
  await ui.screenshot('acting-as-contact');

  await ui.tapText('切换身份');
  await ui.tapText('学会秘书处 · 四川省土木建筑学会');
  await ui.see('人员与邀请');
  await ui.screenshot('acting-as-secretariat');
});
