// Property-based hostile requests against every route of the local server (demo mode, clock control, a static
// app): random methods and paths, bodies and content types, multipart uploads, signed-link queries and
// Authorization headers. Whatever comes in, the answer is below 500, carries the security headers, a refusal is
// our JSON envelope with a known code and a Chinese message and changes nothing, and the server keeps answering.
// FUZZ_RUNS sets the cases per route group (100 by default; `npm run test:fuzz` runs 1,000).
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { isErrorCode } from '@/core/errors';
import type { AdjustableClock } from '../../cloudfunctions/api/src/adapters/clocks';
import { createLocalServer } from '../../cloudfunctions/local-server/src/server';
import { issueSession } from '../../cloudfunctions/local-server/src/session';
import { DURING_CALL, OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { SECRET } from '../support/local-http';
import { countingWrites } from '../support/store-snapshot';
import { JPEG_BYTES } from '../support/uploads';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
/** Generous: a loaded machine shares its two cores with other suites. */
const TIMEOUT_MS = 30_000 + RUNS * 80;
const CHINESE = /[\u4e00-\u9fff]/;

let h: Harness;
let server: FastifyInstance;
let port: number;
let staticDir: string;
let committedWrites: () => number;
let contact: string;
let secretary: string;
let draftId: string;
/** A file really stored (a JPEG in the draft's evidence folder), for links with a valid signature. */
let storedPath: string;
let requestsSent = 0;
const statusCounts = new Map<string, number>();

beforeAll(async () => {
  h = await startHarness();
  ({ store: h.deps.store, committedWrites } = countingWrites(h.deps.store));
  const clockControl: AdjustableClock = { now: () => h.clock.now(), jumpTo: (iso) => h.clock.set(iso) };
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>学会奖补通</title><script>window.x=1</script>');
  server = await createLocalServer({ deps: h.deps, files: h.files, secret: SECRET, staticDir, demo: true, clockControl });
  await server.listen({ port: 0, host: '127.0.0.1' });
  port = (server.server.address() as AddressInfo).port;
  contact = issueSession(SECRET, OPENID.structure).token;
  secretary = issueSession(SECRET, OPENID.secretary).token;
  const draft = await h.as(OPENID.structure, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent(),
  });
  draftId = draft._id;
  const slot = await h.as(OPENID.structure, 'file.slot', { applicationId: draftId, purpose: 'attachment', extension: 'jpg' });
  storedPath = slot.path;
  await h.files.write(storedPath, JPEG_BYTES);
}, 60_000);

afterAll(async () => {
  const classes = [...statusCounts].sort().map(([statusClass, count]) => `${statusClass} ${count}`);
  console.log(`local-server fuzz: ${requestsSent} requests sent (${RUNS} cases per route group; ${classes.join(', ')})`);
  await server.close();
  await h.close();
  rmSync(staticDir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------------------
// What every answer must be

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
}

/** The body as the client reads it, undoing what @fastify/compress did when the request allowed it. */
function decoded(payload: Buffer, encoding: unknown): string {
  if (payload.length === 0) return ''; // HEAD: the headers of a compressed answer, without its body
  if (encoding === 'gzip') return gunzipSync(payload).toString('utf8');
  if (encoding === 'deflate') return inflateSync(payload).toString('utf8');
  if (encoding === 'br') return brotliDecompressSync(payload).toString('utf8');
  return payload.toString('utf8');
}

const fromInject = (response: LightMyRequestResponse): Answer => ({
  status: response.statusCode,
  headers: response.headers,
  body: decoded(response.rawPayload, response.headers['content-encoding']),
});

/** Files written under storage, so a refused upload can be shown to have stored nothing. */
function storedFiles(): number {
  try {
    return readdirSync(path.join(h.dir, 'files'), { recursive: true }).length;
  } catch {
    return 0;
  }
}

/** Sends one request and checks the answer against the rules every route keeps. */
async function expectConforming(where: string, send: () => Promise<Answer>, method = 'GET'): Promise<Answer> {
  const writes = committedWrites();
  const files = storedFiles();
  const clock = h.clock.now().toISOString();
  requestsSent += 1;
  const answer = await send();
  const statusClass = `${Math.floor(answer.status / 100)}xx`;
  statusCounts.set(statusClass, (statusCounts.get(statusClass) ?? 0) + 1);
  const { status, headers } = answer;
  expect({ where, status: status < 500 ? 'below 500' : status }).toEqual({ where, status: 'below 500' });
  expect({ where, csp: String(headers['content-security-policy'] ?? '') }).toEqual({ where, csp: expect.stringContaining('default-src') });
  expect({ where, nosniff: headers['x-content-type-options'] }).toEqual({ where, nosniff: 'nosniff' });
  if (status >= 400) {
    if (method !== 'HEAD') {
      let body: unknown;
      try {
        body = JSON.parse(answer.body);
      } catch {
        body = answer.body;
      }
      const error = (body as { error?: { code?: unknown; message?: unknown } }).error;
      expect({ where, ok: (body as { ok?: unknown }).ok, known: isErrorCode(error?.code), message: error?.message }).toEqual({
        where,
        ok: false,
        known: true,
        message: expect.stringMatching(CHINESE),
      });
      expect({ where, keys: Object.keys(body as object).sort(), errorKeys: Object.keys(error ?? {}).sort() }).toEqual({
        where,
        keys: ['error', 'ok'],
        errorKeys: ['code', 'message'],
      });
    }
    expect({ where, writes: committedWrites(), files: storedFiles(), clock: h.clock.now().toISOString() }).toEqual({
      where,
      writes,
      files,
      clock,
    });
  }
  return answer;
}

/** A normal request after the hostile ones: the signed-in contact asks who she is. */
async function expectStillServing(): Promise<void> {
  requestsSent += 1;
  const fine = await server.inject({
    method: 'POST',
    url: '/api',
    headers: { authorization: `Bearer ${contact}` },
    payload: { action: 'session.me', input: {} },
  });
  expect(fine.statusCode).toBe(200);
  expect(fine.json<{ data: { user: { id: string } } }>().data.user.id).toBe('user-contact-structure');
}

const inject = (options: InjectOptions) => async () => fromInject(await server.inject(options));

// ---------------------------------------------------------------------------------------------------------------
// Generators

const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'PROPFIND', 'SEARCH', 'LOCK', 'TRACE'] as const;
const PREFIXES = [
  '/api',
  '/auth/',
  '/auth/demo-login',
  '/auth/demo-accounts',
  '/auth/demo-new-user',
  '/demo/clock',
  '/files/upload',
  '/files/',
  '/',
  '/index.html',
  '/static/',
];

/** Path pieces that have broken routers before. */
const pathPiece = fc.oneof(
  fc.constantFrom(
    '..',
    '.',
    '%2e%2e',
    '%2E%2E%2F',
    '%2f',
    '%2F..%2F',
    '%5c',
    '\\..\\',
    '%00',
    '%',
    '%%',
    '%zz',
    '%E0%A4%A',
    '%c0%af',
    '%ff',
    '%uD800',
    ';',
    '?',
    '#',
    '*',
    ':id',
    '*:x(',
    '//',
    'index.html',
    'evidence',
    'local:',
    '~',
    '学会',
    '😀',
    '\u202e',
  ),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.integer({ min: 200, max: 5000 }).map((length) => 'a'.repeat(length)),
);
const pathArb = fc
  .tuple(fc.constantFrom(...PREFIXES), fc.array(pathPiece, { maxLength: 6 }), fc.constantFrom('/', ''))
  .map(([prefix, pieces, joiner]) => `${prefix}${pieces.join(joiner ? '/' : '')}`);
const queryArb = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 30 }).map((text) => `?${text}`),
  fc.constantFrom(
    '?%',
    '?%zz=1',
    '?slot=',
    '?slot=%E0%A4%A',
    '?expires=1&signature=x',
    '?a=1&a=2&a=3',
    '?__proto__[x]=1',
    '?constructor.prototype.x=1',
  ),
);

/** Authorization headers: none, valid, expired, forged and plain garbage. */
const authorizationArb = fc.oneof(
  fc.constant<string | undefined>(undefined),
  fc
    .constantFrom(
      () => `Bearer ${contact}`,
      () => `Bearer ${secretary}`,
      () => `Bearer ${issueSession(SECRET, OPENID.secretary, Date.now() - 8 * 24 * 3600 * 1000).token}`,
      () => `Bearer ${issueSession('forged-secret', OPENID.secretary).token}`,
      () => `Bearer ${Buffer.from(JSON.stringify({ openid: OPENID.secretary, exp: 9e15 })).toString('base64url')}.${contact.split('.')[1]}`,
      () => `Bearer ${Buffer.from(JSON.stringify({ openid: { $ne: null }, exp: 9e15 })).toString('base64url')}.x`,
      () => `Bearer ${contact}.extra`,
      () => `bearer ${contact}`,
      () => contact,
      () => 'Bearer ',
      () => 'Basic dXNlcjpwYXNz',
      () => `Bearer ${'a.'.repeat(4000)}`,
    )
    .map((make) => make()),
  fc.string({ unit: 'binary-ascii', maxLength: 80 }).map((text) => `Bearer ${text}`),
  fc.string({ maxLength: 80 }),
);
/** Header values must be printable for the HTTP layer; anything else is dropped rather than crash the sender. */
const headerSafe = (value: string | undefined) => (value !== undefined && /^[\t\x20-\x7e\x80-\xff]*$/.test(value) ? value : undefined);

/** What a browser, an old proxy or a hostile client may accept back; compress must not break a refusal. */
const acceptEncodingArb = fc.constantFrom(
  undefined,
  'gzip',
  'br',
  'deflate',
  'gzip, deflate, br',
  'identity',
  '*',
  'x-unknown',
  'gzip;q=0',
  'br;q=abc',
);

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/json; charset=latin1',
  'application/json;;;',
  'application/json; charset=utf-16',
  'application/json; charset="utf-8"; boundary=x',
  `application/json; ${'x=1;'.repeat(500)}`,
  'application/vnd.api+json',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=XYZ',
  'application/octet-stream',
  'image/jpeg',
  '*/*',
  ';',
  '',
];

/** Bodies that have broken parsers before: random bytes, cut-off, deep or huge JSON, prototype keys. */
const bodyArb = fc.oneof(
  fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)),
  fc.tuple(fc.json(), fc.nat()).map(([json, cut]) => json.slice(0, cut % (json.length + 1))),
  fc.json({ maxDepth: 4 }),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => `{"action":"session.me","input":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.integer({ min: 100, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  fc
    .integer({ min: 100 * 1024, max: 300 * 1024 })
    .map((size) => JSON.stringify({ action: 'session.me', input: { pad: 'x'.repeat(size) } })),
  fc.constantFrom(
    '',
    'null',
    '[]',
    '"x"',
    '1e999',
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"action":"__proto__"}',
    '{"action":"constructor","input":{}}',
    '{"action":"toString"}',
    '{"action":"session.me","input":{"__proto__":{"x":1}}}',
    '{"userId":"user-secretary"}',
    '{"userId":{"$ne":null}}',
    '{"at":"2023-08-01T09:00:00+08:00"}',
    '{"at":"+275760-09-13T00:00:00Z"}',
    '{"at":"2023-02-30"}',
    '\ufeff{"action":"session.me"}',
    '{"action":"session.me"}\u0000',
  ),
  fc
    .record({
      action: fc.constantFrom('session.me', 'application.create', 'application.list', 'file.slot', 'objection.add', 'nope'),
      input: fc.anything(),
    })
    .map((value) => JSON.stringify(value) ?? 'null'),
);

// ---------------------------------------------------------------------------------------------------------------
// Raw HTTP, for what inject would normalise away (literal `..`, raw bytes, oversized request lines)

function rawRequest(head: string, body: Buffer = Buffer.alloc(0)): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('no answer within 5 s')));
    socket.on('close', () => {
      let raw = Buffer.concat(chunks);
      // an interim `100 Continue` comes before the answer proper
      while (/^HTTP\/1\.1 1\d\d /.test(raw.subarray(0, 13).toString('latin1'))) raw = raw.subarray(raw.indexOf('\r\n\r\n') + 4);
      const split = raw.indexOf('\r\n\r\n');
      const headLines = raw
        .subarray(0, split < 0 ? raw.length : split)
        .toString('latin1')
        .split('\r\n');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headLines[0] ?? '')?.[1] ?? 0);
      const headers: Answer['headers'] = {};
      for (const line of headLines.slice(1)) {
        const colon = line.indexOf(':');
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      let payload: Buffer = split < 0 ? Buffer.alloc(0) : raw.subarray(split + 4);
      if (headers['transfer-encoding'] === 'chunked') payload = dechunk(payload);
      resolve({ status, headers, body: payload.toString('utf8') });
    });
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  });
}

function dechunk(payload: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  while (at < payload.length) {
    const end = payload.indexOf('\r\n', at);
    const size = parseInt(payload.subarray(at, end).toString(), 16);
    if (!size) break;
    parts.push(payload.subarray(end + 2, end + 2 + size));
    at = end + 4 + size;
  }
  return Buffer.concat(parts);
}

// ---------------------------------------------------------------------------------------------------------------
// The route groups

const run = <T extends [unknown, ...unknown[]]>(property: fc.IAsyncPropertyWithHooks<T>) => fc.assert(property, { numRuns: RUNS });

test(
  'random methods and paths under every prefix (through inject)',
  async () => {
    await run(
      fc.asyncProperty(fc.constantFrom(...METHODS), pathArb, queryArb, acceptEncodingArb, async (method, url, query, encoding) => {
        const where = `${method} ${url.slice(0, 120)}${query} accept-encoding=${encoding}`;
        const headers = encoding === undefined ? {} : { 'accept-encoding': encoding };
        await expectConforming(where, inject({ method, url: url + query, headers }), method);
      }),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);

/** Header lines Node's own parser judges before fastify runs: bad lengths, broken chunking, oversize. */
const rawHeaderArb = fc.constantFrom(
  '',
  'Transfer-Encoding: chunked\r\n',
  'Transfer-Encoding: gzip, chunked\r\n',
  'Content-Length: abc\r\n',
  'Content-Length: 1\r\nContent-Length: 2\r\n',
  'Content-Length: -1\r\n',
  `X-Long: ${'a'.repeat(20_000)}\r\n`,
  'Bad Header\r\n',
  'Host: a\r\nHost: b\r\n',
  'Expect: 100-continue\r\n',
  'Accept-Encoding: gzip, br, deflate\r\n',
  'Accept-Encoding: \u0000\r\n',
);

test(
  'raw request lines over a socket: literal dot segments, raw bytes, very long paths, broken headers',
  async () => {
    const rawPath = fc
      .tuple(fc.constantFrom(...PREFIXES), fc.array(pathPiece, { maxLength: 6 }))
      .map(([prefix, pieces]) => `${prefix}${pieces.join('/')}`.replace(/[\r\n ]/g, '_'));
    await run(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'HEAD', 'DELETE'),
        rawPath,
        queryArb,
        rawHeaderArb,
        async (method, target, query, extra) => {
          const line = Buffer.from(`${target}${query.replace(/[\r\n ]/g, '_')}`, 'utf8').toString('latin1');
          const where = `${method} ${JSON.stringify(line.slice(0, 120))} ${JSON.stringify(extra.slice(0, 40))} (raw)`;
          const chunked = extra.includes('chunked');
          const body = chunked ? `${method === 'POST' ? '2\r\n{}\r\n' : ''}0\r\n\r\n` : method === 'POST' ? '{}' : '';
          const length =
            extra.includes('Content-Length') || extra.includes('Transfer-Encoding') ? '' : `content-length: ${body.length}\r\n`;
          const head = `${method} ${line} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\ncontent-type: application/json\r\n${length}${extra}\r\n${body}`;
          const answer = await expectConforming(where, () => rawRequest(head), method);
          // a compressed answer is not read here; an uncompressed one of the app is the page, never a listing
          if (answer.status === 200 && !answer.headers['content-encoding']) expect(answer.body).not.toMatch(/session-secret|"db"/);
        },
      ),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);

test("what Node's parser refuses (raw UTF-8 in the path, a null byte, oversized headers) gets our envelope and headers", async () => {
  for (const [head, status] of [
    ['GET /api\u00e5\u00ad\u00a6 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    ['GET /a\u0000b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
    [`GET /${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`, 431],
    // a JSON body whose chunking is broken
    [
      'POST /api HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n',
      400,
    ],
  ] as const) {
    const answer = await expectConforming(JSON.stringify(head.slice(0, 40)), () => rawRequest(head));
    expect(answer.status).toBe(status);
  }
  // Without a content type the server refuses the headers (415), often before the broken chunk arrives: the parser's
  // refusal that follows must not add a second answer to the stream (the body read back is one envelope).
  const head = 'POST /api HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\n';
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const answer = await expectConforming('broken chunk, no content type', () => rawRequest(head), 'POST');
    expect([400, 415]).toContain(answer.status);
  }
  await expectStillServing();
});

test('a path that reads like a route pattern (a `*` before its end, a `:name`) is an unknown address, not a 500', async () => {
  for (const [method, url, status] of [
    ['GET', '/api*%20', 404],
    ['DELETE', '/auth/*x', 404],
    ['PUT', '/demo/clock*:x', 404],
    ['POST', '/files/:id*y', 404],
    ['GET', '/api', 405],
    ['PUT', '/files/upload', 405],
  ] as const) {
    const answer = await expectConforming(`${method} ${url}`, inject({ method, url }), method);
    expect({ url, status: answer.status }).toEqual({ url, status });
  }
  await expectStillServing();
});

test(
  'POST /api with random content types, bodies and Authorization headers',
  async () => {
    await run(
      fc.asyncProperty(
        fc.constantFrom(...CONTENT_TYPES),
        bodyArb,
        authorizationArb,
        acceptEncodingArb,
        async (contentType, body, authorization, encoding) => {
          const where = `POST /api ${contentType} ${JSON.stringify(String(body).slice(0, 100))} auth=${String(authorization).slice(0, 40)} accept-encoding=${encoding}`;
          const headers: Record<string, string> = {
            'content-type': contentType,
            ...(encoding === undefined ? {} : { 'accept-encoding': encoding }),
          };
          const auth = headerSafe(authorization);
          if (auth !== undefined) headers.authorization = auth;
          await expectConforming(where, inject({ method: 'POST', url: '/api', headers, payload: body }), 'POST');
        },
      ),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);

test(
  'the demo sign-in, the account list and the demo clock with random bodies',
  async () => {
    const atArb = fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((date) => date.toISOString()),
      fc.constantFrom('2023-02-30T09:00:00+08:00', '2023-07-10T25:00:00Z', '0', '-1', 'now', '', '+275760-09-13T00:00:00Z', '2023'),
      fc.anything(),
    );
    const requestArb = fc.oneof(
      fc.record({ url: fc.constant('/demo/clock'), body: atArb.map((at) => JSON.stringify({ at }) ?? '{}') }),
      fc.record({ url: fc.constant('/demo/clock'), body: bodyArb }),
      fc.record({
        url: fc.constant('/auth/demo-login'),
        body: fc
          .oneof(
            fc.constantFrom<unknown>('user-secretary', 'nobody', '', 'x'.repeat(10_000), ['user-secretary'], { $ne: null }),
            fc.anything(),
          )
          .map((userId) => JSON.stringify({ userId }) ?? '{}'),
      }),
      fc.record({ url: fc.constant('/auth/demo-login'), body: bodyArb }),
      fc.record({ url: queryArb.map((query) => `/auth/demo-accounts${query}`), body: fc.constant('') }),
    );
    await run(
      fc.asyncProperty(requestArb, fc.constantFrom(...CONTENT_TYPES), async ({ url, body }, contentType) => {
        const method = url.startsWith('/auth/demo-accounts') ? 'GET' : 'POST';
        const where = `${method} ${url} ${contentType} ${JSON.stringify(String(body).slice(0, 100))}`;
        const headers = method === 'POST' ? { 'content-type': contentType } : {};
        const answer = await expectConforming(
          where,
          inject({ method, url, headers, payload: method === 'POST' ? body : undefined }),
          method,
        );
        if (answer.status < 300 && url === '/demo/clock') {
          const year = h.clock.now().getUTCFullYear();
          expect({ where, year: year >= 2000 && year < 2100 }).toEqual({ where, year: true });
          h.clock.set(DURING_CALL); // back into the call for the other groups
        }
      }),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);

/** One multipart part as a hostile client may write it. */
const partArb = fc.record({
  name: fc.constantFrom('file', 'slotId', 'other', '', 'file"; x="', '学会'),
  filename: fc.option(fc.constantFrom('a.jpg', '../../etc/passwd', 'x.html', '', '学会.pdf', 'a\u0000.jpg', 'a'.repeat(1000)), {
    nil: undefined,
  }),
  type: fc.option(fc.constantFrom('image/jpeg', 'text/html', 'application/pdf', 'x', ''), { nil: undefined }),
  bytes: fc.oneof(
    fc.constant(JPEG_BYTES),
    fc.uint8Array({ maxLength: 300 }).map((bytes): Buffer => Buffer.from(bytes)),
    fc.constant(Buffer.from('<!doctype html><script>alert(1)</script>')),
    fc.constant(Buffer.from('%PDF-1.4\n%%EOF')),
  ),
});

function multipartBody(
  boundary: string,
  parts: { name: string; filename?: string; type?: string; bytes: Buffer }[],
  close: boolean,
): Buffer {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
    const type = part.type === undefined ? '' : `Content-Type: ${part.type}\r\n`;
    pieces.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`, 'utf8'),
      part.bytes,
      Buffer.from('\r\n'),
    );
  }
  if (close) pieces.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(pieces);
}

test(
  'POST /files/upload with random multipart bodies, boundaries, slots and Authorization headers',
  async () => {
    const slotIds: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      slotIds.push((await h.as(OPENID.structure, 'file.slot', { applicationId: draftId, purpose: 'attachment', extension: 'jpg' })).slotId);
    }
    const boundaryArb = fc.oneof(
      fc.constantFrom('XYZ', '----WebKitFormBoundary7MA4YWxkTrZu0gW', 'a', '"quoted"', ''),
      fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 80 }),
    );
    const slotArb = fc.oneof(
      fc.constant(undefined),
      fc.constantFrom(...slotIds),
      fc.constantFrom('', 'x'.repeat(200), '../../etc', 'upload_nope', '__proto__', '%E0%A4%A'),
      fc.string({ maxLength: 40 }),
    );
    await run(
      fc.asyncProperty(
        boundaryArb,
        fc.boolean(),
        fc.array(partArb, { maxLength: 4 }),
        fc.oneof(fc.constant(Number.POSITIVE_INFINITY), fc.nat()),
        fc.constantFrom('query', 'field', 'both'),
        slotArb,
        // mostly the slot owner, so the bodies get past the sign-in check and reach the multipart parser
        fc.oneof({ arbitrary: fc.constant(`Bearer ${'contact'}`), weight: 3 }, { arbitrary: authorizationArb, weight: 1 }),
        fc.constantFrom(
          'multipart/form-data; boundary=%s',
          'multipart/form-data; boundary="%s"',
          'multipart/form-data',
          'multipart/mixed; boundary=%s',
          'application/json',
          'text/plain',
        ),
        async (boundary, close, parts, cut, slotPlace, slot, authorization, typeTemplate) => {
          const bodyBoundary = boundary.replace(/[\r\n]/g, '');
          const fields = slot !== undefined && slotPlace !== 'query' ? [{ name: 'slotId', bytes: Buffer.from(slot) }] : [];
          const full = multipartBody(bodyBoundary, [...fields, ...parts], close);
          const body = full.subarray(0, Math.min(full.length, cut));
          const url = slot !== undefined && slotPlace !== 'field' ? `/files/upload?slot=${encodeURIComponent(slot)}` : '/files/upload';
          const headers: Record<string, string> = {};
          const contentType = headerSafe(typeTemplate.replace('%s', bodyBoundary));
          if (contentType !== undefined) headers['content-type'] = contentType;
          const auth = headerSafe(authorization === 'Bearer contact' ? `Bearer ${contact}` : authorization);
          if (auth !== undefined) headers.authorization = auth;
          const where = `POST ${url} ${JSON.stringify(contentType)} parts=${parts.length} cut=${cut} close=${close} auth=${String(auth).slice(0, 30)}`;
          await expectConforming(where, inject({ method: 'POST', url, headers, payload: body }), 'POST');
        },
      ),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);

/** Writes part of a request and hangs up after a while, as a phone losing its network mid-upload does. */
function hangUpAfter(head: string, body: Buffer, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => resolve());
    socket.on('close', () => resolve());
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    setTimeout(() => socket.destroy(), waitMs);
  });
}

test(
  'uploads whose sender hangs up mid-body leave the server running and nothing stored',
  async () => {
    const slotId = (await h.as(OPENID.structure, 'file.slot', { applicationId: draftId, purpose: 'attachment', extension: 'jpg' })).slotId;
    await run(
      fc.asyncProperty(
        fc.array(partArb, { minLength: 1, maxLength: 3 }),
        fc.nat(),
        fc.integer({ min: 0, max: 15 }),
        async (parts, cut, waitMs) => {
          const full = multipartBody('XYZ', parts, true);
          const sent = full.subarray(0, cut % full.length);
          const head =
            `POST /files/upload?slot=${slotId} HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${contact}\r\n` +
            `content-type: multipart/form-data; boundary=XYZ\r\ncontent-length: ${full.length}\r\n\r\n`;
          const writes = committedWrites();
          const files = storedFiles();
          requestsSent += 1;
          await hangUpAfter(head, sent, waitMs);
          await expectStillServing();
          expect({ cut: sent.length, writes: committedWrites(), files: storedFiles() }).toEqual({ cut: sent.length, writes, files });
        },
      ),
    );
  },
  TIMEOUT_MS,
);

test('a sender that hangs up after the whole file but before the end of the body keeps the slot unused', async () => {
  const slotId = (await h.as(OPENID.structure, 'file.slot', { applicationId: draftId, purpose: 'attachment', extension: 'jpg' })).slotId;
  const full = multipartBody(
    'XYZ',
    [
      { name: 'file', filename: 'a.jpg', type: 'image/jpeg', bytes: JPEG_BYTES },
      { name: 'note', bytes: Buffer.from('x') },
    ],
    true,
  );
  const sent = full.subarray(0, full.indexOf('name="note"')); // the file and the next boundary, then silence
  const head =
    `POST /files/upload?slot=${slotId} HTTP/1.1\r\nHost: 127.0.0.1\r\nauthorization: Bearer ${contact}\r\n` +
    `content-type: multipart/form-data; boundary=XYZ\r\ncontent-length: ${full.length}\r\n\r\n`;
  await hangUpAfter(head, sent, 50);
  expect((await h.deps.store.get('uploads', slotId))?.uploadedAt).toBeNull();
  const retried = await server.inject({
    method: 'POST',
    url: `/files/upload?slot=${slotId}`,
    headers: { authorization: `Bearer ${contact}`, 'content-type': 'multipart/form-data; boundary=XYZ' },
    payload: full,
  });
  expect(retried.statusCode).toBe(200);
});

test(
  'GET /files/<path> with random paths, expiries and forged or borrowed signatures',
  async () => {
    const linkArb = fc.oneof(
      // a valid link, then bent: expiry moved, signature of another path, signature cut or padded
      fc.constantFrom('valid', 'expired', 'moved-expiry', 'other-path', 'cut', 'padded', 'dir').map((kind) => ({ kind, path: storedPath })),
      fc.record({ kind: fc.constant('random'), path: fc.array(pathPiece, { maxLength: 5 }).map((pieces) => pieces.join('/')) }),
    );
    const expiresArb = fc.oneof(
      fc.constantFrom('', 'NaN', 'Infinity', '-1', '0', '1e400', '9'.repeat(400), '0x10', '1.5', ' 1'),
      fc.integer({ min: -1e12, max: 1e12 }).map(String),
      fc.string({ maxLength: 20 }),
    );
    await run(
      fc.asyncProperty(
        linkArb,
        expiresArb,
        fc.string({ unit: 'binary-ascii', maxLength: 60 }),
        async ({ kind, path: filePath }, expires, signature) => {
          let url: string;
          if (kind === 'random') {
            url = `/files/${filePath}?expires=${encodeURIComponent(expires)}&signature=${encodeURIComponent(signature)}`;
          } else {
            const target = kind === 'dir' ? storedPath.split('/').slice(0, -1).join('/') : filePath;
            const ttl = kind === 'expired' ? -60 : 600;
            const link = new URL(`http://x${await h.files.temporaryUrl(`local://${target}`, ttl)}`);
            const sig = link.searchParams.get('signature') ?? '';
            const exp = link.searchParams.get('expires') ?? '';
            const bent: Record<string, [string, string]> = {
              valid: [exp, sig],
              expired: [exp, sig],
              dir: [exp, sig],
              'moved-expiry': [String(Number(exp) + 1000), sig],
              'other-path': [exp, sig],
              cut: [exp, sig.slice(0, -1)],
              padded: [exp, `${sig}=`],
            };
            const [e, s] = bent[kind]!;
            const pathPart = kind === 'other-path' ? `${storedPath}x` : link.pathname.slice('/files/'.length);
            url = `/files/${pathPart}?expires=${encodeURIComponent(e)}&signature=${encodeURIComponent(s)}`;
          }
          const answer = await expectConforming(`GET ${url.slice(0, 200)} (${kind})`, inject({ method: 'GET', url }));
          if (kind === 'valid') expect(answer.status).toBe(200);
          // a stored file is served inertly (a random `..` may have been resolved by the URL parser to the app page)
          if (answer.status === 200 && !String(answer.headers['content-type']).startsWith('text/html')) {
            expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
          }
        },
      ),
    );
    await expectStillServing();
  },
  TIMEOUT_MS,
);
