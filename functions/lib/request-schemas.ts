// zod schemas of request bodies and query strings. Row contents are checked by the shared rule
// engine (findings per row); here only the envelope and the value types are enforced.
import { z } from 'zod';
import { CategorySchema } from '../../shared/agreement';

const scalar = z.union([z.string().max(4000), z.number(), z.boolean(), z.null()]);
const fieldValue = z.union([scalar, z.array(z.union([z.string().max(500), z.number()])).max(200)]);

export const MAX_ROWS = 20_000;

export const RowSchema = z
  .object({
    rowId: z.string().min(1).max(100),
    category: CategorySchema,
    sheet: z.string().max(100).optional(),
    row: z.number().int().positive().optional(),
    /** Canonical field → column letter, for finding locations. */
    columns: z.record(z.string(), z.string().regex(/^[A-Z]{1,3}$/)).optional(),
  })
  .catchall(fieldValue);

export const SubmissionBodySchema = z
  .object({
    programme: z.string().min(1).max(40),
    partner: z.string().regex(/^[a-z0-9-]+$/, 'Identificativo partner non valido').max(60),
    year: z.number().int().min(2000).max(2100),
    baseVersion: z.number().int().min(0).optional(),
    rows: z.array(RowSchema).max(MAX_ROWS),
  })
  .strict();

export type SubmissionBody = z.infer<typeof SubmissionBodySchema>;
export type SubmittedRow = z.infer<typeof RowSchema>;

const yearParam = z
  .string()
  .regex(/^\d{4}$/, 'Anno non valido (atteso aaaa)')
  .transform(Number);

export const SubmissionListQuerySchema = z
  .object({
    programme: z.string().min(1).max(40).optional(),
    partner: z.string().regex(/^[a-z0-9-]+$/).max(60).optional(),
    year: yearParam.optional(),
  })
  .strict();

export const DOC_ID = /^[A-Za-z0-9_-]{1,100}$/;

export const DocumentQuerySchema = z
  .object({
    programme: z.string().min(1).max(40),
    rowId: z.string().min(1).max(100).optional(),
    kind: z.string().min(1).max(60).optional(),
    fileName: z.string().min(1).max(255).optional(),
  })
  .strict();
