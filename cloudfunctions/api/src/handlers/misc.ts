import { AppError } from '@/core/errors';
import { fileBelongsToApplication, storagePathOf } from '@/core/evidence/file-ids';
import { rollUpIndicators } from '@/core/kpi/rollup';
import { maySeeApplication } from '@/core/policy/visibility';
import { totalQuota } from '@/core/program/program-schema';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { Application } from '@/core/schemas/documents';
import { applicationStatuses } from '@/core/workflow/award-workflow';
import type { Caller, HandlerContext } from '../context';
import { loadStaffProgram } from '../loaders';
import { requireFileVisible } from '../moderation';
import type { StoreReader } from '../ports';

const LINK_SECONDS = 10 * 60;

export async function getSession(_input: ParsedInput<'session.me'>, context: HandlerContext): Promise<ActionOutput<'session.me'>> {
  const { user, org } = context.caller;
  const notifications = await context.deps.store.find('notifications', { userId: user._id, readAt: null });
  return {
    user: { id: user._id, name: user.name, role: user.role },
    org: { id: org._id, name: org.name, kind: org.kind, profile: org.profile },
    unreadNotifications: notifications.length,
    serverNow: context.now.toISOString(),
  };
}

/** A reviewer sees an application's files once they have declared no conflict of interest, while the task stands. */
async function reviewerMaySee(store: StoreReader, caller: Caller, application: Application): Promise<boolean> {
  if (caller.user.role !== 'reviewer') return false;
  const [review] = await store.find('reviews', { applicationId: application._id, reviewerId: caller.user._id }, { limit: 1 });
  return Boolean(review && review.status !== 'assigned' && review.status !== 'withdrawn');
}

/** A short-lived link to an evidence file or attachment, for those who may see the application it belongs to. */
export async function linkFile(input: ParsedInput<'file.link'>, context: HandlerContext): Promise<ActionOutput<'file.link'>> {
  const { deps, caller, now } = context;
  const applicationId = storagePathOf(input.fileId)?.split('/')[1];
  const application = applicationId ? await deps.store.get('applications', applicationId) : null;
  const visible =
    application &&
    fileBelongsToApplication(input.fileId, application._id) &&
    (maySeeApplication(caller.user, application) || (await reviewerMaySee(deps.store, caller, application)));
  if (!visible) throw new AppError('NOT_FOUND', '文件不存在');
  await requireFileVisible(deps.store, caller, application, input.fileId);
  return {
    url: await deps.files.temporaryUrl(input.fileId, LINK_SECONDS),
    expiresAt: new Date(now.getTime() + LINK_SECONDS * 1000).toISOString(),
  };
}

export async function getDashboard(input: ParsedInput<'dashboard.get'>, context: HandlerContext): Promise<ActionOutput<'dashboard.get'>> {
  const { deps, caller } = context;
  const program = await loadStaffProgram(deps.store, caller, input.programId);
  const [applications, claims] = await Promise.all([
    deps.store.find('applications', { programId: program._id }),
    deps.store.find('claims', { programId: program._id }),
  ]);
  const counts = Object.fromEntries(applicationStatuses.map((status) => [status, 0])) as Record<
    (typeof applicationStatuses)[number],
    number
  >;
  for (const application of applications) counts[application.status] += 1;
  const sumOf = (values: (number | null)[]) => values.reduce<number>((total, value) => total + (value ?? 0), 0);
  return {
    program: { id: program._id, name: program.name, quota: totalQuota(program), poolFen: program.poolFen },
    counts,
    grantedFen: sumOf(applications.filter((application) => application.status !== 'failed').map((application) => application.awardFen)),
    paidFen: sumOf(applications.map((application) => application.payout?.amountFen ?? null)),
    rows: rollUpIndicators(program, applications, claims),
  };
}
