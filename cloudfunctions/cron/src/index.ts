// The deployed `cron` cloud function (timer trigger, see cloudbaserc.json): closes ended publicity into
// approval, fails overdue rectifications and sends reminders, with the same ports as `api`.
import { cloud } from '../../api/src/index';
import { runScheduledWork } from '../../api/src/scheduled';

export async function main(): Promise<unknown> {
  const report = await runScheduledWork(cloud().deps);
  console.log('[cron]', JSON.stringify(report));
  return report;
}
