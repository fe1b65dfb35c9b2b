// audit:verify's check of the stored content itself: every snapshot blob (report versions, semester
// samples) and every document blob
// still hashes to what was recorded — in its index row / metadata (what the API checks before
// serving) and in its audit event (contentHash, covered by the signed chain, so changing a blob and
// its index row together is found too). Answers problems as storage keys and ids, never content.
import { AGREEMENTS } from '../../shared/agreement/agreements';
import { nativeSha256Hex as sha256Hex, readAuditLog, statusOf, type AuditEvent } from './audit';
import type { Storage } from './storage';
import { listVersions } from './submissions-store';

export interface ContentProblem {
  /** "submissions:<blob>" or "documents:<blob>". */
  ref: string;
  reason: 'blob_missing' | 'index_hash_mismatch' | 'event_hash_mismatch' | 'no_event';
}

async function blobHash(storage: Storage, ref: string): Promise<string | undefined> {
  const i = ref.indexOf(':');
  const container = ref.slice(0, i);
  if (container !== 'submissions' && container !== 'documents' && container !== 'samples') return undefined;
  try {
    return sha256Hex(
      await storage
        .container(container)
        .getBlockBlobClient(ref.slice(i + 1))
        .downloadToBuffer(),
    );
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

export async function contentProblems(storage: Storage, events?: readonly AuditEvent[]): Promise<ContentProblem[]> {
  const log = events ?? (await readAuditLog(storage));
  const problems: ContentProblem[] = [];
  const hashes = new Map<string, string | undefined>();
  const hashOf = async (ref: string) => {
    if (!hashes.has(ref)) hashes.set(ref, await blobHash(storage, ref));
    return hashes.get(ref);
  };
  const eventByRef = new Map<string, AuditEvent>();
  for (const e of log) if (e.contentRef) eventByRef.set(e.contentRef, e);

  // 1. What the index rows and document metadata record.
  const recorded: { ref: string; hash: string }[] = [];
  for (const agreement of Object.keys(AGREEMENTS)) {
    for (const v of await listVersions(storage, { agreement }))
      recorded.push({ ref: `submissions:${v.blobName}`, hash: v.contentHash });
  }
  for await (const s of storage.table('samples').listEntities<Record<string, unknown>>())
    if (s.contentHash !== undefined)
      recorded.push({ ref: `samples:${String(s.blobName)}`, hash: String(s.contentHash) });
  for await (const d of storage.table('documents').listEntities<Record<string, unknown>>()) {
    const sha = String(d.sha256);
    recorded.push({ ref: `documents:${d.blobName ? String(d.blobName) : sha}`, hash: sha });
  }
  for (const r of recorded) {
    const actual = await hashOf(r.ref);
    if (actual === undefined) problems.push({ ref: r.ref, reason: 'blob_missing' });
    else if (actual !== r.hash) problems.push({ ref: r.ref, reason: 'index_hash_mismatch' });
    // Events written before content hashes were recorded have no contentRef: the index check stands.
    else if (eventByRef.size > 0 && !eventByRef.has(r.ref) && r.ref.startsWith('documents:'))
      problems.push({ ref: r.ref, reason: 'no_event' });
  }
  // 2. What the signed chain recorded.
  for (const [ref, e] of eventByRef) {
    const actual = await hashOf(ref);
    if (actual === undefined) problems.push({ ref, reason: 'blob_missing' });
    else if (actual !== e.contentHash) problems.push({ ref, reason: 'event_hash_mismatch' });
  }
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.ref}|${p.reason}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
