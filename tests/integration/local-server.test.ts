// The local server over real HTTP: signed sessions, the api envelope, evidence upload into slots and
// short-lived links, security headers on every answer, and demo surfaces only in demo mode.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { shiftedClock } from '../../cloudfunctions/api/src/adapters/clocks';
import { issueSession } from '../../cloudfunctions/local-server/src/session';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, publicizedAndClosed, shortlisted } from '../support/lifecycle';
import { SECRET, startLocalHttp, type LocalHttp } from '../support/local-http';
import { JPEG_BYTES } from '../support/uploads';

let h: Harness;
let http: LocalHttp;
let base: string;

beforeEach(async () => {
  h = await startHarness();
  http = await startLocalHttp(h);
  base = http.base;
});
afterEach(async () => {
  await http.close();
  await h.close();
});

const api = (token: string | null, action: string, input: unknown) => http.api(token, action, input);
const signIn = (userId: string) => http.signIn(userId);

test('the demo sign-in lists accounts and issues a session the api accepts; a forged one is refused', async () => {
  const accounts = (await (await fetch(`${base}/auth/demo-accounts`)).json()) as { data: { userId: string; roleLabel: string }[] };
  expect(accounts.data.map((account) => account.roleLabel)).toEqual(expect.arrayContaining(['学会秘书处', '申报单位联系人', '评审专家']));

  const token = await signIn('user-contact-structure');
  expect((await api(token, 'session.me', {})).data.org.name).toBe('建筑结构专业委员会');

  // A bare openid, a token signed with another key, and a tampered payload all count as nobody.
  expect((await api(OPENID.secretary, 'session.me', {})).error?.code).toBe('UNAUTHENTICATED');
  expect((await api(issueSession('wrong-secret', OPENID.secretary).token, 'session.me', {})).error?.code).toBe('UNAUTHENTICATED');
  const [, signature] = token.split('.');
  const forgedPayload = Buffer.from(JSON.stringify({ openid: OPENID.secretary, exp: Date.now() + 60_000 })).toString('base64url');
  expect((await api(`${forgedPayload}.${signature}`, 'session.me', {})).error?.code).toBe('UNAUTHENTICATED');
  expect((await api(issueSession(SECRET, OPENID.secretary, Date.now() - 8 * 24 * 3600 * 1000).token, 'session.me', {})).error?.code).toBe(
    'UNAUTHENTICATED',
  );
});

test('a new WeChat user in the demo: each fresh identity gets its own session, known to no role yet', async () => {
  const fresh = async () => {
    const response = await fetch(`${base}/auth/demo-new-user`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
    return ((await response.json()) as { data: { token: string } }).data.token;
  };
  const [first, second] = [await fresh(), await fresh()];
  const openidOf = (token: string) =>
    (JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { openid: string }).openid;
  expect(openidOf(first)).toMatch(/^local-[\w-]{16}$/);
  expect(openidOf(second)).not.toBe(openidOf(first));
  // Signed in (the server knows the identity) but in no role: the app offers the invitation code and setup.
  expect((await api(first, 'session.me', {})).error?.code).toBe('NOT_REGISTERED');
  expect((await api(null, 'session.me', {})).error?.code).toBe('UNAUTHENTICATED');
});

test('a photo uploaded to storage is linked to a claim, and served only through a signed, expiring link', async () => {
  const contact = await signIn('user-contact-structure');
  const secretary = await signIn('user-secretary');
  const created = (await api(contact, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() }))
    .data;
  await api(contact, 'application.submit', { applicationId: created._id, version: created.version });
  // Through check, review and publicity to an award under way (claims are made during implementation).
  await shortlisted(h, await current(h, OPENID.secretary, created._id));
  await publicizedAndClosed(h);
  await decided(h, await current(h, OPENID.secretary, created._id), 'issueNotice');

  const slot = (await api(contact, 'file.slot', { applicationId: created._id, purpose: 'claim', extension: 'jpg' })).data as {
    slotId: string;
    path: string;
  };
  expect(slot.path).toMatch(new RegExp(`^evidence/${created._id}/u_user-contact-structure/[0-9a-f]{32}\\.jpg$`));
  expect((await http.upload(null, slot.slotId, JPEG_BYTES)).status).toBe(401);
  const uploaded = await http.upload(contact, slot.slotId, JPEG_BYTES);
  expect(uploaded.status).toBe(200);
  expect(uploaded.body.data.fileId).toBe(`local://${slot.path}`);
  const uploadedAt = h.clock.now().toISOString();
  h.clock.set(new Date(h.clock.now().getTime() + 5 * 60_000).toISOString());

  const claim = await api(contact, 'claim.add', {
    applicationId: created._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: '发布成果1项',
    fileIds: [uploaded.body.data.fileId],
  });
  expect(claim.ok).toBe(true);
  // The server keeps when it received the photo (the upload), not only when the claim was sent five minutes later.
  const added = claim.data as { createdAt: string; fileFacts: { receivedAt: string }[] };
  expect(added.fileFacts[0].receivedAt).toBe(uploadedAt);
  expect(added.createdAt).not.toBe(uploadedAt);

  const link = (await api(secretary, 'file.link', { fileId: uploaded.body.data.fileId })).data as { url: string };
  const photo = await fetch(`${base}${link.url}`);
  expect(photo.status).toBe(200);
  expect(photo.headers.get('content-type')).toBe('image/jpeg');
  expect(Buffer.from(await photo.arrayBuffer())).toEqual(JPEG_BYTES);
  expect((await fetch(`${base}/files/${slot.path}`)).status).toBe(403);
  expect((await fetch(`${base}${link.url.replace(/signature=[^&]+/, 'signature=forged')}`)).status).toBe(403);

  h.clock.set(new Date(h.clock.now().getTime() + 3600_000).toISOString()); // an hour later the ten-minute link has expired
  expect((await fetch(`${base}${link.url}`)).status).toBe(403);
});

test('a request body above the CloudBase limit is refused with a clear error', async () => {
  const token = await signIn('user-contact-structure');
  const result = await api(token, 'application.create', {
    programId: PROGRAM_ID,
    requestId: requestId(),
    content: completeContent({ sections: { plan: '字'.repeat(60_000) } }),
  });
  expect(result).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: '输入有误：请求内容过大' } });
  expect(await h.store.find('applications', {})).toEqual([]);
});

/** What helmet sets (learnt once when the server starts, then set from one object on every answer). */
const HELMET_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** The headers every answer of the local server carries, whatever it answers. */
function expectAppHeaders(response: Response, where: string) {
  const headers = {
    where,
    csp: response.headers.get('content-security-policy') ?? '',
    ...Object.fromEntries(Object.keys(HELMET_HEADERS).map((name) => [name, response.headers.get(name)])),
  };
  expect(headers).toEqual({ where, csp: expect.stringContaining("frame-ancestors 'none'"), ...HELMET_HEADERS });
  expect(headers.csp).toContain("default-src 'self'");
  expect(headers.csp).toContain("object-src 'none'");
}

test('bad requests get a 4xx JSON refusal in Chinese, every answer carries the security headers, and the server keeps running', async () => {
  const token = await signIn('user-contact-structure');
  const cases: [string, RequestInit, number][] = [
    ['/api', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }, 415],
    ['/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":' }, 400],
    ['/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '' }, 400],
    ['/api', { method: 'GET' }, 405],
    ['/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"no.such"}' }, 400],
    ['/api', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"session.me","input":{}}' }, 401],
    ['/files/upload', { method: 'PUT' }, 405],
    ['/files/upload', { method: 'GET' }, 403], // a file link without its signature
    ['/auth/demo-login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"userId":["x"]}' }, 403],
    ['/no/such/route', { method: 'POST' }, 404],
    ['/no/such/route', { method: 'GET' }, 404],
    ['/%E0%A4%A', { method: 'GET' }, 400],
    ['/api?%zz', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"action":"session.me"}' }, 401],
  ];
  for (const [path, init, status] of cases) {
    const response = await fetch(`${base}${path}`, init);
    const where = `${init.method} ${path}`;
    expect({ where, status: response.status }).toEqual({ where, status });
    expectAppHeaders(response, where);
    const body = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect({ where, ok: body.ok, message: body.error.message }).toEqual({
      where,
      ok: false,
      message: expect.stringMatching(/[\u4e00-\u9fa5]/),
    });
  }
  const fine = await fetch(`${base}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ action: 'session.me', input: {} }),
  });
  expect(fine.status).toBe(200);
  expectAppHeaders(fine, 'POST /api (signed in)');
  expectAppHeaders(await fetch(`${base}/auth/demo-accounts`), 'GET /auth/demo-accounts');
});

test('without demo mode there is no demo sign-in and no clock; with it the clock keeps to 2000–2099', async () => {
  const plain = await startLocalHttp(h, { demo: false });
  try {
    for (const [method, path] of [
      ['GET', '/auth/demo-accounts'],
      ['POST', '/auth/demo-login'],
      ['POST', '/auth/demo-new-user'],
      ['POST', '/demo/clock'],
    ]) {
      const response = await fetch(`${plain.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: method === 'POST' ? JSON.stringify({ userId: 'user-secretary', at: '2023-08-01T09:00:00+08:00' }) : undefined,
      });
      expect({ path, status: response.status }).toEqual({ path, status: expect.any(Number) });
      expect(response.status).toBeGreaterThanOrEqual(404);
      expect(response.status).toBeLessThan(500);
      expect(((await response.json()) as { ok: boolean }).ok).toBe(false);
    }
  } finally {
    await plain.close();
  }
  // Demo mode without clock control: sign-in yes, clock no.
  expect((await fetch(`${base}/demo/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(
    404,
  );

  const clock = shiftedClock('2023-07-03T09:00:00+08:00');
  const demo = await startLocalHttp({ ...h, deps: { ...h.deps, clock } }, { clockControl: clock });
  try {
    const jump = (at: unknown) =>
      fetch(`${demo.base}/demo/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
    for (const at of ['1999-12-31T23:59:59Z', '2100-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', 'next tuesday', 12]) {
      const refused = await jump(at);
      expect({ at, status: refused.status }).toEqual({ at, status: 400 });
    }
    expect(clock.now().toISOString().slice(0, 4)).toBe('2023');
    const moved = await jump('2023-08-01T09:00:00+08:00');
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { data: { now: string } }).data.now).toMatch(/^2023-08-01T01:00:0/); // the shifted clock runs on
  } finally {
    await demo.close();
  }
});

/** One request over node:http (fetch would ask for compression and undo it itself): status, headers and raw bytes. */
function rawRequest(url: string, init: { method: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: init.method, headers: init.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes: Buffer.concat(chunks) }));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(init.body);
  });
}

const decoders: Record<string, (bytes: Buffer) => Buffer> = { gzip: gunzipSync, br: brotliDecompressSync, identity: (bytes) => bytes };

test('a large answer comes back compressed (gzip or br) when the client asks, and as it is when it does not', async () => {
  // The api: the programme list a signed-in applicant opens first.
  const token = await signIn('user-contact-structure');
  const body = JSON.stringify({ action: 'program.list', input: {} });
  const apiHeaders = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const plain = await rawRequest(`${base}/api`, { method: 'POST', headers: apiHeaders, body });
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.bytes.length).toBeGreaterThan(4096);
  for (const encoding of ['gzip', 'br']) {
    const answer = await rawRequest(`${base}/api`, { method: 'POST', headers: { ...apiHeaders, 'accept-encoding': encoding }, body });
    expect({ encoding, status: answer.status, sent: answer.headers['content-encoding'] }).toEqual({
      encoding,
      status: 200,
      sent: encoding,
    });
    expect(answer.bytes.length).toBeLessThan(plain.bytes.length / 2);
    expect(JSON.parse(decoders[encoding]!(answer.bytes).toString('utf8'))).toEqual(JSON.parse(plain.bytes.toString('utf8')));
  }

  // The built app's files, served by the same server.
  const staticDir = mkdtempSync(path.join(os.tmpdir(), 'xhjb-static-'));
  const script = `window.app = [${Array.from({ length: 2000 }, (_, index) => `"第${index}项"`).join(',')}];\n`;
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>学会奖补通</title><script src="/app.js"></script>');
  writeFileSync(path.join(staticDir, 'app.js'), script);
  const withApp = await startLocalHttp(h, { staticDir });
  try {
    for (const encoding of ['br', 'gzip']) {
      const file = await rawRequest(`${withApp.base}/app.js`, { method: 'GET', headers: { 'accept-encoding': encoding } });
      expect({ encoding, status: file.status, sent: file.headers['content-encoding'] }).toEqual({ encoding, status: 200, sent: encoding });
      expect(file.bytes.length).toBeLessThan(Buffer.byteLength(script) / 3);
      expect(decoders[encoding]!(file.bytes).toString('utf8')).toBe(script);
    }
  } finally {
    await withApp.close();
    rmSync(staticDir, { recursive: true, force: true });
  }
});
