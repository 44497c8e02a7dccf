// A programme's application counts as running totals, kept on its quota ledger document and moved in the same
// transaction as each application change: how many are in each status, in each category, with each section
// written, how many hold an award, what is granted and what is paid. The board and the programme editor read
// these instead of every application; the repair recomputes them from the records with the same functions.
import type { Application, ProgramTotals } from '../schemas/documents';

type Counted = Pick<Application, 'status' | 'categoryKey' | 'sections' | 'awardFen' | 'payout'>;

export function emptyTotals(): ProgramTotals {
  return { applications: 0, statuses: {}, categories: {}, sections: {}, awarded: 0, awardedFen: 0, paidFen: 0 };
}

/** What one application adds to its programme's totals. */
export function contributionOf(application: Counted): ProgramTotals {
  const sections: Record<string, number> = {};
  for (const [key, body] of Object.entries(application.sections)) if (body?.trim()) sections[key] = 1;
  return {
    applications: 1,
    statuses: { [application.status]: 1 },
    categories: { [application.categoryKey]: 1 },
    sections,
    awarded: application.awardFen !== null ? 1 : 0,
    // The board's 已立项金额: what the awards not failed were granted at.
    awardedFen: application.status === 'failed' ? 0 : (application.awardFen ?? 0),
    paidFen: application.payout?.amountFen ?? 0,
  };
}

function addCounts(into: Record<string, number>, from: Record<string, number | undefined>, sign: 1 | -1): Record<string, number> {
  const next = { ...into };
  for (const [key, count] of Object.entries(from)) {
    const value = (next[key] ?? 0) + sign * (count ?? 0);
    if (value === 0) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** totals + sign × part, field by field (zero counts are left out, so equal totals compare equal). */
export function combineTotals(totals: ProgramTotals, part: ProgramTotals, sign: 1 | -1): ProgramTotals {
  return {
    applications: totals.applications + sign * part.applications,
    statuses: addCounts(totals.statuses, part.statuses, sign),
    categories: addCounts(totals.categories, part.categories, sign),
    sections: addCounts(totals.sections, part.sections, sign),
    awarded: totals.awarded + sign * part.awarded,
    awardedFen: totals.awardedFen + sign * part.awardedFen,
    paidFen: totals.paidFen + sign * part.paidFen,
  };
}

/** The totals after one application changes (before null: created; after null: gone). */
export function movedTotals(totals: ProgramTotals | undefined, before: Counted | null, after: Counted | null): ProgramTotals {
  let next = totals ?? emptyTotals();
  if (before) next = combineTotals(next, contributionOf(before), -1);
  if (after) next = combineTotals(next, contributionOf(after), 1);
  return next;
}

/** The totals recomputed from the records. */
export function totalsOf(applications: Iterable<Counted>): ProgramTotals {
  let totals = emptyTotals();
  for (const application of applications) totals = combineTotals(totals, contributionOf(application), 1);
  return totals;
}

/** One field the stored totals hold differently from the records ("statuses.draft", "paidFen"…). */
export interface TotalsDrift {
  field: string;
  stored: number;
  expected: number;
}

/** Where stored totals differ from recomputed ones; an empty list when they agree. */
export function totalsDrift(stored: ProgramTotals | undefined, expected: ProgramTotals): TotalsDrift[] {
  const held = stored ?? emptyTotals();
  const drift: TotalsDrift[] = [];
  const compare = (field: string, have: number, want: number) => {
    if (have !== want) drift.push({ field, stored: have, expected: want });
  };
  for (const field of ['applications', 'awarded', 'awardedFen', 'paidFen'] as const) compare(field, held[field], expected[field]);
  for (const group of ['statuses', 'categories', 'sections'] as const) {
    const have: Record<string, number | undefined> = held[group];
    const want: Record<string, number | undefined> = expected[group];
    for (const key of new Set([...Object.keys(have), ...Object.keys(want)])) compare(`${group}.${key}`, have[key] ?? 0, want[key] ?? 0);
  }
  return drift;
}
