// A version and its audit event cannot be split by a crash: the version's table transaction also
// writes an "audit intent" (the event to append) in the report's partition. After the commit the
// event is appended and the intent removed; a process killed in between leaves the intent, and the
// next write to that report, the first write of the next process, or `npm run audit:verify --
// --repair` appends the event and removes the intent. Appending is idempotent: an intent whose
// event is already in the log (crash after the append) is only removed. Uploads and PO decisions
// carry their intent on their own row instead (audit-pending.ts); the full repair completes them too.
import type { TableEntityResult } from '@azure/data-tables';
import { appendAudit, canonicalJson, readAuditLog, statusOf, type AuditActor, type AuditEventInput } from './audit';
import type { StoreDeps } from './deps';
import { documentAuditInput, type DocumentMeta } from './documents-store';
import { inFlight, pendingActor, pendingAuditRows } from './audit-pending';
import { completeDecisionIntents, pendingDecisionRows } from './decision-intents';
import type { Storage } from './storage';

export const INTENT_PREFIX = 'audit-intent-';
/** '.' sorts right after '-': the RowKey range [INTENT_PREFIX, INTENT_END) holds exactly the intents. */
const INTENT_END = 'audit-intent.';

export function intentRowKey(version: number): string {
  return `${INTENT_PREFIX}v${String(version).padStart(10, '0')}`;
}

/** The audit event of a committed version: its index metadata and the blob it covers. */
export function submissionAuditInput(
  meta: { submissionId: string; contentHash: string },
  blobName: string,
  actor: AuditActor,
): AuditEventInput {
  return {
    actor,
    action: 'submission.create',
    target: meta.submissionId,
    payload: meta,
    content: { hash: meta.contentHash, ref: `submissions:${blobName}` },
  };
}

/** The intent entity written in the version's transaction; `at`: the version's time (ISO). */
export function intentEntity(partitionKey: string, version: number, input: AuditEventInput, at: string) {
  return {
    partitionKey,
    rowKey: intentRowKey(version),
    kind: 'auditIntent',
    // A repair of every report leaves a younger intent to the process appending it (audit-pending.ts).
    auditPendingSince: at,
    actorRole: input.actor.role,
    actorId: input.actor.id,
    action: input.action,
    target: input.target,
    payloadJson: canonicalJson(input.payload),
    contentHash: input.content?.hash ?? '',
    contentRef: input.content?.ref ?? '',
  };
}

function inputOf(e: Record<string, unknown>): AuditEventInput {
  return {
    actor: { role: String(e.actorRole), id: String(e.actorId) },
    action: String(e.action),
    target: String(e.target),
    payload: JSON.parse(String(e.payloadJson)) as unknown,
    ...(e.contentHash ? { content: { hash: String(e.contentHash), ref: String(e.contentRef) } } : {}),
  };
}

/** Removes a completed intent (best effort: a leftover is completed, idempotently, later). */
export async function clearIntent(storage: Storage, partitionKey: string, version: number): Promise<void> {
  await storage
    .table('submissions')
    .deleteEntity(partitionKey, intentRowKey(version))
    .catch(() => undefined);
}

export async function pendingIntents(
  storage: Storage,
  partitionKey?: string,
): Promise<TableEntityResult<Record<string, unknown>>[]> {
  const filter = partitionKey
    ? `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and RowKey ge '${INTENT_PREFIX}' and RowKey lt '${INTENT_END}'`
    : `kind eq 'auditIntent'`;
  const out: TableEntityResult<Record<string, unknown>>[] = [];
  for await (const e of storage
    .table('submissions')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
    out.push(e);
  return out;
}

/**
 * Completes the intents left by a crash (one partition, or all). Each is first claimed with its
 * ETag, so two processes repairing at once append the event once. A repair of all partitions
 * leaves intents younger than AUDIT_REPAIR_GRACE_MS to the process that is appending them; one
 * partition's repair runs before a write to that report, which follows its versions, and takes
 * them all. Answers how many were repaired.
 */
export async function completeAuditIntents(deps: StoreDeps, partitionKey?: string): Promise<number> {
  const { storage } = deps;
  const intents = await pendingIntents(storage, partitionKey);
  const documents = partitionKey ? [] : await pendingDocumentIntents(storage);
  const decisions = partitionKey ? [] : await pendingDecisionRows(storage);
  if (intents.length === 0 && documents.length === 0 && decisions.length === 0) return 0;
  const log = await readAuditLog(storage);
  const done = new Set(log.map((e) => `${e.action}\u0000${e.target}`));
  let repaired = await completeDocumentIntents(deps, documents, done);
  repaired += await completeDecisionIntents(deps, decisions, log);
  const everyPartition = partitionKey === undefined;
  for (const intent of intents) {
    if (everyPartition && inFlight(intent, deps.clock())) continue;
    const input = inputOf(intent);
    const table = storage.table('submissions');
    const partitionKey = String(intent.partitionKey);
    const rowKey = String(intent.rowKey);
    try {
      // Claim: whoever updates the intent with its ETag first completes it.
      await table.updateEntity({ partitionKey, rowKey, claimedAt: deps.clock().toISOString() }, 'Merge', {
        etag: intent.etag,
      });
    } catch (err) {
      if (statusOf(err) === 412 || statusOf(err) === 404) continue;
      throw err;
    }
    if (!done.has(`${input.action}\u0000${input.target}`)) {
      await appendAudit(input, deps);
      repaired++;
    }
    await table.deleteEntity(partitionKey, rowKey).catch(() => undefined);
  }
  return repaired;
}

/** Uploads whose metadata row still carries its audit intent. */
export function pendingDocumentIntents(storage: Storage): Promise<TableEntityResult<Record<string, unknown>>[]> {
  return pendingAuditRows(storage, 'documents');
}

async function completeDocumentIntents(
  deps: StoreDeps,
  rows: TableEntityResult<Record<string, unknown>>[],
  done: Set<string>,
): Promise<number> {
  let repaired = 0;
  const table = deps.storage.table('documents');
  for (const e of rows) {
    // An upload written a moment ago: its own process is appending the event (audit-pending.ts).
    if (inFlight(e, deps.clock())) continue;
    const partitionKey = String(e.partitionKey);
    const rowKey = String(e.rowKey);
    try {
      // Claim with the ETag, as for versions: the event is appended once.
      await table.updateEntity({ partitionKey, rowKey, auditPending: false }, 'Merge', { etag: e.etag });
    } catch (err) {
      if (statusOf(err) === 412 || statusOf(err) === 404) continue;
      throw err;
    }
    const meta: DocumentMeta = {
      agreement: partitionKey,
      docId: String(e.docId),
      partner: String(e.partner),
      programme: String(e.programme),
      rowId: e.rowId ? String(e.rowId) : null,
      kind: e.kind ? String(e.kind) : null,
      fileName: String(e.fileName),
      contentType: String(e.contentType) as DocumentMeta['contentType'],
      size: Number(e.size),
      sha256: String(e.sha256),
      uploadedAt: String(e.uploadedAt),
    };
    const input = documentAuditInput(meta, pendingActor(e));
    if (done.has(`${input.action}\u0000${input.target}`)) continue;
    await appendAudit(input, deps);
    repaired++;
  }
  return repaired;
}

const repairedOnce = new WeakMap<Storage, Promise<number>>();

/**
 * The first write of a process repairs every partition once (intents older than the grace); every
 * write, the first too, repairs its own partition (all its intents: a crashed version retried at
 * once is completed by the retry).
 */
export async function repairBeforeWrite(deps: StoreDeps, partitionKey: string): Promise<void> {
  let once = repairedOnce.get(deps.storage);
  if (!once) {
    once = completeAuditIntents(deps).catch(() => 0);
    repairedOnce.set(deps.storage, once);
  }
  await once;
  await completeAuditIntents(deps, partitionKey).catch(() => 0);
}
