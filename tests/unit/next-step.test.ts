// The applicant's next-step card: the due time of the report now due as the server enforces it, a granted
// extension with its reason, and plainly, once the time has passed, that the report would be refused.
import type { ApplicationView } from '@/core/schemas/actions';
import type { ApplicationStatus, WorkflowAction } from '@/core/workflow/award-workflow';
import { nextStep, timeline } from '@/features/apply/next-step';
import { programFrom } from './factories';

// The provincial call: a mid-term for the society and journal categories only (seed 002 lines 11, 35), the final
// report by 2024-01-31 (line 47).
const program = programFrom('sichuan-first-class-society-2023', {
  stages: {
    ...programFrom('sichuan-first-class-society-2023').stages,
    midterm: { categories: ['society', 'journal'], dueAt: '2023-09-30T23:59:59+08:00' },
  },
});

function award(
  status: ApplicationStatus,
  availableActions: WorkflowAction[],
  extra: Partial<Pick<ApplicationView, 'categoryKey' | 'dueAt' | 'extension'>> = {},
): ApplicationView {
  return {
    _id: 'app-1',
    orgId: 'org-1',
    status,
    categoryKey: 'society',
    dueAt: null,
    extension: null,
    availableActions,
    ...extra,
  } as ApplicationView;
}

/** The programme as read from the server at this time. */
const at = (iso: string) => ({ ...program, serverNow: new Date(iso).toISOString() });

test('the mid-term report due is the programme mid-term date for a category with a mid-term', () => {
  const step = nextStep(award('implementing', ['submitMidterm']), at('2023-09-01T09:00:00+08:00'));
  expect(step).toMatchObject({ label: '提交中期报告', route: 'report', due: '截止 2023年9月30日 23:59', note: null, overdue: false });
});

test('a category without a mid-term owes the final report, due on the programme final date', () => {
  const step = nextStep(award('implementing', ['submitFinal'], { categoryKey: 'academic-event' }), at('2023-09-01T09:00:00+08:00'));
  expect(step).toMatchObject({ label: '提交结项报告', due: '截止 2024年1月31日 23:59', overdue: false });
});

test('a granted extension shows the extended due time, the original one and the reason', () => {
  const extension = {
    until: '2023-10-20T15:59:59.000Z',
    reason: '国庆期间活动顺延',
    grantedBy: 'user-s',
    grantedAt: '2023-09-20T01:00:00.000Z',
  };
  const application = award('implementing', ['submitMidterm'], { extension });
  // After the original due time but before the extended one: still open.
  const step = nextStep(application, at('2023-10-05T09:00:00+08:00'));
  expect(step).toMatchObject({
    route: 'report',
    due: '已延期至 2023年10月20日 23:59（原截止 2023年9月30日 23:59）',
    note: '延期理由：国庆期间活动顺延',
    overdue: false,
  });
});

test('after the due time the card says the deadline passed and to ask the secretariat, and offers no form', () => {
  const step = nextStep(award('implementing', ['submitMidterm']), at('2023-10-01T00:00:01+08:00'));
  expect(step).toMatchObject({ route: null, overdue: true, label: '中期报告提交期限已过，请联系秘书处申请延期' });
  expect(step?.note).toBe('报告提交期限已过：中期报告须于 2023年9月30日 23:59 前提交，现已不能提交。如需延期，请联系秘书处申请。');
});

test('after an extended due time it is overdue too, naming the extended time', () => {
  const extension = { until: '2023-10-20T15:59:59.000Z', reason: '顺延', grantedBy: 'user-s', grantedAt: '2023-09-20T01:00:00.000Z' };
  const step = nextStep(award('implementing', ['submitMidterm'], { extension }), at('2023-10-21T09:00:00+08:00'));
  expect(step?.overdue).toBe(true);
  expect(step?.note).toContain('2023年10月20日 23:59');
});

test("a rectification's own due time is on the application", () => {
  const application = award('inRectification', ['submitRectification'], { dueAt: '2024-02-29T15:59:59.000Z' });
  expect(nextStep(application, at('2024-02-01T09:00:00+08:00'))).toMatchObject({
    label: '提交整改报告',
    due: '截止 2024年2月29日 23:59',
  });
});

test("the server's time judges the deadline, not the phone's clock", () => {
  // The phone reads 2026; the programme was read from the server on 1 September 2023: not overdue.
  expect(nextStep(award('implementing', ['submitMidterm']), at('2023-09-01T09:00:00+08:00'))?.overdue).toBe(false);
  expect(nextStep(award('implementing', ['submitMidterm']))).toMatchObject({ route: 'report', due: null, overdue: false });
});

test('steps other than a report have no due time', () => {
  expect(nextStep(award('draft', ['save', 'submit']), at('2023-06-20T09:00:00+08:00'))).toMatchObject({
    label: '完成并提交申报',
    route: 'editApplication',
    due: null,
    overdue: false,
  });
});

test('a returned application asks for changes and resubmission; an award being carried out asks for its indicator claims', () => {
  expect(nextStep(award('returned', ['save', 'resubmit']), at('2023-06-20T09:00:00+08:00'))).toMatchObject({
    label: '修改后重新提交',
    route: 'editApplication',
    params: { id: 'app-1' },
  });
  expect(nextStep(award('implementing', ['claim']), at('2023-08-01T09:00:00+08:00'))).toMatchObject({
    label: '填报指标完成情况',
    route: 'addClaim',
  });
  // A report owed comes before claims.
  expect(nextStep(award('implementing', ['claim', 'submitMidterm']), at('2023-08-01T09:00:00+08:00'))?.label).toBe('提交中期报告');
});

test('while the secretariat decides, the applicant has no step to take', () => {
  expect(nextStep(award('submitted', []), at('2023-06-20T09:00:00+08:00'))).toBeNull();
  expect(nextStep(award('implementing', ['withdraw']), at('2023-08-01T09:00:00+08:00'))).toBeNull();
});

test('the timeline marks the stages passed as done and the current one; an application not selected ends at the review', () => {
  const states = (application: Pick<ApplicationView, 'stage' | 'status'>) =>
    timeline(application).map((step) => `${step.label}:${step.state}`);
  const inReview = states({ stage: 'review', status: 'checkPassed' });
  expect(inReview.slice(0, 3)).toEqual(['申报:done', '形式审查:done', '专家评审:current']);
  expect(inReview.slice(3).every((line) => line.endsWith(':todo'))).toBe(true);
  expect(states({ stage: 'closed', status: 'notSelected' }).slice(2, 4)).toEqual(['专家评审:ended', '公示:todo']);
});
