// 待核实 on the secretariat's queue (issue 10, deliver 3): an awardee's claim, filed over the api with a photo,
// shows as a count on 申报管理; tapped, the list names the unit, project, indicator and amount and opens the award.
// The same photo claimed again is flagged 疑似重复使用 in the list and on the award (issue 10, deliver 4), and the
// list's 证据重复 chip narrows it to such claims.
// Screenshots: test-results/e2e/claim-queue-*.png.
import { apiAs } from './support/api';
import { awardOverApi, submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';
import { JPEG_BYTES } from '../support/uploads';

const SECRETARY = '王秘书';
const PROJECT = '建筑结构抗震科普进社区';

const phone = phoneForFile('claim-queue');

/** An award under way with one claim waiting, everything over the api (the upload as the H5 app sends it). */
async function claimWaiting(): Promise<string> {
  const applicationId = await submittedOverApi(phone.stack, 'e2e-claim-queue-0001');
  await awardOverApi(phone.stack, applicationId);
  await claimOverApi(applicationId, 'e2e-claim-queue-0002', 'published-results', '在天府科技云发布科技成果2项');
  return applicationId;
}

/** A claim with a photo uploaded as the H5 app sends it (the same test photo every time). */
async function claimOverApi(applicationId: string, requestId: string, indicatorKey: string, description: string): Promise<void> {
  const contact = await apiAs(phone.stack.url, 'user-contact-structure');
  const slot = await contact('file.slot', { applicationId, purpose: 'claim', extension: 'jpg' });
  const login = await fetch(`${phone.stack.url}auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: 'user-contact-structure' }),
  });
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  const form = new FormData();
  form.append('file', new Blob([JPEG_BYTES], { type: 'image/jpeg' }), 'photo.jpg');
  const uploaded = (await (
    await fetch(`${phone.stack.url}files/upload?slot=${encodeURIComponent(slot.slotId)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    })
  ).json()) as { ok: boolean; data: { fileId: string } };
  await contact('claim.add', { applicationId, requestId, indicatorKey, amount: 2, description, fileIds: [uploaded.data.fileId] });
}

let awardId = '';

test('the secretariat sees 待核实 1 on its queue, lists the claim and opens its award', async () => {
  awardId = await claimWaiting();
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open('/admin/pages/queue/index');
  await phone.ui.see('待核实 1');
  await phone.ui.tapText('待核实 1');
  await phone.ui.see(/发布科技服务能力、高新技术、科技成果 2项 · /);
  await phone.ui.screenshot('pending-claims');
  await phone.ui.tapText(new RegExp(PROJECT));
  // The award's detail, with the claim to verify in its list.
  await phone.page.locator('.admin-claim', { hasText: '在天府科技云发布科技成果2项' }).filter({ visible: true }).waitFor();
  await phone.ui.screenshot('claim-opened');
});

test('the same photo claimed again under another indicator is flagged 疑似重复使用, with both uses side by side', async () => {
  await claimOverApi(awardId, 'e2e-claim-queue-0003', 'papers-recommended', '推荐论文2篇，附活动照片');
  await phone.ui.open('/admin/pages/queue/index');
  await phone.ui.see('待核实 2');
  await phone.ui.tapText('待核实 2');
  // The 证据重复 chip asks the server for the flagged claims only (issue 12, deliver 4).
  await phone.ui.tapText('证据重复');
  await phone.ui.see('待核实 1（已筛选）');
  // The queue row of the later claim names the earlier use: its project and indicator.
  await phone.ui.see(`疑似重复使用：${PROJECT} · 发布科技服务能力、高新技术、科技成果`);
  await phone.ui.screenshot('duplicate-in-queue');
  await phone.ui.tapText(`疑似重复使用：${PROJECT} · 发布科技服务能力、高新技术、科技成果`);
  // On the award, the claim shows its photo next to the earlier claim's, each use named.
  const notice = phone.page
    .locator('.admin-claim', { hasText: '推荐论文2篇，附活动照片' })
    .filter({ visible: true })
    .locator('.admin-duplicate');
  await notice.waitFor();
  const text = (await notice.innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('疑似重复使用');
  expect(text).toContain(`${PROJECT} · 发布科技服务能力、高新技术、科技成果`);
  expect(text).toContain('同一文件');
  await expect(notice.locator('.admin-photos__cell').count()).resolves.toBe(2);
  await phone.ui.screenshot('duplicate-side-by-side');
});
