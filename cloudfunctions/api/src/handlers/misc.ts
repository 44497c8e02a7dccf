import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { HandlerContext } from '../context';
import { sessionOf } from '../roles';

export async function getSession(_input: ParsedInput<'session.me'>, context: HandlerContext): Promise<ActionOutput<'session.me'>> {
  return sessionOf(context.deps.store, context.caller.user, await context.caller.organization(), context.now);
}
