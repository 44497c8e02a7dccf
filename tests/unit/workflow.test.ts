// Every status × action × actor, in seven settings of programme stages and award records: allowed or refused, and
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
import type { Stages } from '@/core/program/program-schema';
import {
  availableActions,
  mayAct,
  systemActor,
  transition,
  type Actor,
  type Effect,
  type WorkflowContext,
  type WorkflowFacts,
  type WorkflowSubject,
} from '@/core/workflow/transition';
import { societyStages } from './factories';

type Status = ApplicationStatus;
/** 'applicant' always means the applicant of the application's own organisation. */
type Taker = 'applicant' | 'secretariat' | 'system';

/**
 * A programme's stages and an application's own records, as the guards see them. Written out here by hand (not
 * read from the seeds), each setting stands for one document's way of running an award.
 */
interface Setting {
  stages: Stages;
  categoryKey: string;
  agreementRecorded: boolean;
  advancePaid: boolean;
  refundRecorded: boolean;
}

const noticeOf5 = { workingDays: 5, minWorkingDays: 5 };
const provincialStages: Stages = {
  ...societyStages,
  agreement: true,
  advancePercent: 100,
  midterm: { categories: ['society', 'journal'], dueAt: null },
};
const suzhouStages: Stages = {
  ...societyStages,
  shortlistNotice: null,
  midterm: null,
  resultNotice: noticeOf5,
  rectification: null,
  failure: { refund: false, withdrawFunding: true, barNextCall: false },
};
const none = { agreementRecorded: false, advancePaid: false, refundRecorded: false };

const settings = {
  'society: review, notice, mid-term, paid after acceptance': { stages: societyStages, categoryKey: 'award', ...none },
  'province, a category with a mid-term check, no agreement yet': { stages: provincialStages, categoryKey: 'society', ...none },
  'province, an academic event (no mid-term), agreement signed': {
    stages: provincialStages,
    categoryKey: 'academic-event',
    ...none,
    agreementRecorded: true,
  },
  'province, agreement signed and funds paid': {
    stages: provincialStages,
    categoryKey: 'academic-event',
    ...none,
    agreementRecorded: true,
    advancePaid: true,
  },
  'province, paid and refunded': {
    stages: provincialStages,
    categoryKey: 'journal',
    agreementRecorded: true,
    advancePaid: true,
    refundRecorded: true,
  },
  'Suzhou: 预立项 without notice, results noticed, no rectification': { stages: suzhouStages, categoryKey: 'academic-brand', ...none },
  'half paid after 立项, no expert review': {
    stages: { ...suzhouStages, expertReview: false, advancePercent: 50, rectification: { months: 2 } },
    categoryKey: 'award',
    ...none,
    advancePaid: true,
  },
} satisfies Record<string, Setting>;
type SettingName = keyof typeof settings;
const settingNames = Object.keys(settings) as SettingName[];

interface Rule {
  by: readonly Taker[];
  from: readonly Status[];
  /** null: the status stays (the action changes content only). */
  to: Status | null;
  reasonRequired?: true;
  /** Where given, the action is open from `from` only when this holds in the setting. */
  when?: (setting: Setting, from: Status) => boolean;
}

const granted: readonly Status[] = ['approved', 'implementing', 'midtermSubmitted', 'midtermRectify', 'midtermPassed', 'inRectification'];
/** Until the award ends, its agreement and its payment after 立项 may still be recorded. */
const beforeTheEnd: readonly Status[] = [...granted, 'finalSubmitted', 'rectificationSubmitted', 'accepted', 'resultPublished'];
const midtermFor = (setting: Setting) =>
  setting.stages.midterm !== null &&
  (setting.stages.midterm.categories.length === 0 || setting.stages.midterm.categories.includes(setting.categoryKey));
const paidInFull = (setting: Setting) => setting.stages.advancePercent === 100;
const afterAcceptance = (setting: Setting, from: Status) => from === 'resultPublished' || setting.stages.resultNotice === null;

const lifecycle: Record<WorkflowAction, Rule> = {
  // The applicant, on its own organisation's applications.
  save: { by: ['applicant'], from: ['draft', 'returned'], to: null },
  submit: { by: ['applicant'], from: ['draft'], to: 'submitted' },
  resubmit: { by: ['applicant'], from: ['returned'], to: 'resubmitted' },
  withdraw: { by: ['applicant'], from: ['submitted', 'returned', 'resubmitted', 'checkPassed'], to: 'withdrawn' },
  claim: { by: ['applicant'], from: granted, to: null },
  submitMidterm: {
    by: ['applicant'],
    from: ['implementing', 'midtermRectify'],
    to: 'midtermSubmitted',
    when: (setting, from) => from === 'midtermRectify' || midtermFor(setting),
  },
  submitFinal: {
    by: ['applicant'],
    from: ['midtermPassed', 'implementing'],
    to: 'finalSubmitted',
    when: (setting, from) => from === 'midtermPassed' || !midtermFor(setting),
  },
  submitRectification: { by: ['applicant'], from: ['inRectification'], to: 'rectificationSubmitted' },
  // The secretariat (and the timer, for approve, confirmResult and fail).
  return: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'returned', reasonRequired: true },
  passCheck: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'checkPassed' },
  rejectCheck: { by: ['secretariat'], from: ['submitted', 'resubmitted'], to: 'checkRejected', reasonRequired: true },
  startReview: { by: ['secretariat'], from: ['checkPassed'], to: 'underReview', when: (setting) => setting.stages.expertReview },
  shortlist: {
    by: ['secretariat'],
    from: ['underReview', 'checkPassed'],
    to: 'shortlisted',
    when: (setting, from) => from === 'underReview' || !setting.stages.expertReview,
  },
  unshortlist: {
    by: ['secretariat'],
    from: ['shortlisted'],
    to: 'underReview',
    reasonRequired: true,
    when: (setting) => setting.stages.expertReview,
  },
  decline: {
    by: ['secretariat'],
    from: ['underReview', 'checkPassed'],
    to: 'notSelected',
    reasonRequired: true,
    when: (setting, from) => from === 'underReview' || !setting.stages.expertReview,
  },
  openPublicity: {
    by: ['secretariat'],
    from: ['shortlisted'],
    to: 'inPublicity',
    when: (setting) => setting.stages.shortlistNotice !== null,
  },
  upholdObjection: { by: ['secretariat'], from: ['inPublicity', 'inResultNotice'], to: 'objectionUpheld', reasonRequired: true },
  approve: {
    by: ['secretariat', 'system'],
    from: ['inPublicity', 'shortlisted'],
    to: 'approved',
    when: (setting, from) => from === 'inPublicity' || setting.stages.shortlistNotice === null,
  },
  issueNotice: { by: ['secretariat'], from: ['approved'], to: 'implementing' },
  passMidterm: { by: ['secretariat'], from: ['midtermSubmitted'], to: 'midtermPassed' },
  rectifyMidterm: {
    by: ['secretariat'],
    from: ['midtermSubmitted'],
    to: 'midtermRectify',
    reasonRequired: true,
    when: (setting) => setting.stages.rectification !== null,
  },
  accept: { by: ['secretariat'], from: ['finalSubmitted', 'rectificationSubmitted'], to: 'accepted' },
  rectifyFinal: {
    by: ['secretariat'],
    from: ['finalSubmitted'],
    to: 'inRectification',
    reasonRequired: true,
    when: (setting) => setting.stages.rectification !== null,
  },
  fail: {
    by: ['secretariat', 'system'],
    from: ['finalSubmitted', 'rectificationSubmitted', 'inRectification'],
    to: 'failed',
    reasonRequired: true,
  },
  // Records of the money and the agreement, where the programme has them.
  recordAgreement: {
    by: ['secretariat'],
    from: beforeTheEnd,
    to: null,
    when: (setting) => setting.stages.agreement && !setting.agreementRecorded,
  },
  disburse: {
    by: ['secretariat'],
    from: beforeTheEnd,
    to: null,
    when: (setting) =>
      setting.stages.advancePercent > 0 && !setting.advancePaid && (!setting.stages.agreement || setting.agreementRecorded),
  },
  extendDue: {
    by: ['secretariat'],
    from: ['implementing', 'midtermRectify', 'midtermPassed', 'inRectification'],
    to: null,
    reasonRequired: true,
  },
  openResultNotice: {
    by: ['secretariat'],
    from: ['accepted'],
    to: 'inResultNotice',
    when: (setting) => setting.stages.resultNotice !== null,
  },
  confirmResult: { by: ['secretariat', 'system'], from: ['inResultNotice'], to: 'resultPublished' },
  pay: {
    by: ['secretariat'],
    from: ['accepted', 'resultPublished'],
    to: 'paid',
    when: (setting, from) => afterAcceptance(setting, from) && !paidInFull(setting),
  },
  close: {
    by: ['secretariat'],
    from: ['accepted', 'resultPublished'],
    to: 'completed',
    when: (setting, from) => afterAcceptance(setting, from) && paidInFull(setting) && setting.advancePaid,
  },
  // Ending an award during implementation, with a reason; its place and amount go back to the quota and the pool.
  terminate: {
    by: ['secretariat'],
    from: ['approved', 'implementing', 'midtermSubmitted', 'midtermRectify', 'midtermPassed'],
    to: 'terminated',
    reasonRequired: true,
  },
  recordRefund: {
    by: ['secretariat'],
    from: ['failed'],
    to: null,
    when: (setting) => setting.stages.failure.refund && setting.advancePaid && !setting.refundRecorded,
  },
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

/** What else an action does beside its status, audit entry and message: quota, award, due date, failure records. */
function sideEffects(action: WorkflowAction, from: Status): Effect[] {
  switch (action) {
    case 'shortlist':
      return [{ kind: 'ledger', step: 'shortlist', delta: 1 }];
    case 'unshortlist':
      return [{ kind: 'ledger', step: 'shortlist', delta: -1 }];
    case 'upholdObjection':
      // An objection to the results takes back a granted award; one to the shortlist only its place.
      return from === 'inResultNotice'
        ? [
            { kind: 'ledger', step: 'shortlist', delta: -1 },
            { kind: 'ledger', step: 'grant', delta: -1 },
          ]
        : [{ kind: 'ledger', step: 'shortlist', delta: -1 }];
    case 'approve':
      return [{ kind: 'ledger', step: 'grant', delta: 1 }, { kind: 'grant' }];
    case 'terminate':
      return [
        { kind: 'ledger', step: 'shortlist', delta: -1 },
        { kind: 'ledger', step: 'grant', delta: -1 },
      ];
    case 'rectifyMidterm':
    case 'rectifyFinal':
      return [{ kind: 'due', set: 'rectification' }];
    case 'passMidterm':
    case 'accept':
      return [{ kind: 'due', set: 'clear' }];
    case 'fail':
      return [
        { kind: 'due', set: 'clear' },
        { kind: 'record', what: 'failure' },
      ];
    default:
      return [];
  }
}

/** Where an application's life ends: nothing leads out of these. */
const closedStatuses: readonly Status[] = [
  'withdrawn',
  'checkRejected',
  'notSelected',
  'objectionUpheld',
  'failed',
  'paid',
  'completed',
  'terminated',
];

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

/** Facts under which every check holds: the reviews are in, the notice has ended, no objection, nothing overdue. */
const NOW = new Date('2023-08-01T02:00:00Z');
const factsThatHold: WorkflowFacts = {
  now: NOW,
  reviews: [{ status: 'submitted', reviewerName: '赵教授' }],
  noticeEndsAt: '2023-07-20T15:59:59Z',
  openObjections: 0,
};

function contextOf(setting: Setting): WorkflowContext {
  return { stages: setting.stages, finalReportDueAt: '2024-01-31T15:59:59Z', facts: factsThatHold };
}

const reasons = { 'a reason': '  材料不全，请补充佐证材料  ', 'no reason': undefined, 'a blank reason': ' \n ' } as const;
type ReasonName = keyof typeof reasons;
const reasonNames = Object.keys(reasons) as ReasonName[];

const recordedMoney = {
  amountFen: 300_000,
  paidOn: '2023-07-20',
  voucherNo: '记-01',
  recordedBy: 'u-secretary',
  recordedAt: '2023-07-20T02:00:00Z',
};

function subjectIn(status: Status, setting: Setting = settings[settingNames[0]!]): WorkflowSubject & { projectName: string } {
  return {
    status,
    orgId: ORG,
    outcomes: { ...emptyOutcomes },
    projectName: '建筑结构抗震科普进社区',
    categoryKey: setting.categoryKey,
    awardFen: 300_000,
    agreement: setting.agreementRecorded ? { signedOn: '2023-07-15' } : null,
    advance: setting.advancePaid ? recordedMoney : null,
    refund: setting.refundRecorded ? recordedMoney : null,
    dueAt: null,
    extension: null,
  };
}

/** What the lifecycle says should happen: '→ status' when allowed, otherwise the refusal code. */
function expected(action: WorkflowAction, status: Status, actor: ActorName, setting: SettingName, reason: ReasonName): string {
  const rule = lifecycle[action];
  const taker = takerOf[actor];
  if (taker === null || !rule.by.includes(taker)) return 'FORBIDDEN';
  if (!rule.from.includes(status)) return 'TRANSITION_NOT_ALLOWED';
  if (rule.when && !rule.when(settings[setting], status)) return 'TRANSITION_NOT_ALLOWED';
  if (rule.reasonRequired && reason !== 'a reason') return 'REASON_REQUIRED';
  return `→ ${rule.to ?? status}`;
}

function observed(action: WorkflowAction, status: Status, actor: ActorName, setting: SettingName, reason: ReasonName): string {
  const subject = subjectIn(status, settings[setting]);
  const result = transition(subject, action, actors[actor], contextOf(settings[setting]), { reason: reasons[reason] });
  return result.ok ? `→ ${result.next.status}` : result.code;
}

const cases = applicationStatuses.flatMap((status) =>
  workflowActions.flatMap((action) => actorNames.map((actor) => ({ status, action, actor }))),
);

test('the walk covers 27 statuses × 33 actions × 5 actors, each in 7 settings', () => {
  expect(applicationStatuses).toHaveLength(27);
  expect(workflowActions).toHaveLength(33);
  expect(new Set(Object.keys(lifecycle))).toEqual(new Set(workflowActions));
  expect(cases).toHaveLength(27 * 33 * 5);
  expect(settingNames).toHaveLength(7);
});

describe.each(workflowActions)('%s', (action) => {
  test.each(cases.filter((entry) => entry.action === action))('on $status by $actor', ({ status, actor }) => {
    const want: Record<string, string> = {};
    const got: Record<string, string> = {};
    for (const setting of settingNames) {
      for (const reason of reasonNames) {
        want[`${setting}, ${reason}`] = expected(action, status, actor, setting, reason);
        got[`${setting}, ${reason}`] = observed(action, status, actor, setting, reason);
      }
      // The buttons the client shows are exactly the actions that would succeed (given a reason where one is asked).
      want[`${setting}: button shown`] = String(expected(action, status, actor, setting, 'a reason').startsWith('→'));
      got[`${setting}: button shown`] = String(
        availableActions(actors[actor], subjectIn(status, settings[setting]), contextOf(settings[setting])).includes(action),
      );
    }
    want['may act at all'] = String(expected(action, status, actor, settingNames[0]!, 'a reason') !== 'FORBIDDEN');
    got['may act at all'] = String(mayAct(actors[actor], action, subjectIn(status)));
    expect(got).toEqual(want);
  });
});

describe('what a successful action records and whom it tells', () => {
  const before: Outcomes = { ...emptyOutcomes, check: 'passed' };

  /** Every (status, taker, setting) from which the lifecycle allows the action. */
  function allowedStarts(action: WorkflowAction) {
    const rule = lifecycle[action];
    return rule.from.flatMap((from) =>
      settingNames
        .filter((name) => !rule.when || rule.when(settings[name], from))
        .flatMap((name) =>
          rule.by.map((taker) => ({
            from,
            taker,
            setting: settings[name],
            actor: taker === 'applicant' ? actors['applicant (own org)'] : actors[taker],
          })),
        ),
    );
  }

  test.each(workflowActions)('%s', (action) => {
    const rule = lifecycle[action];
    const starts = allowedStarts(action);
    expect(starts.length).toBeGreaterThan(0);
    for (const { from, taker, actor, setting } of starts) {
      const subject = { ...subjectIn(from, setting), outcomes: before };
      const result = transition(subject, action, actor, contextOf(setting), { reason: '  理由  ' });
      if (!result.ok) throw new Error(`${action} from ${from} by ${taker} was refused: ${result.code}`);
      const to = rule.to ?? from;
      const told: Effect[] =
        rule.to === null
          ? []
          : [
              { kind: 'audit', action, from, to, reason: '理由' },
              ...(action === 'recordAgreement' || action === 'disburse'
                ? []
                : [{ kind: 'notify', audience: taker === 'applicant' ? 'secretariat' : 'applicant', action, to, reason: '理由' } as const]),
              // A submission also gives the applicant a receipt: when it was received and what happens next.
              ...(action === 'submit' || action === 'resubmit'
                ? [{ kind: 'notify', audience: 'applicant', action, to, reason: '理由', receipt: true } as const]
                : []),
            ];
      expect({ from, taker, next: result.next, effects: result.effects }).toEqual({
        from,
        taker,
        next: { ...subject, status: to, outcomes: { ...before, ...recorded[action] } },
        effects: [...told, ...sideEffects(action, from)],
      });
    }
  });

  test('without a reason the audit and the message say null, not an empty string', () => {
    const result = transition(subjectIn('submitted'), 'passCheck', actors.secretariat, contextOf(settings[settingNames[0]!]));
    expect(result.ok && result.effects.map((effect) => ('reason' in effect ? effect.reason : 'none'))).toEqual([null, null]);
  });

  test('a refused action changes nothing and has no effects', () => {
    const subject = subjectIn('submitted');
    expect(transition(subject, 'return', actors.secretariat, contextOf(settings[settingNames[0]!]), { reason: '' })).toEqual({
      ok: false,
      code: 'REASON_REQUIRED',
    });
    expect(subject.status).toBe('submitted');
  });
});

describe('checks on facts and time: open, but refused with a reason until they hold', () => {
  const society = settings['society: review, notice, mid-term, paid after acceptance'];
  const secretary = actors.secretariat;
  const applicant = actors['applicant (own org)'];
  const refusal = (subject: WorkflowSubject, action: WorkflowAction, actor: Actor, facts: WorkflowFacts) => {
    const result = transition(subject, action, actor, { ...contextOf(society), facts });
    return result.ok ? 'ok' : [result.code, result.detail ?? ''];
  };

  test('submitting is refused outside the call, by the category’s own deadline, and the button is hidden then', () => {
    const call = {
      ...contextOf(society),
      opensAt: '2023-06-30T16:00:00Z',
      deadline: '2023-09-30T15:59:59Z',
      categories: [{ key: 'award', deadline: '2023-08-31T15:59:59Z' }],
    };
    const at = (iso: string) => ({ ...call, facts: { now: new Date(iso) } });
    const submit = (context: WorkflowContext) => {
      const result = transition(subjectIn('draft'), 'submit', applicant, context);
      return result.ok ? 'ok' : [result.code, result.detail];
    };
    expect(submit(at('2023-06-20T02:00:00Z'))).toEqual(['NOT_OPEN_YET', '开始时间 2023年7月1日 00:00']);
    expect(submit(at('2023-08-20T02:00:00Z'))).toBe('ok');
    expect(submit(at('2023-09-01T02:00:00Z'))).toEqual(['DEADLINE_PASSED', '截止时间 2023年8月31日 23:59']);
    expect(availableActions(applicant, subjectIn('draft'), at('2023-09-01T02:00:00Z'))).toEqual(['save']);
    expect(availableActions(applicant, subjectIn('draft'), at('2023-08-20T02:00:00Z'))).toEqual(['save', 'submit']);
  });

  test('a shortlist needs every counting review submitted', () => {
    const pending = { ...factsThatHold, reviews: [{ status: 'assigned', reviewerName: '钱教授' }] };
    expect(refusal(subjectIn('underReview'), 'shortlist', secretary, pending)).toEqual(['REVIEWS_INCOMPLETE', '钱教授尚未提交评分']);
    expect(refusal(subjectIn('underReview'), 'shortlist', secretary, { ...factsThatHold, reviews: [] })[0]).toBe('REVIEWS_INCOMPLETE');
    // The button still shows: the secretariat learns why when it asks.
    expect(availableActions(secretary, subjectIn('underReview'), contextOf(society))).toContain('shortlist');
  });

  test('approval and the confirmation of results wait for the notice to end and for open objections', () => {
    const running = { ...factsThatHold, noticeEndsAt: '2023-08-10T15:59:59Z', noticeClosesOn: '2023-08-10' };
    expect(refusal(subjectIn('inPublicity'), 'approve', systemActor, running)).toEqual(['PUBLICITY_NOT_ENDED', '公示期至 2023年8月10日']);
    expect(refusal(subjectIn('inResultNotice'), 'confirmResult', secretary, running)[0]).toBe('PUBLICITY_NOT_ENDED');
    const objected = { ...factsThatHold, openObjections: 1 };
    expect(refusal(subjectIn('inPublicity'), 'approve', secretary, objected)).toEqual(['OBJECTION_PENDING', '']);
    expect(refusal(subjectIn('inResultNotice'), 'confirmResult', systemActor, objected)[0]).toBe('OBJECTION_PENDING');
    // Straight from the shortlist (no notice in the programme) there is nothing to wait for.
    const suzhou = settings['Suzhou: 预立项 without notice, results noticed, no rectification'];
    expect(transition(subjectIn('shortlisted', suzhou), 'approve', secretary, { ...contextOf(suzhou), facts: { now: NOW } }).ok).toBe(true);
  });

  test('a report after its due time is refused, naming the time, until the secretariat extends it', () => {
    const late: WorkflowFacts = { now: new Date('2024-02-01T02:00:00Z') };
    const midtermPassed = subjectIn('midtermPassed');
    expect(refusal(midtermPassed, 'submitFinal', applicant, late)).toEqual([
      'REPORT_OVERDUE',
      '期限为 2024年1月31日 23:59，如需延期请联系秘书处',
    ]);
    const extended = { ...midtermPassed, extension: { until: '2024-02-15T15:59:59Z' } };
    expect(refusal(extended, 'submitFinal', applicant, late)).toBe('ok');
    expect(refusal(extended, 'submitFinal', applicant, { now: new Date('2024-02-16T02:00:00Z') })).toEqual([
      'REPORT_OVERDUE',
      '期限为 2024年2月15日 23:59，如需延期请联系秘书处',
    ]);
    // Achievements are claimed until the final report is due, or a later extension.
    expect(refusal(subjectIn('implementing'), 'claim', applicant, late)).toEqual([
      'CLAIMS_CLOSED',
      '截止时间为 2024年1月31日 23:59，如需延期请联系秘书处',
    ]);
    expect(refusal({ ...subjectIn('implementing'), extension: { until: '2024-02-15T15:59:59Z' } }, 'claim', applicant, late)).toBe('ok');
    // A rectification is due by its own date.
    const rectifying = { ...subjectIn('inRectification'), dueAt: '2023-09-01T15:59:59Z' };
    expect(refusal(rectifying, 'submitRectification', applicant, { now: new Date('2023-09-02T02:00:00Z') })[0]).toBe('REPORT_OVERDUE');
    expect(refusal(rectifying, 'submitRectification', applicant, { now: new Date('2023-09-01T02:00:00Z') })).toBe('ok');
  });
});

describe('the shape of the lifecycle', () => {
  /** Every status one allowed action leads to from `status`, by anyone, in any setting. */
  function nextStatuses(status: Status): Set<Status> {
    const next = new Set<Status>();
    for (const setting of Object.values(settings))
      for (const action of workflowActions)
        for (const actor of Object.values(actors)) {
          const result = transition(subjectIn(status, setting), action, actor, contextOf(setting), { reason: '理由' });
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

  test.each(settingNames)('every open status has an action someone can take, %s', (name) => {
    const setting = settings[name];
    const stuck = applicationStatuses.filter(
      (status) =>
        !closedStatuses.includes(status) &&
        !workflowActions.some((action) =>
          Object.values(actors).some(
            (actor) => transition(subjectIn(status, setting), action, actor, contextOf(setting), { reason: '理由' }).ok,
          ),
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

  /** Walks the steps; agreement, payment and refund steps record what the shell would record. */
  function live(steps: Step[], setting: Setting) {
    let subject: WorkflowSubject = subjectIn('draft', setting);
    const path: Status[] = [subject.status];
    for (const [action, actor, reason] of steps) {
      const result = transition(subject, action, actor, contextOf(setting), { reason });
      if (!result.ok) throw new Error(`${action} from ${subject.status} refused: ${result.code}`);
      subject = result.next;
      if (action === 'recordAgreement') subject = { ...subject, agreement: { signedOn: '2023-07-15' } };
      if (action === 'disburse') subject = { ...subject, advance: recordedMoney };
      if (action === 'recordRefund') subject = { ...subject, refund: recordedMoney };
      path.push(subject.status);
    }
    return { subject, path };
  }

  const untilImplementing: Step[] = [
    ['submit', applicant],
    ['passCheck', secretary],
    ['startReview', secretary],
    ['shortlist', secretary],
    ['openPublicity', secretary],
    ['approve', systemActor],
    ['issueNotice', secretary],
  ];

  test('the society: a mid-term report and a rectification, every decision recorded where it was made, paid after acceptance', () => {
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
      settings['society: review, notice, mid-term, paid after acceptance'],
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

  test('the province: an academic event has no mid-term; funds follow the agreement after 立项; acceptance closes it', () => {
    const setting = { ...settings['province, a category with a mid-term check, no agreement yet'], categoryKey: 'academic-event' };
    const { path } = live(
      [
        ...untilImplementing,
        ['recordAgreement', secretary],
        ['disburse', secretary],
        ['submitFinal', applicant],
        ['accept', secretary],
        ['close', secretary],
      ],
      setting,
    );
    expect(path.slice(-6)).toEqual(['implementing', 'implementing', 'implementing', 'finalSubmitted', 'accepted', 'completed']);
  });

  test('the province: a failed award after its month of rectification owes the refund, recorded once', () => {
    const setting = settings['province, a category with a mid-term check, no agreement yet'];
    const { subject, path } = live(
      [
        ...untilImplementing,
        ['recordAgreement', secretary],
        ['disburse', secretary],
        ['submitMidterm', applicant],
        ['passMidterm', secretary],
        ['submitFinal', applicant],
        ['rectifyFinal', secretary, '绩效评估不合格'],
        ['fail', systemActor, '整改期满仍未达到项目实施要求'],
        ['recordRefund', secretary],
      ],
      setting,
    );
    expect(path.slice(-3)).toEqual(['inRectification', 'failed', 'failed']);
    expect(availableActions(secretary, subject, contextOf(setting))).toEqual([]);
  });

  /** Suzhou's 预立项: shortlisted and approved with no notice, then implemented until the performance report. */
  const suzhouUntilFinal: Step[] = [
    ['submit', applicant],
    ['passCheck', secretary],
    ['startReview', secretary],
    ['shortlist', secretary],
    ['approve', secretary],
    ['issueNotice', secretary],
    ['submitFinal', applicant],
  ];

  test('Suzhou: 预立项 without a notice, then implementation, the performance review, the notice of results, the award', () => {
    const { path } = live(
      [...suzhouUntilFinal, ['accept', secretary], ['openResultNotice', secretary], ['confirmResult', systemActor], ['pay', secretary]],
      settings['Suzhou: 预立项 without notice, results noticed, no rectification'],
    );
    expect(path.slice(4)).toEqual([
      'shortlisted',
      'approved',
      'implementing',
      'finalSubmitted',
      'accepted',
      'inResultNotice',
      'resultPublished',
      'paid',
    ]);
  });

  test('Suzhou: failing the performance review is final at once (no rectification)', () => {
    const setting = settings['Suzhou: 预立项 without notice, results noticed, no rectification'];
    const submitted = live(suzhouUntilFinal, setting).subject;
    const offered = availableActions(secretary, submitted, contextOf(setting));
    expect(offered).toEqual(['accept', 'fail']);
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
      settings['society: review, notice, mid-term, paid after acceptance'],
    );
    expect(subject.status).toBe('objectionUpheld');
    expect(subject.outcomes.publicity).toBe('objectionUpheld');
    expect(statusTable[subject.status].applicantLabel).toBe('公示期间异议成立，不予奖补');
  });
});
