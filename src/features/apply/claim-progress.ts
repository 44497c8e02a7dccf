// How far an award is on one indicator: committed in the application, claimed (not rejected) and verified.
import type { ApplicationDetail } from '@/core/schemas/actions';

export interface IndicatorProgress {
  committed: number | null;
  claimed: number;
  verified: number;
}

export function indicatorProgress(detail: Pick<ApplicationDetail, 'application' | 'claims'>, indicatorKey: string): IndicatorProgress {
  const committed = detail.application.commitments.find((commitment) => commitment.indicatorKey === indicatorKey)?.amount ?? null;
  const claims = detail.claims.filter((claim) => claim.indicatorKey === indicatorKey && claim.verification !== 'rejected');
  return {
    committed,
    claimed: claims.reduce((sum, claim) => sum + claim.amount, 0),
    verified: claims.filter((claim) => claim.verification === 'verified').reduce((sum, claim) => sum + claim.amount, 0),
  };
}
