// R02: amounts are numbers >= 0 with at most 2 decimals, never silently zero; the split between
// Quota Comune and Quota cofinanziamento adds up to the amount (R05 for PERS rows).
import type { Finding } from '../findings/findings';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';
import { formatMoneyIt } from './format';
import { parseAmount, ZERO } from '../core/money';

type NumberReason = 'not_a_number' | 'negative' | 'too_many_decimals';
const NUMBER_REASONS: ReadonlySet<string> = new Set<NumberReason>(['not_a_number', 'negative', 'too_many_decimals']);
const isNumberReason = (reason: string): reason is NumberReason => NUMBER_REASONS.has(reason);
/** Fields whose failure takes the row out of every total (said in the message). */
const SUM_FIELDS = new Set(['amount', 'value', 'municipalShare', 'cofinancingShare']);
/** Hours and rates may carry up to 4 decimals (parseQuantity); amounts 2. */
const QUANTITY_FIELDS = new Set(['hours', 'hourlyCost', 'contractHours', 'hourlyValue']);

export function checkAmounts(row: ParsedRow, out: Finding[]): void {
  if (row.problems.length === 0 && !row.splitMismatch) return; // the common case, without a loop
  for (const problem of row.problems) {
    const reason = problem.reason;
    if (!isNumberReason(reason)) continue;
    const variant = SUM_FIELDS.has(problem.field) ? (`${reason}.excluded` as const) : reason;
    out.push(
      rowFinding(row, 'R02', 'error', problem.field, variant, {
        valore: cellPreview(row.input[problem.field]),
        decimali: QUANTITY_FIELDS.has(problem.field) ? 4 : 2,
      }),
    );
  }
  if (row.splitMismatch) {
    const v = row.values;
    const municipal = readShare(row, 'municipalShare');
    const cofinancing = readShare(row, 'cofinancingShare');
    out.push(
      rowFinding(row, v.category === 'PERS' ? 'R05' : 'R02', 'error', 'municipalShare', 'split', {
        importo: formatMoneyIt(v.amount ?? ZERO),
        quotaComune: municipal,
        quotaCofinanziamento: cofinancing,
      }),
    );
  }
}

/** A share as the message shows it: formatted when readable (a split is only checked when both are). */
function readShare(row: ParsedRow, field: string): string {
  const parsed = parseAmount(row.input[field]);
  if (parsed.ok) return formatMoneyIt(parsed.value);
  return parsed.reason === 'empty' ? formatMoneyIt(ZERO) : cellPreview(row.input[field]);
}
