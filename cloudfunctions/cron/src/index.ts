// The deployed `cron` cloud function (timer trigger, see cloudbaserc.json): closes ended publicity into
// approval, carries on batch jobs (also alone, every minute), fails overdue rectifications and sends reminders, with
// the same ports as `api`.
// Invoked by hand with {"task": "repairLedgers"} it recomputes the running totals (programme counts and the
// indicator ledger) from the records instead and reports the drift; {"task": "repairIndicatorLedger"} only the latter.
import { cloud } from '../../api/src/index';
import { repairIndicatorLedger } from '../../api/src/indicator-ledger';
import { repairLedgers } from '../../api/src/ledger-repair';
import { runBatchWork, runScheduledWork } from '../../api/src/scheduled';

/** The timer trigger that only carries batch jobs on (cloudbaserc.json), every minute. */
export const BATCH_TRIGGER = 'batch-every-minute';

export async function main(event?: { task?: string; TriggerName?: string }): Promise<unknown> {
  const { deps } = cloud();
  if (event?.TriggerName === BATCH_TRIGGER) {
    const settled = await runBatchWork(deps);
    if (settled > 0) console.log('[cron] batch items settled', settled);
    return { batchItems: settled };
  }
  if (event?.task === 'repairLedgers') {
    const report = await repairLedgers(deps.store, deps.clock.now());
    const drifted = report.programTotals.length + report.indicators.length;
    console.log(
      '[cron] ledgers repaired',
      JSON.stringify({ drifted, skipped: report.skipped, drift: [...report.programTotals, ...report.indicators].slice(0, 50) }),
    );
    return { drifted, ...report };
  }
  if (event?.task === 'repairIndicatorLedger') {
    const drift = await repairIndicatorLedger(deps.store, deps.clock.now());
    console.log('[cron] indicator ledger repaired', JSON.stringify({ drifted: drift.length, drift: drift.slice(0, 50) }));
    return { drifted: drift.length, drift };
  }
  const report = await runScheduledWork(deps);
  console.log('[cron]', JSON.stringify(report));
  return report;
}
