// Ministry of Labour average hourly costs (DOMAIN §8): the rate of a CCNL level in force in a month.
// The table is data (shared/agreement/data/ministry-hourly-costs.json); intermediate levels may be missing.
import { compareText } from '../rules/order';
import table from './data/ministry-hourly-costs.json';
import { Money, fixedOfMoney } from '../core/money';
import type { Fixed } from '../core/fixed';
import type { IsoMonth } from '../core/dates';

export interface HourlyCostTable {
  id: string;
  version: string;
  source: string;
  tables: { ccnl: string; effectiveFrom: IsoMonth; rates: Record<string, string> }[];
}

export type ReferenceRate = FoundRate | { ok: false; reason: 'ccnl' | 'date' | 'level' };

export interface FoundRate {
  ok: true;
  rate: Money;
  /** The rate as a Fixed (core/fixed), or null when it has more than four decimals. */
  rateFixed: Fixed | null;
  effectiveFrom: IsoMonth;
  source: string;
}

interface Edition {
  effectiveFrom: IsoMonth;
  /** Level -> the answer for it, built once with the table (rules ask it of every PERS row). */
  rates: Map<string, FoundRate>;
}

/** A table ready for lookups (editions per CCNL, newest first, rates as Money); build once per pass. */
export interface CompiledHourlyCosts {
  source: string;
  byCcnl: ReadonlyMap<string, readonly Edition[]>;
}

export function compileHourlyCosts(data: HourlyCostTable): CompiledHourlyCosts {
  const byCcnl = new Map<string, Edition[]>();
  for (const t of data.tables) {
    const list = byCcnl.get(t.ccnl) ?? [];
    const rates = new Map<string, FoundRate>();
    for (const [level, text] of Object.entries(t.rates)) {
      const rate = new Money(text);
      rates.set(level.toUpperCase(), {
        ok: true,
        rate,
        rateFixed: fixedOfMoney(rate),
        effectiveFrom: t.effectiveFrom,
        source: data.source,
      });
    }
    list.push({ effectiveFrom: t.effectiveFrom, rates });
    byCcnl.set(t.ccnl, list);
  }
  // Newest first, so the first edition not after the month is the one in force.
  // ISO dates compare as plain strings (localeCompare would start ICU's collator for nothing).
  for (const list of byCcnl.values()) list.sort((a, b) => compareText(b.effectiveFrom, a.effectiveFrom));
  return { source: data.source, byCcnl };
}

export const MINISTRY_HOURLY_COSTS: HourlyCostTable = table;

/**
 * Rate of `level` of `ccnl` (table id, e.g. 'cooperative-sociali') in force in `month`. Rules pass
 * the table their pass compiled (RuleEnv.hourlyCosts); a raw table is compiled for this one call.
 */
export function ministryRate(
  ccnl: string,
  level: string,
  month: IsoMonth,
  data: HourlyCostTable | CompiledHourlyCosts = MINISTRY_HOURLY_COSTS,
): ReferenceRate {
  const compiled = 'byCcnl' in data ? data : compileHourlyCosts(data);
  const list = compiled.byCcnl.get(ccnl);
  if (!list) return { ok: false, reason: 'ccnl' };
  let edition: (typeof list)[number] | undefined;
  for (let i = 0; i < list.length && edition === undefined; i++) if (list[i].effectiveFrom <= month) edition = list[i];
  if (!edition) return { ok: false, reason: 'date' };
  return edition.rates.get(level.toUpperCase()) ?? { ok: false, reason: 'level' };
}
