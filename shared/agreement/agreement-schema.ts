// The schema of an agreement (zod): what an agreement file, an upload or an API answer must hold.
// Only what validates an agreement loads it; the rules read agreements through ./agreement, which
// needs no zod (the CLI's `validate` does not load zod at all: shipped agreements are checked by
// test/unit/agreements-shipped.test.ts, not at every start).
import { z } from 'zod';
import { CATEGORIES, DEFAULT_LIMITS } from './agreement';
import { Money } from '../core/money';

const amount = z.string().regex(/^\d+(\.\d{1,2})?$/, 'importo con al massimo 2 decimali');
const rate = z.string().regex(/^(0(\.\d+)?|1(\.0+)?)$/, 'tasso tra 0 e 1');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const monthDay = z.string().regex(/^\d{2}-\d{2}$/);

export const ActionSchema = z.object({ id: z.string().regex(/^P\w+\.A\d+$/), title: z.string() });
export const ProgrammeSchema = z.object({
  id: z.string().regex(/^P\w*$/),
  title: z.string(),
  actions: z.array(ActionSchema).min(1),
});

export const BudgetLineSchema = z.object({
  programme: z.string(),
  municipal: amount,
  cofinancing: amount,
  /** Optional finer lines (R22): action id → municipal amount; category → municipal amount. */
  byAction: z.record(z.string(), amount).optional(),
  byCategory: z.record(z.string(), amount).optional(),
});

export const BudgetVersionSchema = z.object({
  version: z.number().int().positive(),
  /** Agreement year the version applies to (budgets are annual). */
  year: z.number().int(),
  approvedOn: isoDate,
  approvedBy: z.string(),
  lines: z.array(BudgetLineSchema),
});

export const PartnerSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string(),
  lead: z.boolean().default(false),
  vatRecoverable: z.boolean(),
});

export const WindowSchema = z.object({
  id: z.string(),
  /** Expenses dated from…to (month-day, inclusive) of the reporting year. */
  from: monthDay,
  to: monthDay,
  /** Last day of entry (23:59:59 Europe/Rome), month-day, in the next year when lockNextYear. */
  lock: monthDay,
  lockNextYear: z.boolean().default(false),
});

export const CategorySchema = z.enum(CATEGORIES);

/** Required documents under (c), per kind of row; each inner array is "one of". */
export const RequiredDocumentsSchema = z.record(z.string(), z.array(z.array(z.string())));

/** R02 bounds (defaults; the shipped data files need not state them). */
export const LimitsSchema = z.object({
  /**
   * Every amount is below this (exclusive): rows, outcomes, reviews. At most €100 billion, so that
   * every figure a row may hold is exact as a Fixed inside a pass (core/fixed.ts).
   */
  amountBelow: amount
    .refine((text) => new Money(text).lte('100000000000'), 'al massimo 100.000.000.000,00')
    .default('10000000.00'),
  /** Hours of one row (and monthly contract hours) at most this (at most a million, as above). */
  rowHoursMax: z
    .string()
    .regex(/^\d+(\.\d{1,2})?$/)
    .refine((text) => new Money(text).lte('1000000'), 'al massimo 1.000.000 ore')
    .default('744'),
});

export const RulesConfigSchema = z.object({
  limits: LimitsSchema.default(DEFAULT_LIMITS),
  cofinancing: z.object({
    minRate: rate,
    policy: z.enum(['reduce', 'flag']),
  }),
  generalCosts: z.object({
    rate: rate,
    basis: z.enum(['direct', 'personnel']),
  }),
  personnel: z.object({
    fullTimeMonthlyHours: z.string(),
    annualHours: z.number().int().positive(),
    ccnl: z.string(),
  }),
  volunteers: z.object({ referenceCcnl: z.string(), referenceLevel: z.string() }),
  cup: z.object({ code: z.string().nullable(), required: z.boolean(), severity: z.enum(['error', 'warning']) }),
  expenseTypes: z.object({ eligible: z.array(z.string()), ineligible: z.array(z.string()) }),
  paymentMethods: z.object({ traceable: z.array(z.string()), ineligible: z.array(z.string()) }),
  requiredDocuments: RequiredDocumentsSchema,
  sampling: z.object({
    rate: rate.refine((r) => Number(r) <= 0.1, 'il campione non può superare il 10%'),
    requestDays: z.number().int().positive(),
    observationDays: z.number().int().positive(),
  }),
  tranches: z.object({ first: rate, second: rate, firstBy: monthDay, secondBy: monthDay, balanceBy: monthDay }),
});

export const AgreementSchema = z.object({
  id: z.string(),
  title: z.string(),
  municipality: z.string(),
  period: z.object({ start: isoDate, end: isoDate }),
  years: z.array(z.number().int()),
  programmes: z.array(ProgrammeSchema).min(1),
  budgets: z.array(BudgetVersionSchema),
  partners: z.array(PartnerSchema).min(1),
  leadPartner: z.string().optional(),
  windows: z.array(WindowSchema).min(1),
  rules: RulesConfigSchema,
});

export type Agreement = z.infer<typeof AgreementSchema>;
export type Programme = z.infer<typeof ProgrammeSchema>;
export type Partner = z.infer<typeof PartnerSchema>;
export type ReportingWindow = z.infer<typeof WindowSchema>;
export type BudgetVersion = z.infer<typeof BudgetVersionSchema>;
export type BudgetLine = z.infer<typeof BudgetLineSchema>;
