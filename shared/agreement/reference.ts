// Ministry of Labour average hourly costs (DOMAIN §8): the rate of a CCNL level in force in a month.
// The table is data (shared/agreement/data/ministry-hourly-costs.json); intermediate levels may be missing.
import { compareText } from '../rules/order';
import table from './data/ministry-hourly-costs.json';
import { Money } from '../core/money';
import type { IsoMonth } from '../core/dates';

export interface HourlyCostTable {
  id: string;
  version: string;
  source: string;
  tables: { ccnl: string; effectiveFrom: IsoMonth; rates: Record<string, string> }[];
}

export type ReferenceRate =
  { ok: true; rate: Money; effectiveFrom: IsoMonth; source: string } | { ok: false; reason: 'ccnl' | 'date' | 'level' };

interface Edition {
  effectiveFrom: IsoMonth;
  rates: Map<string, Money>;
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
    list.push({
      effectiveFrom: t.effectiveFrom,
      rates: new Map(Object.entries(t.rates).map(([level, rate]) => [level.toUpperCase(), new Money(rate)])),
    });
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
  const rate = edition.rates.get(level.toUpperCase());
  if (!rate) return { ok: false, reason: 'level' };
  return { ok: true, rate, effectiveFrom: edition.effectiveFrom, source: data.source };
}
