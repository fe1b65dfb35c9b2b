// The cell-level rules, which need nothing but the row and the agreement: R01, R02 (and the R05
// split of PERS rows), unreadable dates (R03, R10 for the payment date).
import type { Agreement } from '../agreement/agreement';
import type { Finding } from '../findings/findings';
import type { ParsedRow } from '../rows/rows';
import { checkRequired } from './required';
import { checkAmounts } from './amounts';
import { cellPreview, rowFinding } from './emit';
import { holdsSeveralDates, parseMonth } from '../core/dates';

export function cellFindings(row: ParsedRow, agreement: Agreement, out: Finding[] = []): Finding[] {
  checkRequired(row, out);
  checkAmounts(row, out, { agreement });
  if (row.problems.length === 0) return out;
  for (const problem of row.problems) {
    if (problem.reason !== 'invalid_date') continue;
    const code = problem.field === 'paymentDate' ? 'R10' : 'R03';
    const cell = row.input[problem.field];
    const variant =
      problem.field === 'month'
        ? 'invalidMonth'
        : holdsSeveralDates(cell)
          ? 'severalDates'
          : isMonthOnly(cell)
            ? 'monthNotDate'
            : 'invalidDate';
    out.push(rowFinding(row, code, 'error', problem.field, variant, { valore: cellPreview(cell) }));
  }
  return out;
}

/** A date cell holding a month ("ottobre 2026", "10/2026"): which day is the partner's to say. */
function isMonthOnly(cell: unknown): boolean {
  return typeof cell === 'string' && parseMonth(cell).ok;
}
