// An organisation's page across years: its applications and awards in every programme of its organiser,
// newest first, for that organiser's secretariat only; drafts stay the applicant's own.
import { collections } from '@/core/schemas/documents';
import { OPENID, PROGRAM_ID, completeContent, refusal, requestId, startHarness, type Harness } from '../support/harness';
import { submitted } from '../support/lifecycle';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const BRANCH = 'org-branch-structure';

/** Last year's call of the same series, and an award 结构专委会 was paid in it. */
async function paidLastYear(template: { _id: string }): Promise<void> {
  const program = await h.store.get('programs', PROGRAM_ID);
  const application = await h.store.get('applications', template._id);
  if (!program || !application) throw new Error('missing fixtures');
  await h.store.transaction(async (tx) => {
    await tx.create(
      'programs',
      collections.programs.parse({
        ...program,
        _id: 'program-civil-2022',
        code: 'sichuan-civil-2022',
        name: '2022年度学会奖补计划',
        year: 2022,
      }),
    );
    await tx.create(
      'applications',
      collections.applications.parse({
        ...application,
        _id: 'app-civil-2022',
        programId: 'program-civil-2022',
        requestId: 'req-civil-2022-paid',
        projectName: '2022年结构专委会学术年会',
        status: 'paid',
        submittedAt: '2022-07-01T02:00:00.000Z',
        awardFen: 300_000,
        payout: {
          amountFen: 300_000,
          paidOn: '2023-01-20',
          voucherNo: '记-2023-0012',
          recordedBy: 'user-secretary',
          recordedAt: '2023-01-20T02:00:00.000Z',
        },
      }),
    );
  });
}

test('the secretariat reads a unit’s applications across years, newest first, with award and payout; drafts are left out', async () => {
  const thisYear = await submitted(h, OPENID.structure, completeContent({ projectName: '2023年结构安全科普周' }));
  await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent({ projectName: '尚未提交的草稿' }),
  });
  await paidLastYear(thisYear);

  const history = await h.as(OPENID.secretary, 'organization.history', { organizationId: BRANCH });
  expect(history.organization).toMatchObject({ _id: BRANCH, name: '建筑结构专业委员会' });
  expect(
    history.applications.map((row) => [
      row.programYear,
      row.projectName,
      row.categoryName,
      row.statusLabel,
      row.awardFen,
      row.paidFen,
      row.paidOn,
    ]),
  ).toEqual([
    [2023, '2023年结构安全科普周', '培育奖励', '待形式审查', null, null, null],
    [2022, '2022年结构专委会学术年会', '培育奖励', '已发放', 300_000, 300_000, '2023-01-20'],
  ]);
  expect(history.applications[1]?.programName).toBe('2022年度学会奖补计划');
});

test('a unit with no applications has an empty history; another organiser’s secretariat and applicants cannot read it', async () => {
  const empty = await h.as(OPENID.secretary, 'organization.history', { organizationId: 'org-branch-popsci' });
  expect(empty.applications).toEqual([]);
  const other = await h.raw(OPENID.secretaryXuzhou, 'organization.history', { organizationId: BRANCH });
  expect(refusal(other)?.[0]).toBe('NOT_FOUND');
  const applicant = await h.raw(OPENID.structure, 'organization.history', { organizationId: BRANCH });
  expect(refusal(applicant)?.[0]).toBe('FORBIDDEN');
});

test('reading the history takes the same few reads however many applications the unit has', async () => {
  const reads = { get: 0, find: 0 };
  const { get, find } = h.store;
  h.store.get = ((...args: Parameters<typeof get>) => {
    reads.get += 1;
    return get.apply(h.store, args);
  }) as typeof get;
  h.store.find = ((...args: Parameters<typeof find>) => {
    reads.find += 1;
    return find.apply(h.store, args);
  }) as typeof find;
  const count = async () => {
    reads.get = 0;
    reads.find = 0;
    await h.as(OPENID.secretary, 'organization.history', { organizationId: BRANCH });
    return { ...reads };
  };
  await submitted(h, OPENID.structure, completeContent({ projectName: '第一项' }));
  const withOne = await count();
  for (const name of ['第二项', '第三项']) await submitted(h, OPENID.structure, completeContent({ projectName: name }));
  expect(await count()).toEqual(withOne);
});
