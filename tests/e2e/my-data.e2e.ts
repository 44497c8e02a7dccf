// 隐私保护指引 and 我的数据 in a phone-sized Chromium: reached from the home screen's footer and the sign-in page,
// the person's roles listed, and the whole export downloaded as a JSON file that holds their own role only.
// Screenshots: test-results/e2e/my-data-*.png.
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
