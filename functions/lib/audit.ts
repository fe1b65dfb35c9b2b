// Append-only, hash-chained audit log in Table Storage. Every event carries the hash of the previous
// one; the RowKey is derived from the sequence number, so two concurrent appends of the same seq
// collide (409) and the loser re-reads the tail and retries. verifyAuditChain() recomputes every
// hash and reports the first broken link. Actors are role + ids, never names.
import crypto from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import { getStorage, type Storage } from './storage';
import { clock } from './clock';

export const AUDIT_PARTITION = 'audit';
export const GENESIS_HASH = '0'.repeat(64);
const SEQ_SPACE = 1e12;

export interface AuditActor {
  role: string;
  id: string;
}

export interface AuditEventInput {
  actor: AuditActor;
  /** "submission.create", "document.upload", … */
  action: string;
  /** What was acted on: a submission id, a document id. */
  target: string;
  /** The event's content, hashed (only the hash is stored). */
  payload: unknown;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorRole: string;
  actorId: string;
  action: string;
  target: string;
  payloadHash: string;
  prevHash: string;
  hash: string;
}

export function sha256Hex(data: string | Uint8Array): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** JSON with sorted keys: the hash must not depend on property order. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, v: unknown) => {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }) ?? 'null'
  );
}

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorRole: e.actorRole,
      actorId: e.actorId,
      action: e.action,
      target: e.target,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
    }),
  );
}

/** Newest first in the table's natural (ascending RowKey) order. */
export function rowKeyForSeq(seq: number): string {
  return String(SEQ_SPACE - seq).padStart(13, '0');
}

function table(storage: Storage): TableClient {
  return storage.table('audit');
}

async function tail(client: TableClient): Promise<AuditEvent | undefined> {
  const pages = client
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${AUDIT_PARTITION}'` } })
    .byPage({ maxPageSize: 1 });
  for await (const page of pages) {
    const first = page[0];
    if (first) return toEvent(first);
    // An empty page with a continuation can happen; keep going.
  }
  return undefined;
}

function toEvent(entity: Record<string, unknown>): AuditEvent {
  return {
    seq: Number(entity.seq),
    at: String(entity.at),
    actorRole: String(entity.actorRole),
    actorId: String(entity.actorId),
    action: String(entity.action),
    target: String(entity.target),
    payloadHash: String(entity.payloadHash),
    prevHash: String(entity.prevHash),
    hash: String(entity.hash),
  };
}

/**
 * Appends within one process are queued (one at a time, starting from the last event this process
 * wrote), so contention only comes from other instances; those are resolved by the seq conflict.
 */
const queues = new WeakMap<Storage, { tail: Promise<unknown>; last?: AuditEvent }>();

export function appendAudit(input: AuditEventInput, storage: Storage = getStorage()): Promise<AuditEvent> {
  let queue = queues.get(storage);
  if (!queue) {
    queue = { tail: Promise.resolve() };
    queues.set(storage, queue);
  }
  const q = queue;
  const run = q.tail.then(async () => {
    const event = await appendOnce(input, storage, q.last);
    q.last = event;
    return event;
  });
  q.tail = run.catch(() => {
    q.last = undefined; // after a failure, read the tail again
  });
  return run;
}

async function appendOnce(
  input: AuditEventInput,
  storage: Storage,
  known: AuditEvent | undefined,
): Promise<AuditEvent> {
  await storage.ensure();
  const client = table(storage);
  const payloadHash = sha256Hex(canonicalJson(input.payload));
  let last = known ?? (await tail(client));
  for (let attempt = 0; ; attempt++) {
    const base = {
      seq: (last?.seq ?? 0) + 1,
      at: clock().toISOString(),
      actorRole: input.actor.role,
      actorId: input.actor.id,
      action: input.action,
      target: input.target,
      payloadHash,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const event: AuditEvent = { ...base, hash: eventHash(base) };
    try {
      await client.createEntity({ partitionKey: AUDIT_PARTITION, rowKey: rowKeyForSeq(event.seq), ...event });
      return event;
    } catch (err) {
      if (statusOf(err) !== 409 || attempt >= 1000) throw err;
      // Another instance appended this seq first: follow the chain forward with a point read of the
      // event that won (cheaper than a new tail query), then try the next seq.
      last = toEvent(await client.getEntity<Record<string, unknown>>(AUDIT_PARTITION, rowKeyForSeq(event.seq)));
    }
  }
}

export interface AuditVerification {
  ok: boolean;
  count: number;
  lastHash: string;
  firstBroken?: { seq: number; reason: 'seq_gap' | 'prev_hash_mismatch' | 'hash_mismatch' };
}

export async function readAuditLog(storage: Storage = getStorage()): Promise<AuditEvent[]> {
  await storage.ensure();
  const events: AuditEvent[] = [];
  for await (const e of table(storage).listEntities({
    queryOptions: { filter: `PartitionKey eq '${AUDIT_PARTITION}'` },
  })) {
    events.push(toEvent(e));
  }
  return events.sort((a, b) => a.seq - b.seq);
}

export async function verifyAuditChain(storage: Storage = getStorage()): Promise<AuditVerification> {
  return verifyEvents(await readAuditLog(storage));
}

export function verifyEvents(events: readonly AuditEvent[]): AuditVerification {
  let prev = GENESIS_HASH;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (e.seq !== i + 1)
      return { ok: false, count: events.length, lastHash: prev, firstBroken: { seq: i + 1, reason: 'seq_gap' } };
    if (e.prevHash !== prev)
      return {
        ok: false,
        count: events.length,
        lastHash: prev,
        firstBroken: { seq: e.seq, reason: 'prev_hash_mismatch' },
      };
    const { hash, ...rest } = e;
    if (eventHash(rest) !== hash)
      return { ok: false, count: events.length, lastHash: prev, firstBroken: { seq: e.seq, reason: 'hash_mismatch' } };
    prev = hash;
  }
  return { ok: true, count: events.length, lastHash: prev };
}

export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err
    ? Number((err as { statusCode: unknown }).statusCode)
    : undefined;
}
