// Every action of the contract × every kind of caller, on a world holding applications in many statuses.
// The expected answer of each cell is derived from the workflow table's who-may data (and, for actions outside
// the workflow, a one-line rule per action); a refused cell must name the exact refusal and change nothing.
import type { ErrorCode } from '@/core/errors';
import { actionContracts, type ActionName, type ApiResult } from '@/core/schemas/actions';
import { actionTable, type ApplicationStatus, type WorkflowAction } from '@/core/workflow/award-workflow';
import { isOpenFrom } from '@/core/workflow/transition';
import { route } from '../../cloudfunctions/api/src/router';
import { inputBuilders, worldWorkflow, type Variant } from '../support/action-inputs';
import { callerKinds, callerProfiles, identityOf, type CallerKind, type CallerProfile } from '../support/callers';
import { completeContent, type Harness } from '../support/harness';
import { countingWrites, snapshotStore } from '../support/store-snapshot';
import { buildWorld, fixtureStatus, startFromWorld, type Fixture, type World } from '../support/world';

type Outcome = 'ok' | ErrorCode;

/** The application a variant aims at must be given: the workflow rules depend on its status. */
function statusOf(variant: Variant<ActionName>): ApplicationStatus {
  if (!variant.target) throw new Error(`variant ${variant.label} names no application`);
  return fixtureStatus[variant.target];
}

/** Who sees an application: its own unit, and the secretariat running the programme once it is submitted. */
function seesApplication(caller: CallerProfile, status: ApplicationStatus): boolean {
  if (caller.unit === 'own') return true;
  return caller.role === 'secretariat' && caller.runsProgram && status !== 'draft';
}

/**
 * The answer to a workflow action, from the table alone. Staff actions (no applicant among `by`) name the
 * role before the record: others hear FORBIDDEN, another organiser's staff NOT_FOUND. Applicant actions hide
 * the record from anyone who may not see it (NOT_FOUND), then check `by` and own-unit (FORBIDDEN). Last, the
 * status must be one the action leaves from (TRANSITION_NOT_ALLOWED).
 */
export function workflowOutcome(action: WorkflowAction, status: ApplicationStatus, caller: CallerProfile): Outcome {
  const definition = actionTable[action];
  if (!definition.by.includes('applicant')) {
    if (caller.role !== 'secretariat' || !definition.by.includes(caller.role)) return 'FORBIDDEN';
    if (!seesApplication(caller, status)) return 'NOT_FOUND';
  } else {
    if (!seesApplication(caller, status)) return 'NOT_FOUND';
    if (!caller.role || !definition.by.includes(caller.role)) return 'FORBIDDEN';
    if (definition.ownOrgOnly && caller.unit !== 'own') return 'FORBIDDEN';
  }
  return isOpenFrom(action, status, worldWorkflow) ? 'ok' : 'TRANSITION_NOT_ALLOWED';
}

/** The secretariat of the running organiser only; another organiser's records do not exist for its staff. */
const staffOfProgram = (caller: CallerProfile): Outcome =>
  caller.role !== 'secretariat' ? 'FORBIDDEN' : caller.runsProgram ? 'ok' : 'NOT_FOUND';
const anySecretariat = (caller: CallerProfile): Outcome => (caller.role === 'secretariat' ? 'ok' : 'FORBIDDEN');
const anyone = (): Outcome => 'ok';
/** 刘教授's own review task; to everyone else it does not exist. */
const ownReview = (caller: CallerProfile): Outcome => (caller.reviewer === 'assigned' ? 'ok' : 'NOT_FOUND');
const onTarget =
  (action: WorkflowAction) =>
  (caller: CallerProfile, variant: Variant<ActionName>): Outcome =>
    workflowOutcome(action, statusOf(variant), caller);

/** A refusal the rules above cannot see: the allowed caller meets a business rule of the world. */
const businessRefusals: Partial<Record<string, ErrorCode>> = {
  // The running notice has an objection lodged and not yet handled.
  'application.decide approve on inPublicity': 'OBJECTION_PENDING',
  'application.decideMany approve on inPublicity': 'OBJECTION_PENDING',
};

/** Which reviewers declared no conflict on each fixture a file is linked from (they may open its files). */
const declaredReviewers: Partial<Record<Fixture, CallerProfile['reviewer'][]>> = { underReview: ['assigned'], draft: [] };

/** Signed-in callers only, except the two public actions; then each action's own rule. */
const policies: { [A in ActionName]: (caller: CallerProfile, variant: Variant<A>) => Outcome } = {
  'session.me': anyone,
  'program.list': anyone,
  'program.get': (caller) => (caller.member ? 'ok' : 'NOT_FOUND'),
  'program.templates': anySecretariat,
  'program.createFromTemplate': anySecretariat,
  'program.update': staffOfProgram,
  // Membership: a unit of another 科协 may not apply to this society's programme.
  'application.create': (caller) => (caller.role !== 'applicant' ? 'FORBIDDEN' : caller.member ? 'ok' : 'APPLICANT_NOT_ELIGIBLE'),
  'application.save': onTarget('save'),
  'application.submit': (caller, variant) =>
    workflowOutcome(statusOf(variant) === 'returned' ? 'resubmit' : 'submit', statusOf(variant), caller),
  'application.withdraw': onTarget('withdraw'),
  'application.get': (caller, variant) => (seesApplication(caller, statusOf(variant)) ? 'ok' : 'NOT_FOUND'),
  'application.listMine': anyone,
  'application.queue': staffOfProgram,
  'application.decide': (caller, variant) => workflowOutcome(variant.decision!, statusOf(variant), caller),
  'application.decideMany': (caller, variant) => workflowOutcome(variant.decision!, statusOf(variant), caller),
  'application.report': onTarget('submitMidterm'),
  'application.pay': onTarget('pay'),
  'claim.add': onTarget('claim'),
  'claim.verify': staffOfProgram,
  'review.candidates': staffOfProgram,
  'review.assign': onTarget('startReview'),
  'review.mine': anyone,
  'review.declare': ownReview,
  'review.open': ownReview,
  'review.submit': ownReview,
  'review.ranking': staffOfProgram,
  'publicity.open': staffOfProgram,
  'publicity.list': staffOfProgram,
  'publicity.get': anyone,
  'publicity.close': staffOfProgram,
  'objection.lodge': anyone,
  'objection.list': staffOfProgram,
  'objection.handle': staffOfProgram,
  'notification.list': anyone,
  'notification.read': anyone,
  'notification.subscribe': anyone,
  'notification.templates': anyone,
  'file.link': (caller, variant) =>
    seesApplication(caller, statusOf(variant)) || declaredReviewers[variant.target!]?.includes(caller.reviewer) ? 'ok' : 'NOT_FOUND',
  'dashboard.get': staffOfProgram,
};

const publicActions: readonly ActionName[] = ['publicity.get', 'objection.lodge'];

export function expectedOutcome<A extends ActionName>(action: A, variant: Variant<A>, kind: CallerKind): Outcome {
  const caller = callerProfiles[kind];
  const key = `${action} ${variant.label}`;
  if (!publicActions.includes(action)) {
    if (caller.token !== 'valid') return 'UNAUTHENTICATED';
    if (caller.role === null) return 'NOT_REGISTERED';
  }
  const outcome = policies[action](caller, variant);
  return outcome === 'ok' ? (businessRefusals[key] ?? 'ok') : outcome;
}

/**
 * Cells whose correct answer the code does not give yet, each closed by another helper's branch of issue 7;
 * test.failing keeps this branch green and turns red once the hole is closed: then delete the line.
 */
const knownGaps: { cell: string; owner: string; today: string }[] = [
  { cell: 'application.save draft secretariat', owner: 'integrity: the secretariat never reads a draft', today: 'FORBIDDEN' },
  { cell: 'application.submit draft secretariat', owner: 'integrity: the secretariat never reads a draft', today: 'FORBIDDEN' },
  { cell: 'application.get draft secretariat', owner: 'integrity: the secretariat never reads a draft', today: 'ok: the draft is shown' },
  {
    cell: 'application.decide return on draft secretariat',
    owner: 'integrity: the secretariat never reads a draft',
    today: 'TRANSITION_NOT_ALLOWED',
  },
  {
    cell: 'application.decide fail on draft secretariat',
    owner: 'integrity: the secretariat never reads a draft',
    today: 'TRANSITION_NOT_ALLOWED',
  },
  { cell: 'file.link draft secretariat', owner: 'integrity: the secretariat never reads a draft', today: 'ok: a link to the file' },
];
const gapCells = new Set(knownGaps.map((gap) => gap.cell));

/** A batch answers ok with a verdict per item; the matrix reads the one item's verdict. */
function outcomeOf(action: ActionName, result: ApiResult<unknown>): Outcome {
  if (!result.ok) return result.error.code as ErrorCode;
  if (action === 'application.decideMany') {
    const [item] = result.data as { ok: boolean; code: string | null }[];
    return item?.ok ? 'ok' : ((item?.code ?? 'INTERNAL') as ErrorCode);
  }
  return 'ok';
}

const groups = (Object.keys(actionContracts) as ActionName[]).flatMap((action) =>
  (inputBuilders[action] as Variant<ActionName>[]).map((variant) => ({
    action,
    variant,
    cells: callerKinds.map((kind) => ({
      kind,
      expected: expectedOutcome(action, variant, kind),
      name: `${action} ${variant.label} ${kind}`,
    })),
  })),
);
const cellCount = groups.reduce((total, group) => total + group.cells.length, 0);

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);
afterAll(() => {
  console.log(
    `authorization matrix: ${cellCount} cells (${Object.keys(actionContracts).length} actions, ${groups.length} action targets × ${callerKinds.length} callers), ${knownGaps.length} known gaps`,
  );
});

test('every action of the contract has input builders and appears in the matrix', () => {
  for (const action of Object.keys(actionContracts)) expect(groups.some((group) => group.action === action)).toBe(true);
});

describe.each(groups)('$action [$variant.label]', ({ action, variant, cells }) => {
  let h: Harness;
  let committedWrites: () => number;
  beforeAll(async () => {
    h = await startFromWorld(world);
    ({ store: h.deps.store, committedWrites } = countingWrites(h.deps.store));
  });
  afterAll(async () => {
    await h.close();
  });

  const call = (kind: CallerKind) => route({ action, input: variant.input(world, kind) }, identityOf(kind), h.deps);
  const refusals = cells.filter((cell) => cell.expected !== 'ok');
  const allowed = cells.filter((cell) => cell.expected === 'ok');

  for (const cell of refusals) {
    (gapCells.has(cell.name) ? test.failing : test)(`${cell.kind} is refused with ${cell.expected}, changing nothing`, async () => {
      const writesBefore = committedWrites();
      const result = await call(cell.kind);
      expect(outcomeOf(action, result)).toBe(cell.expected);
      if (!result.ok) expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(committedWrites()).toBe(writesBefore);
    });
  }
  test('the refusals left every stored document exactly as it was', async () => {
    expect(await snapshotStore(h.store)).toEqual(world.snapshot);
  });
  for (const cell of allowed) {
    (gapCells.has(cell.name) ? test.failing : test)(`${cell.kind} may act`, async () => {
      const result = await call(cell.kind);
      expect(result.ok ? 'ok' : result.error).toBe('ok');
      expect(outcomeOf(action, result)).toBe('ok');
    });
  }
});

describe('beyond the matrix', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startFromWorld(world);
  });
  afterEach(async () => {
    await h.close();
  });

  // Known gap (membership, the "integrity" helper): 徐州市土木建筑学会 fits the Suzhou categories by kind and profile.
  test.failing(
    'a unit of another 科协 may not start an application in a programme it is not a member of, and nothing is stored',
    async () => {
      const before = await snapshotStore(h.store);
      const result = await route(
        {
          action: 'application.create',
          input: {
            programId: 'program-suzhou-2022',
            requestId: 'rq_foreign_suzhou',
            content: { ...completeContent(), categoryKey: 'party-building' },
          },
        },
        identityOf('foreignApplicant'),
        h.deps,
      );
      expect(result.ok ? 'ok' : result.error.code).toBe('APPLICANT_NOT_ELIGIBLE');
      expect(await snapshotStore(h.store)).toEqual(before);
    },
  );

  test('a request id another organiser already used does not hand over its programme', async () => {
    const input = { templateCode: 'sichuan-civil-2023', requestId: 'rq_shared_program', name: '2024年培育奖励' };
    const ours = await route({ action: 'program.createFromTemplate', input }, identityOf('secretariat'), h.deps);
    expect(ours.ok).toBe(true);
    const before = await snapshotStore(h.store);
    const theirs = await route({ action: 'program.createFromTemplate', input }, identityOf('otherSecretariat'), h.deps);
    expect(theirs.ok ? theirs.data : theirs.error.code).toBe('CONFLICT');
    expect(await snapshotStore(h.store)).toEqual(before);
  });
});
