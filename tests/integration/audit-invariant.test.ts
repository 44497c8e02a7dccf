// Every change a person or the timer makes to a stored record has its audit entry: after a whole year of
// one programme through the api, each version of each document (beyond what the demo seed wrote) has an
// entry naming that version. A new write path that forgets its audit entry fails here.
import { actionTable } from '@/core/workflow/award-workflow';
import { runScheduledWork } from '../../cloudfunctions/api/src/scheduled';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, shortlisted, submitted } from '../support/lifecycle';
import { uploadedThroughSlot } from '../support/uploads';
import { draftOf, editOf } from '@/features/admin/program-edit-form';
import type { ApplicationView } from '@/core/schemas/actions';
import type { AuditEntry, CollectionName } from '@/core/schemas/documents';

/**
 * The entity each collection's audit entries name. Not audited: ledgers, limitTallies and indicatorTallies are
 * counters derived from applications and claims, changed only inside the audited transaction that moves them; counters (rate
 * allowances, receipt sequences) move only inside an audited objection's lodge; mediaChecks are WeChat's pending
 * photo checks, whose verdict is audited on the record it changes; evidenceFingerprints are derived from a claim's
 * files and written in the audited transaction that adds the claim; batchJobs record a batch's progress, moved in the
 * audited transaction of each item's change (the job's start and end have entries of their own); audit is the record.
 */
const audited: Record<
  Exclude<
    CollectionName,
    'ledgers' | 'limitTallies' | 'indicatorTallies' | 'counters' | 'mediaChecks' | 'evidenceFingerprints' | 'batchJobs' | 'audit'
  >,
  AuditEntry['entity']
> = {
  organizations: 'organization',
  users: 'user',
  programs: 'program',
  applications: 'application',
  claims: 'claim',
  reviews: 'review',
  publicities: 'publicity',
  objections: 'objection',
  notifications: 'notification',
  uploads: 'upload',
  invitations: 'invitation',
  indicatorValues: 'indicatorValue',
};
const auditedCollections = Object.keys(audited) as (keyof typeof audited)[];

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** Each document's version now, by collection and id. */
async function versions(): Promise<Map<string, number>> {
  const seen = new Map<string, number>();
  for (const collection of auditedCollections) {
    for (const doc of await h.store.find(collection, {})) seen.set(`${collection}/${doc._id}`, doc.version);
  }
  return seen;
}

/** A programme's year through the api: programme edit, drafts, check, review, publicity, objection, timer, claims, reports, payout, messages. */
async function wholeYear() {
  const program = await h.as(OPENID.secretary, 'program.createFromTemplate', {
    templateCode: 'xuzhou-2022',
    requestId: requestId(),
    name: '2024年度分支机构能力提升计划',
  });
  const made = editOf(program, { ...draftOf(program), name: '2024年度分支机构能力提升计划（修订）' });
  if (!('edit' in made)) throw new Error(made.issue);
  await h.as(OPENID.secretary, 'program.update', { programId: program._id, version: program.version, edit: made.edit });
  await h.as(OPENID.structure, 'notification.subscribe', { templateKeys: ['statusChange', 'reminder'] });

  // Drafts saved and saved again; one returned, fixed and resubmitted; one withdrawn; one left as a draft.
  const create = (openid: string) =>
    h.as(openid, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() });
  const save = (openid: string, view: ApplicationView, projectName?: string) =>
    h.as(openid, 'application.save', {
      applicationId: view._id,
      version: view.version,
      content: completeContent(projectName ? { projectName } : {}),
    });
  const draft = await create(OPENID.structure);
  const again = await save(OPENID.structure, await save(OPENID.structure, draft, '抗震科普进社区（第二稿）'));
  const returned = await decided(
    h,
    await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: again.version }),
    'return',
    '请补充预算依据',
  );
  const fixed = await save(OPENID.structure, returned);
  await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: fixed.version });
  const withdrawn = await submitted(h, OPENID.design);
  await h.as(OPENID.design, 'application.withdraw', { applicationId: withdrawn._id, version: withdrawn.version, reason: '材料准备不足' });
  await save(OPENID.academic, await create(OPENID.academic));

  // Review, shortlist, publicity with an objection handled; the timer closes the notice and approves.
  await shortlisted(h, await current(h, OPENID.secretary, draft._id));
  const { publicity } = await h.as(OPENID.secretary, 'publicity.open', {
    programId: PROGRAM_ID,
    title: '拟立项项目公示',
    contact: '学会秘书处 028-00000000',
  });
  const lodged = await h.raw(null, 'objection.lodge', {
    requestId: requestId(),
    publicityId: publicity._id,
    applicationId: draft._id,
    content: '该项目与去年申报内容重复。',
    contactName: '匿名会员',
    contactPhone: '13800000000',
  });
  expect(lodged.ok).toBe(true);
  const [objection] = await h.as(OPENID.secretary, 'objection.list', { publicityId: publicity._id });
  await h.as(OPENID.secretary, 'objection.handle', {
    objectionId: objection!._id,
    version: objection!.version,
    decision: 'dismissed',
    note: '经核实内容不重复。',
  });
  h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
  expect((await runScheduledWork(h.deps)).closedPublicities).toBe(1);

  // Implementation: a claim verified, reports decided, the timer's reminders, payout; messages read.
  const implementing = await decided(h, await current(h, OPENID.secretary, draft._id), 'issueNotice');
  const fileId = await uploadedThroughSlot(h, OPENID.structure, draft._id, 'claim');
  const claim = await h.as(OPENID.structure, 'claim.add', {
    applicationId: draft._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 2,
    description: '在天府科技云发布科技成果2项',
    fileIds: [fileId],
  });
  await h.as(OPENID.secretary, 'claim.verify', { claimId: claim._id, version: claim.version, decision: 'verified' });
  const report = (version: number, summary: string) =>
    h.as(OPENID.structure, 'application.report', {
      requestId: requestId(),
      applicationId: draft._id,
      version,
      summary,
      achievements: [],
      fileIds: [],
    });
  const midterm = await report(implementing.version, '已开展讲座1场。');
  const midPassed = await decided(h, midterm, 'passMidterm');
  h.clock.set('2023-12-29T09:00:00+08:00');
  expect((await runScheduledWork(h.deps)).reminders).toBeGreaterThan(0);
  const accepted = await decided(h, await report(midPassed.version, '全部完成。'), 'accept');
  await h.as(OPENID.secretary, 'application.pay', {
    applicationId: draft._id,
    version: accepted.version,
    payout: { amountFen: 300_000, paidOn: '2024-01-20', voucherNo: '记-2024-0117' },
  });
  const messages = await h.as(OPENID.structure, 'notification.list', {});
  await h.as(OPENID.structure, 'notification.read', { ids: messages.items.map((message) => message._id) });
  // People: an invitation taken and one revoked; the new contact moved, their role ended, then erased.
  const invite = (role: 'applicant' | 'reviewer', orgId: string, name: string) =>
    h.as(OPENID.secretary, 'invitation.create', { requestId: requestId(), role, orgId, name, phone: '13900000001' });
  const joined = await h.as('wx-newcomer', 'invitation.accept', { code: (await invite('applicant', 'org-member-scu', '孙老师')).code });
  await h.as(OPENID.secretary, 'invitation.revoke', { invitationId: (await invite('reviewer', 'org-scceas', '郑研究员'))._id });
  const moved = await h.as(OPENID.secretary, 'person.reassign', { userId: joined.user.id, version: 1, orgId: 'org-member-swjtu' });
  await h.as(OPENID.secretary, 'person.revoke', { userId: moved.userId, version: moved.version, reason: '已调离' });
  await h.as(OPENID.secretary, 'person.remove', { userId: moved.userId, reason: '本人申请删除个人信息' });
}

test('after a whole year, every version of every audited document has its audit entry', async () => {
  const seeded = await versions();
  await wholeYear();

  const entries = await h.store.find('audit', {});
  const recorded = new Set(entries.map((entry) => `${entry.entity}/${entry.entityId}/${entry.entityVersion}`));
  // A message an application change sent is named in that change's entry (its first version has no entry of its own).
  const named = entries.flatMap((entry) => (entry.notified ?? []).map(({ notificationId }) => `notification/${notificationId}/1`));
  for (const message of named) recorded.add(message);
  const missing: string[] = [];
  let checked = 0;
  for (const collection of auditedCollections) {
    for (const doc of await h.store.find(collection, {})) {
      for (let version = (seeded.get(`${collection}/${doc._id}`) ?? 0) + 1; version <= doc.version; version += 1) {
        checked += 1;
        if (!recorded.has(`${audited[collection]}/${doc._id}/${version}`)) missing.push(`${collection}/${doc._id} v${version}`);
      }
    }
  }
  expect(missing).toEqual([]);
  expect(checked).toBeGreaterThan(80);
  // The status changes' messages (the return, the decisions) are named by their changes, each message once.
  expect(named.length).toBeGreaterThan(3);
  expect(new Set(named).size).toBe(named.length);
  const saves = entries.filter((entry) => entry.entity === 'application' && entry.action === 'save');
  expect(saves.map((entry) => [entry.from, entry.to])).toEqual(
    expect.arrayContaining([
      ['draft', 'draft'],
      ['returned', 'returned'],
    ]),
  );
});

test('a returned application’s entry names the message it sent: the secretariat sees to whom, the unit does not', async () => {
  const returned = await decided(h, await submitted(h, OPENID.structure), 'return', '请补充预算依据');
  // The return's message (the submission's receipt, sent at the same moment of the test clock, is another).
  const [message] = (await h.as(OPENID.structure, 'notification.list', {})).items.filter(
    (item) => item.applicationId === returned._id && item.title.startsWith(`${actionTable.return.label}：`),
  );
  expect(message).toBeDefined();
  // One write per message: no `notify` entry of its own, the return's entry names it.
  expect(await h.store.find('audit', { entity: 'notification', entityId: message!._id })).toEqual([]);
  const entryOf = async (openid: string) =>
    (await h.as(openid, 'application.get', { applicationId: returned._id })).audit.find((entry) => entry.action === 'return');
  expect((await entryOf(OPENID.secretary))?.notified).toEqual(
    expect.arrayContaining([expect.objectContaining({ notificationId: message!._id, userId: message!.userId })]),
  );
  expect(await entryOf(OPENID.structure)).not.toHaveProperty('notified');
});
