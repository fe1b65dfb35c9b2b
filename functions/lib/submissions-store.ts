// Submission versions: immutable, never overwritten. A version is written in two steps:
//   1. the rows snapshot blob, under an immutable name (…/v{n}-{uuid}.json);
//   2. ONE table transaction in the report's partition: the "head" row (If-Match on its ETag, or
//      created when there is none), the version's index row, and the idempotency row.
// Until step 2 commits nothing is visible (list, fetch and head read only the table), and step 2 is
// atomic: a concurrent submission on the same base loses the ETag race (412) or the create race
// (409) and stores nothing; an orphan blob from a failed attempt is never referenced.
// The same transaction writes the version's audit intent (audit-intent.ts), so a crash between the
// commit and the audit append is repaired later. A snapshot is served only when its bytes still
// hash to the contentHash of its version row (readSnapshot; else StoredContentAltered, a 500).
import crypto from 'node:crypto';
import type { TableEntityResult, TransactionAction } from '@azure/data-tables';
import type { SubmissionAnswer, VersionMeta } from '../../shared/contract/submissions';
import type { RowInput } from '../../shared/rows/rows';
import { statusOf } from './audit';
import { intentEntity, submissionAuditInput } from './audit-intent';
import type { Storage } from './storage';
import { StoredContentAltered } from './storage-integrity';

export interface ReportKey {
  agreement: string;
  partner: string;
  programme: string;
  year: number;
}

// The answer and the listed version are the contract's (shared/contract/submissions.ts).
export type { SubmissionAnswer, VersionMeta } from '../../shared/contract/submissions';

/** What the blob holds: everything needed to answer a fetch or an idempotent replay. */
export interface VersionSnapshot extends ReportKey {
  submissionId: string;
  version: number;
  baseVersion: number | null;
  submittedAt: string;
  actor: { role: string; id: string };
  /** Accepted rows plus locked rows carried over from the previous version. */
  rows: RowInput[];
  /** Row ids carried over unchanged from the previous version (locked, R24). */
  carriedOver: string[];
  answer: SubmissionAnswer;
}

export interface Head {
  version: number;
  submissionId: string;
  blobName: string;
  etag: string;
}

/** Failure injection for crash-safety tests; always empty in production. */
export const storeFaults: {
  beforeIndexCommit?: () => void | Promise<void>;
  /** Between the version's commit and its audit append (the crash test kills the process here). */
  afterIndexCommit?: () => void | Promise<void>;
} = {};

export class CommitConflict extends Error {
  constructor(readonly reason: 'stale_head' | 'version_exists') {
    super(`commit conflict: ${reason}`);
  }
}

const HEAD = 'head';
const VERSION_PREFIX = 'v';
const IDEM_PREFIX = 'idem-';

export function partitionOf(key: ReportKey): string {
  return `${key.agreement}|${key.partner}|${key.programme}|${key.year}`;
}

export function versionRowKey(version: number): string {
  return `${VERSION_PREFIX}${String(version).padStart(10, '0')}`;
}

/** "koala.P1.2026.v3": readable, and it names its own partition (ids contain no dots). */
export function submissionIdOf(key: ReportKey, version: number): string {
  return `${key.partner}.${key.programme}.${key.year}.v${version}`;
}

export function parseSubmissionId(agreement: string, id: string): { key: ReportKey; version: number } | undefined {
  const m = /^([a-z0-9-]+)\.(P\w*)\.(\d{4})\.v(\d{1,10})$/.exec(id);
  if (!m) return undefined;
  return { key: { agreement, partner: m[1], programme: m[2], year: Number(m[3]) }, version: Number(m[4]) };
}

export function idempotencyRowKey(idempotencyKey: string): string {
  return IDEM_PREFIX + crypto.createHash('sha256').update(idempotencyKey).digest('hex');
}

export async function readHead(storage: Storage, key: ReportKey): Promise<Head | undefined> {
  try {
    const e = await storage.table('submissions').getEntity<Record<string, unknown>>(partitionOf(key), HEAD);
    return {
      version: Number(e.version),
      submissionId: String(e.submissionId),
      blobName: String(e.blobName),
      etag: e.etag,
    };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/**
 * Snapshots are immutable (a blob name is never reused), so a parsed copy can be kept in memory
 * without any invalidation: a resubmission reads its previous version from here. Bounded by rows.
 */
const SNAPSHOT_CACHE_ROWS = 60_000;
const snapshotCache = new Map<string, VersionSnapshot>();
let cachedRows = 0;

function remember(key: string, snapshot: VersionSnapshot): void {
  if (snapshotCache.has(key) || snapshot.rows.length > SNAPSHOT_CACHE_ROWS) return;
  snapshotCache.set(key, snapshot);
  cachedRows += snapshot.rows.length;
  for (const [k, v] of snapshotCache) {
    if (cachedRows <= SNAPSHOT_CACHE_ROWS) break;
    snapshotCache.delete(k); // Map iterates in insertion order: oldest first
    cachedRows -= v.rows.length;
  }
}

/** Empties the in-memory snapshot cache (a restarted process; tests of stored-content integrity). */
export function forgetSnapshots(): void {
  snapshotCache.clear();
  cachedRows = 0;
}

export async function readSnapshot(storage: Storage, blobName: string): Promise<VersionSnapshot> {
  const cacheKey = `${storage.containerName('submissions')}/${blobName}`;
  const hit = snapshotCache.get(cacheKey);
  if (hit) return hit;
  const [buffer, recorded] = await Promise.all([
    storage.container('submissions').getBlockBlobClient(blobName).downloadToBuffer(),
    recordedContentHash(storage, blobName),
  ]);
  if (recorded === undefined || crypto.createHash('sha256').update(buffer).digest('hex') !== recorded)
    throw new StoredContentAltered('snapshot', blobName);
  const snapshot = JSON.parse(buffer.toString('utf8')) as VersionSnapshot;
  remember(cacheKey, snapshot);
  return snapshot;
}

/**
 * The contentHash of the version row a snapshot blob belongs to (the blob name names its report and
 * version: "{agreement}/{partner}/{programme}/{year}/v{n}-{uuid}.json"); undefined when no committed
 * version points at this blob.
 */
export async function recordedContentHash(storage: Storage, blobName: string): Promise<string | undefined> {
  const m = /^([^/]+)\/([a-z0-9-]+)\/(P\w*)\/(\d{4})\/v(\d{1,10})-[0-9a-f-]+\.json$/.exec(blobName);
  if (!m) return undefined;
  const key: ReportKey = { agreement: m[1], partner: m[2], programme: m[3], year: Number(m[4]) };
  try {
    const e = await storage
      .table('submissions')
      .getEntity<Record<string, unknown>>(partitionOf(key), versionRowKey(Number(m[5])));
    return e.blobName === blobName ? String(e.contentHash) : undefined;
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export interface IdempotencyRecord {
  submissionId: string;
  requestHash: string;
  blobName: string;
}

export async function readIdempotency(
  storage: Storage,
  key: ReportKey,
  idempotencyKey: string,
): Promise<IdempotencyRecord | undefined> {
  try {
    const e = await storage
      .table('submissions')
      .getEntity<Record<string, unknown>>(partitionOf(key), idempotencyRowKey(idempotencyKey));
    return { submissionId: String(e.submissionId), requestHash: String(e.requestHash), blobName: String(e.blobName) };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export function blobNameOf(key: ReportKey, version: number): string {
  return `${key.agreement}/${key.partner}/${key.programme}/${key.year}/v${version}-${crypto.randomUUID()}.json`;
}

export interface CommitInput {
  snapshot: VersionSnapshot;
  /** The head read before validating; undefined when this is the first version. */
  head: Head | undefined;
  idempotency?: { key: string; requestHash: string };
}

export async function commitVersion(storage: Storage, input: CommitInput): Promise<VersionMeta & { blobName: string }> {
  const { snapshot, head } = input;
  const key: ReportKey = snapshot;
  const body = JSON.stringify(snapshot);
  const contentHash = crypto.createHash('sha256').update(body).digest('hex');
  const blobName = blobNameOf(key, snapshot.version);
  const blob = storage.container('submissions').getBlockBlobClient(blobName);
  // Step 1: the snapshot, immutable (If-None-Match: * — a name is never reused).
  await blob.upload(body, Buffer.byteLength(body), {
    blobHTTPHeaders: { blobContentType: 'application/json; charset=utf-8' },
    conditions: { ifNoneMatch: '*' },
    metadata: { sha256: contentHash },
  });
  const meta = metaOf(snapshot, contentHash);
  try {
    await storeFaults.beforeIndexCommit?.();
    // Step 2: head + index + idempotency, atomically, last.
    const pk = partitionOf(key);
    const headEntity = {
      partitionKey: pk,
      rowKey: HEAD,
      kind: 'head',
      ...keyFields(key),
      version: snapshot.version,
      submissionId: snapshot.submissionId,
      blobName,
    };
    const actions: TransactionAction[] = [
      head ? ['update', headEntity, 'Replace', { etag: head.etag }] : ['create', headEntity],
      [
        'create',
        {
          partitionKey: pk,
          rowKey: versionRowKey(snapshot.version),
          kind: 'version',
          blobName,
          ...meta,
          baseVersion: meta.baseVersion ?? -1,
        },
      ],
      [
        'create',
        intentEntity(pk, snapshot.version, submissionAuditInput(meta, blobName, snapshot.actor), meta.submittedAt),
      ],
    ];
    if (input.idempotency) {
      actions.push([
        'create',
        {
          partitionKey: pk,
          rowKey: idempotencyRowKey(input.idempotency.key),
          kind: 'idempotency',
          submissionId: snapshot.submissionId,
          requestHash: input.idempotency.requestHash,
          blobName,
        },
      ]);
    }
    await storage.table('submissions').submitTransaction(actions);
    remember(`${storage.containerName('submissions')}/${blobName}`, snapshot);
  } catch (err) {
    // Nothing references the blob: remove it so failed attempts leave no clutter (best effort).
    await blob.deleteIfExists().catch(() => undefined);
    const status = statusOf(err);
    if (status === 412) throw new CommitConflict('stale_head');
    if (status === 409) throw new CommitConflict('version_exists');
    throw err;
  }
  return { ...meta, blobName };
}

function keyFields(key: ReportKey) {
  return { agreement: key.agreement, partner: key.partner, programme: key.programme, year: key.year };
}

function metaOf(s: VersionSnapshot, contentHash: string): VersionMeta {
  const count = (sev: string) => s.answer.findings.filter((f) => f.severity === sev).length;
  return {
    ...keyFields(s),
    submissionId: s.submissionId,
    version: s.version,
    baseVersion: s.baseVersion,
    submittedAt: s.submittedAt,
    actorRole: s.actor.role,
    rowCount: s.rows.length,
    acceptedCount: s.answer.accepted.length,
    rejectedCount: s.answer.rejected.length,
    carriedOverCount: s.carriedOver.length,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    contentHash,
  };
}

function toMeta(e: Record<string, unknown>): VersionMeta & { blobName: string } {
  const base = Number(e.baseVersion);
  return {
    agreement: String(e.agreement),
    partner: String(e.partner),
    programme: String(e.programme),
    year: Number(e.year),
    submissionId: String(e.submissionId),
    version: Number(e.version),
    baseVersion: base >= 0 ? base : null,
    submittedAt: String(e.submittedAt),
    actorRole: String(e.actorRole),
    rowCount: Number(e.rowCount),
    acceptedCount: Number(e.acceptedCount),
    rejectedCount: Number(e.rejectedCount),
    carriedOverCount: Number(e.carriedOverCount),
    errors: Number(e.errors),
    warnings: Number(e.warnings),
    infos: Number(e.infos),
    contentHash: String(e.contentHash),
    blobName: String(e.blobName),
  };
}

export interface ListFilter {
  agreement: string;
  partner?: string;
  programme?: string;
  year?: number;
}

const odataString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Committed versions only (index rows), oldest first within a report. */
export async function listVersions(
  storage: Storage,
  filter: ListFilter,
): Promise<(VersionMeta & { blobName: string })[]> {
  const clauses = [`kind eq 'version'`, `agreement eq ${odataString(filter.agreement)}`];
  if (filter.partner) clauses.push(`partner eq ${odataString(filter.partner)}`);
  if (filter.programme) clauses.push(`programme eq ${odataString(filter.programme)}`);
  if (filter.year !== undefined) clauses.push(`year eq ${Math.trunc(filter.year)}`);
  const out: (VersionMeta & { blobName: string })[] = [];
  const entities = storage
    .table('submissions')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter: clauses.join(' and ') } });
  for await (const e of entities) out.push(toMeta(e));
  return out.sort(
    (a, b) =>
      a.partner.localeCompare(b.partner) ||
      a.programme.localeCompare(b.programme) ||
      a.year - b.year ||
      a.version - b.version,
  );
}

export async function getVersion(
  storage: Storage,
  agreement: string,
  submissionId: string,
): Promise<(VersionMeta & { blobName: string }) | undefined> {
  const parsed = parseSubmissionId(agreement, submissionId);
  if (!parsed) return undefined;
  try {
    const e: TableEntityResult<Record<string, unknown>> = await storage
      .table('submissions')
      .getEntity(partitionOf(parsed.key), versionRowKey(parsed.version));
    return toMeta(e);
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** The partner's latest rows of the year in its other programmes (R07/R12 across programmes). */
export async function latestRowsElsewhere(storage: Storage, key: ReportKey): Promise<RowInput[]> {
  // '}' sorts right after '|': the range covers exactly this partner's partitions.
  const from = `${key.agreement}|${key.partner}|`;
  const to = `${key.agreement}|${key.partner}}`;
  const filter = `PartitionKey ge ${odataString(from)} and PartitionKey lt ${odataString(to)} and RowKey eq '${HEAD}' and year eq ${key.year}`;
  const heads: string[] = [];
  for await (const e of storage
    .table('submissions')
    .listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
    if (e.programme !== key.programme) heads.push(String(e.blobName));
  }
  const snapshots = await Promise.all(heads.map((b) => readSnapshot(storage, b)));
  return snapshots.flatMap((s) => s.rows);
}
