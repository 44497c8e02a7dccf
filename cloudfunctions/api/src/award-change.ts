// The one step every change to an application goes through, whoever asks (a person, a batch, the timer):
// load in a transaction → insist on the version the caller saw → workflow transition → quota ledger →
// save → audit and in-app messages in the same transaction; subscribe messages after it commits.
import { emptyCounts, ledgerId, moveCounts, quotaIssue, type LedgerCounts, type QuotaStep } from '@/core/award/quota';
import { AppError } from '@/core/errors';
import { maySeeApplication } from '@/core/policy/visibility';
import { categoryByKey } from '@/core/program/program-schema';
import type { Application, Ledger, Notification, Program } from '@/core/schemas/documents';
import type { WorkflowAction } from '@/core/workflow/award-workflow';
import { transition, type Actor } from '@/core/workflow/transition';
import { writeAudit } from './audit';
import type { Caller } from './context';
import { loadProgram } from './loaders';
import { audienceUsers, deliverSubscribeMessages, draftsForEffects, writeNotifications } from './notify';
import type { Deps, StoreTx } from './ports';
import { retryingRaces } from './races';

export interface ApplicationChange {
  applicationId: string;
  /** The version the caller saw; null for the timer, which acts on whatever is current. */
  version: number | null;
  action: WorkflowAction;
  actor: Actor;
  /** A signed-in person (visibility is checked); null for the system. */
  caller: Caller | null;
  reason?: string | null;
  /**
   * Extra checks and content for this action, given the current application, inside the transaction
   * (reads and writes through tx land with the change, or not at all); throw AppError to refuse.
   */
  patch?: (current: Application, program: Program, tx: StoreTx) => Partial<Application> | Promise<Partial<Application>>;
}

/** How an action moves the quota ledger: into or out of the shortlist, or into the granted awards. */
const ledgerMoves: Partial<Record<WorkflowAction, { step: QuotaStep; delta: 1 | -1 }>> = {
  shortlist: { step: 'shortlist', delta: 1 },
  unshortlist: { step: 'shortlist', delta: -1 },
  upholdObjection: { step: 'shortlist', delta: -1 },
  approve: { step: 'grant', delta: 1 },
};

async function moveLedger(
  tx: StoreTx,
  program: Program,
  application: Application,
  action: WorkflowAction,
  now: Date,
): Promise<number | null> {
  const move = ledgerMoves[action];
  if (!move) return null;
  const category = categoryByKey(program, application.categoryKey);
  if (!category) throw new AppError('INVALID_INPUT', '申报类别不存在');
  const id = ledgerId(program._id);
  const stored = await tx.get('ledgers', id);
  const counts: LedgerCounts = stored ?? emptyCounts(program);
  if (move.delta === 1) {
    const issue = quotaIssue(program, counts, category, move.step);
    if (issue) throw new AppError(issue.code, issue.detail);
  }
  const next = moveCounts(counts, category.key, category.awardAmountFen, move.step, move.delta);
  const stamp = now.toISOString();
  if (stored) {
    await tx.replace('ledgers', { ...stored, ...next, version: stored.version + 1, updatedAt: stamp }, stored.version);
  } else {
    const created: Ledger = { _id: id, version: 1, createdAt: stamp, updatedAt: stamp, programId: program._id, ...next };
    await tx.create('ledgers', created);
  }
  return category.awardAmountFen;
}

/** Runs one change, again if its transaction lost a race (see races.ts). */
export async function changeApplication(
  deps: Deps,
  now: Date,
  change: ApplicationChange,
): Promise<{ saved: Application; program: Program }> {
  // The recipients of messages depend only on fields that never change (organisation, programme).
  const before = await deps.store.get('applications', change.applicationId);
  if (!before || (change.caller && !maySeeApplication(change.caller.user, before))) throw new AppError('NOT_FOUND', '申报不存在');
  const programForRecipients = await loadProgram(deps.store, before.programId);
  const recipients = {
    applicant: await audienceUsers(deps.store, 'applicant', before, programForRecipients),
    secretariat: await audienceUsers(deps.store, 'secretariat', before, programForRecipients),
  };
  const { saved, program, notifications } = await retryingRaces(() =>
    deps.store.transaction((tx) => applyChange(tx, deps, now, change, recipients)),
  );
  await deliverSubscribeMessages(deps, notifications, 'statusChange');
  return { saved, program };
}

async function applyChange(
  tx: StoreTx,
  deps: Deps,
  now: Date,
  change: ApplicationChange,
  recipients: Parameters<typeof draftsForEffects>[2],
): Promise<{ saved: Application; program: Program; notifications: Notification[] }> {
  const current = await tx.get('applications', change.applicationId);
  if (!current) throw new AppError('NOT_FOUND', '申报不存在');
  if (change.version !== null && current.version !== change.version) throw new AppError('CONFLICT');
  const program = await loadProgram(tx, current.programId);
  const result = transition(current, change.action, change.actor, { midtermReport: program.midtermReport }, { reason: change.reason });
  if (!result.ok) throw new AppError(result.code);
  const patch = (await change.patch?.(current, program, tx)) ?? {};
  const grantedFen = await moveLedger(tx, program, current, change.action, now);
  const reason = change.reason?.trim() || null;
  const decided = result.effects.some((effect) => effect.kind === 'audit') && change.actor.role !== 'applicant';
  const next: Application = {
    ...result.next,
    ...patch,
    ...(decided ? { decidedAt: now.toISOString(), decisionReason: reason } : {}),
    ...(change.action === 'approve' && grantedFen !== null ? { awardFen: grantedFen } : {}),
    version: current.version + 1,
    updatedAt: now.toISOString(),
  };
  await tx.replace('applications', next, current.version);
  // A change that keeps the status (a draft saved) is a change all the same: it gets its entry too.
  const audited = result.effects.some((effect) => effect.kind === 'audit')
    ? result.effects
    : [{ action: change.action, from: current.status, to: next.status, reason }];
  await writeAudit(tx, audited, { entity: 'application', id: next._id, version: next.version }, change.actor, now, deps.newId);
  const notifications = await writeNotifications(tx, draftsForEffects(result.effects, next, recipients), now, deps.newId);
  return { saved: next, program, notifications };
}
