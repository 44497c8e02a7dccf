// Loads shared by handlers, each refusing with the error a user should see.
import { AppError } from '@/core/errors';
import { maySeeApplication, runsProgram } from '@/core/policy/visibility';
import { programOf, upstreamCodes } from '@/core/program/program-schema';
import type { Application, CollectionName, DocumentOf, Organization, Program } from '@/core/schemas/documents';
import type { Caller } from './context';
import type { StoreReader, Where } from './ports';

/** Reads by id: a Store outside a transaction, or a StoreTx inside one. */
type Reader = Pick<StoreReader, 'get'>;
/** Reads many at once: a Store outside a transaction. */
type Finder = Pick<StoreReader, 'find'>;

/**
 * Documents whose `field` is one of `values` (with any other conditions), in one read (not one per value; the
 * CloudBase adapter splits a very long list itself). Answers them in no particular order.
 */
export async function findAmong<C extends CollectionName>(
  store: Finder,
  collection: C,
  field: string,
  values: readonly string[],
  where: Where = {},
): Promise<DocumentOf<C>[]> {
  const unique = [...new Set(values)];
  if (unique.length === 0) return [];
  return store.find(collection, { ...where, [field]: { in: unique } });
}

/** The documents with these ids, in one read (not one per id); an id with no document is absent. */
export async function byIds<C extends CollectionName>(
  store: Finder,
  collection: C,
  ids: Iterable<string>,
): Promise<Map<string, DocumentOf<C>>> {
  const found = await findAmong(store, collection, '_id', [...ids]);
  return new Map(found.map((doc) => [(doc as { _id: string })._id, doc]));
}

/** Programmes by id, in one read; a missing one fails as loadProgram does. */
export async function loadPrograms(store: Finder, programIds: Iterable<string>): Promise<Map<string, Program>> {
  const wanted = [...new Set(programIds)];
  const found = await byIds(store, 'programs', wanted);
  if (found.size < wanted.length) throw new AppError('NOT_FOUND', '项目不存在');
  return new Map([...found].map(([id, program]) => [id, programOf(program)]));
}

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
  const upstream = await store.find('programs', { code: { in: [...upstreamCodes(program)] } });
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

/** Each organisation's name (one read for them all); an unknown one is named as such. */
export async function orgNames(store: Finder, orgIds: readonly string[]): Promise<Map<string, string>> {
  const orgs = await byIds(store, 'organizations', orgIds);
  return new Map(orgIds.map((orgId) => [orgId, orgs.get(orgId)?.name ?? '（未知单位）']));
}
