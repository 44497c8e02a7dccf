// Every page listed in src/app.config.ts (the main package and every subpackage), opened at 375×812 by the person
// who uses it, pictured, and checked for text or boxes running off the right of the screen. One award of the demo
// programme is taken to implementation over the api first, so the detail, claim, report, score and notice pages
// have something to show. Screenshots: test-results/e2e/every-page-*.png.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiAs } from './support/api';
import { awardOverApi, submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';

const PROGRAM_ID = 'program-sichuan-civil-2023';
const VIEWPORT_WIDTH = 375;

const phone = phoneForFile('every-page');

/** The pages of src/app.config.ts as routes: the main package's, then each subpackage's under its root. */
function configuredPages(): string[] {
  const config = readFileSync(path.join(__dirname, '../../src/app.config.ts'), 'utf8');
  const quoted = (text: string) => Array.from(text.matchAll(/'([^']+)'/g), (match) => match[1]);
  const main = quoted(/pages:\s*\[([^\]]*)\]/.exec(config)![1]);
  const subpackages = Array.from(config.matchAll(/root:\s*'([^']+)',\s*pages:\s*\[([^\]]*)\]/g), ([, root, pages]) =>
    quoted(pages).map((page) => `${root}/${page}`),
  );
  return [...main, ...subpackages.flat()].map((page) => `/${page}`);
}

/** What runs past the screen's right edge: the document's scroll width, and visible elements whose clipped box ends past it. */
async function overflow(): Promise<{ scrollWidth: number; offenders: string[] }> {
  return phone.page.evaluate((width) => {
    const clipping = (element: Element) => ['hidden', 'clip', 'auto', 'scroll'].includes(getComputedStyle(element).overflowX);
    const offenders: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || getComputedStyle(element).visibility === 'hidden') continue;
      // A box inside a scrolling or clipping container shows no further than that container's edge.
      let right = box.right;
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        if (clipping(parent)) right = Math.min(right, parent.getBoundingClientRect().right);
      }
      if (right > width + 0.5) {
        const name = `${element.tagName.toLowerCase()}.${Array.from(element.classList).join('.')}`;
        offenders.push(`${name} "${(element.textContent ?? '').trim().slice(0, 30)}" right=${Math.round(right)}`);
      }
    }
    return { scrollWidth: document.scrollingElement!.scrollWidth, offenders: offenders.slice(0, 10) };
  }, VIEWPORT_WIDTH);
}

const visited = new Set<string>();

/** Opens a page, waits for its data, pictures it and checks nothing overflows the 375 px screen. */
async function visit(route: string, name: string, expected: string | RegExp): Promise<void> {
  await phone.ui.open(route);
  await phone.ui.see(expected);
  await phone.page
    .getByText('加载中…')
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
  await phone.ui.screenshot(name);
  const { scrollWidth, offenders } = await overflow();
  expect({ route, scrollWidth, offenders }).toEqual({ route, scrollWidth: expect.any(Number) as number, offenders: [] });
  expect(scrollWidth).toBeLessThanOrEqual(VIEWPORT_WIDTH);
  visited.add(route.split('?')[0]);
}

/** The demo accounts' names by user id, as the sign-in page lists them. */
async function accountNames(): Promise<Map<string, string>> {
  const response = await fetch(`${phone.stack.url}auth/demo-accounts`);
  const { data } = (await response.json()) as { data: { userId: string; name: string }[] };
  return new Map(data.map((account) => [account.userId, account.name]));
}

let applicationId = '';
let names = new Map<string, string>();

beforeAll(async () => {
  names = await accountNames();
  applicationId = await submittedOverApi(phone.stack, 'e2e-every-page-0001');
  await awardOverApi(phone.stack, applicationId);
});

test('before signing in: the sign-in page, the privacy guide and the public notice', async () => {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const [notice] = await secretary('publicity.list', { programId: PROGRAM_ID });
  await visit('/pages/login/index', 'login', '选择演示账号');
  await visit('/me/pages/privacy/index', 'privacy', '我们收集哪些信息');
  await visit(`/public/pages/notice/index?id=${notice._id}`, 'public-notice', '拟立项项目公示');
});

test("the secretariat's pages", async () => {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const [organization] = await secretary('organization.list', {});
  await phone.ui.signInAs(names.get('user-secretary')!);
  await visit('/pages/index/index', 'home-secretariat', '切换账号');
  await visit(`/admin/pages/queue/index?programId=${PROGRAM_ID}`, 'admin-queue', /待办|审查|全部/);
  await visit(`/admin/pages/detail/index?id=${applicationId}`, 'admin-detail', '建筑结构抗震科普进社区');
  await visit(`/admin/pages/dashboard/index?programId=${PROGRAM_ID}`, 'admin-dashboard', /指标|奖补/);
  await visit(`/admin/pages/indicator/index?programId=${PROGRAM_ID}&indicatorKey=published-results`, 'admin-indicator', /成果/);
  await visit(`/admin/pages/ranking/index?programId=${PROGRAM_ID}`, 'admin-ranking', /排名|评审/);
  await visit(`/admin/pages/publicity/index?programId=${PROGRAM_ID}`, 'admin-publicity', /公示/);
  await visit('/admin/pages/programs/index', 'admin-programs', /奖补|项目/);
  await visit(`/admin/pages/program-edit/index?programId=${PROGRAM_ID}`, 'admin-program-edit', /类别|名称/);
  await visit('/admin/pages/organizations/index', 'admin-organizations', organization.name);
  await visit(`/admin/pages/organization/index?id=${organization._id}`, 'admin-organization', organization.name);
  await visit('/admin/pages/people/index', 'admin-people', /邀请/);
  await visit('/inbox/pages/messages/index', 'inbox-secretariat', /消息|通知/);
  await visit('/me/pages/data/index', 'my-data', '我的身份');
});

test("the applicant's pages", async () => {
  await phone.ui.signInAs(names.get('user-contact-structure')!);
  await visit('/pages/index/index', 'home-applicant', '切换账号');
  await visit(`/apply/pages/mine/index?programId=${PROGRAM_ID}`, 'apply-mine', '建筑结构抗震科普进社区');
  await visit(`/apply/pages/edit/index?id=${applicationId}`, 'apply-edit', '建筑结构抗震科普进社区');
  await visit(`/apply/pages/claim/index?id=${applicationId}`, 'apply-claim', /成果|指标/);
  await visit(`/apply/pages/report/index?id=${applicationId}`, 'apply-report', /报告/);
  await visit('/inbox/pages/messages/index', 'inbox-applicant', /立项|消息/);
});

test("the reviewer's pages", async () => {
  const reviewer = await apiAs(phone.stack.url, 'user-reviewer');
  const [review] = (await reviewer('review.mine', {})).items;
  await phone.ui.signInAs(names.get('user-reviewer')!);
  await visit('/review/pages/queue/index', 'review-queue', '建筑结构抗震科普进社区');
  await visit(`/review/pages/score/index?id=${review._id}`, 'review-score', '建筑结构抗震科普进社区');
});

// Last: a new user's home page offers 切换账号 as a button, which signInAs does not tap.
test('a new WeChat user: the invitation code and the first setup', async () => {
  await phone.ui.open('/pages/login/index');
  await phone.ui.press('以新微信用户身份继续');
  await phone.ui.see(/邀请码/);
  await visit('/pages/join/index', 'join', /邀请码/);
  await visit('/pages/setup/index', 'setup', /设置|学会/);
});

test('every page in src/app.config.ts was pictured', () => {
  expect(configuredPages().filter((page) => !visited.has(page))).toEqual([]);
  // The parser found the main package and the subpackages (25 pages when this test was written).
  expect(configuredPages()).toEqual(
    expect.arrayContaining(['/pages/index/index', '/admin/pages/detail/index', '/public/pages/notice/index']),
  );
  expect(configuredPages().length).toBeGreaterThanOrEqual(25);
});
