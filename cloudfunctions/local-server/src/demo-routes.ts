// Demo mode only (local demo data, browser tests): the demo accounts, the demo sign-in that stands in for
// WeChat's identity, a fresh identity standing for a new WeChat user, and moving the server's clock. A server
// started without demo mode has none of these.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@/core/errors';
import { mayAct } from '@/core/people/manages';
import { roleLabels } from '@/core/schemas/common';
import type { AdjustableClock } from '../../api/src/adapters/clocks';
import { orgNames } from '../../api/src/loaders';
import type { Deps } from '../../api/src/ports';
import { runScheduledWork } from '../../api/src/scheduled';
import { issueSession } from './session';

/** The demo clock stays within a sane range: the programmes' years, with room on both sides. */
const EARLIEST_CLOCK = Date.parse('2000-01-01T00:00:00Z');
const LATEST_CLOCK = Date.parse('2100-01-01T00:00:00Z');

function bodyField(body: unknown, field: string): unknown {
  return typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[field] : undefined;
}

export function registerDemoRoutes(
  app: FastifyInstance,
  options: { deps: Deps; secret: string; clockControl: AdjustableClock | null },
): void {
  const { deps, secret, clockControl } = options;

  app.get('/auth/demo-accounts', async (_request, reply) => {
    // One entry per role that may act: a person with two roles appears twice, once for each.
    const users = (await deps.store.find('users', {}, { orderBy: { field: '_id', direction: 'asc' } })).filter(mayAct);
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
    return reply.header('cache-control', 'no-store').send({ ok: true, data: accounts });
  });

  app.post('/auth/demo-login', async (request, reply) => {
    const userId = bodyField(request.body, 'userId');
    const user = typeof userId === 'string' && userId.length <= 128 ? await deps.store.get('users', userId) : null;
    if (!user || !mayAct(user)) throw new AppError('NOT_REGISTERED');
    // The session is the person's (their openid); `as` names the role picked, for the client to send with each call.
    return reply.header('cache-control', 'no-store').send({ ok: true, data: { ...issueSession(secret, user.openid), as: user._id } });
  });

  app.post('/auth/demo-new-user', async (_request, reply) => {
    // A person who has just opened the mini-program: WeChat knows them (a new openid), the app does not yet.
    const openid = `local-${randomBytes(12).toString('base64url')}`;
    return reply.header('cache-control', 'no-store').send({ ok: true, data: issueSession(secret, openid) });
  });

  if (!clockControl) return;
  app.post('/demo/clock', async (request, reply) => {
    // Moves the server's time, then runs the timer's work at once (e.g. a notice that has now ended closes).
    const at = bodyField(request.body, 'at');
    const time = typeof at === 'string' ? Date.parse(at) : NaN;
    if (Number.isNaN(time)) throw new AppError('INVALID_INPUT', '时间格式不正确');
    if (time < EARLIEST_CLOCK || time >= LATEST_CLOCK) throw new AppError('INVALID_INPUT', '时间须在 2000 年至 2099 年之间');
    clockControl.jumpTo(new Date(time).toISOString());
    const report = await runScheduledWork(deps);
    return reply.header('cache-control', 'no-store').send({ ok: true, data: { now: deps.clock.now().toISOString(), ...report } });
  });
}
