// `npm start`: the local stack on 127.0.0.1 with the embedded store, demo data and the H5 build.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { formatShanghaiDateTime } from '@/core/calendar/shanghai';
import { shiftedClock, systemClock } from '../../api/src/adapters/clocks';
import { EmbeddedStore } from '../../api/src/adapters/embedded-store';
import { RecordingContentCheck } from '../../api/src/adapters/local-content-check';
import { LocalFiles } from '../../api/src/adapters/local-files';
import { QrMiniCodes } from '../../api/src/adapters/local-mini-codes';
import { RecordingNotifier } from '../../api/src/adapters/local-notifier';
import { newId } from '../../api/src/ids';
import { receiveMediaCheck } from '../../api/src/moderation';
import { runScheduledWork } from '../../api/src/scheduled';
import { seedDemoData } from '../../api/src/seed/seed';
import { setupCodeFrom } from '../../api/src/setup-code';
import { templatesFrom } from '../../api/src/templates';
import { createLocalServer } from './server';
import { loadOrCreateSecret } from './session';

// The demo programme's call ran in the second half of 2023: by default the server's clock starts in it.
const DEFAULT_DEMO_CLOCK = '2023-07-03T09:00:00+08:00';
const CRON_INTERVAL_MS = Number(process.env.CRON_INTERVAL_MS ?? 60_000);
// Soon enough that a verdict lands before anyone acts on the photo (it changes the record's version).
const MEDIA_VERDICT_DELAY_MS = Number(process.env.MEDIA_VERDICT_DELAY_MS ?? 200);

async function main(): Promise<void> {
  const root = process.cwd();
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? '.data');
  const staticDir = path.resolve(root, process.env.STATIC_DIR ?? 'dist-h5');
  const port = Number(process.env.PORT ?? 8787);
  // Demo mode (the default): seeds demo data and offers demo sign-in. DEMO_MODE=0 runs without both.
  const demo = process.env.DEMO_MODE !== '0';
  const clockSetting = process.env.DEMO_CLOCK ?? DEFAULT_DEMO_CLOCK;
  const demoClock = clockSetting === 'real' ? null : shiftedClock(clockSetting);
  const clock = demoClock ?? systemClock;

  mkdirSync(path.join(dataDir, 'db'), { recursive: true });
  const secret = loadOrCreateSecret(dataDir);
  const store = new EmbeddedStore(path.join(dataDir, 'db'));
  const files = new LocalFiles(path.join(dataDir, 'files'), secret, clock);
  const { created } = demo ? await seedDemoData(store, clock) : { created: 0 };
  const deps = {
    store,
    files,
    clock,
    newId,
    notifier: new RecordingNotifier(),
    templates: templatesFrom(process.env.SUBSCRIBE_TEMPLATES, 'local'),
    contentCheck: new RecordingContentCheck(),
    // The QR code points at this server's H5 build; PUBLIC_URL when phones reach it by another address.
    miniCodes: new QrMiniCodes(process.env.PUBLIC_URL ?? `http://127.0.0.1:${port}`),
    setupCode: setupCodeFrom(process.env.SETUP_CODE),
  };
  // WeChat's asynchronous verdict on each photo, played locally a moment after the check starts.
  deps.contentCheck.pushVerdicts((event) => receiveMediaCheck(deps, event), MEDIA_VERDICT_DELAY_MS);
  const clockControl = demo && process.env.DEMO_CLOCK_CONTROL === '1' ? demoClock : null;
  const server = await createLocalServer({ deps, files, secret, staticDir, demo, clockControl });
  // The local stand-in for the cron function's timer trigger.
  const timer = setInterval(() => {
    runScheduledWork(deps).catch((error: unknown) => console.error('[cron] failed', error));
  }, CRON_INTERVAL_MS);

  // PORT=0 takes a free port (benchmarks): the address printed is the one actually bound.
  const address = await server.listen({ port, host: '127.0.0.1' });
  console.log(`学会奖补通 local server: ${address}/`);
  console.log(
    `  data: ${dataDir} (${demo ? (created > 0 ? `seeded ${created} demo records` : 'demo data already present') : 'demo mode off: no demo data, no demo sign-in'})`,
  );
  console.log(
    `  server clock: ${formatShanghaiDateTime(clock.now())} (Asia/Shanghai)${clockSetting === 'real' ? '' : ` — demo clock; DEMO_CLOCK=real for today`}`,
  );
  const stop = () => {
    clearInterval(timer);
    void server
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
