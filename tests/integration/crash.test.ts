// The local server killed with SIGKILL in the middle of a stream of writes, again and again, each time
// restarted on the same data: every write it acknowledged is still there, and every version of every
// application has its audit entry. Talks to the server only over HTTP, as the H5 build does.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PROGRAM_ID, completeContent, requestId } from '../support/harness';

const ROOT = path.resolve(__dirname, '../..');
const BUNDLE = path.join(ROOT, '.build', 'local-server.cjs');
/** Five in `npm test`; CRASH_KILLS=50 for a longer hunt (the old store lost an audit entry about once in seven kills). */
const KILLS = Number(process.env.CRASH_KILLS ?? 5);
/** Three units write at once, each to its own drafts. */
const WRITERS = ['user-contact-structure', 'user-contact-academic', 'user-contact-design'];

jest.setTimeout(60_000 + KILLS * 10_000);

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The bundle `npm start` runs, built again when missing or older than the code it bundles. */
function ensureBundle(): void {
  const sources = ['cloudfunctions/api/src', 'cloudfunctions/local-server/src', 'src/core'].map((folder) =>
    newestSource(path.join(ROOT, folder)),
  );
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= Math.max(...sources)) return;
  const built = spawnSync(process.execPath, ['scripts/build-functions.mjs', 'server'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the local server failed:\n${built.stdout}${built.stderr}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let dataDir: string;
let staticDir: string;
let port: number;
let child: ChildProcess | null = null;
let output = '';

async function start(): Promise<void> {
  output = '';
  child = spawn(process.execPath, [BUNDLE], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      STATIC_DIR: staticDir,
      // The timer's work would only add writes this test does not track.
      CRON_INTERVAL_MS: String(60 * 60 * 1000),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready when it answers: the demo accounts are the first thing a person asks for.
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (child.exitCode !== null) throw new Error(`local server exited with ${child.exitCode}:\n${output}`);
    const answered = await fetch(`http://127.0.0.1:${port}/auth/demo-accounts`).catch(() => null);
    if (answered?.ok) return;
    await sleep(100);
  }
  throw new Error(`local server did not answer:\n${output}`);
}

function stop(signal: NodeJS.Signals): Promise<void> {
  const running = child;
  child = null;
  if (!running || running.exitCode !== null || running.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    running.on('exit', () => resolve());
    running.kill(signal);
  });
}

interface Envelope {
  ok: boolean;
  data?: any;
  error?: { code: string; message: string };
}

async function post(pathname: string, body: unknown, token?: string): Promise<Envelope> {
  const response = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as Envelope;
}

async function signIn(userId: string): Promise<string> {
  const accounts = (await (await fetch(`http://127.0.0.1:${port}/auth/demo-accounts`)).json()) as Envelope;
  expect(accounts.data.map((account: { userId: string }) => account.userId)).toContain(userId);
  const session = await post('/auth/demo-login', { userId });
  if (!session.ok) throw new Error(`demo login refused: ${JSON.stringify(session.error)}`);
  return session.data.token as string;
}

/** What the server acknowledged: for each application, who made it and its last saved version and name. */
interface Acknowledged {
  userId: string;
  version: number;
  projectName: string;
}

beforeAll(async () => {
  ensureBundle();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-crash-'));
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-crash-static-'));
  port = await freePort();
});
afterAll(async () => {
  await stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(staticDir, { recursive: true, force: true });
});

// The server always runs the embedded store: the suite's second pass on the CloudBase stand-in would only repeat this.
const onEmbeddedPass = process.env.TEST_STORE === 'cloudbase-fake' ? test.skip : test;

onEmbeddedPass('SIGKILL during a stream of writes loses nothing acknowledged and leaves no version without its audit entry', async () => {
  const acknowledged = new Map<string, Acknowledged>();
  const unexpected: string[] = [];
  let creates = 0;
  let saves = 0;
  const delays: number[] = [];

  for (let kill = 0; kill < KILLS; kill += 1) {
    await start();
    const tokens = await Promise.all(WRITERS.map(signIn));
    let killed = false;
    // Each writer: a new draft, then save it again and again with a new name, until the process dies.
    const writer = async (userId: string, token: string) => {
      let sequence = 0;
      while (!killed) {
        try {
          const created = await post(
            '/api',
            { action: 'application.create', input: { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() } },
            token,
          );
          if (!created.ok) throw new Error(`create refused: ${created.error?.code}`);
          creates += 1;
          let { version, projectName } = created.data as { version: number; projectName: string };
          acknowledged.set(created.data._id, { userId, version, projectName });
          for (let round = 0; round < 8 && !killed; round += 1) {
            sequence += 1;
            const name = `抗震科普 第${kill}轮 ${sequence}稿`;
            const input = { applicationId: created.data._id, version, content: completeContent({ projectName: name }) };
            const saved = await post('/api', { action: 'application.save', input }, token);
            if (!saved.ok) throw new Error(`save refused: ${saved.error?.code}`);
            saves += 1;
            ({ version, projectName } = saved.data as { version: number; projectName: string });
            acknowledged.set(created.data._id, { userId, version, projectName });
          }
        } catch (error) {
          if (!killed) unexpected.push(String(error));
          return;
        }
      }
    };
    const writing = Promise.all(WRITERS.map((userId, index) => writer(userId, tokens[index]!)));
    const delay = 250 + Math.floor(Math.random() * 1250);
    delays.push(delay);
    await sleep(delay);
    killed = true;
    await stop('SIGKILL');
    await writing;
  }

  await start();
  const tokens = new Map(await Promise.all(WRITERS.map(async (userId) => [userId, await signIn(userId)] as const)));
  const lost: string[] = [];
  const unaudited: string[] = [];
  for (const [applicationId, last] of acknowledged) {
    const detail = await post('/api', { action: 'application.get', input: { applicationId } }, tokens.get(last.userId));
    if (!detail.ok) {
      lost.push(`${applicationId}: ${detail.error?.code}`);
      continue;
    }
    const { version, projectName } = detail.data.application as { version: number; projectName: string };
    // At most the one save in flight when the process died may have landed after the last acknowledged one.
    if (version < last.version || version > last.version + 1 || (version === last.version && projectName !== last.projectName)) {
      lost.push(`${applicationId}: acknowledged v${last.version} "${last.projectName}", stored v${version} "${projectName}"`);
    }
    const audited = (detail.data.audit as { entityVersion: number }[]).map((entry) => entry.entityVersion).sort((a, b) => a - b);
    const expected = Array.from({ length: version }, (_, index) => index + 1);
    if (JSON.stringify(audited) !== JSON.stringify(expected)) unaudited.push(`${applicationId} v${version}: audit ${audited.join(',')}`);
  }
  await stop('SIGTERM');

  console.log(
    `crash test: ${KILLS} SIGKILLs (after ${delays.join(', ')} ms of writing), ${creates + saves} acknowledged writes ` +
      `(${creates} creates, ${saves} saves) on ${acknowledged.size} applications; lost ${lost.length}, without audit ${unaudited.length}`,
  );
  expect(unexpected).toEqual([]);
  expect(lost).toEqual([]);
  expect(unaudited).toEqual([]);
  expect(creates + saves).toBeGreaterThan(KILLS * WRITERS.length);
});
