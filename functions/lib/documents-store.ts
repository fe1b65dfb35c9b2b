// Supporting documents (PDF, PNG, JPEG): content-addressed blobs (name = SHA-256 of the bytes, so
// the same file uploaded twice is stored once) and one metadata entity per document id. A document
// id is never re-pointed at other bytes: uploading different content under a used id is a 409.
import crypto from 'node:crypto';
import { statusOf } from './audit';
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

export async function readDocumentMeta(
  storage: Storage,
  agreement: string,
  docId: string,
): Promise<DocumentMeta | undefined> {
  try {
    const e = await storage.table('documents').getEntity<Record<string, unknown>>(agreement, docId);
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
      sha256: String(e.sha256),
      uploadedAt: String(e.uploadedAt),
    };
  } catch (err) {
    if (statusOf(err) === 404) return undefined;
    throw err;
  }
}

/** Stores the bytes (once per content) then the metadata; 'exists' when the id is already taken. */
export async function storeDocument(
  storage: Storage,
  meta: DocumentMeta,
  bytes: Uint8Array,
): Promise<{ created: true } | { created: false; existing: DocumentMeta }> {
  await storage.ensure();
  const blob = storage.container('documents').getBlockBlobClient(meta.sha256);
  try {
    await blob.uploadData(bytes, {
      blobHTTPHeaders: { blobContentType: meta.contentType },
      conditions: { ifNoneMatch: '*' },
    });
  } catch (err) {
    // Same content already stored (content-addressed): nothing to do.
    if (statusOf(err) !== 409 && statusOf(err) !== 412) throw err;
  }
  try {
    await storage.table('documents').createEntity({
      partitionKey: meta.agreement,
      rowKey: meta.docId,
      partner: meta.partner,
      programme: meta.programme,
      rowId: meta.rowId ?? '',
      kind: meta.kind ?? '',
      fileName: meta.fileName,
      contentType: meta.contentType,
      size: meta.size,
      sha256: meta.sha256,
      uploadedAt: meta.uploadedAt,
    });
    return { created: true };
  } catch (err) {
    if (statusOf(err) !== 409) throw err;
    const existing = await readDocumentMeta(storage, meta.agreement, meta.docId);
    if (!existing) throw err;
    return { created: false, existing };
  }
}

export async function readDocumentBytes(storage: Storage, sha256: string): Promise<Buffer> {
  return storage.container('documents').getBlockBlobClient(sha256).downloadToBuffer();
}
