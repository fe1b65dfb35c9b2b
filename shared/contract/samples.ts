// Semester samples: POST …/samples/{programme}/{semester}/draw, GET …/samples/{programme}/{semester},
// and the admin trigger of the daily draw (POST /api/maintenance/semester-sampling).
import { z } from 'zod';
import { isValidIso } from '../core/dates';
import { Money } from '../core/money';
import type { Contradictory, OutcomeEvent } from '../sample/outcomes';

export const IsoDateSchema = z
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

export const SamplingMethodSchema = z.enum(['simple', 'mus']);

/** Body of POST …/draw; an empty body means every default (generated seed, simple, the agreement's rate). */
export const DrawBodySchema = z
  .object({
    // The seed is kept verbatim: the draw keys hash it as given (S3).
    seed: z
      .string()
      .max(500)
      .refine((v) => v.trim() !== '', 'Il seme non può essere vuoto')
      .optional(),
    method: SamplingMethodSchema.optional(),
    rate: rate.optional(),
  })
  .strict();
export type DrawBody = z.infer<typeof DrawBodySchema>;
/** What a client sends (the rate may be "10%"). */
export type DrawRequest = z.input<typeof DrawBodySchema>;

// ---- answers ---------------------------------------------------------------------------------

const day = z.string();

export const OutcomeStatusSchema = z.enum([
  'requested',
  'documents_received',
  'integrazioni_richieste',
  'ammesso',
  'ammesso_parzialmente',
  'non_ammesso',
]);

const DecisionEventSchema = z.discriminatedUnion('outcome', [
  z.object({ type: z.literal('decision'), on: day, outcome: z.literal('ammesso') }),
  z.object({
    type: z.literal('decision'),
    on: day,
    outcome: z.literal('ammesso_parzialmente'),
    amount: z.string(),
    reason: z.string().optional(),
  }),
  z.object({ type: z.literal('decision'), on: day, outcome: z.literal('non_ammesso'), reason: z.string() }),
  z.object({
    type: z.literal('decision'),
    on: day,
    outcome: z.literal('integrazioni_richieste'),
    deadline: day,
    reason: z.string().optional(),
  }),
]);

/** One event of a sampled person's history (shared/sample/outcomes.ts OutcomeEvent). */
export const OutcomeEventSchema = z.union([
  z.object({ type: z.literal('documents_received'), on: day }),
  DecisionEventSchema,
  z.object({ type: z.literal('observations'), on: day, text: z.string() }),
  z.object({
    type: z.literal('confirm'),
    on: day,
    revised: z
      .discriminatedUnion('outcome', [
        z.object({ outcome: z.literal('ammesso') }),
        z.object({ outcome: z.literal('ammesso_parzialmente'), amount: z.string() }),
        z.object({ outcome: z.literal('non_ammesso'), reason: z.string() }),
      ])
      .optional(),
  }),
]) as unknown as z.ZodType<OutcomeEvent>;

export const ContradictorySchema = z.object({
  notifiedOn: day,
  observationsDeadline: day,
  observations: z.object({ text: z.string(), on: day }).optional(),
}) as z.ZodType<Contradictory>;

/** A document uploaded for one of the rows behind a sampled person. */
export const PersonDocumentSchema = z.object({
  docId: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  partner: z.string(),
  receivedAt: z.string(),
});
export type PersonDocument = z.infer<typeof PersonDocumentSchema>;

/** One sampled person with the state of its request (S4–S5). */
export const PersonViewSchema = z.object({
  rank: z.number().int(),
  personId: z.string(),
  key: z.string(),
  requestedOn: day,
  requestDeadline: day,
  status: OutcomeStatusSchema,
  final: z.boolean(),
  decidedOn: day.optional(),
  admittedAmount: z.string().optional(),
  reason: z.string().optional(),
  integrationDeadline: day.optional(),
  contradictory: ContradictorySchema.optional(),
  /** Rows behind the person: "partner/rowId" for the PO, the partner's own row ids for a partner. */
  rowIds: z.array(z.string()),
  history: z.array(OutcomeEventSchema),
  // The PO's (and admin's) view also names, per person, the partners whose rows put it in the
  // population, its reported cost in the semester and the documents uploaded for those rows.
  partners: z.array(z.string()).optional(),
  reportedCost: z.string().nullable().optional(),
  documents: z.array(PersonDocumentSchema).optional(),
});
export type PersonView = z.infer<typeof PersonViewSchema>;

/** 200 of GET …/samples/{programme}/{semester}: everything for the PO; a partner its own requests. */
export const SampleViewSchema = z.object({
  agreement: z.string(),
  programme: z.string(),
  semester: z.string(),
  seed: z.string(),
  seedGenerated: z.boolean(),
  /** 'timer' when the daily semesterSampling timer drew it; null for draws recorded before this field. */
  drawnBy: z.enum(['timer', 'po', 'admin']).nullable(),
  method: SamplingMethodSchema,
  rate: z.string(),
  populationHash: z.string(),
  population: z.number().int(),
  n: z.number().int(),
  drawnOn: day,
  version: z.number().int(),
  selected: z.array(PersonViewSchema),
});
export type SampleView = z.infer<typeof SampleViewSchema>;

export const DrawOutcomeSchema = z.enum(['drawn', 'extended', 'existing']);
export type DrawOutcome = z.infer<typeof DrawOutcomeSchema>;

/** 201 (first draw) or 200 (existing or extended) of POST …/draw: the view plus what happened. */
export const DrawAnswerSchema = SampleViewSchema.extend({ result: DrawOutcomeSchema });
export type DrawAnswer = z.infer<typeof DrawAnswerSchema>;

/** 200 of POST /api/maintenance/semester-sampling (and what the timer logs). */
export const SamplingRunSchema = z.object({
  today: day,
  drawn: z.array(
    z.object({
      agreement: z.string(),
      programme: z.string(),
      semester: z.string(),
      population: z.number().int(),
      n: z.number().int(),
    }),
  ),
  alreadyDrawn: z.number().int(),
  /** Failures do not stop the other semesters; the next run retries them. */
  failed: z.array(z.object({ agreement: z.string(), programme: z.string(), semester: z.string(), error: z.string() })),
});
export type SamplingRun = z.infer<typeof SamplingRunSchema>;
export type SampledSemester = SamplingRun['drawn'][number];
