// The indicator ledger rolled up for the dashboard: one row per indicator of the programme.
import { isSummable, type Indicator, type Program } from '../program/program-schema';
import type { Application, Claim } from '../schemas/documents';

export interface IndicatorRow {
  key: string;
  name: string;
  dimension: Indicator['dimension'];
  kind: Indicator['kind'];
  unit: string;
  target: number;
  provinceMinimum: number | null;
  /** Summed from approved awards' commitments; null for kinds reported at society level. */
  committed: number | null;
  claimed: number | null;
  /** Whether the approved commitments alone reach the target (a risk the day a plan cannot). */
  committedCoversTarget: boolean | null;
}

export function rollUpIndicators(
  program: Pick<Program, 'indicators'>,
  applications: readonly Pick<Application, '_id' | 'status' | 'commitments'>[],
  claims: readonly Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount'>[],
): IndicatorRow[] {
  const approved = applications.filter((application) => application.status === 'approved');
  const approvedIds = new Set(approved.map((application) => application._id));
  return program.indicators.map((indicator) => {
    const summable = isSummable(indicator);
    const committed = summable
      ? approved.reduce(
          (total, application) =>
            total + application.commitments.filter((c) => c.indicatorKey === indicator.key).reduce((t, c) => t + c.amount, 0),
          0,
        )
      : null;
    const claimed = summable
      ? claims
          .filter((claim) => claim.indicatorKey === indicator.key && approvedIds.has(claim.applicationId))
          .reduce((total, claim) => total + claim.amount, 0)
      : null;
    return {
      key: indicator.key,
      name: indicator.name,
      dimension: indicator.dimension,
      kind: indicator.kind,
      unit: indicator.unit,
      target: indicator.target,
      provinceMinimum: indicator.upstream?.minimum ?? null,
      committed,
      claimed,
      committedCoversTarget: committed === null ? null : committed >= indicator.target,
    };
  });
}
