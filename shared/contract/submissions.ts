// Submissions: POST …/validate and POST …/submissions (same body), GET …/submissions[?query] and
// GET …/submissions/{id}. Row contents are checked by the shared rule engine (findings per row);
// the body schema only enforces the envelope and the value types.
import { z } from 'zod';
import type { Category } from '../agreement/agreement';
import { CategorySchema } from '../agreement/agreement-schema';
import type { RowInput } from '../rows/rows';
import { FindingSchema, FindingSummarySchema } from './findings';
import {
  CarriedOverRowSchema,
  ChangedRowSchema,
  ChangesSchema,
  SubmissionIdentityShape,
} from '../submission/answer-schema';

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
const CATEGORIES: readonly string[] = CategorySchema.options;

export const MAX_ROWS = 20_000;

/** One row of a submission: envelope (id, category, location) plus canonical fields (DOMAIN §7). */
export interface SubmittedRow {
  /** Absent: matched to the previous version by natural key, or given a new id (DOMAIN §5). */
  rowId?: string;
  category: Category;
  sheet?: string;
  row?: number;
  /** Canonical field → column letter, for finding locations. */
  columns?: Record<string, string>;
  [field: string]: unknown;
}

type Report = (path: (string | number)[], message: string) => void;

/**
 * Checks one row by hand: rows are most of a body (5,000 rows ≈ 100,000 cells) and a zod object
 * schema per row costs several times more than this loop. Same issue format (path + Italian text).
 */
export function checkRow(row: unknown, report: Report): void {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) {
    report([], 'Riga non valida: atteso un oggetto.');
    return;
  }
  const r = row as Record<string, unknown>;
  // Optional: a row without an id is matched to the report by its natural key (DOMAIN §5).
  if (r.rowId !== undefined && (typeof r.rowId !== 'string' || r.rowId.length < 1 || r.rowId.length > 100)) {
    report(['rowId'], 'Identificativo di riga non valido (da 1 a 100 caratteri).');
  }
  if (typeof r.category !== 'string' || !CATEGORIES.includes(r.category)) {
    report(['category'], `Categoria non valida: atteso uno tra ${CATEGORIES.map((c) => `"${c}"`).join('|')}.`);
  }
  if (r.sheet !== undefined && (typeof r.sheet !== 'string' || r.sheet.length > 100)) {
    report(['sheet'], 'Nome del foglio non valido (testo, massimo 100 caratteri).');
  }
  if (r.row !== undefined && !(typeof r.row === 'number' && Number.isInteger(r.row) && r.row > 0)) {
    report(['row'], 'Numero di riga non valido: atteso un intero positivo.');
  }
  if (r.columns !== undefined) {
    const cols = r.columns;
    if (typeof cols !== 'object' || cols === null || Array.isArray(cols)) {
      report(['columns'], 'Colonne non valide: atteso un oggetto campo → lettera di colonna.');
    } else {
      for (const [field, letter] of Object.entries(cols)) {
        if (typeof letter !== 'string' || !/^[A-Z]{1,3}$/.test(letter)) {
          report(['columns', field], 'Lettera di colonna non valida (da A a ZZZ).');
        }
      }
    }
  }
  for (const key of Object.keys(r)) {
    if (ENVELOPE_KEYS.has(key)) continue;
    const problem = cellProblem(r[key]);
    if (problem) report([key], problem);
  }
}

const RowsSchema = z
  .array(z.unknown())
  .max(MAX_ROWS)
  .superRefine((rows, ctx) => {
    rows.forEach((row, i) =>
      checkRow(row, (path, message) => ctx.addIssue({ code: 'custom', path: [i, ...path], message })),
    );
  })
  .transform((rows) => rows as SubmittedRow[]);

const PartnerId = z
  .string()
  .regex(/^[a-z0-9-]+$/, 'Identificativo partner non valido')
  .max(60);

/** Body of POST …/submissions and POST …/validate. */
export const SubmissionBodySchema = z
  .object({
    programme: z.string().min(1).max(40),
    partner: PartnerId,
    year: z.number().int().min(2000).max(2100),
    baseVersion: z.number().int().min(0).optional(),
    rows: RowsSchema,
  })
  .strict();

export type SubmissionBody = z.infer<typeof SubmissionBodySchema>;
/** What a client sends: rows of any shape the envelope accepts (the server checks them). */
export type SubmissionRequest = z.input<typeof SubmissionBodySchema>;

const yearParam = z
  .string()
  .regex(/^\d{4}$/, 'Anno non valido (atteso aaaa)')
  .transform(Number);

/** Query of GET …/submissions. */
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
export type SubmissionListQuery = z.infer<typeof SubmissionListQuerySchema>;

// ---- answers ---------------------------------------------------------------------------------

const RejectedRowSchema = z.object({ rowId: z.string(), findings: z.array(FindingSchema) });

/**
 * 201 of POST …/submissions (and the idempotent replay). Row identity (DOMAIN §5,
 * shared/submission): rowIds[i] is the id of the i-th row sent; changes, changedRows and
 * carriedOverRows compare the stored version with the previous one.
 */
export const SubmissionAnswerSchema = z.object({
  submissionId: z.string(),
  version: z.number().int(),
  accepted: z.array(z.string()),
  rejected: z.array(RejectedRowSchema),
  findings: z.array(FindingSchema),
  ...SubmissionIdentityShape,
});
export type SubmissionAnswer = z.infer<typeof SubmissionAnswerSchema>;

/** 200 of POST …/validate: the same results against the server state, nothing stored. */
export const ValidateAnswerSchema = z.object({
  accepted: z.array(z.string()),
  rejected: z.array(RejectedRowSchema),
  findings: z.array(FindingSchema),
  ...SubmissionIdentityShape,
  currentVersion: z.number().int(),
  summary: FindingSummarySchema,
});
export type ValidateAnswer = z.infer<typeof ValidateAnswerSchema>;

/** One committed version as listed (no rows, no personal data). */
export const VersionMetaSchema = z.object({
  agreement: z.string(),
  partner: z.string(),
  programme: z.string(),
  year: z.number().int(),
  submissionId: z.string(),
  version: z.number().int(),
  baseVersion: z.number().int().nullable(),
  submittedAt: z.string(),
  actorRole: z.string(),
  rowCount: z.number().int(),
  acceptedCount: z.number().int(),
  rejectedCount: z.number().int(),
  carriedOverCount: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  contentHash: z.string(),
});
export type VersionMeta = z.infer<typeof VersionMetaSchema>;

/** 200 of GET …/submissions. */
export const SubmissionListAnswerSchema = z.object({ submissions: z.array(VersionMetaSchema) });
export type SubmissionListAnswer = z.infer<typeof SubmissionListAnswerSchema>;

/** A stored row: envelope plus canonical fields, as submitted. */
export const StoredRowSchema = z
  .object({ rowId: z.string(), category: CategorySchema })
  .catchall(z.unknown()) as unknown as z.ZodType<RowInput>;

/** 200 of GET …/submissions/{id}: one version with its rows and findings. */
export const SubmissionDetailAnswerSchema = VersionMetaSchema.extend({
  rows: z.array(StoredRowSchema),
  /** Row ids carried over unchanged from the previous version (locked, R24). */
  carriedOver: z.array(z.string()),
  accepted: z.array(z.string()),
  rejected: z.array(RejectedRowSchema),
  findings: z.array(FindingSchema),
  /** The version against the previous one (DOMAIN §5); null for a version stored before row identity. */
  changes: ChangesSchema.nullable().optional(),
  changedRows: z.array(ChangedRowSchema).optional(),
  carriedOverRows: z.array(CarriedOverRowSchema).optional(),
});
export type SubmissionDetailAnswer = z.infer<typeof SubmissionDetailAnswerSchema>;
