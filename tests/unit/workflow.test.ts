// Every status × action × role × (own unit or not): allowed or refused, and with which code.
import { applicationStatuses, type ApplicationStatus, workflowActions, type WorkflowAction } from '@/core/workflow/award-workflow';
import { availableActions, transition, type Actor } from '@/core/workflow/transition';
import { roles, type Role } from '@/core/schemas/common';

// The expected rules, written out by hand from the issue rather than read from the table under test.
function expected(
  action: WorkflowAction,
  status: ApplicationStatus,
  role: Role,
  ownOrg: boolean,
): 'ok' | 'FORBIDDEN' | 'TRANSITION_NOT_ALLOWED' {
  const applicantOwn = role === 'applicant' && ownOrg;
  switch (action) {
    case 'save':
    case 'submit':
      if (!applicantOwn) return 'FORBIDDEN';
      return status === 'draft' || status === 'returned' ? 'ok' : 'TRANSITION_NOT_ALLOWED';
    case 'approve':
    case 'return':
      if (role !== 'secretariat') return 'FORBIDDEN';
      return status === 'submitted' ? 'ok' : 'TRANSITION_NOT_ALLOWED';
    case 'claim':
      if (!applicantOwn) return 'FORBIDDEN';
      return status === 'approved' ? 'ok' : 'TRANSITION_NOT_ALLOWED';
  }
}

const nextStatus: Partial<Record<WorkflowAction, ApplicationStatus>> = { submit: 'submitted', approve: 'approved', return: 'returned' };

const cases = applicationStatuses.flatMap((status) =>
  workflowActions.flatMap((action) => roles.flatMap((role) => [true, false].map((ownOrg) => ({ status, action, role, ownOrg })))),
);

test('the walk covers every combination', () => {
  expect(cases).toHaveLength(applicationStatuses.length * workflowActions.length * roles.length * 2);
});

test.each(cases)('$action on $status by $role (own unit: $ownOrg)', ({ status, action, role, ownOrg }) => {
  const actor: Actor = { userId: 'u1', name: '某人', role, orgId: 'org-a' };
  const subject = { status, orgId: ownOrg ? 'org-a' : 'org-b', projectName: '项目' };
  const result = transition(subject, action, actor, { reason: '理由' });
  const want = expected(action, status, role, ownOrg);
  if (want === 'ok') {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const to = nextStatus[action] ?? status;
    expect(result.next).toEqual({ ...subject, status: to });
    expect(result.effects).toEqual(to === status ? [] : [{ kind: 'audit', action, from: status, to, reason: '理由' }]);
    expect(availableActions(actor, subject)).toContain(action);
  } else {
    expect(result).toEqual({ ok: false, code: want });
    expect(availableActions(actor, subject)).not.toContain(action);
  }
});

test('returning for revision needs a reason; blank space is no reason', () => {
  const secretary: Actor = { userId: 's', name: '王秘书', role: 'secretariat', orgId: 'society' };
  const subject = { status: 'submitted' as const, orgId: 'org-a' };
  expect(transition(subject, 'return', secretary)).toEqual({ ok: false, code: 'REASON_REQUIRED' });
  expect(transition(subject, 'return', secretary, { reason: '   ' })).toEqual({ ok: false, code: 'REASON_REQUIRED' });
  expect(transition(subject, 'approve', secretary).ok).toBe(true);
});
