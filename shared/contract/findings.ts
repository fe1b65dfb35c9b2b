// A finding as it travels in answers (submissions, validate, reconciliation): the CLI's shape plus
// rowId. The code and params are read loosely here (the domain module owns their meaning); the
// inferred type is the domain's Finding.
import { z } from 'zod';
import type { Finding } from '../findings/findings';

export const FindingSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  rowId: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) as unknown as z.ZodType<Finding>;

export const FindingSummarySchema = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});
