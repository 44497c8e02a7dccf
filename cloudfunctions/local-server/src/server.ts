// One local server for the H5 build: serves the app, hosts the api function over HTTP, and stands in
// for CloudBase storage (upload, and signed short-lived download links).
import Busboy from 'busboy';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { AppError } from '@/core/errors';
import { storagePathOf } from '@/core/evidence/file-ids';
import { roleLabels } from '@/core/schemas/common';
import type { AdjustableClock } from '../../api/src/adapters/clocks';
import type { LocalFiles } from '../../api/src/adapters/local-files';
import { orgNames } from '../../api/src/loaders';
import type { Deps } from '../../api/src/ports';
import { route } from '../../api/src/router';
import { runScheduledWork } from '../../api/src/scheduled';
import { issueSession, verifySession } from './session';

export interface LocalServerOptions {
  deps: Deps;
  files: LocalFiles;
  secret: string;
  /** The built H5 app; null serves the api only (integration tests). */
  staticDir: string | null;
  /** Set only for demos and browser tests: lets POST /demo/clock move the server's time. */
  clockControl?: AdjustableClock | null;
}

const MAX_JSON_BYTES = 100 * 1024; // what a CloudBase callFunction accepts
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, status: number, error: AppError): void {
  sendJson(response, status, { ok: false, error: error.toBody() });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) throw new AppError('INVALID_INPUT', '请求内容过大');
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  } catch {
    throw new AppError('INVALID_INPUT', '请求不是有效的 JSON');
  }
}

function bearer(request: IncomingMessage): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

interface Upload {
  fields: Record<string, string>;
  file: Buffer | null;
  mimeType: string;
}

function readUpload(request: IncomingMessage): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const upload: Upload = { fields: {}, file: null, mimeType: '' };
    let tooLarge = false;
    const parser = Busboy({ headers: request.headers, limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10 } });
    parser.on('field', (name, value) => (upload.fields[name] = value));
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = [];
      upload.mimeType = info.mimeType;
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => (tooLarge = true));
      stream.on('end', () => (upload.file = Buffer.concat(chunks)));
    });
    parser.on('error', reject);
    parser.on('close', () => (tooLarge ? reject(new AppError('INVALID_INPUT', '文件不能超过 10 MB')) : resolve(upload)));
    request.pipe(parser);
  });
}

export function createLocalServer(options: LocalServerOptions): http.Server {
  const { deps, files, secret, staticDir } = options;
  const identityOf = (request: IncomingMessage) => {
    const openid = verifySession(secret, bearer(request));
    return openid ? { openid } : null;
  };

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';

    if (method === 'POST' && url.pathname === '/api') {
      const event = await readJson(request);
      sendJson(response, 200, await route(event, identityOf(request), deps));
      return;
    }
    if (options.clockControl && method === 'POST' && url.pathname === '/demo/clock') {
      // Demo and browser tests only (DEMO_CLOCK_CONTROL=1): move the server's time, then run the timer's work.
      const body = (await readJson(request)) as { at?: unknown };
      if (typeof body.at !== 'string' || Number.isNaN(new Date(body.at).getTime())) {
        return sendError(response, 400, new AppError('INVALID_INPUT', '时间格式不正确'));
      }
      options.clockControl.jumpTo(body.at);
      const report = await runScheduledWork(deps);
      sendJson(response, 200, { ok: true, data: { now: deps.clock.now().toISOString(), ...report } });
      return;
    }
    if (method === 'GET' && url.pathname === '/auth/demo-accounts') {
      const users = await deps.store.find('users', {}, { orderBy: { field: '_id', direction: 'asc' } });
      const names = await orgNames(
        deps.store,
        users.map((user) => user.orgId),
      );
      const accounts = users.map((user) => ({
        userId: user._id,
        name: user.name,
        role: user.role,
        roleLabel: roleLabels[user.role],
        orgName: names.get(user.orgId) ?? '',
      }));
      sendJson(response, 200, { ok: true, data: accounts });
      return;
    }
    if (method === 'POST' && url.pathname === '/auth/demo-login') {
      const body = (await readJson(request)) as { userId?: unknown };
      const user = typeof body.userId === 'string' ? await deps.store.get('users', body.userId) : null;
      if (!user) return sendError(response, 400, new AppError('NOT_REGISTERED'));
      sendJson(response, 200, { ok: true, data: issueSession(secret, user.openid) });
      return;
    }
    if (method === 'POST' && url.pathname === '/files/upload') {
      if (!identityOf(request)) return sendError(response, 401, new AppError('UNAUTHENTICATED'));
      const upload = await readUpload(request);
      const storagePath = storagePathOf(`local://${upload.fields.path ?? ''}`);
      if (!storagePath || !storagePath.startsWith('evidence/')) {
        return sendError(response, 400, new AppError('INVALID_INPUT', '上传路径不正确'));
      }
      if (!upload.file || upload.file.length === 0) return sendError(response, 400, new AppError('INVALID_INPUT', '没有收到文件'));
      sendJson(response, 200, { ok: true, data: { fileId: await files.write(storagePath, upload.file) } });
      return;
    }
    if (method === 'GET' && url.pathname.startsWith('/files/')) {
      const storagePath = decodeURIComponent(url.pathname.slice('/files/'.length));
      const expires = Number(url.searchParams.get('expires'));
      if (!files.verifyLink(storagePath, expires, url.searchParams.get('signature') ?? '')) {
        response.writeHead(403).end('链接已失效');
        return;
      }
      return serveFile(response, files.resolve(storagePath), 'private, max-age=300');
    }
    if (method === 'GET' && staticDir) {
      const relative = path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '');
      const candidate = path.join(staticDir, relative);
      const inside = candidate.startsWith(path.resolve(staticDir));
      const isFile =
        inside &&
        (await stat(candidate).then(
          (s) => s.isFile(),
          () => false,
        ));
      return serveFile(
        response,
        isFile ? candidate : path.join(staticDir, 'index.html'),
        isFile && relative !== 'index.html' ? 'public, max-age=3600' : 'no-cache',
      );
    }
    response.writeHead(404).end('not found');
  }

  return http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof AppError) return sendError(response, 400, error);
      console.error('[local-server]', error);
      if (!response.headersSent) sendError(response, 500, new AppError('INTERNAL'));
    });
  });
}

async function serveFile(response: ServerResponse, file: string, cacheControl: string): Promise<void> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    response.writeHead(404).end('not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': cacheControl,
  });
  createReadStream(file).pipe(response);
}
