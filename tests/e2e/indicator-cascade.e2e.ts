// Issue 10, acceptance: the society files its own application in the provincial call with its commitments (seed
// 000's 绩效指标 table: its target for every provincial indicator, at least the provincial minimum), the province
// approves it, the society's secretariat links its programme (seed 004) to it on its board, a branch's award claims
// a result that the society verifies, and the board of 四川省科协 shows the society's verified figure rising.
// Through the screens: the commitments and the submission (the rest of the long provincial form — sections, budget,
// schedule, team, attachments, signature — is saved over the api first), the link, a society-level value recorded
// with the date picker, and both boards. Over the api: the province's check, review and notice, the branch's award,
// its claim and the society's verification. Screenshots: test-results/e2e/indicator-cascade-*.png.
import { floorCommitments } from '@/core/program/program-schema';
import { seedProgramByCode } from '@/core/program/seeds';
import { apiAs, apiForNewUser } from './support/api';
import { awardOverApi, submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';
import type { LocalStack } from './support/stack';
import { JPEG_BYTES, PDF_BYTES } from '../support/uploads';

const PROVINCIAL = 'program-sichuan-first-class-society-2023';
const SOCIETY_PROGRAM = 'program-sichuan-civil-2023';
const SOCIETY = '四川省土木建筑学会';
const CONTACT = '黄副秘书长（土木建筑学会）';
const SECRETARY = '王秘书';
const PROVINCE = '省科协学会部';
const RESULTS = '发布科技服务能力、高新技术、科技成果';
const PAPERS = '向川渝科技学术大会推荐论文';
const RANK = '天府科技云注册科技工作者数排名';

const phone = phoneForFile('indicator-cascade');
const provincial = seedProgramByCode('sichuan-first-class-society-2023')!;

/** Waits until the server says what the screen's last step should have made true. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`still not ${what}`);
}

/** A file uploaded into a slot as the H5 app sends it; answers its file id. */
async function uploaded(stack: LocalStack, userId: string, applicationId: string, purpose: 'attachment' | 'claim') {
  const person = await apiAs(stack.url, userId);
  const pdf = purpose === 'attachment';
  const slot = await person('file.slot', { applicationId, purpose, extension: pdf ? 'pdf' : 'jpg' });
  const login = await fetch(`${stack.url}auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { token } = ((await login.json()) as { data: { token: string } }).data;
  const form = new FormData();
  form.append(
    'file',
    new Blob([pdf ? PDF_BYTES : JPEG_BYTES], { type: pdf ? 'application/pdf' : 'image/jpeg' }),
    pdf ? 'file.pdf' : 'photo.jpg',
  );
  const response = await fetch(`${stack.url}files/upload?slot=${encodeURIComponent(slot.slotId)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return ((await response.json()) as { data: { fileId: string } }).data.fileId;
}

/** The society's provincial application saved as a draft over the api: everything but its commitments. */
async function provincialDraft(): Promise<string> {
  const contact = await apiAs(phone.stack.url, 'user-contact-scceas');
  const program = provincial;
  const content = {
    categoryKey: 'society',
    subtypeKey: null,
    servicePoint: '',
    projectName: '四川省土木建筑学会一流科技社团培育示范项目',
    sections: Object.fromEntries(program.form.sections.map((section) => [section.key, `${section.title}：按申报书要求填写。`])),
    budget: [{ item: '学术交流活动', amountFen: 10_000_000, basis: '按省科协标准' }],
    schedule: [{ phase: '第一阶段', startsOn: '2023-07-01', endsOn: '2023-09-30', work: '组织实施', owner: '秘书长' }],
    team: [{ name: '黄副秘书长', age: 45, title: '高级工程师', employer: SOCIETY, task: '项目负责人' }],
    attachments: [],
    commitments: [],
    declaration: { signerName: '理事长', agreed: true as const },
  };
  const created = await contact('application.create', { programId: PROVINCIAL, requestId: 'e2e-cascade-provincial-1', content });
  const attachments = [];
  for (const spec of program.form.attachments.filter((attachment) => attachment.required)) {
    attachments.push({
      key: spec.key,
      fileId: await uploaded(phone.stack, 'user-contact-scceas', created._id, 'attachment'),
      name: `${spec.name}.pdf`,
    });
  }
  await contact('application.save', { applicationId: created._id, version: created.version, content: { ...content, attachments } });
  return created._id;
}

/** The province's formal check, an expert of its own (invited, as the demo has none) and the notice, to approval. */
async function approvedByProvince(applicationId: string): Promise<void> {
  const province = await apiAs(phone.stack.url, 'user-secretary-sast');
  const current = async () => (await province('application.get', { applicationId })).application;
  await province('application.decide', { applicationId, version: (await current()).version, decision: 'passCheck' });
  const invitation = await province('invitation.create', {
    requestId: 'e2e-cascade-invite-1',
    role: 'reviewer',
    orgId: 'org-sast',
    name: '钱教授（省科协评审专家）',
    validDays: 7,
  });
  const expert = await apiForNewUser(phone.stack.url);
  const session = await expert('invitation.accept', { code: invitation.code });
  const reviewerId = session.user.id;
  await province('review.assign', { applicationId, version: (await current()).version, reviewerIds: [reviewerId] });
  const [assigned] = (await expert('review.mine', {})).items;
  const declared = await expert('review.declare', { reviewId: assigned._id, version: assigned.version, noConflict: true });
  const { program } = await expert('review.open', { reviewId: assigned._id });
  await expert('review.submit', {
    reviewId: declared._id,
    version: declared.version,
    scores: program.reviewCriteria.map((criterion) => ({ criterionKey: criterion.key, score: Math.round(criterion.maxScore * 0.9) })),
    comment: '基础扎实，指标明确。',
  });
  await province('application.decide', { applicationId, version: (await current()).version, decision: 'shortlist' });
  const { publicity } = await province('publicity.open', {
    programId: PROVINCIAL,
    title: '一流科技社团拟立项公示',
    contact: '省科协学会部',
  });
  await phone.stack.setClock(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  expect((await current()).status).toBe('approved');
}

/** The society's figure for one indicator on the province's board, as the cell reads. */
function provinceCell(indicatorName: string, column: 'achieved' | 'pending') {
  const row = phone.page
    .locator('.admin-indicator', { hasText: indicatorName })
    .filter({ visible: true })
    .locator('.admin-societies__row', { hasText: SOCIETY });
  return row.locator('.admin-societies__cell').nth(column === 'achieved' ? 1 : 2);
}

test('the society commits, is approved, links its programme; the province’s board shows its verified figure rising', async () => {
  // In the provincial call (15–26 June 2023): the draft with everything but the commitments.
  await phone.stack.setClock('2023-06-20T10:00:00+08:00');
  const applicationId = await provincialDraft();

  // The society's contact opens it: every indicator is there, prefilled at the provincial minimum.
  await phone.ui.signInAs(CONTACT);
  await phone.ui.open(`/apply/pages/edit/index?id=${applicationId}`);
  await phone.ui.see('指标承诺');
  const target = (name: string) => phone.page.locator('.apply-target', { hasText: name }).filter({ visible: true });
  await expect(target(PAPERS).locator('.apply-target__floor').innerText()).resolves.toBe('省级要求：至少 10篇');
  expect(await target(PAPERS).locator('input').inputValue()).toBe('10');
  expect(await phone.page.locator('.apply-target').filter({ visible: true }).count()).toBe(floorCommitments(provincial).length);
  // Below the minimum the row says so in the form check's words; a rank is a place, better when smaller.
  await target(PAPERS).locator('input').fill('9');
  await target(PAPERS).getByText('“向川渝科技学术大会推荐论文”的承诺目标须达到省级要求（至少 10篇）').waitFor();
  await target(PAPERS).scrollIntoViewIfNeeded();
  await phone.ui.screenshot('commitment-below-minimum');
  await target(PAPERS).locator('input').fill('20');
  await target(RANK).locator('input').fill('30');
  await expect(target(PAPERS).locator('.apply-row__error').count()).resolves.toBe(0);
  await phone.ui.screenshot('commitments');
  await phone.ui.press('提交申报');
  await phone.ui.confirmDialog('提交');
  const contact = await apiAs(phone.stack.url, 'user-contact-scceas');
  const filedNow = async () => (await contact('application.get', { applicationId })).application;
  await until(async () => (await filedNow()).status === 'submitted', 'submitted');
  const filed = await filedNow();
  expect(filed.commitments.find((commitment) => commitment.indicatorKey === 'papers-recommended')?.amount).toBe(20);
  expect(filed.commitments.find((commitment) => commitment.indicatorKey === 'tfkjy-registered-rank')?.amount).toBe(30);

  await approvedByProvince(applicationId);

  // In the society's own call: its secretariat links its programme on its board.
  await phone.stack.setClock('2023-07-03T09:00:00+08:00');
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open(`/admin/pages/dashboard/index?programId=${SOCIETY_PROGRAM}`);
  await phone.ui.see(/一流科技社团等培育示范项目/);
  await phone.ui.screenshot('society-board-unlinked');
  await phone.ui.press('关联省级申报');
  await phone.ui.see('已关联');
  await phone.page
    .locator('.admin-indicator', { hasText: PAPERS })
    .filter({ visible: true })
    .getByText('学会承诺 20 篇', { exact: false })
    .waitFor();
  await phone.ui.screenshot('society-board-linked');

  // A society-level value: its rank on 天府科技云, recorded with the day picked.
  await phone.page
    .locator('.admin-indicator', { hasText: RANK })
    .filter({ visible: true })
    .locator('taro-button-core', { hasText: '填报数值' })
    .tap();
  await phone.ui.see('填报记录');
  await phone.ui.field('如 28（第 28 名）').fill('28');
  await phone.ui.pickFirst('2023年7月3日');
  await phone.ui.field('如：天府科技云2023年6月排名通报').fill('天府科技云2023年6月学会注册科技工作者排名通报');
  await phone.ui.screenshot('record-value');
  await phone.ui.press('保存数值');
  await phone.page.locator('.admin-list__name', { hasText: '第 28 名' }).filter({ visible: true }).waitFor();
  await phone.ui.screenshot('value-recorded');

  // A branch's award under way (3,000 yuan), and its claim of 2 results with a photo.
  const awardId = await submittedOverApi(phone.stack, 'e2e-cascade-award-1');
  await awardOverApi(phone.stack, awardId);
  const branch = await apiAs(phone.stack.url, 'user-contact-structure');
  const claim = await branch('claim.add', {
    applicationId: awardId,
    requestId: 'e2e-cascade-claim-1',
    indicatorKey: 'published-results',
    amount: 2,
    description: '在天府科技云发布科技成果2项',
    fileIds: [await uploaded(phone.stack, 'user-contact-structure', awardId, 'claim')],
  });

  // The province's board before verification: the society's 2 results wait, none achieved; its rank is there.
  await phone.ui.signInAs(PROVINCE);
  await phone.ui.open(`/admin/pages/dashboard/index?programId=${PROVINCIAL}`);
  await phone.ui.see('各学会完成情况');
  await expect(provinceCell(RESULTS, 'achieved').innerText()).resolves.toBe('0 项');
  await expect(provinceCell(RESULTS, 'pending').innerText()).resolves.toBe('2 项');
  await expect(provinceCell(RANK, 'achieved').innerText()).resolves.toBe('第 28 名');
  await provinceCell(RESULTS, 'achieved').scrollIntoViewIfNeeded();
  await phone.ui.screenshot('province-before');

  // The society verifies the claim; the province's board, opened again, shows it achieved.
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  // The claim's version moves once its photo has been checked: verify the current one, as the screen would.
  const { claims } = await secretary('application.get', { applicationId: awardId });
  const waiting = claims.find((candidate) => candidate._id === claim._id)!;
  await secretary('claim.verify', { claimId: claim._id, version: waiting.version, decision: 'verified' });
  await phone.ui.open(`/admin/pages/dashboard/index?programId=${PROVINCIAL}`);
  await phone.ui.see('各学会完成情况');
  await expect(provinceCell(RESULTS, 'achieved').innerText()).resolves.toBe('2 项');
  await expect(provinceCell(RESULTS, 'pending').innerText()).resolves.toBe('—');
  await provinceCell(RESULTS, 'achieved').scrollIntoViewIfNeeded();
  await phone.ui.screenshot('province-after');

  // The society's board: the indicator opened lists the verified claim with its evidence, and opens its award.
  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open(`/admin/pages/dashboard/index?programId=${SOCIETY_PROGRAM}`);
  await phone.page.locator('.admin-indicator', { hasText: RESULTS }).filter({ visible: true }).getByText('已核实 2 项').waitFor();
  await phone.page.locator('.admin-indicator', { hasText: RESULTS }).filter({ visible: true }).locator('.admin-indicator__name').tap();
  await phone.ui.see('成果填报');
  await phone.page
    .locator('.admin-indicator-claim', { hasText: '在天府科技云发布科技成果2项' })
    .filter({ visible: true })
    .getByText('佐证 1 份', { exact: false })
    .waitFor();
  await phone.ui.screenshot('indicator-opened');
  await phone.ui.tapText('在天府科技云发布科技成果2项');
  await phone.page.locator('.admin-claim', { hasText: '在天府科技云发布科技成果2项' }).filter({ visible: true }).waitFor();
});
