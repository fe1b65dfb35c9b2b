// Stored semester samples (S1–S4) and the append-only outcome events of each drawn person (S5).
//
// A sample is one Table entity per agreement/programme/semester (the index, updated only with its
// ETag) pointing at an immutable blob per version: version 1 is the first draw, later versions
// only extend it (larger rate, same seed, same frozen population). The first draw is a create, so
// two concurrent first draws (timer and PO) cannot both win: the loser reads the winner's sample.
// Outcome events are entities of their own, never updated: the row key carries the person's rank
// and the event's sequence number, so two concurrent events on one person collide (409) and the
// loser re-validates against the new history.
import crypto from 'node:crypto';
import type { IsoDate } from '../../shared/core/dates';
import type { OutcomeEvent } from '../../shared/sample/outcomes';
import type { FrozenPopulation, SamplingMethod } from '../../shared/sample/sampling';
import { statusOf, type AuditActor } from './audit';
import { pendingActor, pendingAuditFields } from './audit-pending';
import type { Storage } from './storage';
import { StoredContentAltered } from './storage-integrity';

export interface StoredSelection {
  personId: string;
  /** 1-based position in the draw order; the public handle of the person (no tax code in URLs). */
  rank: number;
  key: string;
  /** Day the document request was sent: the draw day, or the day of the extension that added it. */
  requestedOn: IsoDate;
  requestDeadline: IsoDate;
}

export interface SampleSnapshot {
  agreement: string;
  programme: string;
  semester: string;
  version: number;
  seed: string;
  /** "generated": nobody gave a seed, the server made one and recorded it before drawing. */
  seedSource: 'given' | 'generated';
  method: SamplingMethod;
  rate: string;
  populationHash: string;
  population: number;
  n: number;
  /** Day of the first draw. */
  drawnOn: IsoDate;
  selected: StoredSelection[];
  /** The frozen list (S1): tax codes, costs and the qualified row ids ("partner/rowId") of each. */
  frozen: FrozenPopulation;
  /** One entry per version: who drew or extended, when, to which rate. */
  history: { version: number; on: IsoDate; rate: string; n: number; actorRole: string }[];
}

export interface SampleHead {
  snapshot: SampleSnapshot;
  etag: string;
  /** Who made this version, while its audit event may still be missing (the head is auditPending). */
  pendingActor?: AuditActor;
}

const partitionOf = (agreement: string, programme: string) => `${agreement}|${programme}`;

export async function readSample(
  storage: Storage,
  agreement: string,
  programme: string,
  semester: string,
): Promise<SampleHead | undefined> {
  try {
    const e = await storage
      .table('samples')
      .getEntity<Record<string, unknown>>(partitionOf(agreement, programme), semester);
    const buffer = await storage.container('samples').getBlockBlobClient(String(e.blobName)).downloadToBuffer();
    // The sample is served only as it was drawn (samples saved before contentHash are read as they are).
    if (e.contentHash !== undefined && crypto.createHash('sha256').update(buffer).digest('hex') !== e.contentHash)
      throw new StoredContentAltered('sample', String(e.blobName));
    const snapshot = JSON.parse(buffer.toString('utf8')) as SampleSnapshot;
    return { snapshot, etag: e.etag, ...(e.auditPending === true ? { pendingActor: pendingActor(e) } : {}) };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Which semesters of a programme are drawn (the timer's "not drawn yet" check, no blob reads). */
export async function drawnSemesters(storage: Storage, agreement: string, programme: string): Promise<Set<string>> {
  const out = new Set<string>();
  const pk = partitionOf(agreement, programme).replace(/'/g, "''");
  for await (const e of storage
    .table('samples')
    .listEntities({ queryOptions: { filter: `PartitionKey eq '${pk}'`, select: ['rowKey'] } })) {
    out.add(String(e.rowKey));
  }
  return out;
}

export type SaveResult = { saved: true } | { saved: false };

/** The table row of a sample's head (one per programme and semester). */
export function sampleHeadKeys(key: SampleKey): { partitionKey: string; rowKey: string } {
  return { partitionKey: partitionOf(key.agreement, key.programme), rowKey: key.semester };
}

/**
 * Writes a new version: the blob first (immutable name), then the index entity — created for
 * version 1, replaced with If-Match for later versions. `saved: false` means someone else wrote
 * first; the caller re-reads. With an actor, the index entity is also the intent of the version's
 * audit event (decision-intents.ts).
 */
export async function saveSample(
  storage: Storage,
  snapshot: SampleSnapshot,
  previous?: SampleHead,
  intent?: { actor: AuditActor; at: string },
): Promise<SaveResult> {
  const body = JSON.stringify(snapshot);
  const blobName = `${snapshot.agreement}/${snapshot.programme}/${snapshot.semester}/v${snapshot.version}-${crypto.randomUUID()}.json`;
  const blob = storage.container('samples').getBlockBlobClient(blobName);
  await blob.upload(body, Buffer.byteLength(body), {
    blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
    conditions: { ifNoneMatch: '*' },
  });
  const entity = {
    partitionKey: partitionOf(snapshot.agreement, snapshot.programme),
    rowKey: snapshot.semester,
    agreement: snapshot.agreement,
    programme: snapshot.programme,
    semester: snapshot.semester,
    version: snapshot.version,
    populationHash: snapshot.populationHash,
    n: snapshot.n,
    blobName,
    contentHash: crypto.createHash('sha256').update(body).digest('hex'),
    ...(intent ? pendingAuditFields(intent.actor, intent.at) : {}),
  };
  try {
    if (previous) await storage.table('samples').updateEntity(entity, 'Replace', { etag: previous.etag });
    else await storage.table('samples').createEntity(entity);
    return { saved: true };
  } catch (err) {
    await blob.deleteIfExists().catch(() => undefined);
    const status = statusOf(err);
    if (status === 409 || status === 412) return { saved: false };
    throw err;
  }
}

// ---- outcome events --------------------------------------------------------------------------

export interface StoredOutcomeEvent {
  rank: number;
  seq: number;
  event: OutcomeEvent;
  actorRole: string;
  at: string;
}

export interface SampleKey {
  agreement: string;
  programme: string;
  semester: string;
}

/** The table row of outcome event `seq` of the person at `rank`. */
export function outcomeEventKeys(key: SampleKey, rank: number, seq: number): { partitionKey: string; rowKey: string } {
  return { partitionKey: eventsPartition(key.agreement, key.programme, key.semester), rowKey: eventRowKey(rank, seq) };
}

const eventsPartition = (agreement: string, programme: string, semester: string) =>
  `${agreement}|${programme}|${semester}`;
const eventRowKey = (rank: number, seq: number) => `${String(rank).padStart(6, '0')}|${String(seq).padStart(6, '0')}`;

/** Every event of the sample, grouped by rank, in sequence order. */
export async function readOutcomeEvents(
  storage: Storage,
  agreement: string,
  programme: string,
  semester: string,
): Promise<Map<number, StoredOutcomeEvent[]>> {
  const pk = eventsPartition(agreement, programme, semester).replace(/'/g, "''");
  const byRank = new Map<number, StoredOutcomeEvent[]>();
  for await (const e of storage
    .table('outcomes')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: `PartitionKey eq '${pk}'` } })) {
    const stored: StoredOutcomeEvent = {
      rank: Number(e.rank),
      seq: Number(e.seq),
      event: JSON.parse(String(e.event)) as OutcomeEvent,
      actorRole: String(e.actorRole),
      at: String(e.at),
    };
    byRank.set(stored.rank, [...(byRank.get(stored.rank) ?? []), stored]);
  }
  for (const list of byRank.values()) list.sort((a, b) => a.seq - b.seq);
  return byRank;
}

/**
 * Appends event `seq` of a person; false when that seq already exists (a concurrent writer). With
 * an actor, the event's row is also the intent of its audit event (decision-intents.ts).
 */
export async function appendOutcomeEvent(
  storage: Storage,
  key: SampleKey,
  stored: StoredOutcomeEvent,
  actor?: AuditActor,
): Promise<boolean> {
  try {
    await storage.table('outcomes').createEntity({
      partitionKey: eventsPartition(key.agreement, key.programme, key.semester),
      rowKey: eventRowKey(stored.rank, stored.seq),
      agreement: key.agreement,
      programme: key.programme,
      semester: key.semester,
      rank: stored.rank,
      seq: stored.seq,
      event: JSON.stringify(stored.event),
      actorRole: stored.actorRole,
      at: stored.at,
      ...(actor ? pendingAuditFields(actor, stored.at) : {}),
    });
    return true;
  } catch (err) {
    if (statusOf(err) === 409) return false;
    throw err;
  }
}
