// R02: amounts are numbers >= 0 with at most 2 decimals, never silently zero; the split between
// Quota Comune and Quota cofinanziamento adds up to the amount (R05 for PERS rows).
import type { Finding } from '../findings';
import type { ParsedRow } from '../rows';
import { cellPreview, rowFinding } from './emit';
import { formatMoneyIt } from './format';
import { ZERO } from '../money';

const NUMBER_REASONS = new Set(['not_a_number', 'negative', 'too_many_decimals']);
/** Fields whose failure takes the row out of every total (said in the message). */
const SUM_FIELDS = new Set(['amount', 'value', 'municipalShare', 'cofinancingShare']);

export function checkAmounts(row: ParsedRow, out: Finding[]): void {
  for (const problem of row.problems) {
    if (!NUMBER_REASONS.has(problem.reason)) continue;
    const variant = SUM_FIELDS.has(problem.field) ? `${problem.reason}.excluded` : problem.reason;
    out.push(rowFinding(row, 'R02', 'error', problem.field, variant, { valore: cellPreview(row.input[problem.field]) }));
  }
  if (row.splitMismatch) {
    const v = row.values;
    const municipal = readShare(row, 'municipalShare');
    const cofinancing = readShare(row, 'cofinancingShare');
    out.push(rowFinding(row, v.category === 'PERS' ? 'R05' : 'R02', 'error', 'municipalShare', 'split', {
      importo: formatMoneyIt(v.amount ?? ZERO),
      quotaComune: municipal,
      quotaCofinanziamento: cofinancing,
    }));
  }
}

function readShare(row: ParsedRow, field: string): string {
  const cell = row.input[field];
  return cell === undefined || cell === null || cell === '' ? '0,00 €' : `${cellPreview(cell)}`;
}
