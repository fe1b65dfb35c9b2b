// GET /api/agreements/{agreement}/ats-status?year=2026[&asOf=…] — the ATS-wide position for the
// lead partner (DOMAIN.md §11): per programme each member's last version and R20 for the whole ATS.
// Counts and amounts only, never personal data.
import { z } from 'zod';
import { IsoDateSchema } from './samples';

export const AtsStatusQuerySchema = z
  .object({
    year: z
      .string()
      .regex(/^\d{4}$/, 'Anno non valido (atteso aaaa)')
      .transform(Number),
    asOf: IsoDateSchema.optional(),
  })
  .strict();
export type AtsStatusQuery = z.infer<typeof AtsStatusQuerySchema>;

const wireAmount = z.string().regex(/^-?\d+\.\d{2}$/);

export const AtsMemberStatusSchema = z.object({
  partner: z.string(),
  name: z.string(),
  version: z.number().int().positive(),
  /** Day of the member's last version, Europe/Rome. */
  submittedOn: IsoDateSchema,
  rows: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  reported: z.object({ municipal: wireAmount, cofinancing: wireAmount }),
  /** Co-financing over municipal contribution of the member's last version, percent, 2 decimals. */
  cofinancingShare: wireAmount,
});
export type AtsMemberStatus = z.infer<typeof AtsMemberStatusSchema>;

export const AtsStatusAnswerSchema = z.object({
  agreement: z.string(),
  year: z.number().int(),
  asOf: IsoDateSchema,
  leadPartner: z.string().nullable(),
  programmes: z.array(
    z.object({
      programme: z.string(),
      title: z.string(),
      members: z.array(AtsMemberStatusSchema),
      membersWithoutReport: z.number().int().nonnegative(),
      /** Drawn samples of the year: the lead may download their frozen populations (S3). */
      samples: z.array(z.object({ semester: z.string(), population: z.number().int(), populationHash: z.string() })),
    }),
  ),
  ats: z.object({
    due: wireAmount,
    cofinancing: wireAmount,
    cofinancingShare: wireAmount,
    minimumShare: wireAmount,
    r20: z.enum(['ok', 'warning', 'error']),
  }),
});
export type AtsStatusAnswer = z.infer<typeof AtsStatusAnswerSchema>;
