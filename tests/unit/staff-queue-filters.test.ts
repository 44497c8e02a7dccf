// The staff queue's filters and bulk answers as a clerk meets them (issue 12, deliver 3 and 4).
import {
  assignmentOutcomes,
  claimCountText,
  claimFilterInput,
  claimUnits,
  decisionSection,
  filterCount,
  queueFilterInput,
  searchClaims,
  statusesOf,
  withoutSettled,
} from '@/features/admin/staff-actions';

describe('queue filters', () => {
  it('sends only the filters set; an empty or blank search is no search', () => {
    expect(queueFilterInput({ q: '   ', status: undefined, pendingClaims: false })).toEqual({});
    expect(queueFilterInput({ q: ' 结构 ', categoryKey: 'award', orgId: 'org-a', pendingClaims: true, status: 'submitted' })).toEqual({
      q: '结构',
      categoryKey: 'award',
      orgId: 'org-a',
      pendingClaims: true,
      status: 'submitted',
    });
    expect(filterCount({ q: '结构', pendingClaims: true })).toBe(2);
  });

  it("offers a stage's own statuses only, never a draft", () => {
    expect(statusesOf('check')).toEqual(['submitted', 'resubmitted']);
    expect(statusesOf('review')).toEqual(['checkPassed', 'underReview']);
  });

  it('searches the claim list by unit, project or indicator, every word', () => {
    const claims = [
      { orgName: '建筑结构专业委员会', projectName: '抗震科普进社区', indicatorName: '发布科技成果' },
      { orgName: '学术工作委员会', projectName: '青年学者沙龙', indicatorName: '举办学术活动' },
    ];
    expect(searchClaims(claims, '学术').map((claim) => claim.orgName)).toEqual(['学术工作委员会']);
    expect(searchClaims(claims, '结构 成果')).toHaveLength(1);
    expect(searchClaims(claims, '')).toHaveLength(2);
  });

  it('sends only the claim filters set, and counts the loaded claims with a + while more pages follow', () => {
    expect(claimFilterInput({ indicatorKey: '', orgId: undefined, duplicated: false })).toEqual({});
    expect(claimFilterInput({ indicatorKey: 'papers', orgId: 'org-a', duplicated: true })).toEqual({
      indicatorKey: 'papers',
      orgId: 'org-a',
      duplicated: true,
    });
    expect(claimCountText(20, true)).toBe('待核实 20+');
    expect(claimCountText(3, false)).toBe('待核实 3');
  });

  it('offers each unit of the loaded claims once, and drops the claims settled on their award without a reload', () => {
    const claims = [
      { _id: 'c1', orgId: 'org-a', orgName: '建筑结构专业委员会' },
      { _id: 'c2', orgId: 'org-b', orgName: '学术工作委员会' },
      { _id: 'c3', orgId: 'org-a', orgName: '建筑结构专业委员会' },
    ];
    expect(claimUnits(claims)).toEqual([
      { id: 'org-a', name: '建筑结构专业委员会' },
      { id: 'org-b', name: '学术工作委员会' },
    ]);
    expect(withoutSettled(claims, ['c1', 'c9']).map((claim) => claim._id)).toEqual(['c2', 'c3']);
  });
});

describe('bulk assignment answers', () => {
  it('names the expert left out on the application it was left out of, and a refusal as the server said it', () => {
    const outcomes = assignmentOutcomes([
      {
        applicationId: 'a1',
        ok: true,
        code: null,
        message: null,
        assigned: ['r1'],
        excluded: [{ userId: 'r2', name: '周高工', reason: '按回避规定不能评审' }],
      },
      { applicationId: 'a2', ok: true, code: null, message: null, assigned: ['r1', 'r2'], excluded: [] },
      { applicationId: 'a3', ok: false, code: 'CONFLICT', message: '数据已被他人修改，请刷新后重试', assigned: [], excluded: [] },
    ]);
    expect(outcomes.map((outcome) => [outcome.ok, outcome.message])).toEqual([
      [true, '已回避：周高工（按回避规定不能评审）'],
      [true, null],
      [false, '数据已被他人修改，请刷新后重试'],
    ]);
  });
});

describe('where the staff detail opens', () => {
  const none = { openObjections: 0, pendingClaims: 0 };
  it('at what waits for a decision: the form for a check, the reviews, an open objection, a report, claims, a payment', () => {
    expect(decisionSection({ status: 'submitted', availableActions: ['passCheck'] }, none)).toBe('content');
    expect(decisionSection({ status: 'checkPassed', availableActions: ['startReview'] }, none)).toBe('review');
    expect(decisionSection({ status: 'inPublicity', availableActions: ['approve'] }, { ...none, openObjections: 1 })).toBe('objections');
    expect(decisionSection({ status: 'finalSubmitted', availableActions: ['accept'] }, none)).toBe('reports');
    expect(decisionSection({ status: 'implementing', availableActions: [] }, { ...none, pendingClaims: 2 })).toBe('claims');
    expect(decisionSection({ status: 'resultPublished', availableActions: ['pay'] }, none)).toBe('records');
  });
  it('at the top when nothing waits', () => {
    expect(decisionSection({ status: 'completed', availableActions: [] }, none)).toBeNull();
  });
});
