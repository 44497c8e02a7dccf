// The indicator ledger rolled up for the dashboard: one row per indicator of the programme.
import { isSummable, type Indicator, type Program } from '../program/program-schema';
import type { Application, Claim } from '../schemas/documents';
import { statusTable } from '../workflow/award-workflow';

export interface IndicatorRow {
  key: string;
  name: string;
  dimension: Indicator['dimension'];
  kind: Indicator['kind'];
  unit: string;
  target: number;
  provinceMinimum: number | null;
  /** Summed from granted awards' commitments; null for kinds reported at society level. */
  committed: number | null;
  /** Claimed by granted awards and not rejected by the secretariat. */
  claimed: number | null;
  /** Claims the secretariat verified against their evidence: what counts toward the target. */
  verified: number | null;
  /** How much the verified total still falls short of the target (0 once reached). */
  gap: number | null;
  /** Whether the granted commitments alone reach the target (a risk the day a plan cannot). */
  committedCoversTarget: boolean | null;
}

/** Awards whose commitments and claims count: granted, and not failed at acceptance. */
export function counts(application: Pick<Application, 'status'>): boolean {
  return statusTable[application.status].granted && application.status !== 'failed';
}

export function rollUpIndicators(
  program: Pick<Program, 'indicators'>,
  applications: readonly Pick<Application, '_id' | 'status' | 'commitments'>[],
  claims: readonly Pick<Claim, 'applicationId' | 'indicatorKey' | 'amount' | 'verification'>[],
): IndicatorRow[] {
  const granted = applications.filter(counts);
  const grantedIds = new Set(granted.map((application) => application._id));
  return program.indicators.map((indicator) => {
    const summable = isSummable(indicator);
    const sumClaims = (accept: (claim: (typeof claims)[number]) => boolean) =>
      claims
        .filter((claim) => claim.indicatorKey === indicator.key && grantedIds.has(claim.applicationId) && accept(claim))
        .reduce((total, claim) => total + claim.amount, 0);
    const committed = summable
      ? granted.reduce(
          (total, application) =>
            total + application.commitments.filter((c) => c.indicatorKey === indicator.key).reduce((t, c) => t + c.amount, 0),
          0,
        )
      : null;
    const claimed = summable ? sumClaims((claim) => claim.verification !== 'rejected') : null;
    const verified = summable ? sumClaims((claim) => claim.verification === 'verified') : null;
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
      verified,
      gap: verified === null ? null : Math.max(0, indicator.target - verified),
      committedCoversTarget: committed === null ? null : committed >= indicator.target,
    };
  });
}
