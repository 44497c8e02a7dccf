import { checkApplicationWindow, checkContentLimits, checkSubmittable } from '@/core/application/rules';
import { AppError } from '@/core/errors';
import { isEligibleApplicant } from '@/core/program/eligibility';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import type { Application, Program } from '@/core/schemas/documents';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { transition } from '@/core/workflow/transition';
import { writeAudit } from '../audit';
import type { HandlerContext } from '../context';
import { loadProgram, loadVisibleApplication, orgNames } from '../loaders';
import type { Where } from '../ports';
import { toApplicationView, toProgramView } from '../views';

async function viewOf(application: Application, program: Program, context: HandlerContext) {
  const names = await orgNames(context.deps.store, [application.orgId]);
  return toApplicationView(application, program, names.get(application.orgId) ?? '', context.caller, context.now);
}

/** Creates the draft once per requestId: a retried or doubled create returns the same application. */
export async function createApplication(
  input: ParsedInput<'application.create'>,
  context: HandlerContext,
): Promise<ActionOutput<'application.create'>> {
  const { caller, deps, now } = context;
  if (caller.user.role !== 'applicant') throw new AppError('FORBIDDEN', '仅申报单位联系人可以申报');
  const program = await loadProgram(deps.store, input.programId);
  if (!isEligibleApplicant(program, caller.org)) throw new AppError('APPLICANT_NOT_ELIGIBLE');
  checkApplicationWindow(program, now);
  checkContentLimits(program, input.content);

  const applicationId = `app_${input.requestId}`;
  const application = await deps.store.transaction(async (tx) => {
    const existing = await tx.get('applications', applicationId);
    if (existing) {
      if (existing.orgId !== caller.org._id || existing.programId !== program._id) throw new AppError('CONFLICT');
      return existing;
    }
    const created: Application = {
      _id: applicationId,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      programId: program._id,
      orgId: caller.org._id,
      createdBy: caller.user._id,
      requestId: input.requestId,
      status: 'draft',
      ...input.content,
      returnReason: null,
      submittedAt: null,
      decidedAt: null,
    };
    await tx.create('applications', created);
    await writeAudit(
      tx,
      [{ action: 'create', from: null, to: 'draft', reason: null }],
      { entity: 'application', id: applicationId, version: created.version },
      caller,
      now,
      deps.newId,
    );
    return created;
  });
  return viewOf(application, program, context);
}

/**
 * The common step of every change to an application: load it in a transaction, insist on the version the
 * caller saw, run the workflow transition, apply the change, save and audit together.
 */
async function changeApplication(
  context: HandlerContext,
  applicationId: string,
  version: number,
  action: WorkflowAction,
  change: (application: Application, program: Program) => Partial<Application>,
  reason?: string,
) {
  const { caller, deps, now } = context;
  const { saved, program } = await deps.store.transaction(async (tx) => {
    const current = await loadVisibleApplication(tx, caller, applicationId);
    if (current.version !== version) throw new AppError('CONFLICT');
    const program = await loadProgram(tx, current.programId);
    const result = transition(current, action, caller.actor, { reason });
    if (!result.ok) throw new AppError(result.code);
    const next: Application = {
      ...result.next,
      ...change(current, program),
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await tx.replace('applications', next, current.version);
    await writeAudit(tx, result.effects, { entity: 'application', id: applicationId, version: next.version }, caller, now, deps.newId);
    return { saved: next, program };
  });
  return viewOf(saved, program, context);
}

export function saveApplication(input: ParsedInput<'application.save'>, context: HandlerContext) {
  return changeApplication(context, input.applicationId, input.version, 'save', (_current, program) => {
    checkContentLimits(program, input.content);
    return { ...input.content };
  });
}

export function submitApplication(input: ParsedInput<'application.submit'>, context: HandlerContext) {
  return changeApplication(context, input.applicationId, input.version, 'submit', (current, program) => {
    checkApplicationWindow(program, context.now);
    checkSubmittable(program, current);
    return { submittedAt: context.now.toISOString() };
  });
}

export function decideApplication(input: ParsedInput<'application.decide'>, context: HandlerContext) {
  const action = input.decision === 'approve' ? 'approve' : 'return';
  return changeApplication(
    context,
    input.applicationId,
    input.version,
    action,
    () => ({ decidedAt: context.now.toISOString(), returnReason: action === 'return' ? (input.reason ?? null) : null }),
    input.reason,
  );
}

export async function getApplication(
  input: ParsedInput<'application.get'>,
  context: HandlerContext,
): Promise<ActionOutput<'application.get'>> {
  const { deps, caller, now } = context;
  const application = await loadVisibleApplication(deps.store, caller, input.applicationId);
  const program = await loadProgram(deps.store, application.programId);
  const [claims, audit] = await Promise.all([
    deps.store.find('claims', { applicationId: application._id }, { orderBy: { field: 'createdAt', direction: 'asc' } }),
    deps.store.find('audit', { entity: 'application', entityId: application._id }),
  ]);
  audit.sort((a, b) => a.entityVersion - b.entityVersion);
  return {
    application: await viewOf(application, program, context),
    program: toProgramView(program, now),
    claims,
    audit,
  };
}

async function listViews(applications: Application[], context: HandlerContext) {
  const { deps, caller, now } = context;
  const names = await orgNames(
    deps.store,
    applications.map((application) => application.orgId),
  );
  const programs = new Map<string, Program>();
  for (const programId of new Set(applications.map((application) => application.programId))) {
    programs.set(programId, await loadProgram(deps.store, programId));
  }
  return applications.map((application) =>
    toApplicationView(application, programs.get(application.programId)!, names.get(application.orgId) ?? '', caller, now),
  );
}

export async function listMyApplications(input: ParsedInput<'application.listMine'>, context: HandlerContext) {
  if (context.caller.user.role !== 'applicant') return [];
  const where: Where = { orgId: context.caller.org._id };
  if (input.programId) where.programId = input.programId;
  const applications = await context.deps.store.find('applications', where, { orderBy: { field: 'updatedAt', direction: 'desc' } });
  return listViews(applications, context);
}

/** The secretariat's queue: drafts stay private to their unit until submitted. */
export async function queueApplications(input: ParsedInput<'application.queue'>, context: HandlerContext) {
  if (context.caller.user.role !== 'secretariat') throw new AppError('FORBIDDEN');
  const where: Where = { programId: input.programId };
  if (input.status) where.status = input.status;
  const applications = await context.deps.store.find('applications', where, { orderBy: { field: 'updatedAt', direction: 'asc' } });
  return listViews(
    applications.filter((application) => application.status !== 'draft'),
    context,
  );
}
