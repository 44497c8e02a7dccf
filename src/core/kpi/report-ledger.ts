// Reports and claims are one ledger of an award's figures. A report shows, per committed indicator, what the
// claims already hold (verified, pending) and asks only for the shortfall against the commitment; each figure it
// takes becomes a claim that waits for the secretariat's verification like any other.
import type { Claim, Commitment } from '../schemas/documents';

export type ReportKind = 'midterm' | 'final' | 'rectification';

export const reportTitles: Record<ReportKind, string> = { midterm: '中期报告', final: '结项报告', rectification: '整改报告' };

/** What an award's claims hold on one indicator; a rejected claim holds nothing. */
export interface ClaimedAmounts {
  verified: number;
  pending: number;
}

export function claimedAmounts(
  claims: readonly Pick<Claim, 'indicatorKey' | 'amount' | 'verification'>[],
  indicatorKey: string,
): ClaimedAmounts {
  const sum = (verification: Claim['verification']) =>
    claims
      .filter((claim) => claim.indicatorKey === indicatorKey && claim.verification === verification)
      .reduce((total, claim) => total + claim.amount, 0);
  return { verified: sum('verified'), pending: sum('pending') };
}

/** One committed indicator as a report shows it: 承诺 / 已核实 / 待核实, and what is still missing. */
export interface ReportLine extends ClaimedAmounts {
  indicatorKey: string;
  committed: number;
  /** The shortfall the report may fill: the commitment less what is verified or waiting (0 once covered). */
  missing: number;
}

export function reportLines(
  commitments: readonly Commitment[],
  claims: readonly Pick<Claim, 'indicatorKey' | 'amount' | 'verification'>[],
): ReportLine[] {
  return commitments.map((commitment) => {
    const claimed = claimedAmounts(claims, commitment.indicatorKey);
    return {
      indicatorKey: commitment.indicatorKey,
      committed: commitment.amount,
      ...claimed,
      missing: Math.max(0, commitment.amount - claimed.verified - claimed.pending),
    };
  });
}

/**
 * Why a report cannot take this figure, in Chinese; null when it can.
 *
 * A figure above the shortfall is refused, not capped. A branch contact reads the form's 尚缺 N and types what was
 * achieved since; a larger figure most often re-counts what a claim already holds (the contact typed the running
 * total), and capping it silently would file a report that says one thing while the ledger says another. The refusal
 * names the figures now on record, so a form opened before another claim was made or verified is corrected at
 * once. Achievements past the commitment are still welcome: each goes through 成果填报 with its own evidence, where
 * the picker warns past the commitment. An indicator the award did not commit to has no shortfall: the same way.
 * A 0 asks for nothing and is always taken.
 */
export function reportFigureIssue(line: ReportLine | undefined, amount: number, indicator: { name: string; unit: string }): string | null {
  if (amount <= 0) return null;
  const elsewhere = '超出承诺的成果请在“成果填报”中逐项提交并附佐证';
  if (!line) return `未承诺“${indicator.name}”，报告中不填写；${elsewhere}`;
  if (amount <= line.missing) return null;
  const record = `承诺 ${line.committed}，已核实 ${line.verified}，待核实 ${line.pending}`;
  if (line.missing === 0) return `“${indicator.name}”已填报足额（${record}），本报告不再填写；${elsewhere}`;
  return `“${indicator.name}”本次最多填报 ${line.missing} ${indicator.unit}（${record}）；${elsewhere}`;
}

/** The description a claim made from a report carries, naming the report and how its evidence was attached. */
export function reportClaimDescription(kind: ReportKind, reportFiles: number, attached: number): string {
  const base = `${reportTitles[kind]}填报`;
  return attached < reportFiles ? `${base}（佐证材料共 ${reportFiles} 个，此处附前 ${attached} 个，其余见报告）` : base;
}
