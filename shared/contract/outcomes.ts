// S5 outcomes: POST …/samples/{programme}/{semester}/outcomes/{person} ({person}: the rank in the
// draw order, preferred, or the person id). One route, four bodies:
//   PO:      a decision, { confirm: true, … } after the contradictory step, { documentsReceived: true };
//   partner: { observations } during the contradictory step.
// The answer (201) is the person as the caller may see it afterwards.
import { z } from 'zod';
import { formatAmount, parseAmount } from '../core/money';
import { IsoDateSchema, PersonViewSchema } from './samples';

/** Italian or plain amount → "1234.50" (what shared/outcomes expects). */
const amount = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const parsed = parseAmount(typeof v === 'number' ? String(v) : v);
  if (!parsed.ok || parsed.value.isNegative() || parsed.value.decimalPlaces() > 2) {
    ctx.addIssue({
      code: 'custom',
      message: 'Importo non valido: indicare un importo non negativo con al massimo 2 decimali.',
    });
    return z.NEVER;
  }
  return formatAmount(parsed.value);
});

export const ReasonSchema = z.string().trim().min(1, 'La motivazione è obbligatoria').max(2000);
const reason = ReasonSchema;

export const OutcomeKindSchema = z.enum(['ammesso', 'ammesso_parzialmente', 'non_ammesso', 'integrazioni_richieste']);
export type OutcomeKind = z.infer<typeof OutcomeKindSchema>;

export const DecisionBodySchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('ammesso') }).strict(),
  z.object({ outcome: z.literal('ammesso_parzialmente'), amount, reason: reason.optional() }).strict(),
  z.object({ outcome: z.literal('non_ammesso'), reason }).strict(),
  z
    .object({ outcome: z.literal('integrazioni_richieste'), deadline: IsoDateSchema, reason: reason.optional() })
    .strict(),
]);
export type DecisionBody = z.infer<typeof DecisionBodySchema>;
/** What a client sends as a decision (the amount may be Italian, "1.234,50"). */
export type DecisionRequest = z.input<typeof DecisionBodySchema>;

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
export type ConfirmRequest = z.input<typeof ConfirmBodySchema>;

export const DocumentsReceivedBodySchema = z.object({ documentsReceived: z.literal(true) }).strict();

export const ObservationsBodySchema = z
  .object({ observations: z.string().trim().min(1, 'Il testo delle osservazioni è obbligatorio').max(20_000) })
  .strict();

/** 201 of every outcome body: the person's request after the event. */
export const OutcomeAnswerSchema = PersonViewSchema;
export type OutcomeAnswer = z.infer<typeof OutcomeAnswerSchema>;
