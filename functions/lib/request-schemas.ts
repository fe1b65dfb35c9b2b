// zod schemas of request bodies and query strings. Row contents are checked by the shared rule
// engine (findings per row); here only the envelope and the value types are enforced.
import { z } from 'zod';
import { CategorySchema } from '../../shared/agreement';

/**
 * A cell value: text (≤ 4000 characters), a finite number, a boolean, null, or a list of up to 200
 * texts/numbers (documents). Checked in one pass per row rather than a zod union per field: a
 * 5,000-row body has ~100,000 cells and the union costs several times more.
 */
function cellProblem(value: unknown): string | null {
  switch (typeof value) {
    case 'string':
      return value.length <= 4000 ? null : 'Testo troppo lungo (massimo 4000 caratteri).';
    case 'number':
      return Number.isFinite(value) ? null : 'Numero non valido.';
    case 'boolean':
      return null;
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) {
        if (value.length > 200) return 'Elenco troppo lungo (massimo 200 voci).';
        return value.every(
          (v) => (typeof v === 'string' && v.length <= 500) || (typeof v === 'number' && Number.isFinite(v)),
        )
          ? null
          : 'Elenco non valido: ammessi solo testi (massimo 500 caratteri) o numeri.';
      }
      return 'Valore non ammesso: atteso testo, numero, booleano o elenco.';
    default:
      return 'Valore non ammesso: atteso testo, numero, booleano o elenco.';
  }
}

const ENVELOPE_KEYS = new Set(['rowId', 'category', 'sheet', 'row', 'columns']);

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
  .catchall(z.unknown())
  .superRefine((row, ctx) => {
    for (const [key, value] of Object.entries(row)) {
      if (ENVELOPE_KEYS.has(key)) continue;
      const problem = cellProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', path: [key], message: problem });
    }
  });

export const SubmissionBodySchema = z
  .object({
    programme: z.string().min(1).max(40),
    partner: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'Identificativo partner non valido')
      .max(60),
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
    partner: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(60)
      .optional(),
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
