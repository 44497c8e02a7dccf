// Loads shared by handlers, each refusing with the error a user should see.
import { AppError } from '@/core/errors';
import { maySeeApplication, runsProgram } from '@/core/policy/visibility';
import { programOf, upstreamCodes } from '@/core/program/program-schema';
import type { Application, Organization, Program } from '@/core/schemas/documents';
import type { Caller } from './context';
import type { StoreReader } from './ports';

/** Reads by id: a Store outside a transaction, or a StoreTx inside one. */
type Reader = Pick<StoreReader, 'get'>;

export async function loadProgram(store: Reader, programId: string): Promise<Program> {
  const program = await store.get('programs', programId);
  if (!program) throw new AppError('NOT_FOUND', '项目不存在');
  return programOf(program);
}

/** An application the caller may see; another unit's application is reported as missing, not forbidden. */
export async function loadVisibleApplication(store: Reader, caller: Caller, applicationId: string): Promise<Application> {
  const application = await store.get('applications', applicationId);
  if (!application || !maySeeApplication(caller.user, application)) throw new AppError('NOT_FOUND', '申报不存在');
  return application;
}

export function requireSecretariat(caller: Caller): void {
  if (caller.user.role !== 'secretariat') throw new AppError('FORBIDDEN', '仅项目所属单位的秘书处可以办理');
}

/** A programme the caller's secretariat runs; another organisation's programme is reported as missing. */
export async function loadStaffProgram(store: Reader, caller: Caller, programId: string): Promise<Program> {
  requireSecretariat(caller);
  const program = await loadProgram(store, programId);
  if (!runsProgram(caller.user, program)) throw new AppError('NOT_FOUND', '项目不存在');
  return program;
}

/**
 * A programme whose figures the caller may take away: its own secretariat's, or one whose indicators are linked
 * to a programme the caller's organisation runs (the province asks the society for its 绩效自评 and evidence).
 * Anyone else's staff find no such programme.
 */
export async function loadReportingProgram(store: StoreReader, caller: Caller, programId: string): Promise<Program> {
  requireSecretariat(caller);
  const program = await loadProgram(store, programId);
  if (runsProgram(caller.user, program)) return program;
  const upstream = (await Promise.all([...upstreamCodes(program)].map((code) => store.find('programs', { code })))).flat();
  if (!upstream.some((candidate) => runsProgram(caller.user, candidate))) throw new AppError('NOT_FOUND', '项目不存在');
  return program;
}

/** An application to a programme the caller's secretariat runs. */
export async function loadStaffApplication(store: Reader, caller: Caller, applicationId: string): Promise<Application> {
  requireSecretariat(caller);
  return loadVisibleApplication(store, caller, applicationId);
}

export async function loadOrganization(store: Reader, orgId: string): Promise<Organization> {
  const org = await store.get('organizations', orgId);
  if (!org) throw new AppError('NOT_FOUND', '单位不存在');
  return org;
}

export async function orgNames(store: Reader | StoreReader, orgIds: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(orgIds)];
  // Outside a transaction one read for them all; inside one (gets only), one read per distinct organisation.
  const orgs =
    'find' in store
      ? unique.length
        ? await store.find('organizations', { _id: { in: unique } })
        : []
      : await Promise.all(unique.map((orgId) => store.get('organizations', orgId)));
  const names = new Map(orgs.flatMap((org) => (org ? [[org._id, org.name] as const] : [])));
  return new Map(unique.map((orgId) => [orgId, names.get(orgId) ?? '（未知单位）']));
}
