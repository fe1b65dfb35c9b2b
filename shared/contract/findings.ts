// A finding as it travels in answers (submissions, validate, reconciliation): the CLI's shape plus
// rowId. The code, the location and the params are read loosely here (the domain module owns
// their meaning and their typing, shared/findings); the inferred type is the domain's Finding.
import { z } from 'zod';
import type { Finding } from '../findings/findings';

export const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  sheet: z.string().nullish(),
  row: z.number().int().nullish(),
  column: z.string().nullish(),
  field: z.string().nullish(),
  rowId: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
}) as unknown as z.ZodType<Finding>;

export const FindingSummarySchema = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});
