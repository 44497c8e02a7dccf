// Benchmark (not a test): requests per second of the local server's api route against a bare node:http server
// sending the very same answer, in one run on the same machine. The goal (issue 11): the api at least 0.3× the
// bare server, with p99 at most 50 ms at 50 connections.
//
//   node bench/local-api.mjs                     (needs .build/local-server.cjs: npm run build:server)
//   ACTION=program.list SECONDS=5 ROUNDS=5 node bench/local-api.mjs
//
// The built server runs as its own process in demo mode, on a free port, with its data in a fresh temp folder;
// a demo secretariat signs in and every request is the same signed api call. The bare server runs in another
// process and answers each request with the bytes the api answered, with the same content type.
import autocannon from 'autocannon';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { root, startProcess, stopProcess } from './processes.mjs';

// LOCAL_SERVER_BUNDLE: another build of the server (e.g. the one before a change), for a before/after figure.
const serverBundle = path.resolve(root, process.env.LOCAL_SERVER_BUNDLE ?? path.join('.build', 'local-server.cjs'));

// The bare server: node:http answering every request with the body and content type given in its environment.
const BARE_SERVER = `
const http = require('node:http');
const body = Buffer.from(process.env.BARE_BODY, 'base64');
const type = process.env.BARE_TYPE;
const server = http.createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, { 'content-type': type, 'content-length': body.length });
    response.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log('bare server: http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/**
 * Runs both servers and autocannon against each; returns the figures (and prints them unless `quiet`).
 * @param {{ action?: string, input?: unknown, seconds?: number, rounds?: number, connections?: number, quiet?: boolean }} [options]
 */
export async function benchLocalApi(options = {}) {
  const action = options.action ?? process.env.ACTION ?? 'session.me';
  const input = options.input ?? {};
  const seconds = options.seconds ?? Number(process.env.SECONDS ?? 3);
  const rounds = options.rounds ?? Number(process.env.ROUNDS ?? 3);
  const connections = options.connections ?? 50;
  const log = options.quiet ? () => {} : console.log;
  if (!existsSync(serverBundle)) throw new Error(`${path.relative(root, serverBundle)} is missing: run npm run build:server first`);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-bench-api-'));
  const started = [];
  try {
    const api = await startProcess([serverBundle], {
      PORT: '0',
      DATA_DIR: dataDir,
      STATIC_DIR: path.join(dataDir, 'no-static'),
      DEMO_MODE: '1',
    });
    started.push(api.child);

    // A demo secretariat signs in, as the H5 app does.
    const accounts = await (await fetch(`${api.base}/auth/demo-accounts`)).json();
    const secretary = accounts.data.find((account) => account.role === 'secretariat');
    const login = await (
      await fetch(`${api.base}/auth/demo-login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: secretary.userId }),
      })
    ).json();
    const requestBody = JSON.stringify({ action, input, as: login.data.as ?? undefined });
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.data.token}` };
    const probe = await fetch(`${api.base}/api`, { method: 'POST', headers, body: requestBody });
    const answer = Buffer.from(await probe.arrayBuffer());
    const answered = JSON.parse(answer.toString('utf8'));
    if (!answered.ok) throw new Error(`${action} refused: ${JSON.stringify(answered.error)}`);

    const bare = await startProcess(['-e', BARE_SERVER], {
      BARE_BODY: answer.toString('base64'),
      BARE_TYPE: probe.headers.get('content-type') ?? 'application/json',
    });
    started.push(bare.child);

    const common = { method: 'POST', headers, body: requestBody, connections, duration: seconds };
    // A warm-up of each (2 s), so neither pays for its first compilations and heap growth in a measured run.
    await run({ ...common, url: `${api.base}/api`, duration: 2 });
    await run({ ...common, url: `${bare.base}/`, duration: 2 });
    // Then `rounds` rounds, each server measured in turn (the first alternating), and the medians: this machine's
    // speed drifts over a run, and a round's two figures are taken under the same conditions.
    const apiRuns = [];
    const bareRuns = [];
    for (let round = 0; round < rounds; round += 1) {
      const pair = [
        async () => apiRuns.push(await run({ ...common, url: `${api.base}/api` })),
        async () => bareRuns.push(await run({ ...common, url: `${bare.base}/` })),
      ];
      for (const measure of round % 2 === 0 ? pair : pair.reverse()) await measure();
    }

    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const figures = (results) => ({
      rps: median(results.map((result) => result.requests.average)),
      p99Ms: median(results.map((result) => result.latency.p99)),
      errors: results.reduce((sum, result) => sum + result.errors + result.non2xx + result.timeouts, 0),
    });
    const result = {
      action,
      bodyBytes: answer.length,
      connections,
      seconds,
      rounds,
      api: figures(apiRuns),
      bare: figures(bareRuns),
      ratios: apiRuns.map((apiRun, round) => apiRun.requests.average / bareRuns[round].requests.average),
    };
    result.ratio = median(result.ratios);
    log(`local api (${action}, ${answer.length} B answer, ${connections} connections, ${rounds} rounds of ${seconds} s each; medians)`);
    log(
      `  local server /api : ${result.api.rps.toFixed(0).padStart(7)} req/s   p99 ${String(result.api.p99Ms).padStart(4)} ms   errors ${result.api.errors}`,
    );
    log(
      `  bare node:http    : ${result.bare.rps.toFixed(0).padStart(7)} req/s   p99 ${String(result.bare.p99Ms).padStart(4)} ms   errors ${result.bare.errors}`,
    );
    log(
      `  ratio             : ${result.ratio.toFixed(2)}× (rounds: ${result.ratios.map((ratio) => ratio.toFixed(2)).join(', ')}; goal ≥ 0.30×; api p99 goal ≤ 50 ms)`,
    );
    return result;
  } finally {
    for (const child of started.reverse()) await stopProcess(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await benchLocalApi();
}
