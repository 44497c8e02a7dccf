// One entry for every call: parse → identify the caller → run the action's handler → answer in one envelope.
import { z } from 'zod';
import { AppError } from '@/core/errors';
import { actionContracts, isActionName, type ActionName, type ApiResult } from '@/core/schemas/actions';
import { id } from '@/core/schemas/common';
import { ANONYMOUS_CLIENT, type HandlerContext, type IdentityContext, type Origin, type PublicContext } from './context';
import { handlers, identityHandlers, isIdentityAction, isPublicAction, publicHandlers } from './handlers';
import { resolveCaller } from './roles';
import { StoreConflict, type Deps, type Identity } from './ports';

/** `as`: the users id of the role the person acts in (one of their own); absent: their first role. */
const eventSchema = z.object({ action: z.string(), input: z.unknown().optional(), as: id.nullish() });

/** The first problem zod found, in words a person can act on. */
function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return '';
  const where = issue.path.length > 0 ? `${issue.path.join('.')}：` : '';
  return `${where}${issue.message}`;
}

export async function route(event: unknown, identity: Identity | null, deps: Deps, origin?: Origin): Promise<ApiResult<unknown>> {
  try {
    const parsedEvent = eventSchema.safeParse(event);
    if (!parsedEvent.success) throw new AppError('INVALID_INPUT', '请求格式不正确');
    const { action, input, as } = parsedEvent.data;
    if (!isActionName(action)) throw new AppError('UNKNOWN_ACTION', action);
    const call = { identity, as: as ?? undefined, clientKey: origin?.clientKey || ANONYMOUS_CLIENT };
    return { ok: true, data: await runAction(action, input ?? {}, call, deps) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toBody() };
    if (error instanceof StoreConflict) return { ok: false, error: new AppError('CONFLICT').toBody() };
    console.error('[api] unexpected error', error);
    return { ok: false, error: new AppError('INTERNAL').toBody() };
  }
}

/** Who calls, as the platform says (identity, clientKey), and which of their roles the event asks for (`as`). */
interface Call {
  identity: Identity | null;
  as: string | undefined;
  clientKey: string;
}

async function runAction<A extends ActionName>(action: A, rawInput: unknown, call: Call, deps: Deps) {
  const { identity, clientKey } = call;
  const contract = actionContracts[action];
  const parsed = contract.input.safeParse(rawInput);
  if (!parsed.success) throw new AppError('INVALID_INPUT', describeIssue(parsed.error));
  let output: unknown;
  if (isPublicAction(action)) {
    const handler = publicHandlers[action] as (input: unknown, context: PublicContext) => Promise<unknown>;
    output = await handler(parsed.data, { deps, now: deps.clock.now(), identity, clientKey });
  } else if (isIdentityAction(action)) {
    // A WeChat identity with no role yet (taking an invitation, the first setup): no `as`, no caller.
    if (!identity?.openid) throw new AppError('UNAUTHENTICATED');
    const handler = identityHandlers[action] as (input: unknown, context: IdentityContext) => Promise<unknown>;
    output = await handler(parsed.data, { deps, now: deps.clock.now(), identity, clientKey });
  } else {
    if (!identity?.openid) throw new AppError('UNAUTHENTICATED');
    const caller = await resolveCaller(deps.store, identity.openid, call.as);
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
