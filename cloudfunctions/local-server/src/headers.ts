// The security headers of every response: a CSP that lets the Taro H5 app run and nothing else, no sniffing,
// no framing, no referrer to other sites. Stored files get a stricter set of their own (file-routes.ts).
import fastifyHelmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** sha256 sources of the inline scripts in the built index.html (Taro's rem script), so no 'unsafe-inline' is needed. */
export function inlineScriptHashes(staticDir: string): string[] {
  const index = path.join(staticDir, 'index.html');
  if (!existsSync(index)) return [];
  const html = readFileSync(index, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (match) =>
      `'sha256-${createHash('sha256')
        .update(match[1] ?? '')
        .digest('base64')}'`,
  );
}

export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${scriptHashes.join(' ')}`.trim(),
    // React, Taro and NutUI set style attributes; previews of picked photos are blob: URLs; icons may be data: URLs.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    // Taro's H5 upload reads the picked file back from its blob: URL before sending it.
    "connect-src 'self' blob:",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every response carries, also those fastify answers before any hook runs (a malformed URL). */
export function appHeaders(csp: string): Record<string, string> {
  return {
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
  };
}

/** How helmet is set up here: the CSP is ours (appHeaders), and there is no HSTS on plain http to 127.0.0.1. */
const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: false,
  strictTransportSecurity: false,
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'same-origin' },
};

/**
 * The headers @fastify/helmet sets with these options, learnt once from a throwaway server at start. They do not
 * depend on the request, so the server sets them from one object on every answer rather than registering helmet,
 * which builds its middleware anew and runs two hooks on each request (a quarter of the api's own time).
 */
export async function helmetHeaders(): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  await probe.register(fastifyHelmet, HELMET_OPTIONS);
  let learnt: Record<string, string> = {};
  probe.get('/', (_request, reply) => {
    // Only helmet has touched the response by now (fastify adds its own headers when it sends).
    learnt = Object.fromEntries(Object.entries(reply.raw.getHeaders()).map(([name, value]) => [name, String(value)]));
    return reply.send('');
  });
  await probe.inject({ method: 'GET', url: '/' });
  await probe.close();
  return learnt;
}

/** A stored file is data, never a page: nothing in it may run, load or be framed. */
export const STORED_FILE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
