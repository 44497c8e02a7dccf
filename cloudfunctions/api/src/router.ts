// One entry for every call: parse → identify the caller → run the action's handler → answer in one envelope.
import { z } from 'zod';
import { AppError } from '@/core/errors';
import { actionContracts, isActionName, type ActionName, type ApiResult } from '@/core/schemas/actions';
import { ANONYMOUS_CLIENT, actorOf, type Caller, type HandlerContext, type Origin, type PublicContext } from './context';
import { handlers, isPublicAction, publicHandlers } from './handlers';
import { StoreConflict, type Deps, type Identity } from './ports';

const eventSchema = z.object({ action: z.string(), input: z.unknown().optional() });

/** The first problem zod found, in words a person can act on. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
  return `${where}${issue.message}`;
}

async function resolveCaller(identity: Identity | null, deps: Deps): Promise<Caller> {
  if (!identity?.openid) throw new AppError('UNAUTHENTICATED');
  const [user] = await deps.store.find('users', { openid: identity.openid }, { limit: 1 });
  if (!user) throw new AppError('NOT_REGISTERED');
  const org = await deps.store.get('organizations', user.orgId);
  if (!org) throw new AppError('NOT_REGISTERED', '所属单位不存在');
  return { user, org, actor: actorOf(user) };
}

export async function route(event: unknown, identity: Identity | null, deps: Deps, origin?: Origin): Promise<ApiResult<unknown>> {
  try {
    const parsedEvent = eventSchema.safeParse(event);
    if (!parsedEvent.success) throw new AppError('INVALID_INPUT', '请求格式不正确');
    const { action, input } = parsedEvent.data;
    if (!isActionName(action)) throw new AppError('UNKNOWN_ACTION', action);
    return { ok: true, data: await runAction(action, input ?? {}, identity, deps, origin?.clientKey || ANONYMOUS_CLIENT) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    if (error instanceof StoreConflict) return { ok: false, error: new AppError('CONFLICT').toBody() };
    console.error('[api] unexpected error', error);
    return { ok: false, error: new AppError('INTERNAL').toBody() };
  }
}

async function runAction<A extends ActionName>(action: A, rawInput: unknown, identity: Identity | null, deps: Deps, clientKey: string) {
  const contract = actionContracts[action];
  const parsed = contract.input.safeParse(rawInput);
  if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssue(parsed.error));
  let output: unknown;
  if (isPublicAction(action)) {
    const handler = publicHandlers[action] as (input: unknown, context: PublicContext) => Promise<unknown>;
    output = await handler(parsed.data, { deps, now: deps.clock.now(), identity, clientKey });
  } else {
    const caller = await resolveCaller(identity, deps);
    const context: HandlerContext = { deps, caller, now: deps.clock.now() };
    const handler = (handlers as Record<string, unknown>)[action] as (input: unknown, context: HandlerContext) => Promise<unknown>;
    output = await handler(parsed.data, context);
  }
  // The answer is checked against the contract too: a handler bug surfaces here, not on a phone.
  const checked = contract.output.safeParse(output);
  if (!checked.success) {
    console.error(`[api] ${action} answered outside its contract`, checked.error.issues.slice(0, 3));
    throw new AppError('INTERNAL');
  }
  return checked.data;
}
