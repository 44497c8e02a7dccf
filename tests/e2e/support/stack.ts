// Starts the real local server (the bundled one `npm start` runs) on a free port with a fresh data folder,
// and Debian's Chromium at a phone viewport.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { spawnLocalServer } from '../../support/local-server-process';

const root = path.resolve(__dirname, '../../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(root, 'test-results', 'e2e');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

export interface LocalStack {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
  /** Stops and starts the server on the same data; its clock carries on from where it was. */
  restart(): Promise<void>;
  /**
   * Jumps the server's clock (the demo/test-only POST /demo/clock) and runs the timer's work at once, e.g.
   * closing ended publicity notices into approval. Answers the server's new time.
   */
  setClock(iso: string): Promise<{ now: string; closedPublicities: number }>;
}

/** The server clock starts here (main.ts's DEMO_CLOCK default): a Monday during the 2023 call. */
export const DEMO_START = '2023-07-03T09:00:00+08:00';

export async function startLocalStack(): Promise<LocalStack> {
  for (const required of ['dist-h5/index.html', '.build/local-server.cjs']) {
    if (!existsSync(path.join(root, required)))
      throw new Error(`${required} is missing: run npm run build:h5 and npm run build:server first`);
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-e2e-'));
  const port = await freePort();
  let child: ChildProcess | null = null;
  // Where the server's clock was last put, and when: a restart carries the clock on from there.
  let clock = { at: new Date(DEMO_START).getTime(), setAt: Date.now() };

  const launch = async () => {
    child = await spawnLocalServer(
      root,
      {
        PORT: String(port),
        DATA_DIR: dataDir,
        STATIC_DIR: path.join(root, 'dist-h5'),
        DEMO_CLOCK: new Date(clock.at + (Date.now() - clock.setAt)).toISOString(),
        DEMO_CLOCK_CONTROL: '1',
        // The tests move time themselves; the interval timer would only add noise.
        CRON_INTERVAL_MS: String(60 * 60 * 1000),
      },
      20_000,
    );
  };

  const stopChild = () =>
    new Promise<void>((resolve) => {
      const running = child;
      if (!running || running.exitCode !== null) return resolve();
      running.on('exit', () => resolve());
      running.kill('SIGTERM');
    });

  await launch();
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    dataDir,
    async stop() {
      await stopChild();
      rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await stopChild();
      await launch();
    },
    async setClock(iso: string) {
      const response = await fetch(`${url}demo/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ at: iso }),
      });
      const body = (await response.json()) as { ok: boolean; data?: { now: string; closedPublicities: number }; error?: unknown };
      if (!body.ok || !body.data) throw new Error(`POST /demo/clock ${iso} failed: ${JSON.stringify(body.error)}`);
      clock = { at: new Date(body.data.now).getTime(), setAt: Date.now() };
      return body.data;
    },
  };
}

export function chromiumVersion(): string {
  return spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
}

/** A phone: 375×812, touch, Chinese, Shanghai time. */
export const PHONE = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
} as const;

export async function launchPhone(): Promise<{ browser: Browser; context: BrowserContext; page: Page }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ], // Playwright gives every launch a fresh, empty profile of its own.
  });
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { browser, context, page };
}
