// Writes audit entries (a transition's effects, or a creation) inside the same transaction as the change they record.
import type { AuditEntry } from '@/core/schemas/documents';
import type { Effect } from '@/core/workflow/transition';

/** A change worth recording: a workflow effect, or a creation (from null). */
export type AuditRecord = Pick<AuditEntry, 'action' | 'from' | 'to' | 'reason'> | Effect;
import type { Caller } from './context';
import type { StoreTx } from './ports';

export async function writeAudit(
  tx: StoreTx,
  records: readonly AuditRecord[],
  subject: { entity: AuditEntry['entity']; id: string; version: number },
  caller: Caller,
  now: Date,
  newId: () => string,
): Promise<void> {
  for (const record of records) {
    if ('kind' in record && record.kind !== 'audit') continue;
    await tx.create('audit', {
      _id: newId(),
      entity: subject.entity,
      entityId: subject.id,
      entityVersion: subject.version,
      action: record.action,
      actorId: caller.user._id,
      actorName: caller.user.name,
      actorRole: caller.user.role,
      from: record.from,
      to: record.to,
      reason: record.reason,
      at: now.toISOString(),
    });
  }
}
