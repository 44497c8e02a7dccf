// The secretariat's queue (src/features/admin/hooks/use-admin-queue.ts, staff-actions.ts): what waits for a decision
// comes first, first come first served; the tab badges; "next application" after a decision; the decision buttons.
import type { ApplicationSummaryView } from '@/core/schemas/actions';
import type { ApplicationStatus, WorkflowAction } from '@/core/workflow/award-workflow';
import { countLoaded, nextWaiting, orderQueue } from '@/features/admin/hooks/use-admin-queue';
import { decisionsOf, doneText, isAdverse, isQueueStage, needsStaff, queueStages, statusAllows } from '@/features/admin/staff-actions';

// The queue hook's module also holds the hook, which reaches the api client (Taro): the ordering is tested alone.
jest.mock('@/lib/api', () => ({ call: jest.fn(), messageOf: () => '', ApiError: Error }));

function row(
  id: string,
  status: ApplicationStatus,
  availableActions: WorkflowAction[],
  times: { submittedAt?: string | null; updatedAt?: string } = {},
): ApplicationSummaryView {
  return {
    _id: id,
    version: 1,
    updatedAt: times.updatedAt ?? '2022-06-01T00:00:00.000Z',
    programId: 'program-1',
    orgId: `org-${id}`,
    orgName: `学会${id}`,
    projectName: `项目${id}`,
    categoryKey: 'party-building',
    categoryName: '党建强会',
    status,
    statusLabel: status,
    stage: 'check',
    budgetTotalFen: 1_000_000,
    awardFen: null,
    submittedAt: times.submittedAt === undefined ? '2022-05-20T02:00:00.000Z' : times.submittedAt,
    dueAt: null,
    decisionReason: null,
    moderation: undefined,
    availableActions,
  } as ApplicationSummaryView;
}

const decide: WorkflowAction[] = ['passCheck', 'return', 'rejectCheck'];
const late = row('late', 'submitted', decide, { submittedAt: '2022-05-25T02:00:00.000Z' });
const early = row('early', 'submitted', decide, { submittedAt: '2022-05-18T02:00:00.000Z' });
const returnedOld = row('returned-old', 'returned', [], { updatedAt: '2022-05-21T00:00:00.000Z' });
const returnedNew = row('returned-new', 'returned', [], { updatedAt: '2022-05-28T00:00:00.000Z' });
const toAssign = row('to-assign', 'checkPassed', [], { submittedAt: '2022-05-22T02:00:00.000Z' });

test('what waits for the secretariat comes first, oldest submission first; the rest most recently changed first', () => {
  const ordered = orderQueue([returnedOld, late, returnedNew, toAssign, early]);
  expect(ordered.map((application) => application._id)).toEqual(['early', 'to-assign', 'late', 'returned-new', 'returned-old']);
});

test('an application waits for the secretariat when it offers a decision, a payout to record, or reviewers to assign', () => {
  expect(needsStaff(early)).toBe(true);
  expect(needsStaff(toAssign)).toBe(true);
  expect(needsStaff(row('paid', 'accepted', ['pay']))).toBe(true);
  // Back with the applicant for changes: nothing for the secretariat to do.
  expect(needsStaff(returnedOld)).toBe(false);
});

test('the tab badge counts what waits among the loaded rows, and says when more pages follow', () => {
  expect(countLoaded([early, returnedOld, late], false, 3)).toEqual({ total: 3, totalKnown: true, waiting: 2, more: false });
  // Without the server's count, the loaded rows are the total so far.
  expect(countLoaded([early, returnedOld], true, null)).toEqual({ total: 2, totalKnown: false, waiting: 1, more: true });
});

test('after a decision, "next application" opens the next one waiting in queue order, wrapping round', () => {
  const rows = [returnedOld, late, toAssign, early];
  // Queue order: early, to-assign, late, then the returned one.
  expect(nextWaiting(rows, 'early')).toEqual({ id: 'to-assign', remaining: 2 });
  expect(nextWaiting(rows, 'late')).toEqual({ id: 'early', remaining: 2 });
  // Opened from elsewhere (not in the loaded rows): the first waiting one.
  expect(nextWaiting(rows, 'elsewhere')).toEqual({ id: 'early', remaining: 3 });
  // The last one decided: nothing left.
  expect(nextWaiting([returnedOld, early], 'early')).toEqual({ id: null, remaining: 0 });
});

test('the decision buttons are the staff decisions the server offered, in the table’s order; adverse ones ask a reason', () => {
  const application = { availableActions: ['save', 'rejectCheck', 'passCheck', 'return'] as WorkflowAction[] };
  expect(decisionsOf(application)).toEqual(['return', 'passCheck', 'rejectCheck']);
  expect(isAdverse('return')).toBe(true);
  expect(isAdverse('passCheck')).toBe(false);
  expect(statusAllows('submitted', 'passCheck')).toBe(true);
  expect(statusAllows('draft', 'passCheck')).toBe(false);
});

test('the success toast fits WeChat’s seven characters: the label when short, else 已处理', () => {
  expect(doneText('return')).toBe('已退回修改');
  expect(doneText('passCheck')).toBe('已形式审查通过');
  expect(doneText('rectifyMidterm')).toBe('已处理');
});

test('the stage tabs run from 形式审查 to 发放, and a stage in a link is checked before it is used', () => {
  expect(queueStages).toEqual(['check', 'review', 'publicity', 'implementation', 'acceptance', 'payout']);
  expect(isQueueStage('review')).toBe(true);
  expect(isQueueStage('closed')).toBe(false);
  expect(isQueueStage(undefined)).toBe(false);
});
