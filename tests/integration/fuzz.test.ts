// Property-based bad input for every action of the contract, as every kind of caller: random JSON, and valid
// inputs of the fixture world broken a little (a field missing, of the wrong type, too long, an impossible
// date, an id that does not exist, control characters…). Whatever comes in, the answer is ok or a refusal with
// a known code and a Chinese message, never INTERNAL; a refusal changes nothing. FUZZ_RUNS sets the cases per
// action (100 by default; `npm run test:fuzz` runs 1,000).
import fc from 'fast-check';
import { isErrorCode } from '@/core/errors';
import { actionContracts, type ActionName, type ApiResult } from '@/core/schemas/actions';
import { route } from '../../cloudfunctions/api/src/router';
import { inputBuilders } from '../support/action-inputs';
import { expectedOutcome } from '../support/policy';
import { callerKinds, identityOf, type CallerKind } from '../support/callers';
import { countingWrites, snapshotStore, withoutWrongCodeCounts } from '../support/store-snapshot';
import { buildWorld, startFromWorld, type World } from '../support/world';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: a loaded machine shares its two cores with other suites. */
const TIMEOUT_MS = 30_000 + RUNS * 60;
/** Calls made per action (random cases + the sweep), printed once for the closing note. */
const callsPerAction = new Map<string, number>();
const actions = Object.keys(actionContracts) as ActionName[];

type Path = (string | number)[];

/** Every place in a JSON value a mutation may touch (the root excluded). */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) {
    const paths: Path[] = [];
    for (let index = 0; index < value.length; index += 1) paths.push([...prefix, index], ...pathsOf(value[index], [...prefix, index]));
    return paths;
  }
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsOf(item, [...prefix, key])]);
  }
  return [];
}

type Mutation =
  | { pick: number; op: 'replace' | 'delete' | 'add' | 'setField'; key: string; value: unknown }
  | { op: 'setAt'; path: Path; value: unknown };

const isContainer = (value: unknown): value is Record<string | number, unknown> => Boolean(value) && typeof value === 'object';

function mutate(input: unknown, mutation: Mutation): unknown {
  if (!isContainer(input)) return mutation.op === 'replace' ? mutation.value : input;
  const copy = structuredClone(input);
  if (mutation.op === 'setAt') {
    let container: Record<string | number, unknown> = copy;
    for (const step of mutation.path.slice(0, -1)) container = container[step] as Record<string | number, unknown>;
    container[mutation.path[mutation.path.length - 1]!] = mutation.value;
    return copy;
  }
  if (mutation.op === 'setField' && Array.isArray(copy)) return [...copy, mutation.value];
  if (mutation.op === 'setField') return Object.assign(copy, { [mutation.key]: mutation.value });
  const paths = pathsOf(copy);
  const path = paths.length > 0 ? paths[mutation.pick % paths.length]! : [];
  // add: into the picked object or array (or the root); replace and delete: the picked field itself.
  const addInto = mutation.op === 'add' ? path : path.slice(0, -1);
  let container: unknown = copy;
  for (const step of addInto) container = (container as Record<string | number, unknown>)[step];
  if (mutation.op === 'add' && !isContainer(container)) container = copy;
  if (!isContainer(container)) return copy;
  const last = path[path.length - 1];
  if (mutation.op === 'add') {
    if (Array.isArray(container)) container.push(mutation.value);
    else container[mutation.key] = mutation.value;
  } else if (last === undefined) return mutation.value;
  else if (mutation.op === 'delete' && Array.isArray(container) && typeof last === 'number') container.splice(last, 1);
  else if (mutation.op === 'delete') delete container[last];
  else container[last] = mutation.value;
  return copy;
}

const twoDigits = (value: number) => value.toString().padStart(2, '0');
/** Dates and times, most of them impossible (30 February, month 13, hour 25), most of them in the future. */
const datesAndTimes = fc
  .tuple(fc.integer({ min: 1990, max: 2200 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.boolean())
  .map(([year, month, day, withTime]) => `${year}-${twoDigits(month)}-${twoDigits(day)}${withTime ? 'T09:00:00+08:00' : ''}`);

/** Values that have broken parsers before: wrong types, edges of numbers, impossible dates, odd text. */
const nasty = fc.oneof(
  { arbitrary: datesAndTimes, weight: 2 },
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1.5,
    -0,
    2 ** 31,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    'NaN',
    'Infinity',
    '-1',
    '1e309',
    'null',
    'undefined',
    '[object Object]',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '2023-02-30',
    '2023-02-29',
    '2023-09-31',
    '2023-11-31',
    '2024-02-30',
    '2023-13-01',
    '2023-00-10',
    '9999-12-31',
    '0000-01-01',
    '2023-02-30T09:00:00+08:00',
    '2023-07-10T25:00:00Z',
    'app_does-not-exist',
    'program-does-not-exist',
    'review_nobody',
    'local://evidence/../../etc/passwd',
    'local://evidence/app_x/../../secret.jpg',
    'cloud://env.bucket/evidence/app_other/x.jpg',
    'local://',
    '%',
    '%E0%A4%A',
    '\u0000',
    '\u202e\u2066evil\u2069',
    '\ud800',
    '😀'.repeat(300),
    '\r\n\t\b\f\v',
    [],
    {},
    [null],
    { $gt: '' },
    { __proto__: { polluted: true } },
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: 1_000, max: 120_000 }).map((length) => '长'.repeat(length)),
  fc.double(),
  fc.integer(),
  fc.jsonValue({ maxDepth: 2 }),
);

/** The callers the action lets in (per the matrix's policy), so bad input reaches the handler, not only the sign-in check. */
function allowedCallers(action: ActionName): CallerKind[] {
  const variant = inputBuilders[action][0]!;
  const allowed = callerKinds.filter((kind) => expectedOutcome(action, variant, kind) === 'ok');
  return allowed.length > 0 ? allowed : ['secretariat'];
}

const callersOf = (action: ActionName) =>
  fc.oneof({ arbitrary: fc.constantFrom(...allowedCallers(action)), weight: 4 }, { arbitrary: fc.constantFrom(...callerKinds), weight: 1 });

/** Swept through every field of a valid input (and every field the contract knows but the input leaves out). */
const sweepValues: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 31,
  Number.MAX_SAFE_INTEGER + 2,
  Number.NaN,
  '',
  'NaN',
  '1e309',
  '2023-02-30',
  '2023-09-31',
  '2024-02-30',
  '2023-13-01',
  '2023-02-30T09:00:00+08:00',
  '9999-12-31',
  'app_does-not-exist',
  'local://evidence/../../etc/passwd',
  '%E0%A4%A',
  '\u0000\u202e',
  '长'.repeat(100_000),
  [],
  {},
  [null],
  { $gt: '' },
];

/** What is wrong with an answer (null: nothing): a refusal needs a known code, not INTERNAL, in Chinese. */
function refusalProblem(result: ApiResult<unknown>): string | null {
  if (result.ok) return null;
  if (!isErrorCode(result.error.code)) return `unknown code ${result.error.code}`;
  if (result.error.code === 'INTERNAL') return 'INTERNAL';
  return /[\u4e00-\u9fff]/.test(result.error.message) ? null : `message not in Chinese: ${result.error.message}`;
}

function badInputs(world: World, action: ActionName): fc.Arbitrary<unknown> {
  const seeds = callerKinds.flatMap((kind) => inputBuilders[action].map((variant) => variant.input(world, `fz${kind}`) as unknown));
  const fieldNames = Object.keys(actionContracts[action].input.shape);
  const mutation: fc.Arbitrary<Mutation> = fc.record({
    pick: fc.nat(),
    op: fc.constantFrom(
      'setField' as const,
      'setField' as const,
      'replace' as const,
      'replace' as const,
      'delete' as const,
      'add' as const,
    ),
    key: fc.oneof(
      { arbitrary: fc.constantFrom(...fieldNames, 'extra'), weight: 3 },
      fc.constantFrom('extra', '__proto__', 'constructor'),
      fc.string({ maxLength: 10 }),
    ),
    value: nasty,
  });
  const mutated = fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 3 }))
    .map(([seed, mutations]) => mutations.reduce<unknown>((input, next) => mutate(input, next), seed));
  return fc.oneof({ arbitrary: mutated, weight: 4 }, { arbitrary: fc.jsonValue(), weight: 1 });
}

/** Shortens huge strings so a failure names the input readably. */
const shown = (input: unknown) =>
  JSON.stringify(input, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `${value.slice(0, 20)}…(${value.length})` : value,
  );

let world: World;
beforeAll(async () => {
  world = await buildWorld();
}, 120_000);

afterAll(() => {
  const counts = [...callsPerAction.values()];
  console.log(
    `fuzz: ${callsPerAction.size} actions, ${RUNS} random cases each plus a sweep: ${Math.min(...counts)}–${Math.max(...counts)} calls per action, ${counts.reduce((a, b) => a + b, 0)} in all`,
  );
});

let silenced: jest.SpyInstance;
beforeEach(() => {
  // The router logs what it answers INTERNAL; the assertion names the input instead.
  silenced = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  silenced.mockRestore();
});

test.each(actions)(
  `%s: ${RUNS} bad inputs from every kind of caller, and a sweep of every field, are refused without INTERNAL and change nothing`,
  async (action) => {
    const h = await startFromWorld(world);
    const counting = countingWrites(h.deps.store);
    h.deps.store = counting.store;
    let accepted = 0;
    const nowMs = Date.now();
    /** One call: ok, or a proper refusal that wrote nothing. */
    const check = async (kind: CallerKind, input: unknown) => {
      callsPerAction.set(action, (callsPerAction.get(action) ?? 0) + 1);
      const writesBefore = counting.committedWrites();
      const result = await route({ action, input }, identityOf(kind, nowMs), h.deps);
      if (result.ok) accepted += 1;
      const problem = refusalProblem(result) ?? (!result.ok && counting.committedWrites() !== writesBefore ? 'refused but wrote' : null);
      expect({ kind, input: shown(input), problem }).toEqual({ kind, input: shown(input), problem: null });
    };
    try {
      await fc.assert(fc.asyncProperty(callersOf(action), badInputs(world, action), check), { numRuns: RUNS });
      const caller = allowedCallers(action)[0]!;
      const seed = inputBuilders[action][0]!.input(world, 'sweep') as Record<string, unknown>;
      const places = [
        ...pathsOf(seed),
        ...Object.keys(actionContracts[action].input.shape)
          .filter((key) => !(key in seed))
          .map((key) => [key]),
      ];
      for (const place of places) {
        for (const value of sweepValues) await check(caller, mutate(seed, { op: 'setAt', path: place, value }));
      }
      // Nothing was accepted: then every stored document must be exactly the world's (wrong codes were counted).
      if (accepted === 0) expect(withoutWrongCodeCounts(await snapshotStore(h.store))).toEqual(world.snapshot);
    } finally {
      await h.close();
    }
  },
  TIMEOUT_MS,
);

test(
  `the envelope itself: ${RUNS} random events are refused without INTERNAL`,
  async () => {
    const h = await startFromWorld(world);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...callerKinds),
          fc.oneof(
            fc.anything(),
            fc.record({ action: fc.oneof(fc.constantFrom(...actions), fc.string()), input: fc.anything() }, { requiredKeys: [] }),
          ),
          async (kind, event) => expect(refusalProblem(await route(event, identityOf(kind), h.deps))).toBeNull(),
        ),
        { numRuns: RUNS },
      );
      expect(await snapshotStore(h.store)).toEqual(world.snapshot);
    } finally {
      await h.close();
    }
  },
  TIMEOUT_MS,
);

test.each([
  ['2023-09-31', 'opensOn：日期应为真实存在的日期'],
  ['9999-12-31', 'opensOn：日期应在 2000 年至 2099 年之间'],
])('publicity.open on %s is refused as INVALID_INPUT, naming the field, before any working-day arithmetic', async (opensOn, message) => {
  const h = await startFromWorld(world);
  try {
    const result = await route(
      { action: 'publicity.open', input: { programId: 'program-sichuan-civil-2023', title: '公示', contact: '秘书处', opensOn } },
      identityOf('secretariat'),
      h.deps,
    );
    expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining(message) } });
    expect(await snapshotStore(h.store)).toEqual(world.snapshot);
  } finally {
    await h.close();
  }
});
