// GET /api/agreements/{agreement}: the agreement as data (the schema the domain module validates its
// own agreement files with) plus the reference tables the pane needs to validate offline.
import { z } from 'zod';
import { AgreementSchema } from '../agreement/agreement-schema';

const IsoMonth = z.string().regex(/^\d{4}-\d{2}$/);

export const HourlyCostTableSchema = z.object({
  id: z.string(),
  version: z.string(),
  source: z.string(),
  tables: z.array(z.object({ ccnl: z.string(), effectiveFrom: IsoMonth, rates: z.record(z.string(), z.string()) })),
});

export const AgreementAnswerSchema = AgreementSchema.extend({
  reference: z.object({ ministryHourlyCosts: HourlyCostTableSchema }),
});
export type AgreementAnswer = z.infer<typeof AgreementAnswerSchema>;
