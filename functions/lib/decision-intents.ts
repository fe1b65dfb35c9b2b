// The PO's decisions (sample draws and extensions, outcome events, row reviews) whose audit event
// is missing because the process died, or the append failed, right after the decision was saved:
// their rows still say `auditPending` (audit-pending.ts). The repair rebuilds each event from its
// row and appends it once: an event already in the log with the same action, target and payload
// is not repeated.
import type { TableEntityResult } from '@azure/data-tables';
import type { OutcomeEvent } from '../../shared/sample/outcomes';
import { appendAudit, auditEventKey, auditInputKey, type AuditEvent, type AuditEventInput } from './audit';
import { claimPendingRow, inFlight, markAudited, pendingActor, pendingAuditRows } from './audit-pending';
import type { StoreDeps } from './deps';
import { outcomeAuditInput } from './outcome-service';
import { reviewAuditInput } from './review-service';
import { toReview } from './reviews-store';
import { sampleAuditInput } from './sample-service';
import { readSample } from './samples-store';
import { StoredContentAltered } from './storage-integrity';
import type { Storage, TableName } from './storage';

type Row = TableEntityResult<Record<string, unknown>>;

const DECISION_TABLES = ['samples', 'outcomes', 'reviews'] as const satisfies readonly TableName[];
type DecisionTable = (typeof DECISION_TABLES)[number];

/** The audit event a pending row stands for; null when its sample can no longer be read as drawn. */
async function auditInputOf(storage: Storage, table: DecisionTable, row: Row): Promise<AuditEventInput | null> {
  const actor = pendingActor(row);
  if (table === 'reviews') return reviewAuditInput(toReview(row), actor);
  const key = { agreement: String(row.agreement), programme: String(row.programme), semester: String(row.semester) };
  if (table === 'samples') {
    // An altered sample blob stays pending: the content check (audit-content.ts) reports it.
    const head = await readSample(storage, key.agreement, key.programme, key.semester).catch((err: unknown) => {
      if (err instanceof StoredContentAltered) return undefined;
      throw err;
    });
    return head ? sampleAuditInput(head.snapshot, actor) : null;
  }
  const stored = { rank: Number(row.rank), seq: Number(row.seq), event: JSON.parse(String(row.event)) as OutcomeEvent };
  return outcomeAuditInput(key, stored, actor);
}

export async function pendingDecisionRows(storage: Storage): Promise<{ table: DecisionTable; row: Row }[]> {
  const out: { table: DecisionTable; row: Row }[] = [];
  for (const table of DECISION_TABLES)
    for (const row of await pendingAuditRows(storage, table)) out.push({ table, row });
  return out;
}

/** Appends the missing events of pending decisions (read from `log`); answers how many. */
export async function completeDecisionIntents(
  deps: StoreDeps,
  pending: readonly { table: DecisionTable; row: Row }[],
  log: readonly AuditEvent[],
): Promise<number> {
  const logged = new Set(log.map(auditEventKey));
  let repaired = 0;
  for (const { table, row } of pending) {
    // A decision saved a moment ago: its own process is appending the event (audit-pending.ts).
    if (inFlight(row, deps.clock())) continue;
    const input = await auditInputOf(deps.storage, table, row);
    if (!input || !(await claimPendingRow(deps.storage, table, row, deps.clock()))) continue;
    if (!logged.has(auditInputKey(input))) {
      await appendAudit(input, deps);
      repaired++;
    }
    await markAudited(deps.storage, table, { partitionKey: String(row.partitionKey), rowKey: String(row.rowKey) });
  }
  return repaired;
}
