// The secretariat's release of content WeChat content security held: the reason is audited, and a
// released photo becomes visible to reviewers like any passed one.
import { AppError } from '@/core/errors';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { HandlerContext } from '../context';
import { loadStaffApplication, loadStaffProgram } from '../loaders';
import { changeModeration, mediaCheckId } from '../moderation';

/** Refuses unless the caller's secretariat handles the record (another organiser's is reported as missing). */
async function authorize(input: ParsedInput<'moderation.release'>, context: HandlerContext): Promise<void> {
  const { store } = context.deps;
  if (input.entity === 'application') {
    await loadStaffApplication(store, context.caller, input.id);
    return;
  }
  if (input.entity === 'claim') {
    const claim = await store.get('claims', input.id);
    if (!claim) throw new AppError('NOT_FOUND', '填报记录不存在');
    await loadStaffApplication(store, context.caller, claim.applicationId);
    return;
  }
  const objection = await store.get('objections', input.id);
  if (!objection) throw new AppError('NOT_FOUND', '异议不存在');
  await loadStaffProgram(store, context.caller, objection.programId);
}

export async function releaseHeld(
  input: ParsedInput<'moderation.release'>,
  context: HandlerContext,
): Promise<ActionOutput<'moderation.release'>> {
  const { deps, caller, now } = context;
  await authorize(input, context);
  return deps.store.transaction(async (tx) => {
    const released: string[] = [];
    const changed = await changeModeration(
      tx,
      deps,
      { entity: input.entity, id: input.id, expectedVersion: input.version },
      (checks) => {
        const next = checks.map((check) => {
          if (check.status !== 'held') return check;
          released.push(check.subject);
          return { ...check, status: 'pass' as const, reason: `已放行（原判：${check.reason ?? '未注明'}）`.slice(0, 200) };
        });
        if (released.length === 0) throw new AppError('TRANSITION_NOT_ALLOWED', '没有待放行的内容');
        return { checks: next, released: { by: caller.user._id, at: now.toISOString(), reason: input.reason } };
      },
      { action: 'release', from: 'held', to: 'pass', reason: input.reason, actor: caller.actor, now },
    );
    if (!changed) throw new AppError('NOT_FOUND');
    // A released photo is seen by reviewers too: its media check passes with it.
    for (const subject of released) {
      const check = await tx.get('mediaChecks', mediaCheckId(input.id, subject));
      if (check)
        await tx.replace(
          'mediaChecks',
          { ...check, status: 'pass', version: check.version + 1, updatedAt: now.toISOString() },
          check.version,
        );
    }
    return { id: input.id, version: changed.version, moderation: changed.moderation };
  });
}
