// The agreement is data: programmes, budgets, partners, windows and every rate or policy the
// rulebook calls a "default". Nothing here is a constant buried in a rule. The types come from the
// schema (./agreement-schema); this module holds what the rules read and needs no zod at run time.
import type { Agreement, BudgetLine, BudgetVersion, LimitsSchema, Partner, Programme } from './agreement-schema';
import type { z } from 'zod';

export type { Agreement, BudgetLine, BudgetVersion, Partner, Programme, ReportingWindow } from './agreement-schema';

/** Categories of expense (DOMAIN §2), in the order of the templates. */
export const CATEGORIES = ['PERS', 'BENI', 'SERV', 'GEN', 'COFIN'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Limits = z.infer<typeof LimitsSchema>;
export const DEFAULT_LIMITS: Limits = { amountBelow: '10000000.00', rowHoursMax: '744' };

/** Latest approved budget version for a year (R22, C1), or undefined when none is approved. */
export function latestBudget(agreement: Agreement, year: number): BudgetVersion | undefined {
  return agreement.budgets.filter((b) => b.year === year).sort((a, b) => b.version - a.version)[0];
}

export function budgetLine(agreement: Agreement, year: number, programme: string): BudgetLine | undefined {
  return latestBudget(agreement, year)?.lines.find((l) => l.programme === programme);
}

/** R02 bounds of an agreement; an agreement object built without the schema gets the defaults. */
export function limitsOf(agreement: Pick<Agreement, 'rules'>): Limits {
  return (agreement.rules as { limits?: Limits }).limits ?? DEFAULT_LIMITS;
}

export function findProgramme(agreement: Agreement, id: string): Programme | undefined {
  return agreement.programmes.find((p) => p.id === id);
}

export function findPartner(agreement: Agreement, id: string): Partner | undefined {
  return agreement.partners.find((p) => p.id === id);
}
