// Append-only, hash-chained audit log in Table Storage. Every event carries the hash of the previous
// one; the RowKey is derived from the sequence number, so two concurrent appends of the same seq
// collide (409) and the loser re-reads the tail and retries. verifyAuditChain() recomputes every
// hash and reports the first broken link. Actors are role + ids, never names.
//
// Signed (audit-key.ts; the key is never in storage): every event carries sig = HMAC(key, seq|hash),
// written in the same entity as the event, and a seal entity holds the newest signed head. So a
// chain rewritten from any event, or a forged event appended, fails verification without the key,
// and removing the newest events shows against the seal. An event may also name the content it
// covers (contentHash + contentRef: a snapshot blob, a document), which audit:verify re-hashes.
import crypto from 'node:crypto';
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Clock } from '../../shared/core/dates';
import { auditMac, macMatches, type AuditKeys } from './audit-key';
import type { StoreDeps } from './deps';
import type { Storage } from './storage';

export const AUDIT_PARTITION = 'audit';
/** The signed head (newest seq and hash seen by a writer), outside the events' partition. */
export const SEAL_PARTITION = 'audit-seal';
const SEAL_ROW = 'seal';
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
  /** The stored object the event covers: its SHA-256 and where it is ("submissions:<blob>"). */
  content?: { hash: string; ref: string };
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
  contentHash?: string;
  contentRef?: string;
  /** HMAC-SHA256 of `seq|hash` under the audit key (absent on events written before signing). */
  sig?: string;
}

/**
 * The domain's sha256Hex (shared/core/sha256.ts: hex SHA-256 of UTF-8 text or of bytes) computed by
 * node:crypto, for what the server hashes in bulk (a 5,000-row request body is 2.5 MB: tens of ms
 * in pure JS, a few with the native digest). test/unit/sha256-agreement.test.ts pins that both agree.
 */
export function nativeSha256Hex(data: string | Uint8Array): string {
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

/** What tells two events apart when one is rebuilt from a saved change: action, target, payload. */
export function auditEventKey(e: Pick<AuditEvent, 'action' | 'target' | 'payloadHash'>): string {
  return `${e.action}\u0000${e.target}\u0000${e.payloadHash}`;
}

/** The key the event of `input` will have once appended (auditEventKey). */
export function auditInputKey(input: AuditEventInput): string {
  return auditEventKey({ ...input, payloadHash: nativeSha256Hex(canonicalJson(input.payload)) });
}

export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  return nativeSha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorRole: e.actorRole,
      actorId: e.actorId,
      action: e.action,
      target: e.target,
      payloadHash: e.payloadHash,
      prevHash: e.prevHash,
      // Only when present, so events written before these fields hash as they did.
      ...(e.contentHash !== undefined ? { contentHash: e.contentHash } : {}),
      ...(e.contentRef !== undefined ? { contentRef: e.contentRef } : {}),
    }),
  );
}

/** What the signature covers: the position and the hash (which covers everything else). */
export function signedText(seq: number, hash: string): string {
  return `${seq}|${hash}`;
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
    ...(entity.contentHash !== undefined ? { contentHash: String(entity.contentHash) } : {}),
    ...(entity.contentRef !== undefined ? { contentRef: String(entity.contentRef) } : {}),
    ...(entity.sig !== undefined ? { sig: String(entity.sig) } : {}),
  };
}

/**
 * Appends within one process go through a queue with group commit: whatever is waiting when the
 * previous write finishes is chained and written in one table transaction (≤ 100 events, one
 * partition, atomic). Contention then only comes from other instances; their seq conflicts make
 * the whole batch fail, and it is retried from the new tail.
 */
interface Pending {
  input: AuditEventInput;
  clock: Clock;
  /** The signing key of the writer's deps (one per process in practice). */
  key: Buffer;
  payloadHash: string;
  resolve: (event: AuditEvent) => void;
  reject: (err: unknown) => void;
}
interface Queue {
  pending: Pending[];
  running: boolean;
  last?: AuditEvent;
}
const queues = new WeakMap<Storage, Queue>();
const MAX_BATCH = 100; // Table Storage transaction limit

/** Appends one event; `deps.clock` stamps it (the batch it joins takes the first event's clock). */
export function appendAudit(input: AuditEventInput, deps: StoreDeps): Promise<AuditEvent> {
  const { storage, clock } = deps;
  const key = deps.auditKeys.signing;
  let queue = queues.get(storage);
  if (!queue) {
    queue = { pending: [], running: false };
    queues.set(storage, queue);
  }
  const q = queue;
  const payloadHash = nativeSha256Hex(canonicalJson(input.payload));
  return new Promise<AuditEvent>((resolve, reject) => {
    q.pending.push({ input, clock, key, payloadHash, resolve, reject });
    if (!q.running) void drain(q, storage);
  });
}

async function drain(q: Queue, storage: Storage): Promise<void> {
  q.running = true;
  while (q.pending.length > 0) {
    const batch = q.pending.splice(0, MAX_BATCH);
    try {
      const events = await appendBatch(batch, storage, q.last);
      q.last = events[events.length - 1];
      batch.forEach((p, i) => p.resolve(events[i]));
    } catch (err) {
      q.last = undefined; // read the tail again next time
      for (const p of batch) p.reject(err);
    }
  }
  q.running = false;
}

function chain(batch: readonly Pending[], last: AuditEvent | undefined, at: string): AuditEvent[] {
  const events: AuditEvent[] = [];
  let prev = last;
  for (const p of batch) {
    const base: Omit<AuditEvent, 'hash'> = {
      seq: (prev?.seq ?? 0) + 1,
      at,
      actorRole: p.input.actor.role,
      actorId: p.input.actor.id,
      action: p.input.action,
      target: p.input.target,
      payloadHash: p.payloadHash,
      prevHash: prev?.hash ?? GENESIS_HASH,
      ...(p.input.content ? { contentHash: p.input.content.hash, contentRef: p.input.content.ref } : {}),
    };
    const hash = eventHash(base);
    prev = { ...base, hash, sig: auditMac(signedText(base.seq, hash), p.key) };
    events.push(prev);
  }
  return events;
}

async function appendBatch(
  batch: readonly Pending[],
  storage: Storage,
  known: AuditEvent | undefined,
): Promise<AuditEvent[]> {
  await storage.ensure();
  const client = table(storage);
  let last = known ?? (await tail(client));
  for (let attempt = 0; ; attempt++) {
    const events = chain(batch, last, batch[0].clock().toISOString());
    const entities = events.map((e) => ({ partitionKey: AUDIT_PARTITION, rowKey: rowKeyForSeq(e.seq), ...e }));
    try {
      if (entities.length === 1) await client.createEntity(entities[0]);
      else await client.submitTransaction(entities.map((e): TransactionAction => ['create', e]));
      await writeSeal(client, events[events.length - 1], batch[batch.length - 1].key).catch(() => undefined); // the events are signed already
      return events;
    } catch (err) {
      if (statusOf(err) !== 409 || attempt >= 1000) throw err;
      // Another instance took one of these seqs: start again from the current tail.
      last = await tail(client);
    }
  }
}

/** The signed head: written after each append; only moves forward. */
async function writeSeal(client: TableClient, head: AuditEvent, key: Buffer): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    let etag: string | undefined;
    try {
      const seal = await client.getEntity<Record<string, unknown>>(SEAL_PARTITION, SEAL_ROW);
      if (Number(seal.seq) >= head.seq) return;
      etag = seal.etag;
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
    const entity = {
      partitionKey: SEAL_PARTITION,
      rowKey: SEAL_ROW,
      seq: head.seq,
      hash: head.hash,
      sig: auditMac(`seal|${signedText(head.seq, head.hash)}`, key),
    };
    try {
      if (etag) await client.updateEntity(entity, 'Replace', { etag });
      else await client.createEntity(entity);
      return;
    } catch (err) {
      if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
    }
  }
}

export interface AuditSeal {
  seq: number;
  hash: string;
  sig: string;
}

export async function readAuditSeal(storage: Storage): Promise<AuditSeal | undefined> {
  try {
    const e = await table(storage).getEntity<Record<string, unknown>>(SEAL_PARTITION, SEAL_ROW);
    return { seq: Number(e.seq), hash: String(e.hash), sig: String(e.sig) };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export type AuditBreak =
  | 'seq_gap'
  | 'prev_hash_mismatch'
  | 'hash_mismatch'
  /** No signature, or one the audit key did not make: rewritten or forged. */
  | 'bad_signature'
  /** The signed head is missing, forged, or names an event that is not there as signed (truncation). */
  | 'seal_mismatch';

export interface AuditVerification {
  ok: boolean;
  count: number;
  lastHash: string;
  firstBroken?: { seq: number; reason: AuditBreak };
}

export async function readAuditLog(storage: Storage): Promise<AuditEvent[]> {
  await storage.ensure();
  const events: AuditEvent[] = [];
  for await (const e of table(storage).listEntities({
    queryOptions: { filter: `PartitionKey eq '${AUDIT_PARTITION}'` },
  })) {
    events.push(toEvent(e));
  }
  return events.sort((a, b) => a.seq - b.seq);
}

export async function verifyAuditChain(deps: Pick<StoreDeps, 'storage' | 'auditKeys'>): Promise<AuditVerification> {
  const events = await readAuditLog(deps.storage);
  const chained = verifyEvents(events);
  if (!chained.ok) return chained;
  return verifySignatures(events, await readAuditSeal(deps.storage), deps.auditKeys) ?? chained;
}

/**
 * The key's part: every event signed by the audit key, and the seal (signed head) names an event of
 * the chain with that hash. A seal behind the newest events is fine (a writer may die between the
 * event and the seal); one ahead of them means events were removed.
 */
export function verifySignatures(
  events: readonly AuditEvent[],
  seal: AuditSeal | undefined,
  keys: AuditKeys,
): AuditVerification | undefined {
  const fail = (seq: number, reason: AuditBreak): AuditVerification => ({
    ok: false,
    count: events.length,
    lastHash: events[events.length - 1]?.hash ?? GENESIS_HASH,
    firstBroken: { seq, reason },
  });
  for (const e of events)
    if (!e.sig || !macMatches(signedText(e.seq, e.hash), e.sig, keys)) return fail(e.seq, 'bad_signature');
  if (events.length === 0 && !seal) return undefined;
  if (!seal || !macMatches(`seal|${signedText(seal.seq, seal.hash)}`, seal.sig, keys))
    return fail(seal?.seq ?? 0, 'seal_mismatch');
  const sealed = events[seal.seq - 1];
  if (!sealed || sealed.hash !== seal.hash) return fail(seal.seq, 'seal_mismatch');
  return undefined;
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
