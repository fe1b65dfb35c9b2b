// Documents: PUT …/documents/{docId}?programme&rowId&kind&fileName (raw bytes; PDF, PNG, JPEG) and
// GET …/documents/{docId} (the bytes, with X-Content-SHA256).
import { z } from 'zod';

export const DOC_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** Query of PUT …/documents/{docId}. */
export const DocumentQuerySchema = z
  .object({
    programme: z.string().min(1).max(40),
    rowId: z.string().min(1).max(100).optional(),
    kind: z.string().min(1).max(60).optional(),
    fileName: z.string().min(1).max(255).optional(),
  })
  .strict();
export type DocumentQuery = z.infer<typeof DocumentQuerySchema>;

export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const DocumentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentType = z.infer<typeof DocumentTypeSchema>;

/** 201 (stored) or 200 (same bytes again) of PUT …/documents/{docId}. */
export const DocumentMetaSchema = z.object({
  agreement: z.string(),
  docId: z.string(),
  partner: z.string(),
  programme: z.string(),
  rowId: z.string().nullable(),
  kind: z.string().nullable(),
  fileName: z.string(),
  contentType: DocumentTypeSchema,
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type DocumentMeta = z.infer<typeof DocumentMetaSchema>;
