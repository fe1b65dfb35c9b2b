// A change whose own table row also holds the audit event still to append: the row is written
// with `auditPending` and the actor, so no crash can leave the change without a trace of its
// event; once the event is in the log the flag is cleared. Uploads (documents-store.ts) and the
// PO's decisions (decision-intents.ts) work this way; versions have their own intent entity
// (audit-intent.ts), written in the version's table transaction.
import type { TableEntityResult } from '@azure/data-tables';
import { statusOf, type AuditActor } from './audit';
import type { Storage, TableName } from './storage';

export interface PendingAuditFields {
  auditPending: true;
  auditActorRole: string;
  auditActorId: string;
  /** When the change was written (ISO): a repair leaves a younger intent to its writer. */
  auditPendingSince: string;
}

/** `at`: the change's own time (ISO), from the process's clock. */
export function pendingAuditFields(actor: AuditActor, at: string): PendingAuditFields {
  return { auditPending: true, auditActorRole: actor.role, auditActorId: actor.id, auditPendingSince: at };
}

/**
 * How long a repair leaves an intent to the process that wrote it: that process appends the event
 * a few milliseconds after the write, and a repair that appended it meanwhile would make two.
 * Either way round (clocks of two instances differ a little).
 */
export const AUDIT_REPAIR_GRACE_MS = 120_000;

/** Whether a pending row is young enough that its writer may be appending its event right now. */
export function inFlight(row: Record<string, unknown>, now: Date): boolean {
  const since = Date.parse(String(row.auditPendingSince ?? ''));
  return Number.isFinite(since) && Math.abs(now.getTime() - since) < AUDIT_REPAIR_GRACE_MS;
}

/** The actor a pending row recorded. */
export function pendingActor(e: Record<string, unknown>): AuditActor {
  return { role: String(e.auditActorRole), id: String(e.auditActorId) };
}

/** The rows of a table whose audit event may still be missing. */
export async function pendingAuditRows(
  storage: Storage,
  table: TableName,
): Promise<TableEntityResult<Record<string, unknown>>[]> {
  const out: TableEntityResult<Record<string, unknown>>[] = [];
  for await (const e of storage
    .table(table)
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: 'auditPending eq true' } }))
    out.push(e);
  return out;
}

/**
 * Claims a pending row for the repair with its ETag: of two processes repairing at once, one
 * appends the event. The flag stays set until the event is appended (markAudited), so a repair
 * killed half-way leaves the row pending for the next one.
 */
export async function claimPendingRow(
  storage: Storage,
  table: TableName,
  row: TableEntityResult<Record<string, unknown>>,
  at: Date,
): Promise<boolean> {
  try {
    await storage
      .table(table)
      .updateEntity(
        { partitionKey: String(row.partitionKey), rowKey: String(row.rowKey), auditClaimedAt: at.toISOString() },
        'Merge',
        { etag: row.etag },
      );
    return true;
  } catch (err) {
    if (statusOf(err) === 412 || statusOf(err) === 404) return false;
    throw err;
  }
}

/** The row's audit event is in the log (best effort: a leftover flag is cleared by the next repair). */
export async function markAudited(
  storage: Storage,
  table: TableName,
  keys: { partitionKey: string; rowKey: string },
): Promise<void> {
  await storage
    .table(table)
    .updateEntity({ ...keys, auditPending: false }, 'Merge')
    .catch(() => undefined);
}
