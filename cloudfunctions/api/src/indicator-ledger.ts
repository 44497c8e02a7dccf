// The indicator ledger's running totals, moved inside the transaction of the change that moves them: a claim
// added or verified, an award starting or ceasing to count, a society-level value recorded, a programme linked to
// the society's application in the provincial call. Each level is one document (tally.ts); a programme linked
// upstream carries its linked indicators' figures on to the society's provincial application, and from there to
// the provincial programme, so the province's board reads the societies' verified figures as they rise.
import { indicatorByKey, programOf, type Program } from '@/core/program/program-schema';
import type { Application, IndicatorFigure, IndicatorTally } from '@/core/schemas/documents';
import {
  carried,
  countsTowardTargets,
  deltaOf,
  emptyFigure,
  figureFields,
  isNoChange,
  ledgerFromRecords,
  moved,
  newerValue,
  scaled,
  tallyId,
  awardStanding,
  type AwardFacts,
  type FigureDelta,
} from '@/core/kpi/tally';
import { addTo, type Addition, type Store, type StoreTx } from './ports';

/** Chains longer than this are a configuration loop (a programme linked, through others, to itself). */
const MAX_LEVELS = 4;

async function updateTally(
  tx: StoreTx,
  id: string,
  fresh: () => Omit<IndicatorTally, '_id' | 'version' | 'createdAt' | 'updatedAt'>,
  change: (tally: IndicatorTally) => IndicatorTally,
  now: Date,
): Promise<IndicatorTally> {
  const stamp = now.toISOString();
  const stored = await tx.get('indicatorTallies', id);
  const base: IndicatorTally = stored ?? { _id: id, version: 0, createdAt: stamp, updatedAt: stamp, ...fresh() };
  const next = { ...change(base), version: base.version + 1, updatedAt: stamp };
  if (stored) await tx.replace('indicatorTallies', next, stored.version);
  else await tx.create('indicatorTallies', next);
  return next;
}

/**
 * A move of one indicator's figures as an addition, with no read of the tally: every number of the figure (0 where
 * it does not move, so a figure new to the tally has them all), the version counted up.
 */
function figureAddition(indicatorKey: string, delta: FigureDelta, now: Date): Addition {
  const inc: Record<string, number> = { version: 1 };
  for (const field of figureFields) inc[`figures.${indicatorKey}.${field}`] = delta[field];
  return { inc, set: { updatedAt: now.toISOString() } };
}

/** A programme's tally as it starts, holding an empty figure for the indicator about to move. */
function programSeed(programId: string, indicatorKey: string, now: Date): IndicatorTally {
  const stamp = now.toISOString();
  return {
    _id: tallyId(programId),
    version: 0,
    createdAt: stamp,
    updatedAt: stamp,
    ...programTally(programId)(),
    figures: { [indicatorKey]: emptyFigure },
  };
}

function withFigure(tally: IndicatorTally, key: string, figure: IndicatorFigure): IndicatorTally {
  return { ...tally, figures: { ...tally.figures, [key]: figure } };
}

const programTally = (programId: string) => () => ({ programId, applicationId: null, orgId: null, counts: false, figures: {} });
/** An award's tally as it starts: its standing until now (see awardStanding). */
const awardTally = (application: AwardFacts) => () => awardStanding(application, null);

/** The award's programme: the one the caller already holds, else read in the transaction. */
async function programIn(tx: StoreTx, programId: string, known?: Program): Promise<Program | null> {
  if (known?._id === programId) return known;
  const stored = await tx.get('programs', programId);
  return stored ? programOf(stored) : null;
}

/**
 * Carries figures of a programme's linked indicators up to the society's application in the upstream call (its
 * commitments are its own, so `committed` is not carried). `sign` -1 takes them back.
 */
async function carryUp(tx: StoreTx, program: Program, deltas: ReadonlyMap<string, FigureDelta>, now: Date, level: number): Promise<void> {
  if (!program.upstreamApplicationId || level >= MAX_LEVELS) return;
  const upstream = await tx.get('applications', program.upstreamApplicationId);
  if (!upstream) return;
  for (const [key, delta] of deltas) {
    const link = indicatorByKey(program, key)?.upstream;
    if (link) await moveAwardFigures(tx, upstream, link.indicatorKey, carried(delta), now, level + 1);
  }
}

/** Moves one indicator's figures of one award, and on up while the award counts. */
export async function moveAwardFigures(
  tx: StoreTx,
  application: AwardFacts,
  indicatorKey: string,
  delta: FigureDelta,
  now: Date,
  level = 0,
  known?: Program,
): Promise<void> {
  if (isNoChange(delta)) return;
  const own = await updateTally(
    tx,
    tallyId(application._id),
    awardTally(application),
    (tally) => withFigure(tally, indicatorKey, moved(tally.figures[indicatorKey], delta)),
    now,
  );
  if (!own.counts) return;
  // The programme's total moves by the delta, unread: many awards' claims move it, and on CloudBase it is one
  // update with db.command.inc at the commit (the embedded store reads and writes it).
  await addTo(
    tx,
    'indicatorTallies',
    tallyId(application.programId),
    figureAddition(indicatorKey, delta, now),
    programSeed(application.programId, indicatorKey, now),
  );
  const program = await programIn(tx, application.programId, known);
  if (program) await carryUp(tx, program, new Map([[indicatorKey, delta]]), now, level);
}

/**
 * An award starts or stops counting (granted, failed, terminated): its commitments and claims enter or leave its
 * programme's totals, and the linked ones its society's upstream commitment. Nothing happens when it stays as it was.
 */
export async function moveAwardStanding(tx: StoreTx, before: Application, after: Application, now: Date, known?: Program): Promise<void> {
  const counts = countsTowardTargets(after);
  if (countsTowardTargets(before) === counts) return;
  // Entering, the award's commitments are taken as they are now and all its figures go in; leaving, all that
  // was in goes out, and its commitments no longer stand. An award with no tally yet (nothing claimed) keeps
  // none: its standing is read from the application (awardStanding), so only the programme's totals move.
  const stored = await tx.get('indicatorTallies', tallyId(after._id));
  const held = awardStanding(before, stored);
  const figures: Record<string, IndicatorFigure> = {};
  for (const [key, figure] of Object.entries(held.figures)) figures[key] = { ...figure, committed: 0 };
  if (counts) {
    for (const commitment of after.commitments) {
      figures[commitment.indicatorKey] = { ...(figures[commitment.indicatorKey] ?? emptyFigure), committed: commitment.amount };
    }
  }
  if (stored) {
    const next = { ...stored, counts, figures, version: stored.version + 1, updatedAt: now.toISOString() };
    await tx.replace('indicatorTallies', next, stored.version);
  }
  const moving = counts ? figures : held.figures;
  const sign = counts ? 1 : -1;
  const deltas = new Map<string, FigureDelta>();
  for (const [key, figure] of Object.entries(moving)) {
    const delta = scaled(deltaOf(figure), sign);
    if (!isNoChange(delta)) deltas.set(key, delta);
  }
  if (deltas.size === 0) return;
  await updateTally(
    tx,
    tallyId(after.programId),
    programTally(after.programId),
    (tally) => {
      let next = tally;
      for (const [key, delta] of deltas) next = withFigure(next, key, moved(next.figures[key], delta));
      return next;
    },
    now,
  );
  const program = await programIn(tx, after.programId, known);
  if (program) await carryUp(tx, program, deltas, now, 0);
}

/** The figures a programme carries up for its linked indicators, as deltas (sign -1 to take them back). */
export function linkedDeltas(program: Program, tally: IndicatorTally | null, sign: 1 | -1): Map<string, FigureDelta> {
  const deltas = new Map<string, FigureDelta>();
  for (const indicator of program.indicators) {
    const figure = tally?.figures[indicator.key];
    if (!indicator.upstream || !figure) continue;
    // carryUp leaves the commitments behind.
    const delta = scaled(deltaOf(figure), sign);
    if (!isNoChange(carried(delta))) deltas.set(indicator.key, delta);
  }
  return deltas;
}

/** Carries (or takes back) a programme's current linked figures to the upstream application it is linked to. */
export async function carryProgramUp(tx: StoreTx, program: Program, sign: 1 | -1, now: Date): Promise<void> {
  const tally = await tx.get('indicatorTallies', tallyId(program._id));
  await carryUp(tx, program, linkedDeltas(program, tally, sign), now, 0);
  await carryValuesUp(tx, program, tally, sign === 1, now);
}

/** A recorded value becomes the programme's current one if it is the latest, and its linked upstream one too. */
export async function recordProgramValue(
  tx: StoreTx,
  program: Program,
  indicatorKey: string,
  value: number,
  on: string,
  now: Date,
): Promise<void> {
  const tally = await updateTally(
    tx,
    tallyId(program._id),
    programTally(program._id),
    (current) => withFigure(current, indicatorKey, newerValue(current.figures[indicatorKey], value, on)),
    now,
  );
  if (indicatorByKey(program, indicatorKey)?.upstream) await carryValuesUp(tx, program, tally, true, now);
}

/** On linking, the programme's current values go up with it; on unlinking they are cleared there. */
async function carryValuesUp(tx: StoreTx, program: Program, tally: IndicatorTally | null, linking: boolean, now: Date): Promise<void> {
  if (!program.upstreamApplicationId) return;
  const upstream = await tx.get('applications', program.upstreamApplicationId);
  if (!upstream) return;
  const values = program.indicators.flatMap((indicator) => {
    const figure = tally?.figures[indicator.key];
    return indicator.upstream && figure?.valueOn ? [{ key: indicator.upstream.indicatorKey, value: figure.value, on: figure.valueOn }] : [];
  });
  if (values.length === 0) return;
  await updateTally(
    tx,
    tallyId(upstream._id),
    awardTally(upstream),
    (current) => {
      let next = current;
      for (const { key, value, on } of values) {
        const held = next.figures[key] ?? emptyFigure;
        next = withFigure(next, key, linking ? newerValue(held, value, on) : { ...held, value: null, valueOn: null });
      }
      return next;
    },
    now,
  );
}

/** One figure the running totals held differently from the records. */
export interface LedgerDrift {
  tallyId: string;
  indicatorKey: string;
  field: string;
  stored: number | string | null;
  expected: number | string | null;
}

const comparedFields = [...figureFields, 'value', 'valueOn'] as const;

/**
 * Recomputes every tally from the records and rewrites those that drifted (a write path that forgot the ledger,
 * data from before it existed). Returns each figure that differed; an empty list means the totals were exact.
 */
export async function repairIndicatorLedger(store: Store, now: Date): Promise<LedgerDrift[]> {
  // A find without a limit reads to the end, a page at a time on CloudBase (ports.ts): nothing is cut short.
  const programs = await store.find('programs', {});
  const applications = await store.find('applications', {});
  const claims = await store.find('claims', {});
  const values = await store.find('indicatorValues', {});
  const stored = await store.find('indicatorTallies', {});
  const expected = ledgerFromRecords(programs.map(programOf), applications, claims, values);
  const storedById = new Map(stored.map((tally) => [tally._id, tally]));
  // An award with no tally stands as its application says (awardStanding): that is what it is compared with.
  const awardOf = new Map(applications.map((application) => [tallyId(application._id), application]));
  const drift: LedgerDrift[] = [];
  for (const id of new Set([...expected.keys(), ...storedById.keys()])) {
    const want = expected.get(id);
    const award = awardOf.get(id);
    const have = storedById.get(id) ?? (award ? awardStanding(award, null) : undefined);
    const keys = new Set([...Object.keys(want?.figures ?? {}), ...Object.keys(have?.figures ?? {})]);
    const differences: LedgerDrift[] = [];
    for (const key of keys) {
      for (const field of comparedFields) {
        const wanted = want?.figures[key]?.[field] ?? emptyFigure[field];
        const held = have?.figures[key]?.[field] ?? emptyFigure[field];
        if (wanted !== held) differences.push({ tallyId: id, indicatorKey: key, field, stored: held, expected: wanted });
      }
    }
    const standingDiffers = want !== undefined && have !== undefined && want.counts !== have.counts;
    if (differences.length === 0 && !standingDiffers) continue;
    drift.push(...differences);
    if (!want) continue;
    await store.transaction(async (tx) => {
      await updateTally(
        tx,
        id,
        () => ({ ...want, figures: {} }),
        (tally) => ({ ...tally, counts: want.counts, figures: want.figures }),
        now,
      );
    });
  }
  return drift;
}
