// Every action of the contract × every kind of caller, on a world holding applications in many statuses.
// The expected answer of each cell is derived from the workflow table's who-may data (and, for actions outside
// the workflow, a one-line rule per action); a refused cell must name the exact refusal and change nothing.
import type { ErrorCode } from '@/core/errors';
import { actionContracts, type ActionName, type ApiResult } from '@/core/schemas/actions';
import { route } from '../../cloudfunctions/api/src/router';
import { inputBuilders, type Variant } from '../support/action-inputs';
import { callerKinds, identityOf, type CallerKind } from '../support/callers';
import { expectedOutcome, type Outcome } from '../support/policy';
import { completeContent, type Harness } from '../support/harness';
import { countingWrites, snapshotStore } from '../support/store-snapshot';
import { buildWorld, startFromWorld, type World } from '../support/world';

/**
 * Cells whose correct answer the code does not give yet, each closed by another helper's branch of issue 7;
 * test.failing keeps this branch green and turns red once the hole is closed: then delete the line.
 */
const knownGaps: { cell: string; owner: string; today: string }[] = [];
const gapCells = new Set(knownGaps.map((gap) => gap.cell));

/** A batch answers ok with a verdict per item; the matrix reads the one item's verdict. */
function outcomeOf(action: ActionName, result: ApiResult<unknown>): Outcome {
  if (!result.ok) return result.error.code as ErrorCode;
  if (action === 'application.decideMany' || action === 'objection.handleMany') {
    const data = result.data as { ok: boolean; code: string | null }[] | { outcomes: { ok: boolean; code: string | null }[] };
    const [item] = Array.isArray(data) ? data : data.outcomes;
    return item?.ok ? 'ok' : ((item?.code ?? 'INTERNAL') as ErrorCode);
  }
  // An import answers ok with the rows it refused, having imported none of them.
  if (action === 'organization.import' && (result.data as { refused: unknown[] }).refused.length > 0) return 'INVALID_INPUT';
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
  }, 30_000);
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

  // 徐州市土木建筑学会 fits the Suzhou categories by kind and profile: only membership keeps it out.
  test('a unit of another 科协 may not start an application in a programme it is not a member of, and nothing is stored', async () => {
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
  });

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
