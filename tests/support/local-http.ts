// The local server over real HTTP on a free port, around a harness: signed demo sessions, the api envelope,
// uploads into slots. Also a stand-in for a direct CloudBase upload (the bytes land at the slot's path).
import type { FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { createLocalServer, type LocalServerOptions } from '../../cloudfunctions/local-server/src/server';
import type { Harness } from './harness';

export const SECRET = 'http-test-secret';

export type Envelope = { ok: boolean; data?: any; error?: { code: string; message: string } };

export interface LocalHttp {
  base: string;
  server: FastifyInstance;
  /** as: the role (users id) to act in, sent beside action and input. */
  api(token: string | null, action: string, input: unknown, as?: string): Promise<Envelope>;
  signIn(userId: string): Promise<string>;
  /** POSTs a multipart upload of one file into a slot; answers the status and the envelope. */
  upload(token: string | null, slotId: string, bytes: Uint8Array, name?: string): Promise<{ status: number; body: Envelope }>;
  close(): Promise<void>;
}

export async function startLocalHttp(h: Harness, options: Partial<LocalServerOptions> = {}): Promise<LocalHttp> {
  const server = await createLocalServer({ deps: h.deps, files: h.files, secret: SECRET, staticDir: null, demo: true, ...options });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown, token?: string | null) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Envelope;
  };
  return {
    base,
    server,
    api: (token, action, input, as) => post('/api', { action, input, ...(as ? { as } : {}) }, token),
    async signIn(userId) {
      const body = await post('/auth/demo-login', { userId });
      if (!body.ok) throw new Error(`demo-login ${userId}: ${JSON.stringify(body.error)}`);
      return body.data.token as string;
    },
    async upload(token, slotId, bytes, name = 'photo.jpg') {
      const form = new FormData();
      form.append('file', new Blob([Buffer.from(bytes)]), name);
      const response = await fetch(`${base}/files/upload?slot=${encodeURIComponent(slotId)}`, {
        method: 'POST',
        body: form,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      return { status: response.status, body: (await response.json()) as Envelope };
    },
    close: () => server.close(),
  };
}
