// One local server for the H5 build: serves the app, hosts the api function over HTTP, and stands in for
// CloudBase storage (uploads into server-issued slots, and signed short-lived download links).
import fastifyCompress from '@fastify/compress';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { AppError } from '@/core/errors';
import { MAX_UPLOAD_BYTES } from '@/core/evidence/upload-rules';
import type { AdjustableClock } from '../../api/src/adapters/clocks';
import type { LocalFiles } from '../../api/src/adapters/local-files';
import type { Deps } from '../../api/src/ports';
import { route } from '../../api/src/router';
import { registerDemoRoutes } from './demo-routes';
import { registerFileRoutes } from './file-routes';
import { appHeaders, contentSecurityPolicy, helmetHeaders, inlineScriptHashes } from './headers';
import { answerClientError, refusalOf, sendRefusal, statusOf } from './http-errors';
import { openidOfBearer } from './session';

export interface LocalServerOptions {
  deps: Deps;
  files: LocalFiles;
  secret: string;
  /** The built H5 app; null serves the api only (integration tests). */
  staticDir: string | null;
  /** Runs with demo data: offers the demo accounts and the demo sign-in. Never in production. */
  demo?: boolean;
  /** Demo and browser tests only (needs demo): lets POST /demo/clock move the server's time. */
  clockControl?: AdjustableClock | null;
}

const MAX_JSON_BYTES = 100 * 1024; // what a CloudBase callFunction accepts

/** Addresses that are never pages of the app: unknown ones answer 404 in JSON, not the app. */
const API_PREFIXES = ['/api', '/auth/', '/demo/', '/files/'];

/** Builds the server (not yet listening): `await server.listen({ port, host })`, `await server.close()`. */
export async function createLocalServer(options: LocalServerOptions): Promise<FastifyInstance> {
  const { deps, secret, staticDir } = options;
  const csp = contentSecurityPolicy(staticDir ? inlineScriptHashes(staticDir) : []);
  // Computed once: helmet's headers and ours, the same on every answer, set without a promise per request.
  const headers = { ...(await helmetHeaders()), ...appHeaders(csp) };
  const app = Fastify({
    bodyLimit: MAX_JSON_BYTES,
    logger: false,
    // A malformed % escape and the like never reach a route: answer them in our envelope, with our headers.
    frameworkErrors: (error, _request, reply) => {
      void sendRefusal(reply.headers(headers), error);
    },
    // What Node's parser refuses (raw bytes in the path, oversized headers) gets the same envelope and headers.
    clientErrorHandler: (error, socket) => answerClientError(error, socket, headers),
  });

  // The methods of each exact route address, so the not-found handler never parses a request path as a route
  // pattern (app.hasRoute throws on a path like `/api*x`).
  const methodsAt = new Map<string, Set<string>>();
  app.addHook('onRoute', ({ url, method }) => {
    const methods = methodsAt.get(url) ?? new Set<string>();
    for (const one of [method].flat()) methods.add(one);
    methodsAt.set(url, methods);
  });

  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  // Only JSON bodies (and multipart uploads) are accepted; fastify would otherwise hand plain text to the api.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyCompress, { global: true });

  app.setErrorHandler((error, _request, reply) => {
    const { status } = refusalOf(error);
    if (status >= 500) console.error('[local-server]', error);
    return sendRefusal(reply, error);
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const otherMethod = ['GET', 'POST'].some((method) => method !== request.method && methodsAt.get(path)?.has(method));
    if (otherMethod) return sendRefusal(reply, new AppError('INVALID_INPUT', '不支持该请求方式'), 405);
    const isPage = request.method === 'GET' && !API_PREFIXES.some((prefix) => path.startsWith(prefix));
    // The app's own routes live in the URL hash; any other page address gets the app, so a reload works.
    if (staticDir && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendRefusal(reply, new AppError('NOT_FOUND', '地址不存在'));
  });

  app.post('/api', async (request: FastifyRequest, reply: FastifyReply) => {
    const openid = openidOfBearer(secret, request.headers.authorization);
    const result = await route(request.body, openid ? { openid } : null, deps, { clientKey: `ip:${request.ip}` });
    return reply
      .code(result.ok ? 200 : statusOf(result.error.code))
      .header('cache-control', 'no-store')
      .send(result);
  });

  // Multipart bodies are read by the upload route only: its hooks (two per request) stay off every other route.
  await app.register(async (uploads) => {
    await uploads.register(fastifyMultipart, {
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, parts: 6 },
    });
    registerFileRoutes(uploads, options);
  });
  if (options.demo) registerDemoRoutes(app, { ...options, clockControl: options.clockControl ?? null });

  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: true,
      index: 'index.html',
      cacheControl: false,
      setHeaders: (reply, file) => {
        reply.header('cache-control', file.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600');
      },
    });
  }
  return app;
}
