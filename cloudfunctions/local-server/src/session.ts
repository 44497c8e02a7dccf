// The local stand-in for WeChat's OPENID: a demo account's openid in a signed, expiring token.
// The server trusts the signature, never a bare id sent by the page.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SESSION_SECONDS = 7 * 24 * 3600;

export function loadOrCreateSecret(dataDir: string): string {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueSession(secret: string, openid: string, nowMs: number = Date.now()): { token: string; expiresAt: string } {
  const expires = nowMs + SESSION_SECONDS * 1000;
  const payload = Buffer.from(JSON.stringify({ openid, exp: expires })).toString('base64url');
  return { token: `${payload}.${sign(secret, payload)}`, expiresAt: new Date(expires).toISOString() };
}

/**
 * Tokens whose signature was checked, with what they hold: the same token on the next call skips the HMAC and the
 * JSON. Keyed by the secret and the whole token, so only a byte-identical, already verified token is found; its
 * expiry is still judged on every call. Bounded: when full it starts again empty.
 */
const verified = new Map<string, { openid: string; exp: number }>();
const MAX_VERIFIED = 1000;

/** The openid inside a valid token, or null for a missing, forged or expired one. */
export function verifySession(secret: string, token: string | undefined, nowMs: number = Date.now()): string | null {
  if (!token) return null;
  const known = verified.get(`${secret}\u0000${token}`);
  if (known) return known.exp < nowMs ? null : known.openid;
  const claims = checkedClaims(secret, token);
  if (!claims) return null;
  if (verified.size >= MAX_VERIFIED) verified.clear();
  verified.set(`${secret}\u0000${token}`, claims);
  return claims.exp < nowMs ? null : claims.openid;
}

/** What a token holds when its signature is right and its payload well formed, else null. */
function checkedClaims(secret: string, token: string): { openid: string; exp: number } | null {
  const [payload, signature] = token.split('.');
  if (!payload || !signature) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const { openid, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { openid?: unknown; exp?: unknown };
    if (typeof openid !== 'string' || typeof exp !== 'number') return null;
    return { openid, exp };
  } catch {
    return null;
  }
}

/** The openid of a request's `Authorization: Bearer <token>` header, or null. */
export function openidOfBearer(secret: string, authorization: string | undefined, nowMs: number = Date.now()): string | null {
  return verifySession(secret, authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined, nowMs);
}
