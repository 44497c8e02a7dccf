// 申报管理 a page at a time (issue 11, deliver 1): with more applications than one page, the queue shows the first
// 30 with the stage's whole count (the server's running count) and says its waiting figure is of those loaded; scrolling to the bottom (or tapping 加载更多) brings the rest, each once.
// Screenshots: test-results/e2e/queue-paging-*.png.
import { submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';

const phone = phoneForFile('queue-paging');
const SUBMITTED = 32;

test('the formal-check queue loads its first page, then the rest at the bottom of the list', async () => {
  for (let index = 0; index < SUBMITTED; index += 1) {
    await submittedOverApi(phone.stack, `e2e-queue-paging-${String(index).padStart(4, '0')}`);
  }
  await phone.ui.signInAs('王秘书');
  await phone.ui.open('/admin/pages/queue/index');
  await phone.ui.see(new RegExp(`^形式审查 ${SUBMITTED} 条，已加载的待处理 30 条`));
  const rows = phone.page.locator('.admin-row').filter({ visible: true });
  await expect(rows.count()).resolves.toBe(30);
  await phone.ui.screenshot('first-page');
  await phone.page.mouse.wheel(0, 100_000);
  await phone.ui.see(new RegExp(`^形式审查 ${SUBMITTED} 条，待处理 ${SUBMITTED} 条`));
  await expect(rows.count()).resolves.toBe(SUBMITTED);
  await expect(phone.page.locator('.load-more').filter({ visible: true }).count()).resolves.toBe(0);
  await phone.ui.screenshot('all-loaded');
});
