// The agreement is data: programmes, budgets, partners, windows and every rate or policy the
// rulebook calls a "default". Nothing here is a constant buried in a rule.
import { z } from 'zod';

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

export const CategorySchema = z.enum(['PERS', 'BENI', 'SERV', 'GEN', 'COFIN']);
export type Category = z.infer<typeof CategorySchema>;

/** Required documents under (c), per kind of row; each inner array is "one of". */
export const RequiredDocumentsSchema = z.record(z.string(), z.array(z.array(z.string())));

export const RulesConfigSchema = z.object({
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

/** Latest approved budget version for a year (R22, C1), or undefined when none is approved. */
export function latestBudget(agreement: Agreement, year: number): BudgetVersion | undefined {
  return agreement.budgets.filter((b) => b.year === year).sort((a, b) => b.version - a.version)[0];
}

export function budgetLine(agreement: Agreement, year: number, programme: string): BudgetLine | undefined {
  return latestBudget(agreement, year)?.lines.find((l) => l.programme === programme);
}

export function findProgramme(agreement: Agreement, id: string): Programme | undefined {
  return agreement.programmes.find((p) => p.id === id);
}

export function findPartner(agreement: Agreement, id: string): Partner | undefined {
  return agreement.partners.find((p) => p.id === id);
}
