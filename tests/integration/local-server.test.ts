// The local server over real HTTP: signed sessions, the api envelope, evidence upload and short-lived links.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createLocalServer } from '../../cloudfunctions/local-server/src/server';
import { issueSession } from '../../cloudfunctions/local-server/src/session';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { current, decided, publicizedAndClosed, shortlisted } from '../support/lifecycle';

const SECRET = 'http-test-secret';
let h: Harness;
let server: Server;
let base: string;

beforeEach(async () => {
  h = await startHarness();
  server = createLocalServer({ deps: h.deps, files: h.files, secret: SECRET, staticDir: null });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.close();
});

async function api(token: string | null, action: string, input: unknown) {
  const response = await fetch(`${base}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ action, input }),
  });
  return response.json() as Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>;
}

async function signIn(userId: string): Promise<string> {
  const response = await fetch(`${base}/auth/demo-login`, { method: 'POST', body: JSON.stringify({ userId }) });
  const body = (await response.json()) as { data: { token: string } };
  return body.data.token;
}

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

  const form = new FormData();
  form.append('path', `evidence/${created._id}/activity.jpg`);
  form.append('file', new Blob([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])], { type: 'image/jpeg' }), 'activity.jpg');
  expect((await fetch(`${base}/files/upload`, { method: 'POST', body: form })).status).toBe(401);
  const uploaded = (await (
    await fetch(`${base}/files/upload`, { method: 'POST', body: form, headers: { authorization: `Bearer ${contact}` } })
  ).json()) as {
    data: { fileId: string };
  };
  expect(uploaded.data.fileId).toBe(`local://evidence/${created._id}/activity.jpg`);

  const escape = new FormData();
  escape.append('path', '../session-secret');
  escape.append('file', new Blob([Buffer.from('x')]), 'x');
  expect(
    (await fetch(`${base}/files/upload`, { method: 'POST', body: escape, headers: { authorization: `Bearer ${contact}` } })).status,
  ).toBe(400);

  const claim = await api(contact, 'claim.add', {
    applicationId: created._id,
    requestId: requestId(),
    indicatorKey: 'published-results',
    amount: 1,
    description: '发布成果1项',
    fileIds: [uploaded.data.fileId],
  });
  expect(claim.ok).toBe(true);

  const link = (await api(secretary, 'file.link', { fileId: uploaded.data.fileId })).data as { url: string };
  const photo = await fetch(`${base}${link.url}`);
  expect(photo.status).toBe(200);
  expect(Buffer.from(await photo.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]));
  expect((await fetch(`${base}/files/evidence/${created._id}/activity.jpg`)).status).toBe(403);
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
