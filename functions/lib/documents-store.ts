// Supporting documents (PDF, PNG, JPEG): content-addressed blobs (name = SHA-256 of the bytes, so
// the same file uploaded twice is stored once) and one metadata entity per document id. A document
// id is never re-pointed at other bytes: uploading different content under a used id is a 409.
import crypto from 'node:crypto';
import { statusOf, type AuditActor, type AuditEventInput } from './audit';
import { markAudited, pendingAuditFields } from './audit-pending';
import { StoredContentAltered } from './storage-integrity';
import type { Storage } from './storage';
import type { DocumentMeta } from '../../shared/contract/documents';

export const DOCUMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export type DocumentType = 'application/pdf' | 'image/png' | 'image/jpeg';

/** The type is read from the bytes, never from the client's Content-Type or file name. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | undefined {
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}

const EXTENSION: Record<DocumentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** A file name safe for headers and storage: no path, no control or exotic characters. */
export function sanitiseFileName(raw: string | undefined | null, type: DocumentType): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._()-]/gu, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s_]+|[.\s]+$/g, '')
    .slice(0, 100);
  return cleaned || `documento.${EXTENSION[type]}`;
}

// The metadata is also the answer of PUT …/documents/{docId} (shared/contract/documents.ts).
export type { DocumentMeta };

export function sha256OfBytes(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

/**
 * Documents are stored per partner (DOMAIN §11): the entity key and the blob name carry the
 * partner, so two partners may upload byte-identical files under the same id (the pane names a
 * document by the SHA-256 of its bytes) and each sees only its own.
 */
export function documentRowKey(partner: string, docId: string): string {
  return `${partner}|${docId}`;
}

export function documentBlobName(partner: string, sha256: string): string {
  return `${partner}/${sha256}`;
}

function toMeta(agreement: string, e: Record<string, unknown>, docId: string): DocumentMeta & { blobName: string } {
  const sha256 = String(e.sha256);
  return {
    agreement,
    docId,
    partner: String(e.partner),
    programme: String(e.programme),
    rowId: e.rowId ? String(e.rowId) : null,
    kind: e.kind ? String(e.kind) : null,
    fileName: String(e.fileName),
    contentType: String(e.contentType) as DocumentType,
    size: Number(e.size),
    sha256,
    uploadedAt: String(e.uploadedAt),
    // Documents stored before the per-partner layout sit at the content hash alone.
    blobName: e.blobName ? String(e.blobName) : sha256,
  };
}

/** The partner's own document with this id (its space only). */
export async function readDocumentMeta(
  storage: Storage,
  agreement: string,
  docId: string,
  partner: string,
): Promise<(DocumentMeta & { blobName: string }) | undefined> {
  try {
    const e = await storage
      .table('documents')
      .getEntity<Record<string, unknown>>(agreement, documentRowKey(partner, docId));
    return toMeta(agreement, e, docId);
  } catch (err) {
    if (statusOf(err) !== 404) throw err;
  }
  const legacy = await readLegacy(storage, agreement, docId);
  return legacy && legacy.partner === partner ? legacy : undefined;
}

/** Every partner's document with this id (PO and admin reads; the caller filters by scope). */
export async function findDocuments(
  storage: Storage,
  agreement: string,
  docId: string,
): Promise<(DocumentMeta & { blobName: string })[]> {
  const out: (DocumentMeta & { blobName: string })[] = [];
  const filter = `PartitionKey eq '${agreement.replace(/'/g, "''")}' and docId eq '${docId.replace(/'/g, "''")}'`;
  for await (const e of storage.table('documents').listEntities<Record<string, unknown>>({ queryOptions: { filter } }))
    out.push(toMeta(agreement, e, docId));
  const legacy = await readLegacy(storage, agreement, docId);
  if (legacy && !out.some((m) => m.partner === legacy.partner)) out.push(legacy);
  return out.sort((a, b) => a.partner.localeCompare(b.partner));
}

async function readLegacy(
  storage: Storage,
  agreement: string,
  docId: string,
): Promise<(DocumentMeta & { blobName: string }) | undefined> {
  try {
    const e = await storage.table('documents').getEntity<Record<string, unknown>>(agreement, docId);
    return toMeta(agreement, e, docId);
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** The audit event of an upload: the metadata, and the blob it covers. */
export function documentAuditInput(meta: DocumentMeta, actor: AuditActor): AuditEventInput {
  return {
    actor,
    action: 'document.upload',
    target: `${meta.agreement}/${meta.partner}/${meta.docId}`,
    payload: meta,
    content: { hash: meta.sha256, ref: `documents:${documentBlobName(meta.partner, meta.sha256)}` },
  };
}

/** The upload's audit event is appended: the metadata no longer carries the intent. */
export function markDocumentAudited(storage: Storage, meta: DocumentMeta): Promise<void> {
  return markAudited(storage, 'documents', {
    partitionKey: meta.agreement,
    rowKey: documentRowKey(meta.partner, meta.docId),
  });
}

/**
 * Stores the bytes (once per content in the partner's space) then the metadata; 'exists' when the
 * id is taken. With an actor, the metadata row is also the audit intent of the upload
 * (`auditPending`, audit-intent.ts), so a crash before the audit append is repaired later.
 */
export async function storeDocument(
  storage: Storage,
  meta: DocumentMeta,
  bytes: Uint8Array,
  actor?: AuditActor,
): Promise<{ created: true } | { created: false; existing: DocumentMeta }> {
  await storage.ensure();
  const blobName = documentBlobName(meta.partner, meta.sha256);
  const blob = storage.container('documents').getBlockBlobClient(blobName);
  try {
    await blob.uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: meta.contentType },
      conditions: { ifNoneMatch: '*' },
      metadata: { sha256: meta.sha256 },
    });
  } catch (err) {
    // Same content already stored in this partner's space (content-addressed): nothing to do.
    if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
  }
  try {
    await storage.table('documents').createEntity({
      partitionKey: meta.agreement,
      rowKey: documentRowKey(meta.partner, meta.docId),
      docId: meta.docId,
      partner: meta.partner,
      programme: meta.programme,
      rowId: meta.rowId ?? '',
      kind: meta.kind ?? '',
      fileName: meta.fileName,
      contentType: meta.contentType,
      size: meta.size,
      sha256: meta.sha256,
      uploadedAt: meta.uploadedAt,
      blobName,
      ...(actor ? pendingAuditFields(actor, meta.uploadedAt) : {}),
    });
    return { created: true };
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
    const existing = await readDocumentMeta(storage, meta.agreement, meta.docId, meta.partner);
    if (!existing) throw err;
    return { created: false, existing };
  }
}

/** A document's bytes, refused (DocumentIntegrityError) when they no longer match the recorded hash. */
export async function readDocumentBytes(storage: Storage, meta: { blobName: string; sha256: string }): Promise<Buffer> {
  const bytes = await storage.container('documents').getBlockBlobClient(meta.blobName).downloadToBuffer();
  if (sha256OfBytes(bytes) !== meta.sha256) throw new StoredContentAltered('document', meta.blobName);
  return bytes;
}
