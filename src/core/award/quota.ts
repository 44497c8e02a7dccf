// Category quotas and the pool, as a ledger kept in one document per programme. Shortlisting and approval
// read and update it in the same transaction as the application, so no race can pass a quota or the pool.
import { formatYuan } from '../money';
import type { Category, Program } from '../program/program-schema';
import type { Ledger } from '../schemas/documents';

export type LedgerCounts = Pick<Ledger, 'categories' | 'shortlistedFen' | 'grantedFen'>;

export function ledgerId(programId: string): string {
  return `ledger_${programId}`;
}

export function emptyCounts(program: Pick<Program, 'categories'>): LedgerCounts {
  const categories: Ledger['categories'] = {};
  for (const category of program.categories) categories[category.key] = { shortlisted: 0, granted: 0 };
  return { categories, shortlistedFen: 0, grantedFen: 0 };
}

function tally(counts: LedgerCounts, categoryKey: string) {
  return counts.categories[categoryKey] ?? { shortlisted: 0, granted: 0 };
}

export type QuotaStep = 'shortlist' | 'grant';

/** Why one more award in this category cannot be shortlisted (or granted); null when it can. */
export function quotaIssue(
  program: Pick<Program, 'poolFen'>,
  counts: LedgerCounts,
  category: Category,
  step: QuotaStep,
): { code: 'QUOTA_FULL' | 'POOL_EXHAUSTED'; detail: string } | null {
  const current = tally(counts, category.key);
  const taken = step === 'shortlist' ? current.shortlisted : current.granted;
  if (category.quotaMax !== null && taken >= category.quotaMax) {
    return { code: 'QUOTA_FULL', detail: `“${category.name}”名额 ${category.quotaMax} 个已满` };
  }
  const usedFen = step === 'shortlist' ? counts.shortlistedFen : counts.grantedFen;
  if (usedFen + category.awardAmountFen > program.poolFen) {
    return {
      code: 'POOL_EXHAUSTED',
      detail: `已用 ${formatYuan(usedFen)}，资金池 ${formatYuan(program.poolFen)}，本项 ${formatYuan(category.awardAmountFen)}`,
    };
  }
  return null;
}

/** The ledger after one award enters (delta 1) or leaves (delta -1) a step. */
export function moveCounts(counts: LedgerCounts, categoryKey: string, amountFen: number, step: QuotaStep, delta: 1 | -1): LedgerCounts {
  const current = tally(counts, categoryKey);
  const next = {
    ...current,
    [step === 'shortlist' ? 'shortlisted' : 'granted']: Math.max(0, (step === 'shortlist' ? current.shortlisted : current.granted) + delta),
  };
  return {
    categories: { ...counts.categories, [categoryKey]: next },
    shortlistedFen: step === 'shortlist' ? Math.max(0, counts.shortlistedFen + delta * amountFen) : counts.shortlistedFen,
    grantedFen: step === 'grant' ? Math.max(0, counts.grantedFen + delta * amountFen) : counts.grantedFen,
  };
}

/**
 * The ledger after categories' amounts change, and why the pool cannot take it (null when it can). Awards
 * shortlisted but not yet granted will be granted at the new amount, so they count at it; granted awards
 * keep the amount they were granted at.
 */
export function repricing(
  counts: LedgerCounts,
  before: readonly Pick<Category, 'key' | 'awardAmountFen'>[],
  after: readonly Pick<Category, 'key' | 'name' | 'awardAmountFen'>[],
  poolFen: number,
): { counts: LedgerCounts; issue: string | null } {
  let shortlistedFen = counts.shortlistedFen;
  const changed: string[] = [];
  for (const category of after) {
    const previous = before.find((candidate) => candidate.key === category.key);
    const current = tally(counts, category.key);
    const pending = Math.max(0, current.shortlisted - current.granted);
    if (!previous || previous.awardAmountFen === category.awardAmountFen || pending === 0) continue;
    shortlistedFen += pending * (category.awardAmountFen - previous.awardAmountFen);
    changed.push(`“${category.name}”已有 ${pending} 项拟立项，单项金额改为 ${formatYuan(category.awardAmountFen)}`);
  }
  const issue =
    changed.length > 0 && shortlistedFen > poolFen
      ? `${changed.join('；')}，拟立项合计 ${formatYuan(shortlistedFen)}，超过资金池 ${formatYuan(poolFen)}`
      : null;
  return { counts: { ...counts, shortlistedFen }, issue };
}
