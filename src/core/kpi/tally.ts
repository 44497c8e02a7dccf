// The indicator ledger as running totals: what one claim, one award or one recorded value adds to an indicator's
// figures, and the board's rows read from those figures. The same functions recompute the totals from the
// records, so a repair (and every test) can compare the two.
import { shanghaiDay } from '../calendar/shanghai';
import type { Indicator, Program } from '../program/program-schema';
import { floorText, isSummable, meetsFloor } from '../program/program-rules';
import type { Application, Claim, IndicatorFigure, IndicatorTally, IndicatorValue } from '../schemas/documents';
import { applicationStatuses, statusTable } from '../workflow/award-workflow';

export const figureFields = ['committed', 'claimed', 'pending', 'verified', 'evidence'] as const;
export type FigureField = (typeof figureFields)[number];
export type FigureDelta = Record<FigureField, number>;

export const emptyFigure: IndicatorFigure = { committed: 0, claimed: 0, pending: 0, verified: 0, evidence: 0, value: null, valueOn: null };
const noDelta: FigureDelta = { committed: 0, claimed: 0, pending: 0, verified: 0, evidence: 0 };

/** The ledger document of a programme's own totals, or of one application's. */
export function tallyId(programOrApplicationId: string): string {
  return `tally_${programOrApplicationId}`;
}

/** Awards whose commitments and claims count toward the programme: granted, and not failed at acceptance. */
export function countsTowardTargets(application: Pick<Application, 'status'>): boolean {
  return statusTable[application.status].granted && application.status !== 'failed';
}

/** What a tally holds, without the stored document's fields. */
export type TallyFields = Omit<IndicatorTally, '_id' | 'version' | 'createdAt' | 'updatedAt'>;

/** The application facts an award's standing is read from. */
export type AwardFacts = Pick<Application, '_id' | 'programId' | 'orgId' | 'status' | 'commitments'>;

/**
 * An award's figures as they stand: its tally where it has one, else what its application says. An award gets a
 * tally document only with its first claim or carried figure; until then it counts while it is granted and not
 * failed, and its commitments then stand in full — so granting an award writes no tally of its own.
 */
export function awardStanding(application: AwardFacts, stored: TallyFields | null): TallyFields {
  if (stored) return stored;
  const counts = countsTowardTargets(application);
  const figures: Record<string, IndicatorFigure> = {};
  // The commitments as the recomputation from the records takes them (awardDeltas with no claims).
  if (counts) for (const [key, delta] of awardDeltas(application, [])) figures[key] = moved(figures[key], delta);
  return { programId: application.programId, applicationId: application._id, orgId: application.orgId, counts, figures };
}

/** The statuses in which an award counts (a find of the counting awards names them). */
export const countingStatuses = applicationStatuses.filter((status) => countsTowardTargets({ status }));

type ClaimFacts = Pick<Claim, 'amount' | 'verification' | 'fileIds'> & { links?: readonly string[] };

/** What one claim adds to its indicator's figures: claimed unless rejected; verified with its evidence once verified. */
export function claimFigures(claim: ClaimFacts | null): FigureDelta {
  if (!claim) return noDelta;
  const verified = claim.verification === 'verified';
  return {
    committed: 0,
    claimed: claim.verification === 'rejected' ? 0 : claim.amount,
    pending: claim.verification === 'pending' ? claim.amount : 0,
    verified: verified ? claim.amount : 0,
    evidence: verified ? claim.fileIds.length + (claim.links?.length ?? 0) : 0,
  };
}

/** How a claim's change moves its indicator's figures (before null: a new claim). */
export function claimChange(before: ClaimFacts | null, after: ClaimFacts): FigureDelta {
  return combined(claimFigures(after), claimFigures(before), -1);
}

/** a + sign × b, field by field: the one arithmetic every move of the ledger is made of. */
function combined(a: FigureDelta, b: FigureDelta, sign: 1 | -1 = 1): FigureDelta {
  return Object.fromEntries(figureFields.map((field) => [field, a[field] + sign * b[field]])) as FigureDelta;
}

export function isNoChange(delta: FigureDelta): boolean {
  return figureFields.every((field) => delta[field] === 0);
}

export function scaled(delta: FigureDelta, sign: 1 | -1): FigureDelta {
  return combined(noDelta, delta, sign);
}

/** What a figure adds to a total when it enters it (scaled by -1, when it leaves). */
export function deltaOf(figure: IndicatorFigure): FigureDelta {
  return combined(noDelta, figure);
}

/**
 * What a programme's figures carry up to the society's application in the upstream call: all but its commitments
 * (the society's commitments there are its own).
 */
export function carried(delta: FigureDelta): FigureDelta {
  return { ...delta, committed: 0 };
}

/** The figure moved by a delta; the recorded value is left as it is. */
export function moved(figure: IndicatorFigure | undefined, delta: FigureDelta): IndicatorFigure {
  const base = figure ?? emptyFigure;
  return { ...base, ...combined(base, delta) };
}

/** The figure with a society-level value, unless the one it holds is dated later (a tie goes to the newer record). */
export function newerValue(figure: IndicatorFigure | undefined, value: number | null, on: string): IndicatorFigure {
  const base = figure ?? emptyFigure;
  return base.valueOn !== null && base.valueOn > on ? base : { ...base, value, valueOn: on };
}

/** One award's figures: its commitments and its claims' contributions, per indicator. */
export function awardDeltas(
  application: Pick<Application, 'commitments'>,
  claims: readonly (ClaimFacts & Pick<Claim, 'indicatorKey'>)[],
): Map<string, FigureDelta> {
  const deltas = new Map<string, FigureDelta>();
  const add = (key: string, delta: FigureDelta) => {
    deltas.set(key, combined(deltas.get(key) ?? noDelta, delta));
  };
  for (const commitment of application.commitments) add(commitment.indicatorKey, { ...noDelta, committed: commitment.amount });
  for (const claim of claims) add(claim.indicatorKey, claimFigures(claim));
  return deltas;
}

/** The current value among the recorded ones: the latest by its date, then by when it was recorded. */
export function latestValue<V extends Pick<IndicatorValue, 'on' | 'createdAt'>>(values: readonly V[]): V | null {
  return values.reduce<V | null>((latest, value) => {
    if (!latest) return value;
    return value.on > latest.on || (value.on === latest.on && value.createdAt >= latest.createdAt) ? value : latest;
  }, null);
}

/**
 * A programme's totals recomputed from its records: the counting awards' commitments and claims, and the latest
 * recorded value of each society-level indicator. What the running totals must always equal.
 */
export function programFiguresFrom(
  program: Pick<Program, 'indicators'>,
  applications: readonly Pick<Application, '_id' | 'status' | 'commitments'>[],
  claims: readonly Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'fileIds'>[],
  values: readonly Pick<IndicatorValue, 'indicatorKey' | 'value' | 'on' | 'createdAt'>[] = [],
): Record<string, IndicatorFigure> {
  const figures: Record<string, IndicatorFigure> = {};
  for (const application of applications.filter(countsTowardTargets)) {
    const own = claims.filter((claim) => claim.applicationId === application._id);
    for (const [key, delta] of awardDeltas(application, own)) figures[key] = moved(figures[key], delta);
  }
  for (const indicator of program.indicators) {
    const latest = latestValue(values.filter((value) => value.indicatorKey === indicator.key));
    if (latest) figures[indicator.key] = { ...(figures[indicator.key] ?? emptyFigure), value: latest.value, valueOn: latest.on };
  }
  return figures;
}

/** Why a recorded society-level value cannot stand for this indicator, or null. */
export function valueIssue(indicator: Pick<Indicator, 'name' | 'kind'>, value: number): string | null {
  if (indicator.kind === 'percent') return value >= 0 && value <= 100 ? null : `“${indicator.name}”须在 0 到 100 之间`;
  if (!Number.isInteger(value)) return `“${indicator.name}”须为整数`;
  if (indicator.kind === 'yesno') return value === 0 || value === 1 ? null : `“${indicator.name}”只能填“是”或“否”`;
  if (indicator.kind === 'rank') return value >= 1 ? null : `“${indicator.name}”的名次须为 1 以上`;
  return value >= 0 ? null : `“${indicator.name}”不能为负数`;
}

export const riskKinds = ['commitmentShort', 'behind', 'missed', 'unrecorded'] as const;
export type Risk = (typeof riskKinds)[number];

/** What the society committed upstream for one indicator, and the upstream programme's minimum for it. */
export interface UpstreamLink {
  commitment: number | null;
  minimum: number | null;
}

export interface IndicatorRow {
  key: string;
  name: string;
  dimension: Indicator['dimension'];
  kind: Indicator['kind'];
  unit: string;
  /** Where the achieved figure comes from: the awards' claims, or a value recorded for the whole society. */
  source: 'claims' | 'society';
  target: number;
  provinceMinimum: number | null;
  /** The society's own commitment in the upstream (provincial) call this indicator is linked to; null: not linked. */
  commitment: number | null;
  /** What the row is judged against: the upstream commitment where linked, else the programme's target. */
  goal: number;
  /** Summed from counting awards' commitments; null for indicators recorded at society level. */
  committed: number | null;
  /** Claimed by counting awards and not rejected; null at society level. */
  claimed: number | null;
  pending: number | null;
  /** Claims the secretariat verified against their evidence: what counts toward the target. */
  verified: number | null;
  evidence: number;
  /** The latest value recorded for the society, and the day it holds for. */
  value: number | null;
  valueOn: string | null;
  /** The figure that counts: verified claims, or the recorded value. */
  achieved: number | null;
  /** How far a claimed count still falls short of its goal (0 once reached); null where not a count. */
  gap: number | null;
  /** Whether the counting awards' commitments alone reach the goal. */
  committedCoversTarget: boolean | null;
  risk: Risk | null;
  /** The risk in words, with the days left. */
  riskText: string | null;
  /** Whole days from today (Shanghai) to the end of implementation; 0 once it has ended. */
  daysLeft: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS);
}

/** The share of the implementation period gone by now (0 before it opens, 1 after it ends). */
function elapsedShare(program: Pick<Program, 'opensAt' | 'implementationEndsAt'>, now: Date): number {
  const start = Date.parse(program.opensAt);
  const end = Date.parse(program.implementationEndsAt);
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** The board's rows: one per indicator, from the figures (running or recomputed), judged on `now`. */
export function indicatorRows(
  program: Pick<Program, 'indicators' | 'opensAt' | 'implementationEndsAt'>,
  figures: Readonly<Record<string, IndicatorFigure>>,
  now: Date,
  links: ReadonlyMap<string, UpstreamLink> = new Map(),
): IndicatorRow[] {
  const daysLeft = Math.max(0, daysBetween(shanghaiDay(now), shanghaiDay(new Date(program.implementationEndsAt))));
  const share = elapsedShare(program, now);
  return program.indicators.map((indicator) => {
    const figure = figures[indicator.key] ?? emptyFigure;
    const summable = isSummable(indicator);
    const link = links.get(indicator.key);
    const commitment = link?.commitment ?? null;
    const goal = commitment ?? indicator.target;
    const achieved = summable ? figure.verified : figure.value;
    const committed = summable ? figure.committed : null;
    const reached = achieved !== null && meetsFloor(indicator.kind, achieved, goal);
    const left = `剩 ${daysLeft} 天`;
    let risk: Risk | null = null;
    let riskText: string | null = null;
    if (reached) {
      risk = null;
    } else if (daysLeft === 0) {
      risk = 'missed';
      riskText = `实施期已结束，未达到${floorText(indicator, goal)}`;
    } else if (!summable && achieved === null) {
      risk = 'unrecorded';
      riskText = `尚未填报学会数值（${left}）`;
    } else if (committed !== null && committed < goal) {
      risk = 'commitmentShort';
      riskText = `各奖补项目承诺合计 ${committed}${indicator.unit}，不足目标 ${goal}${indicator.unit}（${left}）`;
    } else if (summable && (achieved ?? 0) < goal * share) {
      risk = 'behind';
      riskText = `已核实 ${achieved ?? 0}${indicator.unit}，按进度应达 ${Math.ceil(goal * share)}${indicator.unit}（${left}）`;
    }
    return {
      key: indicator.key,
      name: indicator.name,
      dimension: indicator.dimension,
      kind: indicator.kind,
      unit: indicator.unit,
      source: summable ? 'claims' : 'society',
      target: indicator.target,
      provinceMinimum: link?.minimum ?? indicator.upstream?.minimum ?? null,
      commitment,
      goal,
      committed,
      claimed: summable ? figure.claimed : null,
      pending: summable ? figure.pending : null,
      verified: summable ? figure.verified : null,
      evidence: figure.evidence,
      value: figure.value,
      valueOn: figure.valueOn,
      achieved,
      gap: summable ? Math.max(0, goal - figure.verified) : null,
      committedCoversTarget: committed === null ? null : committed >= goal,
      risk,
      riskText,
      daysLeft,
    };
  });
}

/** The figures one tally document should hold, recomputed from the records. */
export interface ExpectedTally {
  programId: string;
  applicationId: string | null;
  orgId: string | null;
  counts: boolean;
  figures: Record<string, IndicatorFigure>;
}

type LedgerProgram = Pick<Program, '_id' | 'indicators' | 'upstreamApplicationId'>;
type LedgerApplication = Pick<Application, '_id' | 'programId' | 'orgId' | 'status' | 'commitments'>;
type LedgerClaim = Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification' | 'fileIds'> & { links?: readonly string[] };
type LedgerValue = Pick<IndicatorValue, 'programId' | 'indicatorKey' | 'value' | 'on' | 'createdAt'>;

/**
 * Every tally document the ledger should hold, recomputed from all records: each award's commitments and claims,
 * each programme's counting awards and latest values, and what a linked programme carries up to the society's
 * application in the upstream call (and so into that call's programme). The repair compares the running totals with it.
 */
export function ledgerFromRecords(
  programs: readonly LedgerProgram[],
  applications: readonly LedgerApplication[],
  claims: readonly LedgerClaim[],
  values: readonly LedgerValue[],
): Map<string, ExpectedTally> {
  const tallies = new Map<string, ExpectedTally>();
  const programsById = new Map(programs.map((program) => [program._id, program]));
  const claimsOf = new Map<string, LedgerClaim[]>();
  for (const claim of claims) claimsOf.set(claim.applicationId, [...(claimsOf.get(claim.applicationId) ?? []), claim]);
  const linkedTo = new Map<string, LedgerProgram[]>();
  for (const program of programs) {
    if (program.upstreamApplicationId)
      linkedTo.set(program.upstreamApplicationId, [...(linkedTo.get(program.upstreamApplicationId) ?? []), program]);
  }
  const appsOf = new Map<string, LedgerApplication[]>();
  for (const application of applications) appsOf.set(application.programId, [...(appsOf.get(application.programId) ?? []), application]);

  const programFigures = (program: LedgerProgram, level: number): Record<string, IndicatorFigure> => {
    const cached = tallies.get(tallyId(program._id));
    if (cached) return cached.figures;
    const figures: Record<string, IndicatorFigure> = {};
    for (const application of appsOf.get(program._id) ?? []) {
      const own = awardFigures(application, level);
      tallies.set(tallyId(application._id), {
        programId: program._id,
        applicationId: application._id,
        orgId: application.orgId,
        counts: countsTowardTargets(application),
        figures: own,
      });
      if (!countsTowardTargets(application)) continue;
      for (const [key, figure] of Object.entries(own)) figures[key] = moved(figures[key], deltaOf(figure));
    }
    for (const indicator of program.indicators) {
      const latest = latestValue(values.filter((value) => value.programId === program._id && value.indicatorKey === indicator.key));
      if (latest) figures[indicator.key] = newerValue(figures[indicator.key], latest.value, latest.on);
    }
    tallies.set(tallyId(program._id), { programId: program._id, applicationId: null, orgId: null, counts: false, figures });
    return figures;
  };

  const awardFigures = (application: LedgerApplication, level: number): Record<string, IndicatorFigure> => {
    const figures: Record<string, IndicatorFigure> = {};
    // An award's commitments stand while it counts (as the running totals take them in and out).
    const standing = countsTowardTargets(application) ? application : { commitments: [] };
    for (const [key, delta] of awardDeltas(standing, claimsOf.get(application._id) ?? [])) figures[key] = moved(figures[key], delta);
    if (level >= 4) return figures;
    for (const downstream of linkedTo.get(application._id) ?? []) {
      const linkedFigures = programFigures(downstream, level + 1);
      for (const indicator of downstream.indicators) {
        const figure = linkedFigures[indicator.key];
        if (!indicator.upstream || !figure) continue;
        const key = indicator.upstream.indicatorKey;
        const sum = moved(figures[key], carried(deltaOf(figure)));
        figures[key] = figure.valueOn === null ? sum : newerValue(sum, figure.value, figure.valueOn);
      }
    }
    return figures;
  };

  // Downstream programmes first, so an upstream award finds their totals made.
  const byDepth = [...programs].sort((a, b) => Number(Boolean(b.upstreamApplicationId)) - Number(Boolean(a.upstreamApplicationId)));
  for (const program of byDepth) if (programsById.has(program._id)) programFigures(program, 0);
  return tallies;
}
