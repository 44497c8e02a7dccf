// Writes audit entries (a transition's effects, or a creation) inside the same transaction as the change they record.
import type { AuditEntry } from '@/core/schemas/documents';
import type { Effect } from '@/core/workflow/transition';
import type { StoreTx } from './ports';

/** A change worth recording: a workflow effect, or any other change named by its action. */
export type AuditRecord = Pick<AuditEntry, 'action' | 'from' | 'to' | 'reason'> | Effect;

/** Who made the change: a person, the system (timer) or the public (an objection). */
export interface AuditActor {
  userId: string;
  name: string;
  role: AuditEntry['actorRole'];
}

export async function writeAudit(
  tx: StoreTx,
  records: readonly AuditRecord[],
  subject: { entity: AuditEntry['entity']; id: string; version: number },
  actor: AuditActor,
  now: Date,
  newId: () => string,
  /** The messages sent with the change, named in its last entry (notify.ts writeNotifications). */
  notified?: AuditEntry['notified'],
): Promise<void> {
  type Written = Exclude<AuditRecord, { kind: Exclude<Effect['kind'], 'audit'> }>;
  const written = records.filter((record): record is Written => !('kind' in record) || record.kind === 'audit');
  for (const [index, record] of written.entries()) {
    await tx.create('audit', {
      _id: newId(),
      entity: subject.entity,
      entityId: subject.id,
      entityVersion: subject.version,
      action: record.action,
      actorId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      from: record.from,
      to: record.to,
      reason: record.reason,
      at: now.toISOString(),
      ...(notified?.length && index === written.length - 1 ? { notified } : {}),
    });
  }
}
