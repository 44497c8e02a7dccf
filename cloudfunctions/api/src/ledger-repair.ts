// The repair command for the running totals (cron {task: 'repairLedgers'}): recomputes each programme's application
// totals and the indicator ledger from the records, reading every collection a page at a time, rewrites what
// drifted and reports it. A ledger that moved while its programme was being recounted is left for the next run.
import { totalsDrift, totalsOf, type TotalsDrift } from '@/core/award/program-totals';
import { ledgerId } from '@/core/award/quota';
import { programOf } from '@/core/program/program-schema';
import { readLedger, writeLedger } from './award-change';
import { repairIndicatorLedger, type LedgerDrift } from './indicator-ledger';
import type { Store } from './ports';

export interface ProgramTotalsDrift extends TotalsDrift {
  programId: string;
}

/** Recounts each programme's applications against its ledger's totals; rewrites the totals that drifted. */
export async function repairProgramTotals(store: Store, now: Date): Promise<{ drift: ProgramTotalsDrift[]; skipped: string[] }> {
  const drift: ProgramTotalsDrift[] = [];
  const skipped: string[] = [];
  const programs = await store.find('programs', {});
  for (const stored of programs) {
    const program = programOf(stored);
    const before = await store.get('ledgers', ledgerId(program._id));
    const applications = await store.find('applications', { programId: program._id });
    const expected = totalsOf(applications);
    const differences = totalsDrift(before?.totals, expected);
    if (differences.length === 0) continue;
    const moved = await store.transaction(async (tx) => {
      const ledger = await readLedger(tx, program);
      if ((ledger.stored?.version ?? null) !== (before?.version ?? null)) return true;
      await writeLedger(tx, program, ledger.stored, { ...ledger.counts, totals: expected }, now);
      return false;
    });
    if (moved) skipped.push(program._id);
    drift.push(...differences.map((difference) => ({ programId: program._id, ...difference })));
  }
  return { drift, skipped };
}

export interface LedgersRepair {
  /** Programme totals that differed from the records (now rewritten, unless their programme is in skipped). */
  programTotals: ProgramTotalsDrift[];
  /** Programmes whose ledger changed during the recount: run the repair again for them. */
  skipped: string[];
  /** Indicator figures that differed from the records (now rewritten). */
  indicators: LedgerDrift[];
}

/** Both ledgers, recomputed from the records; empty lists mean every running total was exact. */
export async function repairLedgers(store: Store, now: Date): Promise<LedgersRepair> {
  const { drift, skipped } = await repairProgramTotals(store, now);
  return { programTotals: drift, skipped, indicators: await repairIndicatorLedger(store, now) };
}
