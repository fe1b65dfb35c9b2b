// GET …/reconciliation?year[&programme][&asOf][&format]: C1–C6 with the calculation trail, as JSON
// (the answer schema lives with the reconciliation, shared/reconciliation/reconciliation-answer-
// schema.ts) or as the `Riconciliazione` workbook (format=xlsx or the xlsx Accept header).
import { z } from 'zod';
import { IsoDateSchema } from './samples';

export { ReconciliationAnswerSchema, parseReconciliationAnswer } from '../reconciliation/reconciliation-answer-schema';
export type { ReconciliationAnswerAsRead as ReconciliationAnswer } from '../reconciliation/reconciliation-answer';

export const ReconciliationQuerySchema = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'Anno non valido (atteso aaaa)')
      .transform(Number),
    programme: z.string().min(1).max(40).optional(),
    asOf: IsoDateSchema.optional(),
    // 'xlsx': the `Riconciliazione` workbook instead of JSON (also asked with the Accept header).
    format: z.enum(['json', 'xlsx'], { message: 'Formato non valido (atteso json o xlsx)' }).optional(),
  })
  .strict();
export type ReconciliationQuery = z.infer<typeof ReconciliationQuerySchema>;

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
