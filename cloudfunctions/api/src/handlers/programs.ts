// Programmes: listing, starting one from a seed template, and the secretariat's edits, each validated by
// the one programme schema before it is saved.
import { emptyTotals, totalsOf } from '@/core/award/program-totals';
import { emptyCounts, ledgerId, repricing, type LedgerCounts } from '@/core/award/quota';
import { AppError } from '@/core/errors';
import { mayJoinProgram } from '@/core/program/eligibility';
import {
  categoryByKey,
  programConfigSchema,
  programOf,
  publishIssue,
  upstreamCodes,
  type Program,
  type ProgramConfig,
} from '@/core/program/program-schema';
import { checkEdit, editSummary, programConfigOf, programFieldLabels, structuralIssue, type ProgramUse } from '@/core/program/program-edit';
import { seedProgramByCode, seedPrograms } from '@/core/program/seeds';
import type { ActionOutput, ParsedInput } from '@/core/schemas/actions';
import { firstIssueText } from '@/core/schemas/issue-text';
import type { Ledger, Organization } from '@/core/schemas/documents';
import { writeAudit, type AuditRecord } from '../audit';
import { writeLedger } from '../award-change';
import { carryProgramUp } from '../indicator-ledger';
import type { HandlerContext } from '../context';
import { byIds, loadProgram, loadStaffProgram, requireSecretariat } from '../loaders';
import type { Deps, StoreTx } from '../ports';
import { toProgramView } from '../views';

export async function ledgerFor(deps: Pick<Deps, 'store'>, program: Pick<Program, '_id'>): Promise<LedgerCounts | null> {
  return deps.store.get('ledgers', ledgerId(program._id));
}

/** The caller's own organisation when they apply (what they may join is theirs to see); staff and experts: null. */
async function applicantOrg(context: HandlerContext): Promise<Organization | null> {
  return context.caller.user.role === 'applicant' ? context.caller.organization() : null;
}

/**
 * The organisation whose programmes the caller deals with: a secretariat its own (no read), others their parent's.
 * Read before any transaction that asks for it.
 */
async function societyOf(context: HandlerContext): Promise<string> {
  const { user } = context.caller;
  if (user.role === 'secretariat') return user.orgId;
  const org = await context.caller.organization();
  return org.societyId ?? org._id;
}

/** An applicant sees only the programmes their organisation may apply to; staff and reviewers their society's. */
function maySeeProgram(program: Program, societyId: string, applicant: Organization | null): boolean {
  if (program.societyId !== societyId) return false;
  return applicant === null || mayJoinProgram(program, applicant);
}

async function viewOf(program: Program, context: HandlerContext, ledger?: LedgerCounts | null) {
  const applicant = await applicantOrg(context);
  return toProgramView(program, context.now, ledger === undefined ? await ledgerFor(context.deps, program) : ledger, applicant);
}

/** Programmes the caller may see (its staff see its programmes; its units those of their society open to them). */
export async function listPrograms(_input: ParsedInput<'program.list'>, context: HandlerContext) {
  const [societyId, applicant] = await Promise.all([societyOf(context), applicantOrg(context)]);
  const programs = await context.deps.store.find('programs', { societyId }, { orderBy: { field: 'opensAt', direction: 'desc' } });
  const visible = programs.map(programOf).filter((program) => maySeeProgram(program, societyId, applicant));
  // Their ledgers in one read, not one each.
  const ledgers = await byIds(
    context.deps.store,
    'ledgers',
    visible.map((program) => ledgerId(program._id)),
  );
  return Promise.all(visible.map((program) => viewOf(program, context, ledgers.get(ledgerId(program._id)) ?? null)));
}

export async function getProgram(input: ParsedInput<'program.get'>, context: HandlerContext) {
  const [program, societyId, applicant] = await Promise.all([
    loadProgram(context.deps.store, input.programId),
    societyOf(context),
    applicantOrg(context),
  ]);
  if (!maySeeProgram(program, societyId, applicant)) throw new AppError('NOT_FOUND', '项目不存在');
  return viewOf(program, context);
}

export async function listTemplates(
  _input: ParsedInput<'program.templates'>,
  context: HandlerContext,
): Promise<ActionOutput<'program.templates'>> {
  requireSecretariat(context.caller);
  return seedPrograms.map((seed) => ({ code: seed.code, name: seed.name, summary: seed.summary, categories: seed.categories.length }));
}

/** A checked programme configuration, or PROGRAM_INVALID with the first problem in words. */
function validConfig(config: unknown): ProgramConfig {
  const parsed = programConfigSchema.safeParse(config);
  if (!parsed.success) throw new AppError('PROGRAM_INVALID', firstIssueText(parsed.error, config, programFieldLabels));
  return parsed.data;
}

export async function createFromTemplate(input: ParsedInput<'program.createFromTemplate'>, context: HandlerContext) {
  requireSecretariat(context.caller);
  const template = seedProgramByCode(input.templateCode);
  if (!template) throw new AppError('TEMPLATE_UNKNOWN');
  const { deps, now } = context;
  const programId = `program_${input.requestId}`;
  const config = validConfig({
    ...template,
    name: input.name,
    code: `${template.code}-${input.requestId
      .slice(0, 8)
      .toLowerCase()
      .replace(/[^a-z0-9]/g, 'x')}`,
  });
  const societyId = await societyOf(context);
  const program = await deps.store.transaction(async (tx) => {
    const stored = await tx.get('programs', programId);
    const existing = stored ? programOf(stored) : null;
    // A retry returns the programme; the same id chosen by another organiser is not theirs to read.
    if (existing && existing.societyId !== societyId) throw new AppError('CONFLICT');
    if (existing) return existing;
    const created: Program = {
      _id: programId,
      version: 1,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      societyId,
      templateCode: template.code,
      // Seen by its secretariat only until published (with this year's dates).
      draft: true,
      // Linked to this year's provincial application by its secretariat, once filed.
      upstreamApplicationId: null,
      ...config,
    };
    await tx.create('programs', created);
    await writeAudit(
      tx,
      [{ action: 'createFromTemplate', from: null, to: template.code, reason: null }],
      { entity: 'program', id: programId, version: 1 },
      context.caller.actor,
      now,
      deps.newId,
    );
    return created;
  });
  return viewOf(program, context);
}

/** The caller's own programme at the version they saw, for a change in this transaction. */
async function loadForChange(tx: StoreTx, context: HandlerContext, programId: string, version: number): Promise<Program> {
  const current = await loadStaffProgram(tx, context.caller, programId);
  if (current.version !== version) throw new AppError('CONFLICT');
  return current;
}

/** Stores the changed programme with its audit entry, in the same transaction. */
async function saveChange(tx: StoreTx, context: HandlerContext, current: Program, next: Program, record: AuditRecord): Promise<void> {
  await tx.replace('programs', next, current.version);
  await writeAudit(
    tx,
    [record],
    { entity: 'program', id: next._id, version: next.version },
    context.caller.actor,
    context.now,
    context.deps.newId,
  );
}

/** Whether some expert has scored: a submitted review, or one withdrawn after scoring (its scores stay). */
async function scored(context: HandlerContext, program: Program): Promise<boolean> {
  const { store } = context.deps;
  if ((await store.find('reviews', { programId: program._id, status: 'submitted' }, { limit: 1 })).length > 0) return true;
  const withdrawn = await store.find('reviews', { programId: program._id, status: 'withdrawn' });
  return withdrawn.some((review) => review.scores.length > 0);
}

/**
 * What the programme's applications and reviews rest on, for the edit's structural rules: the application counts
 * come from the ledger's running totals (recomputed from the applications for a ledger from before them).
 */
async function inUse(context: HandlerContext, program: Program, ledger: Ledger | null): Promise<Omit<ProgramUse, 'shortlisted' | 'draft'>> {
  const totals =
    ledger?.totals ?? (ledger ? totalsOf(await context.deps.store.find('applications', { programId: program._id })) : emptyTotals());
  return {
    categoriesInUse: new Set(Object.keys(totals.categories)),
    sectionsInUse: new Set(Object.keys(totals.sections)),
    scored: await scored(context, program),
    granted: totals.awarded > 0,
  };
}

export async function updateProgram(input: ParsedInput<'program.update'>, context: HandlerContext) {
  const { deps, now } = context;
  const stored = await loadStaffProgram(deps.store, context.caller, input.programId);
  const used = await inUse(context, stored, await deps.store.get('ledgers', ledgerId(stored._id)));
  const saved = await deps.store.transaction(async (tx) => {
    const current = await loadForChange(tx, context, input.programId, input.version);
    const ledger = await tx.get('ledgers', ledgerId(current._id));
    const before = programConfigOf(current);
    const checked = checkEdit(before, input.edit);
    if ('issue' in checked) throw new AppError('PROGRAM_INVALID', checked.issue);
    const { config } = checked;
    const counts = ledger ?? emptyCounts(current);
    const structural = structuralIssue(before, config, {
      ...used,
      draft: current.draft === true,
      shortlisted: used.granted || counts.shortlistedFen > 0 || counts.grantedFen > 0,
    });
    if (structural) throw new AppError('PROGRAM_INVALID', structural);
    for (const category of config.categories) {
      const taken = ledger?.categories[category.key]?.shortlisted ?? 0;
      if (category.quotaMax !== null && category.quotaMax < taken) {
        throw new AppError('PROGRAM_INVALID', `“${category.name}”已有 ${taken} 项拟立项，名额不能少于此数`);
      }
    }
    // A new amount applies to awards shortlisted but not yet granted: the pool must still hold them at it.
    const repriced = repricing(counts, current.categories, config.categories, config.poolFen);
    if (repriced.issue) throw new AppError('POOL_EXHAUSTED', repriced.issue);
    if (config.poolFen < Math.max(counts.grantedFen, repriced.counts.shortlistedFen))
      throw new AppError('PROGRAM_INVALID', '资金池不能少于已拟立项/立项金额');
    const next: Program = { ...current, ...config, version: current.version + 1, updatedAt: now.toISOString() };
    // The audit says what changed, in the settings form's words.
    await saveChange(tx, context, current, next, { action: 'update', from: null, to: null, reason: editSummary(before, config) });
    const amountChanged = config.categories.some(
      (category) => category.awardAmountFen !== categoryByKey(current, category.key)?.awardAmountFen,
    );
    // The ledger is rewritten with any change of amount, so a shortlist racing this edit loses on CloudBase too.
    if (amountChanged) await writeLedger(tx, current, ledger, { ...repriced.counts, totals: ledger?.totals }, now);
    return next;
  });
  return viewOf(saved, context);
}

/** Publishes a draft programme: its members see it from now on. Refused while any of its dates has passed. */
export async function publishProgram(input: ParsedInput<'program.publish'>, context: HandlerContext) {
  const { deps, now } = context;
  const saved = await deps.store.transaction(async (tx) => {
    const current = await loadForChange(tx, context, input.programId, input.version);
    if (current.draft !== true) throw new AppError('TRANSITION_NOT_ALLOWED', '项目已发布');
    const issue = publishIssue(current, now);
    if (issue) throw new AppError('PROGRAM_INVALID', issue);
    const next: Program = { ...current, draft: false, version: current.version + 1, updatedAt: now.toISOString() };
    await saveChange(tx, context, current, next, { action: 'publish', from: 'draft', to: 'published', reason: null });
    return next;
  });
  return viewOf(saved, context);
}

/**
 * Links the programme to its organiser's own application in the provincial call its indicators name (or unlinks it):
 * the figures already verified and the values recorded leave the old application and reach the new one in the same
 * transaction, so the province's board never counts them twice or loses them.
 */
export async function linkProgram(input: ParsedInput<'program.link'>, context: HandlerContext): Promise<ActionOutput<'program.link'>> {
  const { now } = context;
  return context.deps.store.transaction(async (tx) => {
    const current = await loadForChange(tx, context, input.programId, input.version);
    if (input.applicationId !== null) {
      const application = await tx.get('applications', input.applicationId);
      if (!application || application.orgId !== current.societyId) throw new AppError('NOT_FOUND', '申报不存在');
      const upstream = await loadProgram(tx, application.programId);
      if (upstream._id === current._id || !upstreamCodes(current).has(upstream.code)) {
        throw new AppError('INVALID_INPUT', '该申报不属于本项目指标所对应的上级项目');
      }
      if (application.status === 'draft') throw new AppError('INVALID_INPUT', '请先提交该申报，再关联');
    }
    const next: Program = {
      ...current,
      upstreamApplicationId: input.applicationId,
      version: current.version + 1,
      updatedAt: now.toISOString(),
    };
    await carryProgramUp(tx, current, -1, now);
    await carryProgramUp(tx, next, 1, now);
    await saveChange(tx, context, current, next, {
      action: 'link',
      from: current.upstreamApplicationId ?? null,
      to: input.applicationId,
      reason: null,
    });
    return { id: next._id, version: next.version, upstreamApplicationId: next.upstreamApplicationId };
  });
}
