// A programme is open only to the running organisation's members it names: nobody else sees it or applies,
// and the secretariat never reads a draft before its unit submits it.
import { OPENID, PROGRAM_ID, completeContent, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { addApplicant, decided } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const PROGRAMS = {
  provincial: 'program-sichuan-first-class-society-2023',
  civil: PROGRAM_ID,
  suzhou: 'program-suzhou-2022',
  xuzhou: 'program-xuzhou-2022',
};

async function visibleTo(openid: string): Promise<string[]> {
  return (await h.as(openid, 'program.list', {})).map((program) => program._id).sort();
}

async function snapshot() {
  return { applications: await h.store.find('applications', {}), audit: await h.store.find('audit', {}) };
}

/** The organisation leaves its society (what the secretariat would record when membership lapses). */
async function moveOrganization(orgId: string, societyId: string) {
  await h.store.transaction(async (tx) => {
    const org = await tx.get('organizations', orgId);
    await tx.replace('organizations', { ...org!, societyId, version: org!.version + 1 }, org!.version);
  });
}

test('each seed programme is listed only to the members it is open to', async () => {
  expect(await visibleTo(OPENID.structure)).toEqual([PROGRAMS.civil]);
  expect(await visibleTo(OPENID.design)).toEqual([PROGRAMS.civil]);
  expect(await visibleTo(OPENID.scceas)).toEqual([PROGRAMS.provincial]);
  expect(await visibleTo(OPENID.szMech)).toEqual([PROGRAMS.suzhou]);
  expect(await visibleTo(OPENID.xzCivil)).toEqual([PROGRAMS.xuzhou]);
  // 团体会员 may apply in Suzhou; Xuzhou is for 市级学会 only; a 科协's branch is no 省级学会.
  const suzhouMember = await addApplicant(h, { id: 'sz-member', name: '苏州某企业', kind: 'memberUnit', societyId: 'org-szast' });
  const xuzhouMember = await addApplicant(h, { id: 'xz-member', name: '徐州某企业', kind: 'memberUnit', societyId: 'org-xzast' });
  const sastBranch = await addApplicant(h, { id: 'sast-branch', name: '省科协某工作委员会', kind: 'branch', societyId: 'org-sast' });
  expect(await visibleTo(suzhouMember)).toEqual([PROGRAMS.suzhou]);
  expect(await visibleTo(xuzhouMember)).toEqual([]);
  expect(await visibleTo(sastBranch)).toEqual([]);
  // A programme outside the caller's scope is missing, by id too; staff see the ones they run.
  expect(await h.refused(OPENID.structure, 'program.get', { programId: PROGRAMS.xuzhou })).toBe('NOT_FOUND');
  expect(await h.refused(xuzhouMember, 'program.get', { programId: PROGRAMS.xuzhou })).toBe('NOT_FOUND');
  expect((await h.as(OPENID.scceas, 'program.get', { programId: PROGRAMS.provincial }))._id).toBe(PROGRAMS.provincial);
  expect(await visibleTo(OPENID.secretary)).toEqual([PROGRAMS.civil]);
  expect(await visibleTo(OPENID.secretarySast)).toEqual([PROGRAMS.provincial]);
});

test("another society's unit cannot create in a programme, and is told who may", async () => {
  const before = await snapshot();
  const foreign = await h.raw(OPENID.xzCivil, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent(),
  });
  expect(refusal(foreign)).toEqual([
    'APPLICANT_NOT_ELIGIBLE',
    '本单位不符合申报条件：本项目仅限四川省土木建筑学会所属的会员单位、分支机构申报，本单位不是四川省土木建筑学会的所属单位',
  ]);
  h.clock.set('2022-05-20T10:00:00+08:00');
  const member = await addApplicant(h, { id: 'xz-member', name: '徐州某企业', kind: 'memberUnit', societyId: 'org-xzast' });
  const wrongKind = await h.raw(member, 'application.create', {
    programId: PROGRAMS.xuzhou,
    requestId: requestId(),
    content: completeContent({ categoryKey: 'innovative' }),
  });
  expect(refusal(wrongKind)).toEqual([
    'APPLICANT_NOT_ELIGIBLE',
    '本单位不符合申报条件：本项目仅限徐州市科学技术协会所属的市级学会（协会、研究会）申报（本单位：会员单位）',
  ]);
  expect((await snapshot()).applications).toEqual(before.applications);
});

test('a unit that has left the society can neither save nor submit its draft', async () => {
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent(),
  });
  await moveOrganization('org-branch-structure', 'org-xzast');
  const before = await snapshot();
  const reason = '本单位不符合申报条件：本项目仅限四川省土木建筑学会所属的会员单位、分支机构申报，本单位不是四川省土木建筑学会的所属单位';
  const save = await h.raw(OPENID.structure, 'application.save', {
    applicationId: draft._id,
    version: draft.version,
    content: completeContent({ projectName: '改名' }),
  });
  expect(refusal(save)).toEqual(['APPLICANT_NOT_ELIGIBLE', reason]);
  const submit = await h.raw(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  expect(refusal(submit)).toEqual(['APPLICANT_NOT_ELIGIBLE', reason]);
  expect(await snapshot()).toEqual(before);
  // The form says so before the tap.
  expect((await h.as(OPENID.structure, 'application.get', { applicationId: draft._id })).submitIssues).toContain(reason.split('：')[1]);
});

test('the secretariat cannot read, link or decide a draft by id; once submitted it can', async () => {
  const id = requestId();
  const fileId = await h.files.write(`evidence/app_${id}/plan.pdf`, Buffer.from('%PDF-1.4'));
  // A file the unit has uploaded into the draft's folder (the programme asks for no attachment).
  const draft = await h.as(OPENID.structure, 'application.create', { programId: PROGRAM_ID, requestId: id, content: completeContent() });
  const before = await snapshot();
  expect(await h.refused(OPENID.secretary, 'application.get', { applicationId: draft._id })).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.secretary, 'file.link', { fileId })).toBe('NOT_FOUND');
  expect(await h.refused(OPENID.secretary, 'review.candidates', { applicationId: draft._id })).toBe('NOT_FOUND');
  expect(
    await h.refused(OPENID.secretary, 'application.decide', {
      applicationId: draft._id,
      version: draft.version,
      decision: 'return',
      reason: '看看',
    }),
  ).toBe('NOT_FOUND');
  expect((await h.as(OPENID.secretary, 'application.queue', { programId: PROGRAM_ID })).items).toEqual([]);
  expect(await snapshot()).toEqual(before);

  const submitted = await h.as(OPENID.structure, 'application.submit', { applicationId: draft._id, version: draft.version });
  expect((await h.as(OPENID.secretary, 'application.get', { applicationId: draft._id })).application.status).toBe('submitted');
  expect((await h.as(OPENID.secretary, 'file.link', { fileId })).url).toBeTruthy();
  // Returned for changes it stays in the secretariat's view: it was submitted, and they asked for the changes.
  const returned = await decided(h, submitted, 'return', '请补充预算依据');
  expect((await h.as(OPENID.secretary, 'application.get', { applicationId: returned._id })).application.status).toBe('returned');
});
