// R07: hours of one person in one month, over every row of the partner (this submission and its
// other programmes), may not exceed the person's contractual monthly hours.
import type { Finding } from '../findings';
import { Money, ZERO } from '../money';
import type { ParsedRow } from '../rows';
import type { RuleEnv } from './env';
import { rowFinding } from './emit';
import { formatQuantityIt, formatMonthIt } from './format';

export interface PersonMonthTotals {
  hours: Money;
  /** Largest contractual hours declared on those rows, if any. */
  contractHours: Money | null;
}

export function personMonthKey(row: ParsedRow): string | null {
  const v = row.values;
  if (v.category !== 'PERS' || !v.taxCode || !v.month || !v.hours) return null;
  return `${v.taxCode}|${v.month}`;
}

export function otherPersonMonths(rows: readonly ParsedRow[]): Map<string, PersonMonthTotals> {
  const map = new Map<string, PersonMonthTotals>();
  for (const row of rows) {
    const key = personMonthKey(row);
    if (!key) continue;
    const current = map.get(key) ?? { hours: ZERO, contractHours: null };
    current.hours = current.hours.plus(row.values.hours as Money);
    current.contractHours = maxOf(current.contractHours, row.values.contractHours);
    map.set(key, current);
  }
  return map;
}

/** One list of findings per member, in the members' order. */
export function monthlyHoursGroupFindings(
  members: readonly ParsedRow[],
  other: PersonMonthTotals | undefined,
  env: RuleEnv,
): Finding[][] {
  let hours = other?.hours ?? ZERO;
  let contract = other?.contractHours ?? null;
  for (const m of members) {
    hours = hours.plus(m.values.hours as Money);
    contract = maxOf(contract, m.values.contractHours);
  }
  const limit = contract ?? env.fullTimeMonthlyHours;
  if (!hours.gt(limit)) return members.map(() => []);
  const params = {
    ore: formatQuantityIt(hours),
    limite: formatQuantityIt(limit),
    mese: formatMonthIt(members[0].values.month as string),
    righe: members.length + (other ? 1 : 0) > 1 ? 'più righe' : 'una riga',
    altriProgrammi: other ? 'sì' : 'no',
  };
  return members.map((row) => [rowFinding(row, 'R07', 'error', 'hours', other ? 'withOthers' : 'default', params)]);
}

function maxOf(a: Money | null, b: Money | null): Money | null {
  if (!a) return b;
  if (!b) return a;
  return a.gte(b) ? a : b;
}

export { Money };
