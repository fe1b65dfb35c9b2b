// R07: hours of one person in one month, over every row of the partner (this submission and its
// other programmes), may not exceed the person's contractual monthly hours.
import type { Finding } from '../findings/findings';
import { FixedSum, moneyOfFixed } from '../core/money';
import type { Fixed } from '../core/fixed';
import { ParsedRow } from '../rows/rows';
import type { RuleEnv } from './env';
import { rowFinding } from './emit';
import { formatQuantityIt, formatMonthIt } from './format';

export interface PersonMonthTotals {
  hours: FixedSum;
  /** Largest contractual hours declared on those rows, if any. */
  contractHours: Fixed | null;
}

export function personMonthKey(row: ParsedRow): string | null {
  const v = row.values;
  if (v.category !== 'PERS' || !v.taxCode || !v.month || v.hoursFixed === null) return null;
  return `${v.taxCode}|${v.month}`;
}

export function otherPersonMonths(rows: readonly ParsedRow[]): Map<string, PersonMonthTotals> {
  const map = new Map<string, PersonMonthTotals>();
  for (const row of rows) {
    const key = personMonthKey(row);
    if (!key) continue;
    const current = map.get(key) ?? { hours: new FixedSum(), contractHours: null };
    current.hours.add(row.values.hoursFixed as Fixed);
    current.contractHours = maxOf(current.contractHours, row.values.contractHoursFixed);
    map.set(key, current);
  }
  return map;
}

/**
 * Whether the person-month (one row, or the rows of a group) is within its monthly hours, settled
 * on the Fixed figures: true is the answer of monthlyHoursGroupFindings (no finding), false leaves
 * it to decimal.js. Hours are never negative, so a float sum that stays within the exact integers
 * was exact all along.
 */
export function withinMonthlyHours(
  group: ParsedRow | readonly ParsedRow[],
  other: PersonMonthTotals | undefined,
  env: RuleEnv,
): boolean {
  let hours: number = other ? (other.hours.asFixed ?? Number.POSITIVE_INFINITY) : 0;
  let contract = other?.contractHours ?? null;
  if (group instanceof ParsedRow) {
    hours += group.values.hoursFixed as Fixed;
    contract = maxOf(contract, group.values.contractHoursFixed);
  } else {
    for (let i = 0; i < group.length; i++) {
      hours += group[i].values.hoursFixed as Fixed;
      contract = maxOf(contract, group[i].values.contractHoursFixed);
    }
  }
  const limit = contract ?? env.fullTimeMonthlyHoursFixed;
  return limit !== null && hours <= Number.MAX_SAFE_INTEGER && hours <= limit;
}

/** One list of findings per member, in the members' order; null when the group is fine (the common case). */
export function monthlyHoursGroupFindings(
  members: readonly ParsedRow[],
  other: PersonMonthTotals | undefined,
  env: RuleEnv,
): Finding[][] | null {
  if (withinMonthlyHours(members, other, env)) return null;
  // decimal.js decides and words the rest.
  const hours = new FixedSum();
  let contract = other?.contractHours ?? null;
  for (let i = 0; i < members.length; i++) {
    hours.add(members[i].values.hoursFixed as Fixed);
    contract = maxOf(contract, members[i].values.contractHoursFixed);
  }
  const total = other ? hours.money.plus(other.hours.money) : hours.money;
  const limit = contract === null ? env.fullTimeMonthlyHours : moneyOfFixed(contract);
  if (!total.gt(limit)) return null;
  const params = {
    ore: formatQuantityIt(total),
    limite: formatQuantityIt(limit),
    mese: formatMonthIt(members[0].values.month as string),
  };
  return members.map((row) => [rowFinding(row, 'R07', 'error', 'hours', other ? 'withOthers' : 'default', params)]);
}

function maxOf(a: Fixed | null, b: Fixed | null): Fixed | null {
  if (a === null) return b;
  if (b === null) return a;
  return a >= b ? a : b;
}
