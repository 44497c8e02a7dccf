// The secretariat's tools for many applications, in a phone-sized Chromium (issue 12, deliver 3 and 4): a search
// in the queue answered by the server, reviewers assigned to many applications in one go (confirmed with the
// count, recusal per application), and a decision that cannot be taken yet shown disabled with why and from when.
// Screenshots: test-results/e2e/staff-tools-*.png.
import { apiAs } from './support/api';
import { scoredOverApi, submittedOverApi } from './support/award-over-api';
import { phoneForFile } from './support/phone-file';

const PROGRAM_ID = 'program-sichuan-civil-2023';
const SECRETARY = '王秘书';

const phone = phoneForFile('staff-tools');

/** 陈老师's application (学术工作委员会), created and submitted over the api. */
async function academicSubmitted(requestId: string): Promise<string> {
  const contact = await apiAs(phone.stack.url, 'user-contact-academic');
  const created = await contact('application.create', {
    programId: PROGRAM_ID,
    requestId,
    content: {
      categoryKey: 'award',
      projectName: '青年学者学术沙龙',
      sections: { plan: '举办学术沙龙2场，发布科技成果2项。' },
      budget: [{ item: '场地租用', amountFen: 100_000, basis: '2场×500元' }],
      commitments: [{ indicatorKey: 'published-results', amount: 2 }],
      declaration: { signerName: '陈老师', agreed: true },
    },
  });
  await contact('application.submit', { applicationId: created._id, version: created.version });
  return created._id;
}

async function passedCheck(applicationId: string): Promise<void> {
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const { application } = await secretary('application.get', { applicationId });
  await secretary('application.decide', { applicationId, version: application.version, decision: 'passCheck' });
}

test('the queue searches by unit on the server, and assigns the same experts to both applications at once', async () => {
  const structure = await submittedOverApi(phone.stack, 'e2e-staff-tools-0001');
  const academic = await academicSubmitted('e2e-staff-tools-0002');
  await passedCheck(structure);
  await passedCheck(academic);

  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open(`/admin/pages/queue/index?programId=${PROGRAM_ID}&stage=review`);
  await phone.ui.see('青年学者学术沙龙');
  const rows = phone.page.locator('.admin-row').filter({ visible: true });
  await expect(rows.count()).resolves.toBe(2);

  await phone.ui.field('搜索项目名称或申报单位').fill('学术工作');
  await phone.ui.tapText(/^搜索$/);
  await phone.ui.see('已筛选 1 项');
  await expect(rows.count()).resolves.toBe(1);
  await expect(rows.first().innerText()).resolves.toContain('学术工作委员会');
  await phone.ui.screenshot('search-by-unit');
  await phone.ui.tapText('清除筛选');
  await phone.ui.see('建筑结构抗震科普进社区');
  await expect(rows.count()).resolves.toBe(2);

  await phone.ui.tapText('批量处理');
  await phone.ui.tapText('全选可批量处理的 2 条');
  await phone.ui.press('分配评审专家（2）');
  await phone.ui.see('为 2 份申报分配评审专家');
  await phone.ui.tapText('刘教授（评审专家）');
  await phone.ui.tapText('周高工（评审专家，结构专委会）');
  await phone.ui.screenshot('bulk-assign-experts');
  await phone.ui.press('分配 2 位');
  await phone.ui.see('将为 2 份申报分配 2 位评审专家，确定？');
  await phone.ui.confirmDialog('确定');
  await phone.ui.see('分配评审专家：处理结果');
  await phone.ui.see('成功 2 条');
  // 周高工 belongs to the structure committee: left out of its application only.
  await phone.ui.see(/已回避：周高工（评审专家，结构专委会）/);
  await phone.ui.screenshot('bulk-assign-results');

  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const reviewersOf = async (applicationId: string) =>
    (await secretary('application.get', { applicationId })).reviews.map((review) => review.reviewerId).sort();
  await expect(reviewersOf(structure)).resolves.toEqual(['user-reviewer']);
  await expect(reviewersOf(academic)).resolves.toEqual(['user-reviewer', 'user-reviewer-structure']);
});

test('during the notice 批准立项 is disabled, saying the day it opens and that the system approves then', async () => {
  const applicationId = await submittedOverApi(phone.stack, 'e2e-staff-tools-0003');
  const secretary = await apiAs(phone.stack.url, 'user-secretary');
  const current = async () => (await secretary('application.get', { applicationId })).application;
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'passCheck' });
  await secretary('review.assign', { applicationId, version: (await current()).version, reviewerIds: ['user-reviewer'] });
  await scoredOverApi(phone.stack, 'user-reviewer', applicationId);
  await secretary('application.decide', { applicationId, version: (await current()).version, decision: 'shortlist' });
  // The notice runs 3–7 July 2023 (the demo's clock is on its first day): it ends as 8 July begins, when approval opens.
  await secretary('publicity.open', { programId: PROGRAM_ID, title: '拟立项项目公示', contact: '学会秘书处 028-12345678' });

  await phone.ui.signInAs(SECRETARY);
  await phone.ui.open(`/admin/pages/detail/index?id=${applicationId}`);
  await phone.ui.see('7月8日起可批准立项，届时系统自动批准立项');
  const disabled = phone.page.locator('taro-button-core[class*="disabled"]').filter({ hasText: /^\s*批准立项\s*$/, visible: true });
  await expect(disabled.count()).resolves.toBe(1);
  await phone.ui.screenshot('approve-disabled-with-reason');
});
