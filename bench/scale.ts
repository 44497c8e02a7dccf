// `npm run bench` (issue 11, item 7): figures and ratios at 1× and 100× data, printed as one table and written to
// bench/results/latest.json. Not a test: it measures, and says which goal each figure meets.
//
// Run through bench/run.mjs, which bundles this file (the api's own modules, as the tests run them).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CloudbaseStore } from '../cloudfunctions/api/src/adapters/cloudbase-store';
import { EmbeddedStore } from '../cloudfunctions/api/src/adapters/embedded-store';
import type { Store } from '../cloudfunctions/api/src/ports';
import { fakeCloudbaseDatabase } from '../tests/support/fake-cloudbase';
import { spawnLocalServer } from '../tests/support/local-server-process';
import { OPENID, PROGRAM_ID, requestId, startHarness, type Harness } from '../tests/support/harness';
import { collectionNames } from '../tests/support/store-snapshot';
import { countingStore } from './counting';
import { PUBLICITY, SIZES, batchAction, buildDataSet, type DataSet, type Shape } from './data-sets';

const root = process.cwd();
const log = (line: string) => console.log(line);
/** Rounds of the read timings (both sizes in turn); the figure is their median. */
const READ_ROUNDS = 3;

/** A full collection between measurements, when node runs with --expose-gc (bench/run.mjs starts it so). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// ---------------------------------------------------------------------------------------------------------------
// Data sets, cached under .data/bench/<name> and keyed by a hash of the code that builds them (the builder, the test
// support it drives the api with, the api and the core): any change to those builds them again.

const KEYED_SOURCES = ['bench/data-sets.ts', 'tests/support', 'cloudfunctions/api/src', 'src/core'];

function filesUnder(entry: string): string[] {
  const full = path.join(root, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [entry];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(path.join(entry, name)));
}

function sourceKey(): string {
  const hash = createHash('sha256');
  for (const file of KEYED_SOURCES.flatMap(filesUnder))
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(path.join(root, file)))
      .update('\0');
  return hash.digest('hex').slice(0, 16);
}

interface Cached extends DataSet {
  key: string;
  dir: string;
  /** True when this run built it (false: taken from the cache). */
  built: boolean;
}

/**
 * The data set, from the cache or built through the api: in the embedded store kept in memory (the same adapter and
 * code paths; only the disk is left out while building), then written out as the store's collection files.
 */
async function dataSet(name: string, shape: Shape, key: string): Promise<Cached> {
  const dir = path.join(root, '.data', 'bench', name);
  const metaFile = path.join(dir, 'meta.json');
  if (existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as Cached;
    if (meta.key === key) {
      log(`data set ${name}: cached (built in ${(meta.buildMs / 1000).toFixed(1)} s, key ${key})`);
      return { ...meta, dir, built: false };
    }
  }
  log(`data set ${name}: building through the api (${shape.awards} awards, ${shape.awards * shape.claimsPerAward} claims)…`);
  const h = await startHarness({ inMemory: true });
  try {
    const set = await buildDataSet(h, name, shape, log);
    const partial = `${dir}.partial`;
    rmSync(partial, { recursive: true, force: true });
    mkdirSync(path.join(partial, 'db'), { recursive: true });
    // NeDB's file format: one JSON document a line (what the store compacts its files to).
    for (const collection of collectionNames) {
      const documents = await h.store.find(collection, {});
      writeFileSync(path.join(partial, 'db', `${collection}.db`), documents.map((document) => `${JSON.stringify(document)}\n`).join(''));
    }
    const meta = { ...set, key, dir, built: true };
    writeFileSync(path.join(partial, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
    rmSync(dir, { recursive: true, force: true });
    renameSync(partial, dir);
    log(`data set ${name}: built in ${(set.buildMs / 1000).toFixed(1)} s (${set.calls} api calls)`);
    return meta;
  } finally {
    await h.close();
  }
}

/** A copy of a data set's store files in a temporary folder (the actions run on it; the cache stays as built). */
function copyOf(set: Cached): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `xhjb-bench-${set.size}-`));
  cpSync(path.join(set.dir, 'db'), path.join(dir, 'db'), { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------------------------
// The read actions, timed and counted.

/** The first award of a data set and its unit's contact (who adds a claim to it). */
interface Award {
  applicationId: string;
  contact: string;
}

interface Read {
  figure: string;
  /** Who calls: an openid, or the award's contact. */
  openid: string | 'contact';
  action: 'dashboard.get' | 'application.queue' | 'review.ranking' | 'review.mine' | 'application.get' | 'claim.add';
  input: (award: Award) => object;
  /** Read over HTTP too, for the local server's memory. */
  http: boolean;
}
const byProgram = () => ({ programId: PROGRAM_ID });
const READS: Read[] = [
  { figure: 'dashboard.get', openid: OPENID.secretary, action: 'dashboard.get', input: byProgram, http: true },
  { figure: 'application.queue (first page)', openid: OPENID.secretary, action: 'application.queue', input: byProgram, http: true },
  { figure: 'review.ranking (first page)', openid: OPENID.secretary, action: 'review.ranking', input: byProgram, http: true },
  { figure: 'review.mine', openid: OPENID.reviewer, action: 'review.mine', input: () => ({}), http: true },
  // One award's page and one claim: actions on one item, which should not see the rest at all.
  {
    figure: 'application.get',
    openid: OPENID.secretary,
    action: 'application.get',
    input: (award) => ({ applicationId: award.applicationId }),
    http: false,
  },
  {
    figure: 'claim.add',
    openid: 'contact',
    action: 'claim.add',
    input: (award) => ({
      applicationId: award.applicationId,
      requestId: requestId(),
      indicatorKey: 'published-results',
      amount: 1,
      description: '基准测试认领',
      links: ['https://www.tfkjy.cn/studio/detail?id=bench'],
    }),
    http: false,
  },
];

/** The data set's first award (its unit's contact is bench-contact-1). */
async function firstAward(store: Store): Promise<Award> {
  const [contact] = await store.find('users', { openid: 'bench-contact-1' });
  const [application] = contact ? await store.find('applications', { orgId: contact.orgId, programId: PROGRAM_ID }) : [];
  if (!contact || !application) throw new Error('the data set has no award of bench-contact-1');
  return { applicationId: application._id, contact: contact.openid };
}

interface ReadFigures {
  ms: number;
  storeCalls: number;
  found: number;
  answerBytes: number;
  cloudbaseTrips: number;
}

async function call(h: Harness, read: Read, award: Award): Promise<unknown> {
  const result = await h.raw(read.openid === 'contact' ? award.contact : read.openid, read.action, read.input(award));
  if (!result.ok) throw new Error(`${read.action} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
}

async function embeddedFigures(set: Cached, runs: number): Promise<Record<string, Omit<ReadFigures, 'cloudbaseTrips'>>> {
  const dir = copyOf(set);
  const embedded = new EmbeddedStore(path.join(dir, 'db'), { fsync: false });
  const counter = countingStore(embedded);
  const h = await startHarness({ store: counter.store });
  h.clock.set(set.now);
  const figures: Record<string, Omit<ReadFigures, 'cloudbaseTrips'>> = {};
  try {
    const award = await firstAward(embedded);
    for (const read of READS) {
      // As many warm-up calls as timed ones: the first set measured must not pay for the JIT's warming up.
      for (let warm = 0; warm < runs; warm += 1) await call(h, read, award);
      counter.reset();
      const answer = await call(h, read, award);
      const counts = counter.counts();
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = process.hrtime.bigint();
        await call(h, read, award);
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      figures[read.figure] = {
        ms: median(times),
        storeCalls: counts.total,
        found: counts.found,
        answerBytes: Buffer.byteLength(JSON.stringify(answer)),
      };
      log(`  ${set.size} ${read.figure}: ${median(times).toFixed(1)} ms, ${counts.total} Store calls`);
    }
  } finally {
    await h.close();
    await embedded.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

/** The stand-in for CloudBase's database holding a copy of the data set's documents (written straight in). */
async function cloudbaseCopy(set: Cached) {
  const dir = copyOf(set);
  const embedded = new EmbeddedStore(path.join(dir, 'db'), { fsync: false });
  const fake = fakeCloudbaseDatabase();
  for (const collection of collectionNames) {
    for (const { _id, ...document } of (await embedded.find(collection, {})) as { _id: string }[]) {
      await fake.collection(collection).doc(_id).set(document);
    }
  }
  await embedded.close();
  rmSync(dir, { recursive: true, force: true });
  let base = fake.roundTrips();
  const counter = {
    trips: () => fake.roundTrips() - base,
    reset: () => {
      base = fake.roundTrips();
    },
  };
  const store: Store = new CloudbaseStore(fake);
  const h = await startHarness({ store });
  h.clock.set(set.now);
  return { h, counter };
}

async function cloudbaseTrips(set: Cached): Promise<Record<string, number>> {
  const { h, counter } = await cloudbaseCopy(set);
  const trips: Record<string, number> = {};
  try {
    const award = await firstAward(h.store);
    for (const read of READS) {
      counter.reset();
      await call(h, read, award);
      trips[read.figure] = counter.trips();
      log(`  ${set.size} ${read.figure}: ${trips[read.figure]} CloudBase round trips`);
    }
  } finally {
    await h.close();
  }
  return trips;
}

/**
 * Round trips per item of the batch actions on 200 items: opening and closing the 公示, the 立项通知 for all — each
 * counted to the end of its work (where the api carries a batch on by the timer, the timer's runs count too).
 */
async function batchTrips(set: Cached): Promise<Record<string, { trips: number; items: number; runs: number; ms: number }>> {
  const { h, counter } = await cloudbaseCopy(set);
  const figures: Record<string, { trips: number; items: number; runs: number; ms: number }> = {};
  const measure = async (figure: string, action: string, input: object) => {
    counter.reset();
    const started = Date.now();
    const settled = await batchAction(h, action, input);
    const refused = settled.outcomes.filter((outcome) => !outcome.ok).length;
    if (refused > 0) throw new Error(`${action}: ${refused} of ${settled.outcomes.length} refused`);
    const items = settled.outcomes.length || ((settled.answer as { publicity?: { entries: unknown[] } }).publicity?.entries.length ?? 0);
    figures[figure] = { trips: counter.trips(), items, runs: settled.runs, ms: Date.now() - started };
    log(`  ${figure}: ${counter.trips()} round trips for ${items} items (${settled.runs} timer runs, ${Date.now() - started} ms)`);
    return settled.answer;
  };
  try {
    const { publicity } = (await measure('publicity.open', 'publicity.open', PUBLICITY)) as { publicity: { _id: string; endsAt: string } };
    h.clock.set(new Date(new Date(publicity.endsAt).getTime() + 60_000).toISOString());
    await measure('publicity.close', 'publicity.close', { publicityId: publicity._id });
    const approved = await h.store.find('applications', { programId: PROGRAM_ID, status: 'approved' });
    await measure('application.decideMany (立项通知)', 'application.decideMany', {
      items: approved.map((application) => ({ applicationId: application._id, version: application.version })),
      decision: 'issueNotice',
    });
  } finally {
    await h.close();
  }
  return figures;
}

// ---------------------------------------------------------------------------------------------------------------
// The local server: peak memory while it serves the read actions over HTTP, and requests per second.

function buildServer(): void {
  const result = spawnSync('npm', ['run', '--silent', 'build:server'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('npm run build:server failed');
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

interface ServerRun {
  base: string;
  pid: number;
  post(token: string | null, body: unknown): Promise<{ status: number; text: string }>;
  signIn(userId: string): Promise<string>;
  stop(): Promise<void>;
}

async function startServer(set: Cached): Promise<ServerRun> {
  const dataDir = copyOf(set);
  const staticDir = path.join(dataDir, 'static');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><body></body></html>');
  const port = await freePort();
  const child = await spawnLocalServer(
    root,
    { PORT: String(port), DATA_DIR: dataDir, STATIC_DIR: staticDir, DEMO_CLOCK: set.now, CRON_INTERVAL_MS: '3600000' },
    120_000,
  );
  const base = `http://127.0.0.1:${port}`;
  const post = async (url: string, token: string | null, body: unknown) => {
    const response = await fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, text: await response.text() };
  };
  return {
    base,
    pid: child.pid!,
    post: (token, body) => post('/api', token, body),
    async signIn(userId) {
      const { text } = await post('/auth/demo-login', null, { userId });
      const parsed = JSON.parse(text) as { ok: boolean; data?: { token: string } };
      if (!parsed.ok || !parsed.data) throw new Error(`demo-login ${userId}: ${text}`);
      return parsed.data.token;
    },
    async stop() {
      child.removeAllListeners('exit');
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          child.on('exit', () => resolve());
          child.kill('SIGTERM');
        });
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const SIGN_IN = { [OPENID.secretary]: 'user-secretary', [OPENID.reviewer]: 'user-reviewer' } as Record<string, string>;

/** Peak resident memory (VmHWM, and RSS sampled every 20 ms) while the server answers each read action `rounds` times. */
async function serverMemory(set: Cached, rounds: number) {
  const server = await startServer(set);
  try {
    const startedKb = statusKb(server.pid, 'VmRSS');
    let sampledKb = startedKb;
    const sampler = setInterval(() => {
      sampledKb = Math.max(sampledKb, statusKb(server.pid, 'VmRSS'));
    }, 20);
    const tokens = new Map<string, string>();
    for (const [openid, userId] of Object.entries(SIGN_IN)) tokens.set(openid, await server.signIn(userId));
    const httpMs: Record<string, number> = {};
    for (const read of READS.filter((candidate) => candidate.http)) {
      const times: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        const started = Date.now();
        const input = read.input({ applicationId: '', contact: '' });
        const { status, text } = await server.post(tokens.get(read.openid)!, { action: read.action, input });
        if (status !== 200 || !(JSON.parse(text) as { ok: boolean }).ok)
          throw new Error(`${read.action} over HTTP: ${status} ${text.slice(0, 200)}`);
        times.push(Date.now() - started);
      }
      httpMs[read.figure] = median(times);
    }
    clearInterval(sampler);
    const peakKb = statusKb(server.pid, 'VmHWM');
    log(`  ${set.size} server: ${(startedKb / 1024).toFixed(0)} MB after start, peak ${(peakKb / 1024).toFixed(0)} MB`);
    return { startedMb: startedKb / 1024, peakMb: peakKb / 1024, sampledPeakMb: Math.max(sampledKb, 0) / 1024, httpMs };
  } finally {
    await server.stop();
  }
}

/** The local api's requests per second against a bare Node server sending the same body (bench/local-api.mjs when there). */
interface LocalApiFigures {
  source: string;
  ratio?: number;
  apiP99Ms?: number;
  [figure: string]: unknown;
}

async function localApi(set: Cached): Promise<LocalApiFigures> {
  // The pkg helper's bench (branch wt-pkg): the demo data, a signed api call, a bare server in its own process.
  const helper = path.join(root, 'bench', 'local-api.mjs');
  if (existsSync(helper)) {
    type Run = { rps: number; p99Ms: number; errors: number };
    const { benchLocalApi } = (await import(pathToFileURL(helper).href)) as {
      benchLocalApi?: (options: object) => Promise<{ action: string; api: Run; bare: Run; ratio: number }>;
    };
    if (benchLocalApi) {
      const result = await benchLocalApi({});
      return { ...result, source: `bench/local-api.mjs (${result.action})`, ratio: result.ratio, apiP99Ms: result.api.p99Ms };
    }
  }
  const server = await startServer(set);
  const bare = createServer();
  try {
    const token = await server.signIn('user-secretary');
    const request = { action: 'program.get', input: { programId: PROGRAM_ID } };
    const { text: body } = await server.post(token, request);
    bare.on('request', (incoming, response) => {
      incoming.resume();
      incoming.on('end', () => response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    // autocannon ships no types: the part of its answer read here.
    const autocannon = (await import('autocannon' as string)).default as (options: object) => Promise<{
      requests: { average: number };
      latency: { p99: number };
      non2xx: number;
      errors: number;
    }>;
    const options = (url: string) => ({
      url,
      method: 'POST',
      connections: 50,
      duration: 5,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(request),
    });
    const api = await autocannon(options(`${server.base}/api`));
    const plain = await autocannon(options(`http://127.0.0.1:${(bare.address() as AddressInfo).port}/`));
    const figures = {
      source: 'bench/scale.ts (program.get, 50 connections, 5 s each)',
      apiRps: api.requests.average,
      bareRps: plain.requests.average,
      ratio: api.requests.average / plain.requests.average,
      apiP99Ms: api.latency.p99,
      non2xx: api.non2xx + api.errors,
    };
    log(`  local api ${figures.apiRps.toFixed(0)} req/s, bare Node ${figures.bareRps.toFixed(0)} req/s, p99 ${figures.apiP99Ms} ms`);
    return figures;
  } finally {
    await new Promise((resolve) => bare.close(resolve));
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Packages and photos.

function newestMtime(entry: string): number {
  return filesUnder(entry).reduce((newest, file) => Math.max(newest, statSync(path.join(root, file)).mtimeMs), 0);
}

function weappSizes(): { error: string } | { packages: Record<string, number>; printed: string } {
  const appJson = path.join(root, 'dist', 'app.json');
  const sources = Math.max(newestMtime('src'), newestMtime('config'), statSync(path.join(root, 'package.json')).mtimeMs);
  if (!existsSync(appJson) || statSync(appJson).mtimeMs < sources) {
    log('weapp build missing or older than src/: npm run build:weapp…');
    // Webpack's progress bar goes to stderr: shown only when the build fails.
    const build = spawnSync('npm', ['run', '--silent', 'build:weapp'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
    if (build.status !== 0) {
      console.error(build.stdout, build.stderr);
      return { error: 'npm run build:weapp failed' };
    }
  }
  const sizes = spawnSync(process.execPath, [path.join(root, 'scripts', 'package-sizes.mjs')], { cwd: root, encoding: 'utf8' });
  const packages = Object.fromEntries(
    sizes.stdout
      .split('\n')
      .map((line) => /^(\S+)\s+(\d+)\s+([\d.]+)/.exec(line))
      .filter((match): match is RegExpExecArray => match !== null)
      .map((match) => [match[1]!, Number(match[3]!)]),
  );
  return { packages, printed: sizes.stdout.trim() };
}

/** Builds the H5 app when dist-h5 is missing or older than src/ (as weappSizes does for the weapp). */
function h5Built(): boolean {
  const index = path.join(root, 'dist-h5', 'index.html');
  const sources = Math.max(newestMtime('src'), newestMtime('config'), statSync(path.join(root, 'package.json')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return true;
  log('H5 build missing or older than src/: npm run build:h5…');
  const build = spawnSync('npm', ['run', '--silent', 'build:h5'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (build.status !== 0) console.error(build.stdout, build.stderr);
  return build.status === 0;
}

/** A bench of the pkg helper's (branch wt-pkg) by its file and exported function, or null when it is not here. */
async function helperBench<R>(file: string, name: string): Promise<((options: object) => Promise<R>) | null> {
  const helper = path.join(root, 'bench', file);
  if (!existsSync(helper)) return null;
  const module = (await import(pathToFileURL(helper).href)) as Record<string, unknown>;
  return typeof module[name] === 'function' ? (module[name] as (options: object) => Promise<R>) : null;
}

// ---------------------------------------------------------------------------------------------------------------
// The table.

interface Row {
  figure: string;
  small: number | null;
  large: number | null;
  ratio: number | null;
  goal: string;
  met: boolean | null;
  unit: string;
}

function table(rows: Row[]): string {
  const value = (number: number | null, unit: string) =>
    number === null
      ? '—'
      : `${number >= 100 || Number.isInteger(number) ? number.toFixed(0) : number.toFixed(number >= 10 ? 1 : 2)}${unit ? ` ${unit}` : ''}`;
  const cells = [
    ['figure', '1×', '100×', 'ratio', 'goal', 'met'],
    ...rows.map((row) => [
      row.figure,
      value(row.small, row.unit),
      value(row.large, row.unit),
      row.ratio === null ? '—' : `${row.ratio.toFixed(2)}×`,
      row.goal,
      row.met === null ? '—' : row.met ? 'met' : 'NOT met',
    ]),
  ];
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((line) => [...line[column]!].length)));
  return cells
    .map((line, index) => {
      const text = line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
      return index === 0 ? `${text}\n${widths.map((width) => '-'.repeat(width)).join('  ')}` : text;
    })
    .join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  const key = sourceKey();
  const only = new Set((process.env.BENCH_ONLY ?? 'data,reads,cloudbase,batch,memory,api,weapp,h5,photo').split(','));
  const small = await dataSet('1x', SIZES['1x'], key);
  // BENCH_LARGE_AWARDS=300 tries the bench on a smaller large set (for working on the bench itself).
  const largeAwards = Number(process.env.BENCH_LARGE_AWARDS ?? SIZES['100x'].awards);
  const large =
    largeAwards === SIZES['100x'].awards
      ? await dataSet('100x', SIZES['100x'], key)
      : await dataSet(`${largeAwards}awards`, { ...SIZES['100x'], awards: largeAwards }, key);
  const batch = await dataSet('batch200', { awards: 200, claimsPerAward: 0, until: 'shortlist' }, key);
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    commit: spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim(),
    dataSets: Object.fromEntries([small, large, batch].map((set) => [set.size, { ...set, dir: path.relative(root, set.dir) }])),
  };
  const rows: Row[] = [];
  const pair = (figure: string, a: number | null, b: number | null, unit: string, goal: string, met: boolean | null): Row => ({
    figure,
    small: a,
    large: b,
    ratio: a !== null && b !== null && a > 0 ? b / a : null,
    goal,
    met,
    unit,
  });
  rows.push(
    pair(
      'data set build (this run: 0 = cached)',
      small.built ? small.buildMs / 1000 : 0,
      large.built ? large.buildMs / 1000 : 0,
      's',
      '',
      null,
    ),
  );
  rows.push(pair('data set build (when built)', small.buildMs / 1000, large.buildMs / 1000, 's', '', null));

  if (only.has('reads')) {
    // Each time is a fraction of a millisecond to a few: what the process did just before (building the 100× set, a
    // collection of its heap) moves one measurement. So both sizes are measured in turn, READ_ROUNDS times, each
    // after a full collection, and each figure is the median of the rounds' medians.
    log(
      `read actions on the embedded store (${READ_ROUNDS} rounds of both sizes in turn; in each, the median of the timed runs after as many warm-up calls):`,
    );
    const rounds: { a: Awaited<ReturnType<typeof embeddedFigures>>; b: Awaited<ReturnType<typeof embeddedFigures>> }[] = [];
    for (let round = 0; round < READ_ROUNDS; round += 1) {
      collectGarbage();
      const a = await embeddedFigures(small, 15);
      collectGarbage();
      const b = await embeddedFigures(large, 5);
      rounds.push({ a, b });
    }
    const medianOf = (which: 'a' | 'b') =>
      Object.fromEntries(
        READS.map((read) => [
          read.figure,
          { ...rounds[0]![which][read.figure]!, ms: median(rounds.map((round) => round[which][read.figure]!.ms)) },
        ]),
      );
    const a = medianOf('a');
    const b = medianOf('b');
    results.reads = { '1x': a, '100x': b, rounds: rounds.map((round) => ({ '1x': round.a, '100x': round.b })) };
    for (const read of READS) {
      const x = a[read.figure]!;
      const y = b[read.figure]!;
      rows.push(pair(`${read.figure} time`, x.ms, y.ms, 'ms', '100×/1× ≤ 2', y.ms / x.ms <= 2));
    }
    for (const read of READS) {
      const x = a[read.figure]!;
      const y = b[read.figure]!;
      rows.push(pair(`${read.figure} Store calls`, x.storeCalls, y.storeCalls, '', 'the same', x.storeCalls === y.storeCalls));
    }
    for (const read of READS) {
      rows.push(pair(`${read.figure} answer`, a[read.figure]!.answerBytes / 1024, b[read.figure]!.answerBytes / 1024, 'KB', '', null));
    }
  }
  if (only.has('cloudbase')) {
    log('read actions over the CloudBase adapter on the SDK stand-in:');
    const a = await cloudbaseTrips(small);
    const b = await cloudbaseTrips(large);
    results.cloudbaseTrips = { '1x': a, '100x': b };
    for (const read of READS) {
      const x = a[read.figure]!;
      const y = b[read.figure]!;
      rows.push(pair(`${read.figure} CloudBase round trips`, x, y, '', '≤ 10', x <= 10 && y <= 10));
    }
  }
  if (only.has('batch')) {
    log('batch actions on 200 items over the CloudBase adapter on the SDK stand-in:');
    const figures = await batchTrips(batch);
    results.batch = figures;
    for (const [figure, { trips, items }] of Object.entries(figures)) {
      rows.push({
        figure: `${figure}: round trips per item (${items} items)`,
        small: null,
        large: trips / items,
        ratio: null,
        goal: '≤ 4',
        met: trips / items <= 4,
        unit: '',
      });
    }
  }
  if (only.has('memory') || only.has('api') || only.has('h5')) buildServer();
  if (only.has('memory')) {
    log('local server (.build/local-server.cjs) serving the read actions over HTTP:');
    const a = await serverMemory(small, 5);
    const b = await serverMemory(large, 3);
    results.serverMemory = { '1x': a, '100x': b };
    rows.push(pair('local server peak memory (VmHWM)', a.peakMb, b.peakMb, 'MB', '100×: ≤ 400 MB', b.peakMb <= 400));
  }
  if (only.has('api')) {
    log('local api against a bare Node server (1× data):');
    const figures = await localApi(small);
    results.localApi = figures;
    const ratio = typeof figures.ratio === 'number' ? figures.ratio : null;
    const p99 = typeof figures.apiP99Ms === 'number' ? figures.apiP99Ms : null;
    rows.push({
      figure: 'local api req/s ÷ bare Node',
      small: ratio,
      large: null,
      ratio: null,
      goal: '≥ 0.3',
      met: ratio === null ? null : ratio >= 0.3,
      unit: '',
    });
    rows.push({
      figure: 'local api p99 at 50 connections',
      small: p99,
      large: null,
      ratio: null,
      goal: '≤ 50 ms',
      met: p99 === null ? null : p99 <= 50,
      unit: 'ms',
    });
  }
  if (only.has('weapp')) {
    const sizes = weappSizes();
    results.weapp = sizes;
    if ('printed' in sizes) log(sizes.printed);
    const main = 'packages' in sizes ? (sizes.packages['(main)'] ?? null) : null;
    rows.push({
      figure: 'weapp main package',
      small: main,
      large: null,
      ratio: null,
      goal: '≤ 420 KB',
      met: main === null ? null : main <= 420,
      unit: 'KB',
    });
  }
  if (only.has('h5')) {
    type FirstPage = { gzipBytes: number; sentBytes: number };
    const measure = await helperBench<FirstPage>('h5-first-page.mjs', 'measureFirstPage');
    const page = measure && h5Built() ? await measure({}) : null;
    results.h5FirstPage = page ?? { note: 'not measured: bench/h5-first-page.mjs (branch wt-pkg) is not here, or the H5 build failed' };
    const kb = page ? page.gzipBytes / 1024 : null;
    rows.push({
      figure: 'H5 sign-in page, gzipped',
      small: kb,
      large: null,
      ratio: null,
      goal: '≤ 140 KB',
      met: kb === null ? null : kb <= 140,
      unit: 'KB',
    });
  }
  if (only.has('photo')) {
    type PhotoPath = { name: string; width: number; height: number; ratio: number };
    const bench = await helperBench<{ maxEdge: number; paths: PhotoPath[] }>('photo-size.mjs', 'benchPhotoSize');
    const photo = bench ? await bench({}) : null;
    results.photo = photo ?? { note: 'not measured: bench/photo-size.mjs (branch wt-pkg) is not here' };
    for (const one of photo?.paths ?? []) {
      const before = one.name.includes('before');
      const edge = Math.max(one.width, one.height);
      rows.push({
        figure: `stored photo ÷ original: ${one.name}`,
        small: one.ratio,
        large: null,
        ratio: null,
        goal: before ? '' : `≤ 0.15, ${photo!.maxEdge} px`,
        met: before ? null : one.ratio <= 0.15 && edge <= photo!.maxEdge,
        unit: '',
      });
    }
    if (!photo)
      rows.push({ figure: 'stored photo ÷ original', small: null, large: null, ratio: null, goal: '≤ 0.15', met: null, unit: '' });
  }
  results.rows = rows;
  results.totalSeconds = (Date.now() - started) / 1000;
  mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log('');
  log(
    `figures at ${results.commit} (1×: ${small.awards} awards, ${small.claims} claims; 100×: ${large.awards} awards, ${large.claims} claims)`,
  );
  log(table(rows));
  log(`bench took ${((Date.now() - started) / 1000).toFixed(0)} s; figures in bench/results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
