// The secretariat manages the organisations under its organiser: create, edit and deactivate them, each change
// audited; another organiser's staff never reach them, and a deactivated unit can no longer apply.
import type { ActionInput } from '@/core/schemas/actions';
import { OPENID, PROGRAM_ID, completeContent, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { snapshotStore } from '../support/store-snapshot';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const newBranch = (overrides: Partial<ActionInput<'organization.create'>> = {}): ActionInput<'organization.create'> => ({
  requestId: requestId(),
  kind: 'branch',
  name: '青年工作委员会',
  profile: { rating: '3A', inspections: [{ year: 2024, result: '合格' }] },
  contactPhone: '028-87654321',
  address: '成都市武侯区一环路南一段 24 号',
  ...overrides,
});

async function auditOf(entityId: string) {
  const entries = await h.store.find('audit', { entityId });
  return entries
    .sort((a, b) => a.entityVersion - b.entityVersion)
    .map((entry) => [entry.action, entry.entityVersion, entry.actorName, entry.reason]);
}

test('the secretariat creates, edits and deactivates a branch, and each step is audited', async () => {
  const created = await h.as(OPENID.secretary, 'organization.create', newBranch());
  expect(created).toMatchObject({ name: '青年工作委员会', kind: 'branch', societyId: 'org-scceas', active: true, version: 1 });
  expect(created.profile.rating).toBe('3A');
  const listed = await h.as(OPENID.secretary, 'organization.list', {});
  expect(listed.map((org) => org.name)).toContain('青年工作委员会');
  expect(listed.every((org) => org.societyId === created.societyId)).toBe(true);

  const updated = await h.as(OPENID.secretary, 'organization.update', {
    organizationId: created._id,
    version: created.version,
    name: '青年科技工作者委员会',
    profile: { rating: '4A', inspections: [{ year: 2024, result: '合格' }], canIssueTaxInvoice: true },
  });
  expect(updated).toMatchObject({ name: '青年科技工作者委员会', version: 2 });
  expect(updated.profile).toMatchObject({ rating: '4A', canIssueTaxInvoice: true });
  // The edit is the whole form: a phone left out is cleared.
  expect(updated.contactPhone).toBeUndefined();
  // A stale version is refused, and nothing changes.
  expect(
    await h.refused(OPENID.secretary, 'organization.update', { organizationId: created._id, version: 1, name: '旧名', profile: {} }),
  ).toBe('CONFLICT');

  const deactivated = await h.as(OPENID.secretary, 'organization.deactivate', {
    organizationId: created._id,
    version: updated.version,
    reason: '该委员会已合并',
  });
  expect(deactivated).toMatchObject({ active: false, version: 3 });
  expect((await h.as(OPENID.secretary, 'organization.get', { organizationId: created._id })).active).toBe(false);
  expect(await auditOf(created._id)).toEqual([
    ['create', 1, expect.any(String), null],
    ['update', 2, expect.any(String), null],
    ['deactivate', 3, expect.any(String), '该委员会已合并'],
  ]);
});

test('a retried create creates the organisation once', async () => {
  const input = newBranch();
  const first = await h.as(OPENID.secretary, 'organization.create', input);
  const again = await h.as(OPENID.secretary, 'organization.create', input);
  expect(again).toEqual(first);
  const named = await h.store.find('organizations', { name: '青年工作委员会' });
  expect(named).toHaveLength(1);
  expect(await auditOf(first._id)).toHaveLength(1);
});

test('a second unit of the same name, or a kind the organiser does not manage, is refused with a reason', async () => {
  await h.as(OPENID.secretary, 'organization.create', newBranch());
  const before = await snapshotStore(h.store);
  expect(refusal(await h.raw(OPENID.secretary, 'organization.create', newBranch()))).toEqual([
    'INVALID_INPUT',
    '输入有误：已有名为“青年工作委员会”的单位',
  ]);
  expect(refusal(await h.raw(OPENID.secretary, 'organization.create', newBranch({ kind: 'society', name: '某学会' })))).toEqual([
    'INVALID_INPUT',
    '输入有误：学会只能管理分支机构、会员单位',
  ]);
  expect(await h.refused(OPENID.secretary, 'organization.create', newBranch({ name: '某委员会', contactPhone: '12' }))).toBe(
    'INVALID_INPUT',
  );
  expect(await snapshotStore(h.store)).toEqual(before);
});

test('a 科协 manages the 学会 under it', async () => {
  const society = await h.as(OPENID.secretarySast, 'organization.create', newBranch({ kind: 'society', name: '四川省某学会' }));
  expect(society).toMatchObject({ kind: 'society', societyId: 'org-sast' });
  const names = (await h.as(OPENID.secretarySast, 'organization.list', {})).map((org) => org.name);
  expect(names).toContain('四川省土木建筑学会');
  expect(names).not.toContain('建筑结构专业委员会');
});

test("another organiser's secretariat cannot read, edit or deactivate the units, and applicants may not manage them", async () => {
  const before = await snapshotStore(h.store);
  const target = { organizationId: 'org-branch-structure' };
  expect(await h.refused(OPENID.secretaryXuzhou, 'organization.get', target)).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.secretaryXuzhou, 'organization.update', { ...target, version: 1, name: '改名', profile: {} })).toBe(
    'NOT_FOUND',
  );
  expect(await h.refused(OPENID.secretaryXuzhou, 'organization.deactivate', { ...target, version: 1, reason: '停用' })).toBe('NOT_FOUND');
  expect((await h.as(OPENID.secretaryXuzhou, 'organization.list', {})).map((org) => org._id)).not.toContain('org-branch-structure');
  expect(await h.refused(OPENID.structure, 'organization.list', {})).toBe('FORBIDDEN');
  expect(await h.refused(OPENID.reviewer, 'organization.deactivate', { ...target, version: 1, reason: '停用' })).toBe('FORBIDDEN');
  expect(await snapshotStore(h.store)).toEqual(before);
});

test('a deactivated unit no longer sees the programme, cannot create or submit, and is told why', async () => {
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent(),
  });
  const org = await h.as(OPENID.secretary, 'organization.get', { organizationId: 'org-branch-structure' });
  await h.as(OPENID.secretary, 'organization.deactivate', { organizationId: org._id, version: org.version, reason: '年检不合格被撤销' });

  expect((await h.as(OPENID.structure, 'program.list', {})).map((program) => program._id)).not.toContain(PROGRAM_ID);
  const before = await snapshotStore(h.store);
  const reason = '本单位不符合申报条件：本单位已被主办单位停用，不能申报';
  expect(
    refusal(
      await h.raw(OPENID.structure, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() }),
    ),
  ).toEqual(['APPLICANT_NOT_ELIGIBLE', reason]);
  expect(refusal(await h.raw(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version }))).toEqual([
    'APPLICANT_NOT_ELIGIBLE',
    reason,
  ]);
  expect(await snapshotStore(h.store)).toEqual(before);
  // Deactivating twice is refused too.
  expect(
    await h.refused(OPENID.secretary, 'organization.deactivate', { organizationId: org._id, version: org.version + 1, reason: '重复' }),
  ).toBe('TRANSITION_NOT_ALLOWED');
});
