// Uploads as an attacker or a careless member would try them against the running local server: bodies cut
// off mid-file, pages and scripts dressed as evidence, paths out of the storage folder, other people's
// folders and slots, reused and expired slots, files one byte too large, file ids never issued.
import http from 'node:http';
import { MAX_UPLOAD_BYTES } from '@/core/evidence/upload-rules';
import { OPENID, PROGRAM_ID, completeContent, requestId, startHarness, type Harness } from '../support/harness';
import { contentFor, decided, publicizedAndClosed, shortlisted, submitted } from '../support/lifecycle';
import { startLocalHttp, type LocalHttp } from '../support/local-http';
import { JPEG_BYTES, uploadedThroughSlot } from '../support/uploads';

let h: Harness;
let server: LocalHttp;
let contact: string;

beforeEach(async () => {
  h = await startHarness();
  server = await startLocalHttp(h);
  contact = await server.signIn('user-contact-structure');
});
afterEach(async () => {
  await server.close();
  await h.close();
});

const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/api?"+localStorage.getItem("session"))</script></body></html>');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');
/** Bytes that start as a real JPEG and go on as a page: file-type calls them JPEG. */
const JPEG_THEN_HTML = Buffer.concat([JPEG_BYTES, HTML]);
const GIF_THEN_HTML = Buffer.concat([Buffer.from('GIF89a'), Buffer.from([1, 0, 1, 0, 0, 0, 0]), HTML]);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

async function draft() {
  return h.as(OPENID.structure, 'application.create', { programId: PROGRAM_ID, requestId: requestId(), content: completeContent() });
}

async function slotFor(applicationId: string, extension = 'jpg', purpose = 'attachment', token = contact) {
  const answer = await server.api(token, 'file.slot', { applicationId, purpose, extension });
  if (!answer.ok) throw new Error(`file.slot refused: ${JSON.stringify(answer.error)}`);
  return answer.data as { slotId: string; path: string };
}

/** Sends a multipart body by hand, as given (cut short if need be); with destroyAfterWrite the sender hangs up. */
function rawUpload(
  slotId: string,
  body: Buffer,
  options: { destroyAfterWrite?: boolean } = {},
): Promise<{ status: number; text: string } | null> {
  const url = new URL(`${server.base}/files/upload?slot=${slotId}`);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=XYZ', authorization: `Bearer ${contact}` } },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, text }));
      },
    );
    request.on('error', (error) => (options.destroyAfterWrite ? resolve(null) : reject(error)));
    request.write(body);
    if (options.destroyAfterWrite) setTimeout(() => (request.destroy(), resolve(null)), 100);
    else request.end();
  });
}

const multipartHead = Buffer.from(
  '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n',
);

test('an upload whose body ends mid-file, or whose sender hangs up, gets a 400 or nothing, and the server keeps serving', async () => {
  const application = await draft();
  const slot = await slotFor(application._id);
  const cut = await rawUpload(slot.slotId, Buffer.concat([multipartHead, JPEG_BYTES.subarray(0, 6)]));
  expect(cut?.status).toBe(400);
  expect(JSON.parse(cut?.text ?? '{}')).toEqual({
    ok: false,
    error: { code: 'INVALID_INPUT', message: '输入有误：上传内容不完整或格式不正确，请重新上传' },
  });
  await rawUpload(slot.slotId, Buffer.concat([multipartHead, JPEG_BYTES]), { destroyAfterWrite: true });

  expect((await fetch(`${server.base}/auth/demo-accounts`)).status).toBe(200);
  // The slot was not used up by the broken attempts: the whole file still goes in.
  expect((await server.upload(contact, slot.slotId, JPEG_BYTES)).status).toBe(200);
});

test('a non-multipart upload is refused with a 4xx and a reason', async () => {
  const slot = await slotFor((await draft())._id);
  for (const [type, body] of [
    ['application/json', JSON.stringify({ file: 'x' })],
    ['text/plain', 'hello'],
    ['application/octet-stream', 'raw bytes'],
  ]) {
    const response = await fetch(`${server.base}/files/upload?slot=${slot.slotId}`, {
      method: 'POST',
      headers: { 'content-type': type, authorization: `Bearer ${contact}` },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const answer = (await response.json()) as { ok: boolean; error: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
});

test('HTML, SVG and a GIF carrying a page are refused by their bytes, whatever they are called; nothing is stored', async () => {
  const application = await draft();
  for (const [bytes, name] of [
    [HTML, 'evidence.jpg'],
    [SVG, 'photo.jpg'],
    [GIF_THEN_HTML, 'photo.jpg'],
    [HTML, 'page.html'],
  ] as const) {
    const slot = await slotFor(application._id);
    const refused = await server.upload(contact, slot.slotId, bytes, name);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toEqual({
      code: 'FILE_REJECTED',
      message:
        '文件未通过检查：文件内容不是允许的类型，只能上传照片（JPEG、PNG、WebP、HEIC）、PDF、Word（doc/docx）或 Excel（xls/xlsx）文件',
    });
    expect(await h.files.exists(`local://${slot.path}`)).toBe(false);
  }
  // Nor can a slot be asked for a page or a picture that can carry script.
  for (const extension of ['html', 'svg', 'js', 'gif']) {
    const answer = await server.api(contact, 'file.slot', { applicationId: application._id, purpose: 'attachment', extension });
    expect(answer.error?.code).toBe('INVALID_INPUT');
    expect(answer.error?.message).toContain('只能上传照片');
  }
});

test('a JPEG with a page behind it is stored as a JPEG and served inertly: image type, nosniff, no script, no framing', async () => {
  const application = await draft();
  const slot = await slotFor(application._id);
  const uploaded = await server.upload(contact, slot.slotId, JPEG_THEN_HTML, 'x.html');
  expect(uploaded.status).toBe(200);
  const link = (await server.api(contact, 'file.link', { fileId: uploaded.body.data.fileId })).data as { url: string };
  const served = await fetch(`${server.base}${link.url}`);
  expect(served.status).toBe(200);
  expect(served.headers.get('content-type')).toBe('image/jpeg');
  expect(served.headers.get('x-content-type-options')).toBe('nosniff');
  expect(served.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
  expect(served.headers.get('content-disposition')).toMatch(/^inline/);

  const pdfSlot = await slotFor(application._id, 'pdf');
  const pdf = await server.upload(contact, pdfSlot.slotId, PDF, 'report.pdf');
  const pdfLink = (await server.api(contact, 'file.link', { fileId: pdf.body.data.fileId })).data as { url: string };
  const download = await fetch(`${server.base}${pdfLink.url}`);
  expect(download.headers.get('content-type')).toBe('application/pdf');
  expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{32}\.pdf"$/);
});

test('paths out of storage and malformed escapes are refused with a 4xx JSON answer, never a file', async () => {
  const application = await draft();
  const slot = await slotFor(application._id);
  await server.upload(contact, slot.slotId, JPEG_BYTES);
  const link = (await server.api(contact, 'file.link', { fileId: `local://${slot.path}` })).data as { url: string };
  const query = link.url.slice(link.url.indexOf('?'));
  for (const path of [
    `/files/..%2f..%2fsession-secret${query}`,
    `/files/evidence/${application._id}/..%2F..%2F..%2Fdb%2Fusers.db${query}`,
    `/files//etc/passwd${query}`,
    `/files/%E0%A4%A${query}`,
    '/files/%zz',
    '/%E0%A4%A',
    '/api%',
  ]) {
    const response = await fetch(`${server.base}${path}`);
    expect({ path, status: response.status }).toEqual({ path, status: expect.any(Number) });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const answer = (await response.json()) as { ok: boolean; error: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).toMatch(/[\u4e00-\u9fa5]/);
  }
  // A slot id is not a path either.
  expect((await server.upload(contact, '../session-secret', JPEG_BYTES)).body.error?.code).toBe('UPLOAD_SLOT_INVALID');
});

test("another unit's application, the secretariat, another person's slot, a used or expired slot: all refused", async () => {
  const application = await draft();
  const academic = await server.signIn('user-contact-academic');
  const secretary = await server.signIn('user-secretary');
  const reviewer = await server.signIn('user-reviewer');
  const ask = (token: string) =>
    server.api(token, 'file.slot', { applicationId: application._id, purpose: 'attachment', extension: 'jpg' });
  expect((await ask(academic)).error?.code).toBe('NOT_FOUND');
  expect((await ask(reviewer)).error?.code).toBe('NOT_FOUND');
  // Staff add no files to an applicant's application (NOT_FOUND once the secretariat no longer reads drafts).
  expect((await ask(secretary)).error?.code).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);

  const slot = await slotFor(application._id);
  expect((await server.upload(academic, slot.slotId, JPEG_BYTES)).body.error?.code).toBe('UPLOAD_SLOT_INVALID');
  expect((await server.upload(contact, slot.slotId, JPEG_BYTES)).status).toBe(200);
  const again = await server.upload(contact, slot.slotId, JPEG_BYTES);
  expect(again).toEqual({
    status: 400,
    body: { ok: false, error: { code: 'UPLOAD_SLOT_INVALID', message: expect.stringContaining('已使用') } },
  });

  const late = await slotFor(application._id);
  h.clock.set(new Date(h.clock.now().getTime() + 31 * 60_000).toISOString());
  expect((await server.upload(contact, late.slotId, JPEG_BYTES)).body.error?.code).toBe('UPLOAD_SLOT_INVALID');
  expect(await h.files.exists(`local://${late.path}`)).toBe(false);
});

test('a slot is issued only for what the status allows now: attachments to a draft, claims to an award under way', async () => {
  const application = await draft();
  expect((await server.api(contact, 'file.slot', { applicationId: application._id, purpose: 'claim', extension: 'jpg' })).error?.code).toBe(
    'TRANSITION_NOT_ALLOWED',
  );
  expect(
    (await server.api(contact, 'file.slot', { applicationId: application._id, purpose: 'report', extension: 'jpg' })).error?.code,
  ).toBe('TRANSITION_NOT_ALLOWED');
  const sent = await submitted(h, OPENID.structure);
  const refused = await server.api(contact, 'file.slot', { applicationId: sent._id, purpose: 'attachment', extension: 'pdf' });
  expect(refused.error).toEqual({ code: 'TRANSITION_NOT_ALLOWED', message: expect.stringContaining('不能上传申报书附件') });

  await shortlisted(h, sent);
  await publicizedAndClosed(h);
  const approved = (await h.as(OPENID.secretary, 'application.get', { applicationId: sent._id })).application;
  await decided(h, approved, 'issueNotice');
  expect((await server.api(contact, 'file.slot', { applicationId: sent._id, purpose: 'claim', extension: 'jpg' })).ok).toBe(true);
  expect((await server.api(contact, 'file.slot', { applicationId: sent._id, purpose: 'report', extension: 'jpg' })).ok).toBe(true);
  expect((await server.api(contact, 'file.slot', { applicationId: sent._id, purpose: 'attachment', extension: 'pdf' })).ok).toBe(false);
});

test('10 MB is accepted and 10 MB + 1 byte is refused, by the server and already when the slot is asked', async () => {
  const application = await draft();
  const padded = (size: number) => Buffer.concat([JPEG_BYTES, Buffer.alloc(size - JPEG_BYTES.length)]);
  const exact = await slotFor(application._id);
  expect((await server.upload(contact, exact.slotId, padded(MAX_UPLOAD_BYTES))).status).toBe(200);
  const over = await slotFor(application._id);
  const refused = await server.upload(contact, over.slotId, padded(MAX_UPLOAD_BYTES + 1));
  expect(refused).toEqual({ status: 413, body: { ok: false, error: { code: 'INVALID_INPUT', message: '输入有误：文件不能超过 10 MB' } } });
  expect(await h.files.exists(`local://${over.path}`)).toBe(false);

  const asked = await server.api(contact, 'file.slot', {
    applicationId: application._id,
    purpose: 'attachment',
    extension: 'jpg',
    size: MAX_UPLOAD_BYTES + 1,
  });
  expect(asked.error).toEqual({ code: 'INVALID_INPUT', message: '输入有误：size：文件不能超过 10 MB' });
});

test('an application refers only to new files issued to the caller for it, whose bytes passed the type check', async () => {
  h.clock.set('2022-05-20T10:00:00+08:00'); // Xuzhou's call, whose form has an 'evidence' attachment
  const XUZHOU = 'program-xuzhou-2022';
  const content = await contentFor(h, XUZHOU, 'first-class');
  const create = (openid: string, categoryKey: string) =>
    h.as(openid, 'application.create', { programId: XUZHOU, requestId: requestId(), content: { ...content, categoryKey } });
  const mine = await create(OPENID.xzCivil, 'first-class');
  const other = await create(OPENID.xzCivil, 'innovative');
  const theirs = await create(OPENID.xzAgri, 'innovative');
  const refusal = async (fileId: string) => {
    const answer = await h.raw(OPENID.xzCivil, 'application.save', {
      applicationId: mine._id,
      version: mine.version,
      content: { ...content, attachments: [{ key: 'evidence', fileId, name: '证明.jpg' }] },
    });
    return answer.ok ? 'accepted' : answer.error.code;
  };

  // Another unit's file, a file of my other draft, a file planted in my folder without a slot.
  expect(await refusal(await uploadedThroughSlot(h, OPENID.xzAgri, theirs._id, 'attachment'))).toBe('FILE_NOT_OWNED');
  expect(await refusal(await uploadedThroughSlot(h, OPENID.xzCivil, other._id, 'attachment'))).toBe('FILE_NOT_OWNED');
  expect(await refusal(await h.files.write(`evidence/${mine._id}/planted.jpg`, JPEG_BYTES))).toBe('FILE_NOT_OWNED');
  // On CloudBase the phone writes storage itself: a page written to my own slot's path is caught on attach.
  expect(await refusal(await uploadedThroughSlot(h, OPENID.xzCivil, mine._id, 'attachment', HTML))).toBe('FILE_REJECTED');
  expect((await h.as(OPENID.xzCivil, 'application.get', { applicationId: mine._id })).application.version).toBe(mine.version);

  expect(await refusal(await uploadedThroughSlot(h, OPENID.xzCivil, mine._id, 'attachment'))).toBe('accepted');
});
