// R07: hours of one person in one month, over every row of the partner (this submission and its
// other programmes), may not exceed the person's contractual monthly hours.
import type { Finding } from '../findings/findings';
import { ZERO, type Money } from '../core/money';
import type { ParsedRow } from '../rows/rows';
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

/** One list of findings per member, in the members' order; null when the group is fine (the common case). */
export function monthlyHoursGroupFindings(
  members: readonly ParsedRow[],
  other: PersonMonthTotals | undefined,
  env: RuleEnv,
): Finding[][] | null {
  // Start from the first member rather than zero: most person-months have one row and no sum to make.
  let hours = other ? other.hours.plus(members[0].values.hours as Money) : (members[0].values.hours as Money);
  let contract = maxOf(other?.contractHours ?? null, members[0].values.contractHours);
  for (let i = 1; i < members.length; i++) {
    hours = hours.plus(members[i].values.hours as Money);
    contract = maxOf(contract, members[i].values.contractHours);
  }
  const limit = contract ?? env.fullTimeMonthlyHours;
  if (!hours.gt(limit)) return null;
  const params = {
    ore: formatQuantityIt(hours),
    limite: formatQuantityIt(limit),
    mese: formatMonthIt(members[0].values.month as string),
  };
  return members.map((row) => [rowFinding(row, 'R07', 'error', 'hours', other ? 'withOthers' : 'default', params)]);
}

function maxOf(a: Money | null, b: Money | null): Money | null {
  if (!a) return b;
  if (!b) return a;
  return a.gte(b) ? a : b;
}
