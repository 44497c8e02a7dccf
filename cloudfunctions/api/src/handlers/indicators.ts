// The indicator board at every level, read from the running totals: a programme's rows, the society's provincial
// commitment it rolls up to, each funded society side by side on the provincial board, one indicator opened with
// its units and claims; and the society-level values the secretariat records.
import { emptyTotals } from '@/core/award/program-totals';
import { ledgerId } from '@/core/award/quota';
import { AppError } from '@/core/errors';
import { shanghaiDay } from '@/core/calendar/shanghai';
import { awardStanding, countingStatuses, indicatorRows, tallyId, valueIssue, type UpstreamLink } from '@/core/kpi/tally';
import { indicatorByKey, isSummable, programOf, totalQuota, upstreamCodes, type Program } from '@/core/program/program-schema';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { Application, IndicatorTally, IndicatorValue } from '@/core/schemas/documents';
import { applicationStatuses, statusTable } from '@/core/workflow/award-workflow';
import { writeAudit } from '../audit';
import type { HandlerContext } from '../context';
import { recordProgramValue } from '../indicator-ledger';
import { byIds, loadStaffProgram, orgNames } from '../loaders';
import type { StoreReader } from '../ports';

type UpstreamView = ActionOutput<'dashboard.get'>['upstreamChoices'][number];

function upstreamView(application: Application, program: Pick<Program, '_id' | 'name'>): UpstreamView {
  return {
    applicationId: application._id,
    programId: program._id,
    programName: program.name,
    projectName: application.projectName,
    status: application.status,
    statusLabel: statusTable[application.status].staffLabel,
  };
}

/** The linked provincial application, its programme, and per linked indicator the society's commitment and the minimum. */
export async function upstreamOf(
  store: StoreReader,
  program: Program,
): Promise<{ view: UpstreamView | null; links: Map<string, UpstreamLink> }> {
  const links = new Map<string, UpstreamLink>();
  const application = program.upstreamApplicationId ? await store.get('applications', program.upstreamApplicationId) : null;
  const stored = application ? await store.get('programs', application.programId) : null;
  if (!application || !stored) return { view: null, links };
  const upstream = programOf(stored);
  for (const indicator of program.indicators) {
    if (!indicator.upstream) continue;
    const key = indicator.upstream.indicatorKey;
    links.set(indicator.key, {
      commitment: application.commitments.find((commitment) => commitment.indicatorKey === key)?.amount ?? null,
      minimum: indicatorByKey(upstream, key)?.target ?? indicator.upstream.minimum,
    });
  }
  return { view: upstreamView(application, upstream), links };
}

/** The organiser's own applications in the calls the indicators name: what the secretariat may link to. */
async function upstreamChoices(store: StoreReader, program: Program): Promise<UpstreamView[]> {
  const codes = upstreamCodes(program);
  if (codes.size === 0) return [];
  const applications = await store.find('applications', { orgId: program.societyId });
  const programIds = [...new Set(applications.map((application) => application.programId))];
  const programs = new Map(
    [...(await byIds(store, 'programs', programIds)).values()].flatMap((stored) =>
      codes.has(stored.code) ? [[stored._id, stored] as const] : [],
    ),
  );
  return applications.flatMap((application) => {
    const upstream = programs.get(application.programId);
    return upstream && application.status !== 'draft' ? [upstreamView(application, upstream)] : [];
  });
}

/**
 * The programme's counting awards, each with its standing: its tally where it has one (among the programme's
 * tallies given), else its commitments as its application holds them (awardStanding).
 */
async function countingAwards(store: StoreReader, program: Program, tallies: readonly IndicatorTally[]) {
  const held = new Map(tallies.map((tally) => [tally._id, tally]));
  const applications = await store.find('applications', { programId: program._id, status: { in: countingStatuses } });
  return applications.map((application) => ({
    application,
    standing: awardStanding(application, held.get(tallyId(application._id)) ?? null),
  }));
}

/** Where applicants commit their own targets: each counting application's commitments and figures, side by side. */
async function societyColumns(store: StoreReader, program: Program, tallies: IndicatorTally[], now: Date) {
  if (!program.form.commitTargets) return [];
  const counting = await countingAwards(store, program, tallies);
  const names = await orgNames(
    store,
    counting.map(({ application }) => application.orgId),
  );
  return counting.map(({ application, standing }) => {
    const links = new Map(
      program.indicators.map((indicator) => [
        indicator.key,
        { commitment: standing.figures[indicator.key]?.committed || null, minimum: indicator.target },
      ]),
    );
    const rows = ownRows(program, standing, now, links);
    return {
      applicationId: application._id,
      orgId: application.orgId,
      orgName: names.get(application.orgId) ?? '',
      projectName: application.projectName,
      status: application.status,
      figures: Object.fromEntries(
        rows.map((row) => [row.key, { commitment: row.commitment, achieved: row.achieved, pending: row.pending, risk: row.risk }]),
      ),
    };
  });
}

/**
 * A programme's own board rows: its running totals (its tally document, null before any), judged on `now` against
 * what it is linked to upstream.
 */
export function ownRows(
  program: Program,
  tally: Pick<IndicatorTally, 'figures'> | null,
  now: Date,
  links: ReadonlyMap<string, UpstreamLink>,
) {
  return indicatorRows(program, tally?.figures ?? {}, now, links);
}

/** The programme's own tally among all of its tallies (its awards' are the rest). */
function programTallyIn(program: Pick<Program, '_id'>, tallies: readonly IndicatorTally[]): IndicatorTally | null {
  return tallies.find((tally) => tally._id === tallyId(program._id)) ?? null;
}

export async function getDashboard(input: ParsedInput<'dashboard.get'>, context: HandlerContext): Promise<ActionOutput<'dashboard.get'>> {
  const { deps, caller, now } = context;
  const { store } = deps;
  const program = await loadStaffProgram(store, caller, input.programId);
  // The programme's own tally by its id; its awards' tallies only where the board has a column per society (the
  // provincial call), never one read per award of a branch programme.
  const [ledger, tally, societyTallies, upstream] = await Promise.all([
    store.get('ledgers', ledgerId(program._id)),
    store.get('indicatorTallies', tallyId(program._id)),
    program.form.commitTargets ? store.find('indicatorTallies', { programId: program._id }) : Promise.resolve([]),
    upstreamOf(store, program),
  ]);
  // The programme's running totals (program-totals.ts), moved with each change: no application is read here.
  const totals = ledger?.totals ?? emptyTotals();
  const counts = Object.fromEntries(applicationStatuses.map((status) => [status, totals.statuses[status] ?? 0])) as Record<
    (typeof applicationStatuses)[number],
    number
  >;
  return {
    program: { id: program._id, name: program.name, quota: totalQuota(program), poolFen: program.poolFen, version: program.version },
    counts,
    grantedFen: totals.awardedFen,
    paidFen: totals.paidFen,
    rows: ownRows(program, tally, now, upstream.links),
    upstream: upstream.view,
    upstreamChoices: upstream.view ? [] : await upstreamChoices(store, program),
    societies: await societyColumns(store, program, societyTallies, now),
  };
}

export async function getIndicator(
  input: ParsedInput<'dashboard.indicator'>,
  context: HandlerContext,
): Promise<ActionOutput<'dashboard.indicator'>> {
  const { deps, caller, now } = context;
  const { store } = deps;
  const program = await loadStaffProgram(store, caller, input.programId);
  const indicator = indicatorByKey(program, input.indicatorKey);
  if (!indicator) throw new AppError('INDICATOR_UNKNOWN', input.indicatorKey);
  const [tallies, claims, values, upstream] = await Promise.all([
    store.find('indicatorTallies', { programId: program._id }),
    isSummable(indicator)
      ? store.find(
          'claims',
          { programId: program._id, indicatorKey: indicator.key },
          { orderBy: { field: 'createdAt', direction: 'desc' } },
        )
      : Promise.resolve([]),
    store.find('indicatorValues', { programId: program._id, indicatorKey: indicator.key }, { orderBy: { field: 'on', direction: 'desc' } }),
    upstreamOf(store, program),
  ]);
  const [row] = ownRows({ ...program, indicators: [indicator] }, programTallyIn(program, tallies), now, upstream.links);
  const units = (await countingAwards(store, program, tallies)).filter(({ standing }) => standing.figures[indicator.key]);
  const names = await orgNames(store, [...units.map(({ application }) => application.orgId), ...claims.map((claim) => claim.orgId)]);
  return {
    row,
    units: units.map(({ application, standing }) => {
      const figure = standing.figures[indicator.key];
      return {
        applicationId: application._id,
        orgName: names.get(application.orgId) ?? '',
        projectName: application.projectName,
        committed: figure?.committed ?? 0,
        claimed: figure?.claimed ?? 0,
        pending: figure?.pending ?? 0,
        verified: figure?.verified ?? 0,
        value: figure?.value ?? null,
      };
    }),
    claims: claims.map((claim) => ({
      _id: claim._id,
      applicationId: claim.applicationId,
      orgName: names.get(claim.orgId) ?? '',
      amount: claim.amount,
      description: claim.description,
      verification: claim.verification,
      evidence: claim.fileIds.length,
      createdAt: claim.createdAt,
    })),
    values,
  };
}

export async function recordIndicatorValue(
  input: ParsedInput<'indicator.record'>,
  context: HandlerContext,
): Promise<ActionOutput<'indicator.record'>> {
  const { deps, caller, now } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const indicator = indicatorByKey(program, input.indicatorKey);
  if (!indicator) throw new AppError('INDICATOR_UNKNOWN', input.indicatorKey);
  if (isSummable(indicator)) throw new AppError('INVALID_INPUT', `“${indicator.name}”由各奖补项目的成果填报汇总，不在此填写`);
  const issue = valueIssue(indicator, input.value);
  if (issue) throw new AppError('INVALID_INPUT', issue);
  if (input.on > shanghaiDay(now)) throw new AppError('INVALID_INPUT', '数值日期不能晚于今天');
  const stamp = now.toISOString();
  const record: IndicatorValue = {
    _id: `value_${input.requestId}`,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    programId: program._id,
    indicatorKey: indicator.key,
    value: input.value,
    on: input.on,
    evidence: input.evidence,
    link: input.link,
    recordedBy: caller.user._id,
    recordedByName: caller.user.name,
  };
  return deps.store.transaction(async (tx) => {
    const existing = await tx.get('indicatorValues', record._id);
    if (existing) {
      // A retried send returns what was recorded; the same id from another programme or person is not theirs.
      if (existing.programId !== record.programId || existing.recordedBy !== record.recordedBy) throw new AppError('CONFLICT');
      return existing;
    }
    await tx.create('indicatorValues', record);
    await recordProgramValue(tx, program, indicator.key, record.value, record.on, now);
    await writeAudit(
      tx,
      [{ action: 'recordValue', from: null, to: `${indicator.name} ${record.value}（${record.on}）`, reason: record.evidence }],
      { entity: 'indicatorValue', id: record._id, version: 1 },
      caller.actor,
      now,
      deps.newId,
    );
    return record;
  });
}
