// The parts of a submission answer this folder decides (DOMAIN §5), as zod schemas for the API
// contract: rowIds, changes, changedRows, carriedOverRows. The contract's answer schemas extend
// theirs with these; the types are those of settle.ts.
import { z } from 'zod';
import type { CarriedOverRow, ChangedRow, Changes } from './settle';

const count = z.number().int().min(0);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const ChangesSchema: z.ZodType<Changes> = z.object({
  added: count,
  changed: count,
  removed: count,
  unchanged: count,
});

const PreviousPlaceSchema = z.object({
  sheet: z.string().nullable(),
  row: z.number().int().positive().nullable(),
  date: isoDate.nullable(),
});

export const ChangedRowSchema: z.ZodType<ChangedRow> = z.object({
  rowId: z.string(),
  change: z.enum(['changed', 'removed']),
  previous: PreviousPlaceSchema,
});

export const CarriedOverRowSchema: z.ZodType<CarriedOverRow> = z.object({
  rowId: z.string(),
  reason: z.enum(['removed', 'changed']),
  window: z.string().nullable(),
  lockDate: isoDate.nullable(),
  previous: PreviousPlaceSchema,
});

/** Fields every submission (and validate) answer carries besides accepted/rejected/findings. */
export const SubmissionIdentityShape = {
  rowIds: z.array(z.string()),
  changes: ChangesSchema,
  changedRows: z.array(ChangedRowSchema),
  carriedOverRows: z.array(CarriedOverRowSchema),
};
