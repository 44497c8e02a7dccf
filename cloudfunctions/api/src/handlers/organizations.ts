// Organisations, managed by their organiser's secretariat: list, read, create, edit and deactivate the
// units under it; each change audited in the same transaction.
import { AppError } from '@/core/errors';
import { kindRefusal } from '@/core/organization/managed-kinds';
import { categoryByKey, programOf } from '@/core/program/program-schema';
import type { OrganizationHistoryRow, ParsedInput } from '@/core/schemas/actions';
import type { Application, Organization, Program } from '@/core/schemas/documents';
import { statusTable } from '@/core/workflow/award-workflow';
import { writeAudit, type AuditRecord } from '../audit';
import type { HandlerContext } from '../context';
import { requireSecretariat } from '../loaders';
import type { StoreReader, StoreTx } from '../ports';

/** The organiser whose units the caller manages: its secretariat's own organisation, whose id needs no read. */
export function organiserIdOf(context: HandlerContext): string {
  requireSecretariat(context.caller);
  return context.caller.user.orgId;
}

/** The organiser itself (its kind, its name), read before any transaction. */
export async function organiserOf(context: HandlerContext): Promise<Organization> {
  requireSecretariat(context.caller);
  return context.caller.organization();
}

/** An organisation under the caller's organiser; any other is reported as missing. */
export async function loadManaged(store: Pick<StoreReader, 'get'>, context: HandlerContext, organizationId: string): Promise<Organization> {
  const organiserId = organiserIdOf(context);
  const org = await store.get('organizations', organizationId);
  if (!org || org.societyId !== organiserId) throw new AppError('NOT_FOUND', '单位不存在');
  return org;
}

function checkKind(organiser: Organization, kind: Organization['kind']): void {
  const refusal = kindRefusal(organiser.kind, kind);
  if (refusal) throw new AppError('INVALID_INPUT', refusal);
}

/** A name already used by another unit of the same organiser is refused (two units one cannot tell apart). */
async function checkNameFree(context: HandlerContext, organiserId: string, name: string, selfId: string): Promise<void> {
  const same = await context.deps.store.find('organizations', { societyId: organiserId, name });
  if (same.some((org) => org._id !== selfId)) throw new AppError('INVALID_INPUT', `已有名为“${name}”的单位`);
}

/** The audit entry of a change to a unit, written in the change's transaction. */
export async function audited(tx: StoreTx, context: HandlerContext, org: Organization, record: AuditRecord): Promise<void> {
  await writeAudit(
    tx,
    [record],
    { entity: 'organization', id: org._id, version: org.version },
    context.caller.actor,
    context.now,
    context.deps.newId,
  );
}

type Editable = Pick<ParsedInput<'organization.update'>, 'name' | 'profile' | 'contactPhone' | 'address'>;

function editableOf(input: Editable): Pick<Organization, 'name' | 'profile' | 'contactPhone' | 'address'> {
  return { name: input.name, profile: input.profile, contactPhone: input.contactPhone, address: input.address };
}

/** A new, active unit of the organiser, as created one by one or imported from a sheet. */
export function newUnit(id: string, organiser: Organization, kind: Organization['kind'], fields: Editable, now: Date): Organization {
  const stamp = now.toISOString();
  return { _id: id, version: 1, createdAt: stamp, updatedAt: stamp, kind, societyId: organiser._id, active: true, ...editableOf(fields) };
}

export async function listOrganizations(_input: ParsedInput<'organization.list'>, context: HandlerContext) {
  // The Store orders ties by _id, so units created in the same millisecond keep one order.
  return context.deps.store.find(
    'organizations',
    { societyId: organiserIdOf(context) },
    { orderBy: { field: 'createdAt', direction: 'asc' } },
  );
}

export async function getOrganization(input: ParsedInput<'organization.get'>, context: HandlerContext) {
  return loadManaged(context.deps.store, context, input.organizationId);
}

/**
 * The unit with its applications across years. Two reads whatever their number: the unit's applications, and
 * the organiser's programmes (a unit applies only to its organiser's, and only those are listed).
 */
export async function organizationHistory(input: ParsedInput<'organization.history'>, context: HandlerContext) {
  const organization = await loadManaged(context.deps.store, context, input.organizationId);
  const [applications, programs] = await Promise.all([
    context.deps.store.find('applications', { orgId: organization._id }),
    context.deps.store.find('programs', { societyId: organization.societyId }).then((found) => found.map(programOf)),
  ]);
  const programById = new Map(programs.map((program) => [program._id, program]));
  const rows = applications.flatMap((application) => {
    const program = programById.get(application.programId);
    if (!program || application.status === 'draft') return [];
    return [historyRow(application, program)];
  });
  rows.sort(
    (a, b) =>
      b.programYear - a.programYear ||
      (b.submittedAt ?? '').localeCompare(a.submittedAt ?? '') ||
      a.applicationId.localeCompare(b.applicationId),
  );
  return { organization, applications: rows };
}

function historyRow(application: Application, program: Program): OrganizationHistoryRow {
  const status = statusTable[application.status];
  return {
    applicationId: application._id,
    programId: program._id,
    programName: program.name,
    programYear: program.year,
    projectName: application.projectName,
    categoryName: categoryByKey(program, application.categoryKey)?.name ?? '',
    status: application.status,
    statusLabel: status.staffLabel,
    submittedAt: application.submittedAt,
    awardFen: status.granted ? application.awardFen : null,
    paidFen: application.payout?.amountFen ?? null,
    paidOn: application.payout?.paidOn ?? null,
  };
}

/** Creates the unit once per requestId: a retried create returns the same organisation. */
export async function createOrganization(input: ParsedInput<'organization.create'>, context: HandlerContext) {
  const organiser = await organiserOf(context);
  const { deps, now } = context;
  const organizationId = `org_${input.requestId}`;
  const earlier = await deps.store.get('organizations', organizationId);
  if (earlier?.societyId === organiser._id) return earlier;
  checkKind(organiser, input.kind);
  await checkNameFree(context, organiser._id, input.name, organizationId);
  return deps.store.transaction(async (tx) => {
    const existing = await tx.get('organizations', organizationId);
    // The same id chosen by another organiser is not theirs to read.
    if (existing && existing.societyId !== organiser._id) throw new AppError('CONFLICT');
    if (existing) return existing;
    const created = newUnit(organizationId, organiser, input.kind, input, now);
    await tx.create('organizations', created);
    await audited(tx, context, created, { action: 'create', from: null, to: input.kind, reason: null });
    return created;
  });
}

export async function updateOrganization(input: ParsedInput<'organization.update'>, context: HandlerContext) {
  await checkNameFree(context, organiserIdOf(context), input.name, input.organizationId);
  return context.deps.store.transaction(async (tx) => {
    const current = await loadManaged(tx, context, input.organizationId);
    if (current.version !== input.version) throw new AppError('CONFLICT');
    const next: Organization = { ...current, ...editableOf(input), version: current.version + 1, updatedAt: context.now.toISOString() };
    await tx.replace('organizations', next, current.version);
    await audited(tx, context, next, { action: 'update', from: current.name, to: next.name, reason: null });
    return next;
  });
}

/** Deactivates a unit: it keeps its history but may no longer apply. */
export async function deactivateOrganization(input: ParsedInput<'organization.deactivate'>, context: HandlerContext) {
  return context.deps.store.transaction(async (tx) => {
    const current = await loadManaged(tx, context, input.organizationId);
    if (current.version !== input.version) throw new AppError('CONFLICT');
    if (!current.active) throw new AppError('TRANSITION_NOT_ALLOWED', '该单位已停用');
    const next: Organization = { ...current, active: false, version: current.version + 1, updatedAt: context.now.toISOString() };
    await tx.replace('organizations', next, current.version);
    await audited(tx, context, next, { action: 'deactivate', from: 'active', to: 'inactive', reason: input.reason });
    return next;
  });
}
