import { AppError } from '@/core/errors';
import { fileBelongsToApplication, storagePathOf } from '@/core/evidence/file-ids';
import { rollUpIndicators } from '@/core/kpi/rollup';
import { maySeeApplication, maySeeDashboard } from '@/core/policy/visibility';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { applicationStatuses } from '@/core/workflow/award-workflow';
import type { HandlerContext } from '../context';
import { loadProgram } from '../loaders';
import { toProgramView } from '../views';

const LINK_SECONDS = 10 * 60;

export async function getSession(_input: ParsedInput<'session.me'>, context: HandlerContext): Promise<ActionOutput<'session.me'>> {
  const { user, org } = context.caller;
  return {
    user: { id: user._id, name: user.name, role: user.role },
    org: { id: org._id, name: org.name, kind: org.kind },
    serverNow: context.now.toISOString(),
  };
}

/** Programmes of the caller's society (a society's own staff see its programmes; members see their society's). */
export async function listPrograms(_input: ParsedInput<'program.list'>, context: HandlerContext) {
  const societyId = context.caller.org.societyId ?? context.caller.org._id;
  const programs = await context.deps.store.find('programs', { societyId }, { orderBy: { field: 'opensAt', direction: 'desc' } });
  return programs.map((program) => toProgramView(program, context.now));
}

export async function getProgram(input: ParsedInput<'program.get'>, context: HandlerContext) {
  const program = await loadProgram(context.deps.store, input.programId);
  const societyId = context.caller.org.societyId ?? context.caller.org._id;
  if (program.societyId !== societyId) throw new AppError('NOT_FOUND', '项目不存在');
  return toProgramView(program, context.now);
}

/** A short-lived link to an evidence file, for those who may see the application it belongs to. */
export async function linkFile(input: ParsedInput<'file.link'>, context: HandlerContext): Promise<ActionOutput<'file.link'>> {
  const { deps, caller, now } = context;
  const applicationId = storagePathOf(input.fileId)?.split('/')[1];
  const application = applicationId ? await deps.store.get('applications', applicationId) : null;
  if (!application || !fileBelongsToApplication(input.fileId, application._id) || !maySeeApplication(caller.user, application)) {
    throw new AppError('NOT_FOUND', '文件不存在');
  }
  return {
    url: await deps.files.temporaryUrl(input.fileId, LINK_SECONDS),
    expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
  };
}

export async function getDashboard(input: ParsedInput<'dashboard.get'>, context: HandlerContext): Promise<ActionOutput<'dashboard.get'>> {
  const { deps, caller } = context;
  if (!maySeeDashboard(caller.user)) throw new AppError('FORBIDDEN');
  const program = await loadProgram(deps.store, input.programId);
  const [applications, claims] = await Promise.all([
    deps.store.find('applications', { programId: program._id }),
    deps.store.find('claims', { programId: program._id }),
  ]);
  const counts = Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as Record<
    (typeof applicationStatuses)[number],
    number
  >;
  for (const application of applications) counts[application.status] += 1;
  return {
    program: {
      id: program._id,
      name: program.name,
      quota: program.quota,
      awardAmountFen: program.awardAmountFen,
      poolFen: program.poolFen,
    },
    counts,
    approvedFen: counts.approved * program.awardAmountFen,
    rows: rollUpIndicators(program, applications, claims),
  };
}
