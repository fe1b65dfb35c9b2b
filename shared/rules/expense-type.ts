// R14: Tipo spesa is a closed list; an ineligible type is R14, a value in neither list is R01.
import type { RowRule } from './env';
import type { ParsedRow } from '../rows/rows';
import type { AgreementIndex } from '../agreement/agreement-index';
import { normaliseText, textOf } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';

const preview = (row: ParsedRow): string => cellPreview(row.input.expenseType);

type Listing = 'eligible' | 'ineligible' | null;

export const checkExpenseType: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.expenseType === null) return;
  const listing = listingOf(v.expenseType, env.index) ?? listingBeforeDetails(row, env.index);
  // The cell is read again only for a finding: most rows hold a listed type and need no preview.
  if (listing === 'ineligible') {
    out.push(rowFinding(row, 'R14', 'error', 'expenseType', 'ineligible', { valore: preview(row) }));
  } else if (listing === null) {
    out.push(
      rowFinding(row, 'R01', 'error', 'expenseType', 'expenseTypeUnknown', {
        valore: preview(row),
        ammessi: env.agreement.rules.expenseTypes.eligible.join(', '),
      }),
    );
  }
};

function listingOf(key: string, index: AgreementIndex): Listing {
  if (index.ineligibleExpense.has(key)) return 'ineligible';
  return index.eligibleExpense.has(key) ? 'eligible' : null;
}

/**
 * A type written with its details in brackets ("Utenze (luce, gas)", "Omaggi (Natale)"): the
 * listing of the words before them (read only for a cell that is not a listed type as a whole).
 */
function listingBeforeDetails(row: ParsedRow, index: AgreementIndex): Listing {
  const text = textOf(row.input.expenseType) ?? '';
  const open = text.indexOf('(');
  if (open <= 0 || text.charCodeAt(text.length - 1) !== 41) return null; // ')' ends the cell
  return listingOf(normaliseText(text.slice(0, open)), index);
}
