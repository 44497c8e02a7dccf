// A fixture world for the authorization matrix and the fuzz suite: one programme holding applications of
// 建筑结构专业委员会 in many statuses, built once through the api and then restored from a snapshot per test.
import type { ApplicationView } from '@/core/schemas/actions';
import type { ApplicationStatus } from '@/core/workflow/award-workflow';
import { callerKinds, type CallerKind } from './callers';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from './harness';
import { REVIEWERS, decided, shortlisted, submitted, taskFor } from './lifecycle';
import { snapshotStore, type StoreSnapshot } from './store-snapshot';
import { unitRows, unitSheet } from './unit-sheets';
import { JPEG_BYTES, PDF_BYTES, uploadedThroughSlot } from './uploads';

/** The applications of the world and the status each is left in (fully scored before the others in review). */
export const fixtureStatus = {
  draft: 'draft',
  submitted: 'submitted',
  checkPassed: 'checkPassed',
  reviewed: 'underReview',
  awaitingDeclaration: 'underReview',
  underReview: 'underReview',
  shortlisted: 'shortlisted',
  inPublicity: 'inPublicity',
  approved: 'approved',
  implementing: 'implementing',
  midtermSubmitted: 'midtermSubmitted',
  finalSubmitted: 'finalSubmitted',
  accepted: 'accepted',
} as const satisfies Record<string, ApplicationStatus>;
export type Fixture = keyof typeof fixtureStatus;
export const fixtures = Object.keys(fixtureStatus) as Fixture[];

export interface World {
  snapshot: StoreSnapshot;
  /** The clock when the world was left (the second notice is running). */
  now: string;
  applications: Record<Fixture, string>;
  /** 刘教授 declared no conflict on `underReview` (not scored) and is assigned, undeclared, on `awaitingDeclaration`. */
  reviews: { declared: string; assigned: string };
  publicities: { open: string; closed: string };
  /** An open objection against `inPublicity`. */
  objectionId: string;
  /** A pending claim on `implementing`. */
  claimId: string;
  /** Uploaded through slots: claim evidence on `approved` and `implementing`, a report file, a draft's attachment. */
  files: Record<'approved' | 'implementing' | 'report' | 'draft', { path: string; fileId: string }>;
  /** An .xlsx of a branch and a member unit to import (base64), as organization.import takes it. */
  importSheet: string;
  /**
   * Open invitations of the running society to be the contact of 四川大学建筑与环境学院 (a unit no caller is a
   * contact of): one per kind of caller, so each may take its own; one anybody may look at; one to revoke.
   */
  invitations: { byCaller: Record<CallerKind, { id: string; code: string }>; shared: { id: string; code: string }; revocable: string };
}

/** The contact invitations of the world, created by the running society's secretary. */
async function invite(h: Harness, label: string): Promise<{ id: string; code: string }> {
  const invitation = await h.as(OPENID.secretary, 'invitation.create', {
    requestId: `rq_world_invite_${label}`,
    role: 'applicant',
    orgId: 'org-member-scu',
    name: `受邀联系人（${label}）`,
  });
  return { id: invitation._id, code: invitation.code };
}

async function report(h: Harness, application: ApplicationView) {
  return h.as(OPENID.structure, 'application.report', {
    applicationId: application._id,
    version: application.version,
    requestId: requestId(),
    summary: '按计划完成各项任务。',
    achievements: [],
    fileIds: [],
  });
}

/** Builds the world through the api (about a hundred calls), once per suite. */
export async function buildWorld(): Promise<World> {
  const h = await startHarness();
  try {
    // Five awards go through the first notice, then on to their later statuses.
    const granted = [];
    for (let index = 0; index < 5; index += 1) {
      granted.push(await shortlisted(h, await submitted(h, OPENID.structure, completeContent({ projectName: `已立项项目${index + 1}` }))));
    }
    const { publicity: first } = await h.as(OPENID.secretary, 'publicity.open', {
      programId: PROGRAM_ID,
      title: '第一批拟立项项目公示',
      contact: '学会秘书处 028-00000000',
    });
    h.clock.set('2023-07-10T09:00:00+08:00');
    await h.as(OPENID.secretary, 'publicity.close', { publicityId: first._id });
    const latest = (id: string) => h.as(OPENID.secretary, 'application.get', { applicationId: id }).then((detail) => detail.application);
    const [approved, implementing, midterm, final, accepted] = await Promise.all(granted.map((application) => latest(application._id)));
    const noticed = [];
    for (const application of [implementing!, midterm!, final!, accepted!]) noticed.push(await decided(h, application, 'issueNotice'));
    const [, midtermDue, finalDue, acceptedDue] = noticed;
    const midtermSubmitted = await report(h, midtermDue!);
    const finalSubmitted = await report(h, await decided(h, await report(h, finalDue!), 'passMidterm'));
    const acceptedReport = await report(h, await decided(h, await report(h, acceptedDue!), 'passMidterm'));
    const acceptedDone = await decided(h, acceptedReport, 'accept');

    const evidence = await uploadedThroughSlot(h, OPENID.structure, implementing!._id, 'claim', JPEG_BYTES, 'jpg');
    const approvedEvidence = await uploadedThroughSlot(h, OPENID.structure, approved!._id, 'claim', JPEG_BYTES, 'jpg');
    const reportFile = await uploadedThroughSlot(h, OPENID.structure, implementing!._id, 'report', PDF_BYTES, 'pdf');
    const claim = await h.as(OPENID.structure, 'claim.add', {
      applicationId: implementing!._id,
      requestId: requestId(),
      indicatorKey: 'published-results',
      amount: 1,
      description: '发布科技成果一项',
      fileIds: [evidence],
    });

    // The second notice is running now, with an objection lodged against its one entry.
    const inPublicity = await shortlisted(h, await submitted(h, OPENID.structure, completeContent({ projectName: '公示中项目' })));
    const { publicity: second } = await h.as(OPENID.secretary, 'publicity.open', {
      programId: PROGRAM_ID,
      title: '第二批拟立项项目公示',
      contact: '学会秘书处 028-00000000',
    });
    const objection = await h.as(OPENID.structure, 'objection.lodge', {
      publicityId: second._id,
      requestId: requestId(),
      applicationId: inPublicity._id,
      content: '该项目与去年申报内容重复。',
      contactName: '匿名会员',
      contactPhone: '13800000000',
    });
    const shortlistedOnly = await shortlisted(h, await submitted(h, OPENID.structure, completeContent({ projectName: '拟立项项目' })));

    // Review: fully scored, declared only, assigned only.
    const reviewed = await decided(h, await submitted(h, OPENID.structure, completeContent({ projectName: '已评审项目' })), 'passCheck');
    const { application: scored } = await h.as(OPENID.secretary, 'review.assign', {
      applicationId: reviewed._id,
      version: reviewed.version,
      reviewerIds: [REVIEWERS.liu.userId, REVIEWERS.zhao.userId],
    });
    for (const reviewer of [REVIEWERS.liu, REVIEWERS.zhao]) {
      const task = await taskFor(h, reviewer.openid, scored._id);
      const declared = await h.as(reviewer.openid, 'review.declare', { reviewId: task!._id, version: task!.version, noConflict: true });
      const scores = (await h.deps.store.get('programs', PROGRAM_ID))!.reviewCriteria.map((criterion) => ({
        criterionKey: criterion.key,
        score: 80,
      }));
      await h.as(reviewer.openid, 'review.submit', { reviewId: declared._id, version: declared.version, scores, comment: '可行。' });
    }
    const assignLiu = async (projectName: string) => {
      const checked = await decided(h, await submitted(h, OPENID.structure, completeContent({ projectName })), 'passCheck');
      const { application } = await h.as(OPENID.secretary, 'review.assign', {
        applicationId: checked._id,
        version: checked.version,
        reviewerIds: [REVIEWERS.liu.userId],
      });
      const task = await taskFor(h, OPENID.reviewer, application._id);
      return { application, task: task! };
    };
    const underReview = await assignLiu('评审中项目');
    const declared = await h.as(OPENID.reviewer, 'review.declare', {
      reviewId: underReview.task._id,
      version: underReview.task.version,
      noConflict: true,
    });
    const awaitingDeclaration = await assignLiu('待确认回避项目');

    const checkPassed = await decided(
      h,
      await submitted(h, OPENID.structure, completeContent({ projectName: '待分配专家项目' })),
      'passCheck',
    );
    const submittedOnly = await submitted(h, OPENID.structure, completeContent({ projectName: '待形式审查项目' }));
    const draft = await h.as(OPENID.structure, 'application.create', {
      programId: PROGRAM_ID,
      requestId: requestId(),
      content: completeContent({ projectName: '草稿项目' }),
    });
    const draftFile = await uploadedThroughSlot(h, OPENID.structure, draft._id, 'attachment', PDF_BYTES, 'pdf');
    const byCaller = {} as Record<CallerKind, { id: string; code: string }>;
    for (const kind of callerKinds) byCaller[kind] = await invite(h, kind);
    const invitations = { byCaller, shared: await invite(h, 'shared'), revocable: (await invite(h, 'revocable')).id };

    const snapshot = await snapshotStore(h.store);
    const applications: Record<Fixture, string> = {
      draft: draft._id,
      submitted: submittedOnly._id,
      checkPassed: checkPassed._id,
      awaitingDeclaration: awaitingDeclaration.application._id,
      underReview: underReview.application._id,
      reviewed: scored._id,
      shortlisted: shortlistedOnly._id,
      inPublicity: inPublicity._id,
      approved: approved!._id,
      implementing: implementing!._id,
      midtermSubmitted: midtermSubmitted._id,
      finalSubmitted: finalSubmitted._id,
      accepted: acceptedDone._id,
    };
    for (const fixture of fixtures) {
      const stored = snapshot.applications.find((application) => application._id === applications[fixture]);
      if (stored?.status !== fixtureStatus[fixture])
        throw new Error(`world: ${fixture} is ${stored?.status}, not ${fixtureStatus[fixture]}`);
    }
    const pathOf = (fileId: string) => fileId.replace(/^local:\/\//, '');
    return {
      snapshot,
      now: h.clock.now().toISOString(),
      applications,
      reviews: { declared: declared._id, assigned: awaitingDeclaration.task._id },
      publicities: { open: second._id, closed: first._id },
      objectionId: objection.id,
      claimId: claim._id,
      files: {
        approved: { path: pathOf(approvedEvidence), fileId: approvedEvidence },
        implementing: { path: pathOf(evidence), fileId: evidence },
        report: { path: pathOf(reportFile), fileId: reportFile },
        draft: { path: pathOf(draftFile), fileId: draftFile },
      },
      importSheet: (await unitSheet(unitRows(2, '世界导入'))).toString('base64'),
      invitations,
    };
  } finally {
    await h.close();
  }
}

/** A fresh api on its own store holding exactly the world, at the world's time. */
export async function startFromWorld(world: World): Promise<Harness> {
  const h = await startHarness({ snapshot: world.snapshot, inMemory: true });
  h.clock.set(world.now);
  for (const file of Object.values(world.files)) await h.files.write(file.path, file.path.endsWith('.jpg') ? JPEG_BYTES : PDF_BYTES);
  return h;
}

/** The stored version of a document of the world. */
export function versionIn(
  world: World,
  collection: 'applications' | 'reviews' | 'claims' | 'objections' | 'programs' | 'organizations' | 'users',
  id: string,
): number {
  const document = (world.snapshot[collection] as { _id: string; version: number }[]).find((candidate) => candidate._id === id);
  if (!document) throw new Error(`${collection}/${id} is not in the world`);
  return document.version;
}
