// How far an award is on one indicator: committed in the application, claimed (not rejected) and verified.
import { claimedAmounts } from '@/core/kpi/report-ledger';
import type { ApplicationDetail } from '@/core/schemas/actions';

export interface IndicatorProgress {
  committed: number | null;
  claimed: number;
  verified: number;
}

export function indicatorProgress(detail: Pick<ApplicationDetail, 'application' | 'claims'>, indicatorKey: string): IndicatorProgress {
  const committed = detail.application.commitments.find((commitment) => commitment.indicatorKey === indicatorKey)?.amount ?? null;
  const { verified, pending } = claimedAmounts(detail.claims, indicatorKey);
  return { committed, claimed: verified + pending, verified };
}

/** The picker's order: the indicators the application committed to first (in the order it committed them), then the rest. */
export function committedFirst<T extends { key: string }>(indicators: readonly T[], commitments: readonly { indicatorKey: string }[]): T[] {
  const rank = new Map(commitments.map((commitment, index) => [commitment.indicatorKey, index]));
  const committed = indicators.filter((indicator) => rank.has(indicator.key));
  committed.sort((a, b) => rank.get(a.key)! - rank.get(b.key)!);
  return [...committed, ...indicators.filter((indicator) => !rank.has(indicator.key))];
}

/**
 * A warning, not a refusal, when this claim would take what is claimed (not rejected) past what was committed;
 * null when it stays within it, or when nothing was committed for the indicator.
 */
export function pastCommitmentWarning(progress: IndicatorProgress, amount: number, unit: string): string | null {
  if (progress.committed === null || !Number.isInteger(amount) || amount <= 0) return null;
  const total = progress.claimed + amount;
  if (total <= progress.committed) return null;
  return `填报后合计 ${total} ${unit}，超过承诺的 ${progress.committed} ${unit}；可以提交，超出部分同样需秘书处核实`;
}
