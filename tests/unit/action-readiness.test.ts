// An action that cannot be taken yet says why and from when (issue 12, deliver 3): read from the same guards and
// checks the server's transition judges, never from a second copy of the rules.
import { emptyOutcomes } from '@/core/workflow/award-workflow';
import { actionReadiness, type Actor, type WorkflowContext, type WorkflowSubject } from '@/core/workflow/transition';
import { societyStages } from './factories';

const stages = societyStages;
const clerk: Actor = { userId: 'u-clerk', name: '王秘书', role: 'secretariat', orgId: 'org-society' };
const unit: Actor = { userId: 'u-unit', name: '李会长', role: 'applicant', orgId: 'org-unit' };

function subject(status: WorkflowSubject['status']): WorkflowSubject {
  return { status, orgId: 'org-unit', outcomes: emptyOutcomes, categoryKey: 'award' };
}

// A notice that closes on 2023-07-09 ends at the first instant of 7月10日 in Shanghai (16:00 UTC the day before).
const noticeEndsAt = '2023-07-09T16:00:00.000Z';
const duringNotice: WorkflowContext = {
  stages,
  facts: { now: new Date('2023-07-05T02:00:00Z'), noticeEndsAt, noticeClosesOn: '2023-07-09', openObjections: 0 },
};

describe('actionReadiness', () => {
  it('during the notice, 批准立项 is refused with the day it opens and that the system approves by itself', () => {
    const readiness = actionReadiness(clerk, 'approve', subject('inPublicity'), duringNotice);
    expect(readiness).toEqual({
      allowed: false,
      code: 'PUBLICITY_NOT_ENDED',
      reason: '7月10日起可批准立项，届时系统自动批准立项',
      opensAt: noticeEndsAt,
      automatic: true,
    });
  });

  it('once the notice has ended with no objection open, 批准立项 is allowed', () => {
    const after = { ...duringNotice, facts: { ...duringNotice.facts, now: new Date('2023-07-09T16:00:00.000Z') } };
    expect(actionReadiness(clerk, 'approve', subject('inPublicity'), after)).toEqual({ allowed: true });
  });

  it('an open objection blocks 批准立项 with no date: it waits on the secretariat, not on time', () => {
    const after = { ...duringNotice, facts: { ...duringNotice.facts, now: new Date('2023-07-12T02:00:00Z'), openObjections: 1 } };
    const readiness = actionReadiness(clerk, 'approve', subject('inPublicity'), after);
    expect(readiness).toMatchObject({ allowed: false, code: 'OBJECTION_PENDING', opensAt: null, automatic: false });
    expect(readiness.allowed ? '' : readiness.reason).toBe('该项目有尚未处理的异议，处理后才能继续');
  });

  it('the year is named when the opening day is in another year than now', () => {
    const late = { ...duringNotice, facts: { ...duringNotice.facts, now: new Date('2022-12-30T02:00:00Z') } };
    const readiness = actionReadiness(clerk, 'approve', subject('inPublicity'), late);
    expect(readiness.allowed ? '' : readiness.reason).toBe('2023年7月10日起可批准立项，届时系统自动批准立项');
  });

  it('列入拟立项 while a reviewer has not scored names who is missing, and opens on no date', () => {
    const context: WorkflowContext = {
      stages,
      facts: {
        now: new Date('2023-06-01T02:00:00Z'),
        reviews: [
          { status: 'submitted', reviewerName: '张教授' },
          { status: 'assigned', reviewerName: '赵研究员' },
        ],
      },
    };
    const readiness = actionReadiness(clerk, 'shortlist', subject('underReview'), context);
    expect(readiness).toMatchObject({ allowed: false, code: 'REVIEWS_INCOMPLETE', opensAt: null });
    expect(readiness.allowed ? '' : readiness.reason).toContain('赵研究员');
  });

  it('a decision that asks a reason is not refused for the missing reason (the screen asks for it)', () => {
    expect(actionReadiness(clerk, 'return', subject('submitted'), { stages, facts: { now: new Date() } })).toEqual({ allowed: true });
  });

  it('submitting before the call opens says the day it opens; the system never submits, so nothing is automatic', () => {
    const context: WorkflowContext = {
      stages,
      opensAt: '2023-03-01T00:00:00.000Z',
      deadline: '2023-04-30T15:59:59.000Z',
      facts: { now: new Date('2023-02-20T02:00:00Z') },
    };
    expect(actionReadiness(unit, 'submit', subject('draft'), context)).toEqual({
      allowed: false,
      code: 'NOT_OPEN_YET',
      reason: '3月1日起可提交申报',
      opensAt: '2023-03-01T00:00:00.000Z',
      automatic: false,
    });
  });

  it('an action another role takes, or one the status does not open, is refused as such', () => {
    expect(actionReadiness(unit, 'approve', subject('inPublicity'), duringNotice)).toMatchObject({ allowed: false, code: 'FORBIDDEN' });
    expect(actionReadiness(clerk, 'approve', subject('submitted'), duringNotice)).toMatchObject({
      allowed: false,
      code: 'TRANSITION_NOT_ALLOWED',
      reason: '当前状态下不能执行该操作',
    });
  });
});
