// R14: Tipo spesa is a closed list; an ineligible type is R14, a value in neither list is R01.
import type { RowRule } from './env';
import type { ParsedRow } from '../rows/rows';
import type { AgreementIndex } from '../agreement/agreement-index';
import { normaliseText, textOf } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';

const preview = (row: ParsedRow): string => cellPreview(row.input.expenseType);

export const checkExpenseType: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.expenseType === null) return;
  const type = listed(v.expenseType, env.index) ? v.expenseType : typeBeforeDetails(row, env.index);
  // The cell is read again only for a finding: most rows hold a listed type and need no preview.
  if (env.index.ineligibleExpense.has(type)) {
    out.push(rowFinding(row, 'R14', 'error', 'expenseType', 'ineligible', { valore: preview(row) }));
  } else if (!env.index.eligibleExpense.has(type)) {
    out.push(
      rowFinding(row, 'R01', 'error', 'expenseType', 'expenseTypeUnknown', {
        valore: preview(row),
        ammessi: env.agreement.rules.expenseTypes.eligible.join(', '),
      }),
    );
  }
};

function listed(key: string, index: AgreementIndex): boolean {
  return index.eligibleExpense.has(key) || index.ineligibleExpense.has(key);
}

/**
 * A type written with its details in brackets ("Utenze (luce, gas)", "Omaggi (Natale)"): the key
 * of the words before them when that is a listed type, else the whole cell's key.
 */
function typeBeforeDetails(row: ParsedRow, index: AgreementIndex): string {
  const whole = row.values.expenseType as string;
  const text = textOf(row.input.expenseType) ?? '';
  const open = text.indexOf('(');
  if (open <= 0 || text.charCodeAt(text.length - 1) !== 41) return whole; // ')' ends the cell
  const before = normaliseText(text.slice(0, open));
  return listed(before, index) ? before : whole;
}
