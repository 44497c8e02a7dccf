// The security headers of every response: a CSP that lets the Taro H5 app run and nothing else, no sniffing,
// no framing, no referrer to other sites. Stored files get a stricter set of their own (file-routes.ts).
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

/** A stored file is data, never a page: nothing in it may run, load or be framed. */
export const STORED_FILE_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";
