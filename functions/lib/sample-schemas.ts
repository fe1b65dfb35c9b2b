// Bodies and query strings of the sample, outcome, review and reconciliation routes (zod; a
// failure is a 422 listing each issue with its JSON path, in Italian).
import { z } from 'zod';
import { Money, parseAmount, formatAmount, type MoneyParseFailure } from '../../shared/core/money';
import { isValidIso } from '../../shared/core/dates';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Data non valida (atteso aaaa-mm-gg)')
  .refine(isValidIso, 'Data inesistente');

/** 0.05, "0.05", "0,05" or "5%" → "0.05"; the S2 limit (≤ 10%) is checked by shared/sampling. */
const rate = z
  .union([
    z.number().positive().max(1),
    z
      .string()
      .trim()
      .regex(/^\d+([.,]\d+)?\s*%?$/, 'Tasso non valido (es. 0.10 o 10%)'),
  ])
  .transform((v) => {
    if (typeof v === 'number') return String(v);
    const text = v.replace(',', '.').replace(/\s+/g, '');
    return text.endsWith('%') ? new Money(text.slice(0, -1)).div(100).toString() : text;
  });

export const DrawBodySchema = z
  .object({
    // The seed is kept verbatim: the draw keys hash it as given (S3).
    seed: z
      .string()
      .max(500)
      .refine((v) => v.trim() !== '', 'Il seme non può essere vuoto')
      .optional(),
    method: z.enum(['simple', 'mus']).optional(),
    rate: rate.optional(),
  })
  .strict();

/** Italian or plain amount → "1234.50" (what shared/outcomes expects). */
const amount = z.union([z.string().max(200), z.number()]).transform((v, ctx) => {
  // A JSON number is read as typed text would be: String(1e21) is exponent notation, refused (R02).
  const parsed = parseAmount(typeof v === 'number' ? String(v) : v);
  if (!parsed.ok || parsed.value.isNegative() || parsed.value.decimalPlaces() > 2) {
    ctx.addIssue({ code: 'custom', message: AMOUNT_PROBLEM[parsed.ok ? 'too_many_decimals' : parsed.reason] });
    return z.NEVER;
  }
  return formatAmount(parsed.value);
});

/** Why an amount of a PO body is refused (R02 bounds hold for every amount the API takes). */
const AMOUNT_PROBLEM: Record<MoneyParseFailure, string> = {
  empty: "Indicare l'importo.",
  not_a_number: 'Importo non valido: indicare un importo non negativo con al massimo 2 decimali.',
  negative: "L'importo non può essere negativo.",
  too_many_decimals: "L'importo ha al massimo 2 decimali.",
  exponent: 'Importo in notazione esponenziale non ammesso: scriverlo per esteso (es. 1234.50).',
  too_many_digits: "L'importo ha più di 15 cifre significative.",
  too_large: "L'importo deve essere inferiore a 10.000.000,00 €.",
};

const reason = z.string().trim().min(1, 'La motivazione è obbligatoria').max(2000);

export const DecisionBodySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ammesso') }).strict(),
  z.object({ outcome: z.literal('ammesso_parzialmente'), amount, reason: reason.optional() }).strict(),
  z.object({ outcome: z.literal('non_ammesso'), reason }).strict(),
  z.object({ outcome: z.literal('integrazioni_richieste'), deadline: isoDate, reason: reason.optional() }).strict(),
]);

/** After the contradictory step: confirm, or revise (accepting the partner's observations). */
export const ConfirmBodySchema = z
  .object({
    confirm: z.literal(true),
    outcome: z.enum(['ammesso', 'ammesso_parzialmente', 'non_ammesso']).optional(),
    amount: amount.optional(),
    reason: reason.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'ammesso_parzialmente' && v.amount === undefined)
      ctx.addIssue({ code: 'custom', path: ['amount'], message: "Indicare l'importo ammesso." });
    if (v.outcome === 'non_ammesso' && v.reason === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reason'],
        message: 'La motivazione della non ammissione è obbligatoria.',
      });
  });

export const DocumentsReceivedBodySchema = z.object({ documentsReceived: z.literal(true) }).strict();

export const ObservationsBodySchema = z
  .object({ observations: z.string().trim().min(1, 'Il testo delle osservazioni è obbligatorio').max(20_000) })
  .strict();

export const ReviewBodySchema = z
  .object({
    submissionId: z.string().min(1).max(200),
    rowId: z.string().min(1).max(100),
    decision: z.literal('non_ammesso'),
    reason,
  })
  .strict();

export const ReconciliationQuerySchema = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'Anno non valido (atteso aaaa)')
      .transform(Number),
    programme: z.string().min(1).max(40).optional(),
    asOf: isoDate.optional(),
    // 'xlsx': the `Riconciliazione` workbook instead of JSON (also asked with the Accept header).
    format: z.enum(['json', 'xlsx'], { message: 'Formato non valido (atteso json o xlsx)' }).optional(),
  })
  .strict();
