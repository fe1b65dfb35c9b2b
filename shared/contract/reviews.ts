// S6: POST …/reviews — the PO does not admit a single row of a version (reason required).
import { z } from 'zod';
import { ReasonSchema } from './outcomes';

export const ReviewBodySchema = z
  .object({
    submissionId: z.string().min(1).max(200),
    rowId: z.string().min(1).max(100),
    decision: z.literal('non_ammesso'),
    reason: ReasonSchema,
  })
  .strict();
export type ReviewRequest = z.input<typeof ReviewBodySchema>;

/** 201 of POST …/reviews: the stored decision (ids and role, no names). */
export const ReviewAnswerSchema = z.object({
  agreement: z.string(),
  submissionId: z.string(),
  partner: z.string(),
  programme: z.string(),
  year: z.number().int(),
  rowId: z.string(),
  decision: z.literal('non_ammesso'),
  reason: z.string(),
  decidedOn: z.string(),
  actorRole: z.string(),
  at: z.string(),
});
export type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;
