// Every status × action × actor, for programmes with and without a mid-term report: allowed or refused, and
// with which code. The expected rules below are written out by hand from the lifecycle as the society
// described it, never read from actionTable: a change to the table that changes behaviour must fail here.
import {
  applicationStatuses,
  emptyOutcomes,
  statusTable,
  workflowActions,
  type ApplicationStatus,
  type Outcomes,
  type WorkflowAction,
} from '@/core/workflow/award-workflow';
import {
  availableActions,
  mayAct,
  systemActor,
  transition,
  type Actor,
  type Effect,
  type WorkflowContext,
  type WorkflowSubject,
} from '@/core/workflow/transition';

type Status = ApplicationStatus;
/** 'applicant' always means the applicant of the application's own organisation. */
type Taker = 'applicant' | 'secretariat' | 'system';

interface Rule {
  by: readonly Taker[];
  from: readonly Status[];
  /** null: the status stays (the action changes content only). */
  to: Status | null;
  reasonRequired?: true;
  /** From these statuses the action is open only where the programme has no mid-term report. */
  onlyWithoutMidterm?: readonly Status[];
  /** From these statuses the action is open only where the programme has a mid-term report. */
  onlyWithMidterm?: readonly Status[];
}

const granted: readonly Status[] = ['approved', 'implementing', 'midtermSubmitted', 'midtermRectify', 'midtermPassed', 'inRectification'];

const lifecycle: Record<WorkflowAction, Rule> = {
  // The applicant, on its own organisation's applications.
  save: { by: ['applicant'], from: ['draft', 'returned'], to: null },
  submit: { by: ['applicant'], from: ['draft'], to: 'submitted' },
  resubmit: { by: ['applicant'], from: ['returned'], to: 'resubmitted' },
  withdraw: { by: ['applicant'], from: ['submitted', 'returned', 'resubmitted', 'checkPassed'], to: 'withdrawn' },
  claim: { by: ['applicant'], from: granted, to: null },
  submitMidterm: { by: ['applicant'], from: ['implementing', 'midtermRectify'], to: 'midtermSubmitted', onlyWithMidterm: ['implementing'] },
  submitFinal: { by: ['applicant'], from: ['midtermPassed', 'implementing'], to: 'finalSubmitted', onlyWithoutMidterm: ['implementing'] },
  submitRectification: { by: ['applicant'], from: ['inRectification'], to: 'rectificationSubmitted' },
  // The secretariat (and the timer, for approve and fail).
  return: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'returned', reasonRequired: true },
  passCheck: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'checkPassed' },
  rejectCheck: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'checkRejected', reasonRequired: true },
  startReview: { by: ['secretariat'], from: ['checkPassed'], to: 'underReview' },
  shortlist: { by: ['secretariat'], from: ['underReview'], to: 'shortlisted' },
  unshortlist: { by: ['secretariat'], from: ['shortlisted'], to: 'underReview', reasonRequired: true },
  decline: { by: ['secretariat'], from: ['underReview'], to: 'notSelected', reasonRequired: true },
  openPublicity: { by: ['secretariat'], from: ['shortlisted'], to: 'inPublicity' },
  upholdObjection: { by: ['secretariat'], from: ['inPublicity'], to: 'objectionUpheld', reasonRequired: true },
  approve: { by: ['secretariat', 'system'], from: ['inPublicity'], to: 'approved' },
  issueNotice: { by: ['secretariat'], from: ['approved'], to: 'implementing' },
  passMidterm: { by: ['secretariat'], from: ['midtermSubmitted'], to: 'midtermPassed' },
  rectifyMidterm: { by: ['secretariat'], from: ['midtermSubmitted'], to: 'midtermRectify', reasonRequired: true },
  accept: { by: ['secretariat'], from: ['finalSubmitted', 'rectificationSubmitted'], to: 'accepted' },
  rectifyFinal: { by: ['secretariat'], from: ['finalSubmitted'], to: 'inRectification', reasonRequired: true },
  fail: {
    by: ['secretariat', 'system'],
    from: ['finalSubmitted', 'rectificationSubmitted', 'inRectification'],
    to: 'failed',
    reasonRequired: true,
  },
  pay: { by: ['secretariat'], from: ['accepted'], to: 'paid' },
};

/** The decision each action records; every other action leaves the outcomes as they were. */
const recorded: Partial<Record<WorkflowAction, Partial<Outcomes>>> = {
  return: { check: 'returned' },
  passCheck: { check: 'passed' },
  rejectCheck: { check: 'rejected' },
  shortlist: { review: 'shortlisted' },
  // Leaving the shortlist takes the review's decision back.
  unshortlist: { review: null },
  decline: { review: 'notSelected' },
  upholdObjection: { publicity: 'objectionUpheld' },
  approve: { publicity: 'approved' },
  passMidterm: { midterm: 'passed' },
  rectifyMidterm: { midterm: 'rectify' },
  accept: { final: 'accepted' },
  rectifyFinal: { final: 'rectify' },
  fail: { final: 'failed' },
};

/** Where an application's life ends: nothing leads out of these. */
const closedStatuses: readonly Status[] = ['withdrawn', 'checkRejected', 'notSelected', 'objectionUpheld', 'failed', 'paid'];

const ORG = 'org-branch-1';
const actors = {
  'applicant (own org)': { userId: 'u-applicant', name: '李工', role: 'applicant', orgId: ORG },
  'applicant (other org)': { userId: 'u-other', name: '张工', role: 'applicant', orgId: 'org-branch-2' },
  secretariat: { userId: 'u-secretary', name: '王秘书', role: 'secretariat', orgId: 'org-society' },
  // A reviewer from the applicant's own organisation still may not move its application.
  reviewer: { userId: 'u-reviewer', name: '赵教授', role: 'reviewer', orgId: ORG },
  system: systemActor,
} satisfies Record<string, Actor>;
type ActorName = keyof typeof actors;
const actorNames = Object.keys(actors) as ActorName[];

const takerOf: Record<ActorName, Taker | null> = {
  'applicant (own org)': 'applicant',
  'applicant (other org)': null,
  secretariat: 'secretariat',
  reviewer: null,
  system: 'system',
};

const contexts = { 'with mid-term report': { midtermReport: true }, 'without mid-term report': { midtermReport: false } } satisfies Record<
  string,
  WorkflowContext
>;
type ContextName = keyof typeof contexts;
const contextNames = Object.keys(contexts) as ContextName[];

const reasons = { 'a reason': '  材料不全，请补充佐证材料  ', 'no reason': undefined, 'a blank reason': ' \n ' } as const;
type ReasonName = keyof typeof reasons;
const reasonNames = Object.keys(reasons) as ReasonName[];

function subjectIn(status: Status): WorkflowSubject & { projectName: string } {
  return { status, orgId: ORG, outcomes: { ...emptyOutcomes }, projectName: '建筑结构抗震科普进社区' };
}

/** What the lifecycle says should happen: '→ status' when allowed, otherwise the refusal code. */
function expected(action: WorkflowAction, status: Status, actor: ActorName, context: ContextName, reason: ReasonName): string {
  const rule = lifecycle[action];
  const taker = takerOf[actor];
  if (taker === null || !rule.by.includes(taker)) return 'FORBIDDEN';
  if (!rule.from.includes(status)) return 'TRANSITION_NOT_ALLOWED';
  if (rule.onlyWithoutMidterm?.includes(status) && contexts[context].midtermReport) return 'TRANSITION_NOT_ALLOWED';
  if (rule.onlyWithMidterm?.includes(status) && !contexts[context].midtermReport) return 'TRANSITION_NOT_ALLOWED';
  if (rule.reasonRequired && reason !== 'a reason') return 'REASON_REQUIRED';
  return `→ ${rule.to ?? status}`;
}

function observed(action: WorkflowAction, status: Status, actor: ActorName, context: ContextName, reason: ReasonName): string {
  const result = transition(subjectIn(status), action, actors[actor], contexts[context], { reason: reasons[reason] });
  return result.ok ? `→ ${result.next.status}` : result.code;
}

const cases = applicationStatuses.flatMap((status) =>
  workflowActions.flatMap((action) => actorNames.map((actor) => ({ status, action, actor }))),
);

test('the walk covers 23 statuses × 25 actions × 5 actors', () => {
  expect(applicationStatuses).toHaveLength(23);
  expect(workflowActions).toHaveLength(25);
  expect(new Set(Object.keys(lifecycle))).toEqual(new Set(workflowActions));
  expect(cases).toHaveLength(23 * 25 * 5);
});

describe.each(workflowActions)('%s', (action) => {
  test.each(cases.filter((entry) => entry.action === action))('on $status by $actor', ({ status, actor }) => {
    const want: Record<string, string> = {};
    const got: Record<string, string> = {};
    for (const context of contextNames) {
      for (const reason of reasonNames) {
        want[`${context}, ${reason}`] = expected(action, status, actor, context, reason);
        got[`${context}, ${reason}`] = observed(action, status, actor, context, reason);
      }
      // The buttons the client shows are exactly the actions that would succeed (given a reason where one is asked).
      want[`${context}: button shown`] = String(expected(action, status, actor, context, 'a reason').startsWith('→'));
      got[`${context}: button shown`] = String(availableActions(actors[actor], subjectIn(status), contexts[context]).includes(action));
    }
    want['may act at all'] = String(expected(action, status, actor, 'without mid-term report', 'a reason') !== 'FORBIDDEN');
    got['may act at all'] = String(mayAct(actors[actor], action, subjectIn(status)));
    expect(got).toEqual(want);
  });
});

describe('what a successful action records and whom it tells', () => {
  const before: Outcomes = { ...emptyOutcomes, check: 'passed' };

  /** Every (status, taker) from which the lifecycle allows the action, in a context that allows it. */
  function allowedStarts(action: WorkflowAction) {
    const rule = lifecycle[action];
    return rule.from.flatMap((from) =>
      rule.by.map((taker) => ({
        from,
        taker,
        actor: taker === 'applicant' ? actors['applicant (own org)'] : actors[taker],
        context: { midtermReport: !rule.onlyWithoutMidterm?.includes(from) },
      })),
    );
  }

  test.each(workflowActions)('%s', (action) => {
    const rule = lifecycle[action];
    for (const { from, taker, actor, context } of allowedStarts(action)) {
      const subject = { ...subjectIn(from), outcomes: before };
      const result = transition(subject, action, actor, context, { reason: '  理由  ' });
      if (!result.ok) throw new Error(`${action} from ${from} by ${taker} was refused: ${result.code}`);
      const to = rule.to ?? from;
      const effects: Effect[] =
        rule.to === null
          ? []
          : [
              { kind: 'audit', action, from, to, reason: '理由' },
              { kind: 'notify', audience: taker === 'applicant' ? 'secretariat' : 'applicant', action, to, reason: '理由' },
            ];
      expect({ from, taker, next: result.next, effects: result.effects }).toEqual({
        from,
        taker,
        next: { ...subject, status: to, outcomes: { ...before, ...recorded[action] } },
        effects,
      });
    }
  });

  test('without a reason the audit and the message say null, not an empty string', () => {
    const result = transition(subjectIn('submitted'), 'passCheck', actors.secretariat, contexts['with mid-term report']);
    expect(result.ok && result.effects.map((effect) => effect.reason)).toEqual([null, null]);
  });

  test('a refused action changes nothing and has no effects', () => {
    const subject = subjectIn('submitted');
    expect(transition(subject, 'return', actors.secretariat, contexts['with mid-term report'], { reason: '' })).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(subject.status).toBe('submitted');
  });
});

describe('the shape of the lifecycle', () => {
  /** Every status one allowed action leads to from `status`, by anyone, in either kind of programme. */
  function nextStatuses(status: Status): Set<Status> {
    const next = new Set<Status>();
    for (const context of Object.values(contexts))
      for (const action of workflowActions)
        for (const actor of Object.values(actors)) {
          const result = transition(subjectIn(status), action, actor, context, { reason: '理由' });
          if (result.ok && result.next.status !== status) next.add(result.next.status);
        }
    return next;
  }

  test('every status is reachable from a draft', () => {
    const reached = new Set<Status>(['draft']);
    const queue: Status[] = ['draft'];
    while (queue.length > 0) {
      for (const next of nextStatuses(queue.shift()!)) {
        if (!reached.has(next)) {
          reached.add(next);
          queue.push(next);
        }
      }
    }
    expect([...reached].sort()).toEqual([...applicationStatuses].sort());
  });

  test.each(Object.entries(contexts))('every open status has a way forward, %s', (_name, context) => {
    const stuck = applicationStatuses.filter(
      (status) =>
        !closedStatuses.includes(status) &&
        !workflowActions.some((action) =>
          Object.values(actors).some((actor) => {
            const result = transition(subjectIn(status), action, actor, context, { reason: '理由' });
            return result.ok && result.next.status !== status;
          }),
        ),
    );
    expect(stuck).toEqual([]);
  });

  test('closed statuses are exactly the stage 已结束, and nothing leads out of them', () => {
    const closedStage = applicationStatuses.filter((status) => statusTable[status].stage === 'closed');
    expect(new Set(closedStage)).toEqual(new Set(closedStatuses));
    for (const status of closedStatuses) expect([status, [...nextStatuses(status)]]).toEqual([status, []]);
  });

  test('each status has its own non-empty label for staff and for applicants', () => {
    const staff = applicationStatuses.map((status) => statusTable[status].staffLabel.trim());
    const applicant = applicationStatuses.map((status) => statusTable[status].applicantLabel.trim());
    for (const label of [...staff, ...applicant]) expect(label).toMatch(/[\u4e00-\u9fa5]/);
    expect(new Set(staff).size).toBe(applicationStatuses.length);
    expect(new Set(applicant).size).toBe(applicationStatuses.length);
  });
});

describe('whole lives of an award', () => {
  type Step = [WorkflowAction, Actor, string?];
  const applicant = actors['applicant (own org)'];
  const secretary = actors.secretariat;

  function live(steps: Step[], context: WorkflowContext) {
    let subject: WorkflowSubject = subjectIn('draft');
    const path: Status[] = [subject.status];
    for (const [action, actor, reason] of steps) {
      const result = transition(subject, action, actor, context, { reason });
      if (!result.ok) throw new Error(`${action} from ${subject.status} refused: ${result.code}`);
      subject = result.next;
      path.push(subject.status);
    }
    return { subject, path };
  }

  test('with a mid-term report and a rectification: every decision is recorded where it was made', () => {
    const { subject, path } = live(
      [
        ['submit', applicant],
        ['return', secretary, '预算依据不清'],
        ['save', applicant],
        ['resubmit', applicant],
        ['passCheck', secretary],
        ['startReview', secretary],
        ['shortlist', secretary],
        ['openPublicity', secretary],
        ['approve', systemActor],
        ['issueNotice', secretary],
        ['claim', applicant],
        ['submitMidterm', applicant],
        ['rectifyMidterm', secretary, '佐证材料不足'],
        ['submitMidterm', applicant],
        ['passMidterm', secretary],
        ['submitFinal', applicant],
        ['rectifyFinal', secretary, '成果未在天府科技云发布'],
        ['claim', applicant],
        ['submitRectification', applicant],
        ['accept', secretary],
        ['pay', secretary],
      ],
      contexts['with mid-term report'],
    );
    expect(path).toEqual([
      'draft',
      'submitted',
      'returned',
      'returned',
      'resubmitted',
      'checkPassed',
      'underReview',
      'shortlisted',
      'inPublicity',
      'approved',
      'implementing',
      'implementing',
      'midtermSubmitted',
      'midtermRectify',
      'midtermSubmitted',
      'midtermPassed',
      'finalSubmitted',
      'inRectification',
      'inRectification',
      'rectificationSubmitted',
      'accepted',
      'paid',
    ]);
    expect(subject.outcomes).toEqual({
      check: 'passed',
      review: 'shortlisted',
      publicity: 'approved',
      midterm: 'passed',
      final: 'accepted',
    });
  });

  test('without a mid-term report the final report follows implementation directly; the timer fails an overdue rectification', () => {
    const { subject, path } = live(
      [
        ['submit', applicant],
        ['passCheck', secretary],
        ['startReview', secretary],
        ['shortlist', secretary],
        ['openPublicity', secretary],
        ['approve', secretary],
        ['issueNotice', secretary],
        ['submitFinal', applicant],
        ['rectifyFinal', secretary, '绩效报告书缺少佐证'],
        ['fail', systemActor, '整改期满未提交整改报告'],
      ],
      contexts['without mid-term report'],
    );
    expect(path.slice(-4)).toEqual(['implementing', 'finalSubmitted', 'inRectification', 'failed']);
    expect(subject.outcomes).toEqual({ check: 'passed', review: 'shortlisted', publicity: 'approved', midterm: null, final: 'failed' });
  });

  test('an upheld objection ends the award in publicity and says so in the outcome', () => {
    const { subject } = live(
      [
        ['submit', applicant],
        ['passCheck', secretary],
        ['startReview', secretary],
        ['shortlist', secretary],
        ['openPublicity', secretary],
        ['upholdObjection', secretary, '申报材料与事实不符'],
      ],
      contexts['with mid-term report'],
    );
    expect(subject.status).toBe('objectionUpheld');
    expect(subject.outcomes.publicity).toBe('objectionUpheld');
    expect(statusTable[subject.status].applicantLabel).toBe('公示期间异议成立，不予立项');
  });
});
