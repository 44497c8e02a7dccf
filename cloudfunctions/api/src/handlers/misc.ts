import { rollUpIndicators } from '@/core/kpi/rollup';
import { totalQuota } from '@/core/program/program-schema';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { applicationStatuses } from '@/core/workflow/award-workflow';
import type { HandlerContext } from '../context';
import { loadStaffProgram } from '../loaders';
import { sessionOf } from '../roles';

export async function getSession(_input: ParsedInput<'session.me'>, context: HandlerContext): Promise<ActionOutput<'session.me'>> {
  return sessionOf(context.deps.store, context.caller.user, context.caller.org, context.now);
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
