// R14: Tipo spesa is a closed list; an ineligible type is R14, a value in neither list is R01.
import type { RowRule } from './env';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';

const preview = (row: ParsedRow): string => cellPreview(row.input.expenseType);

export const checkExpenseType: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.expenseType === null) return;
  // The cell is read again only for a finding: most rows hold a listed type and need no preview.
  if (env.index.ineligibleExpense.has(v.expenseType)) {
    out.push(rowFinding(row, 'R14', 'error', 'expenseType', 'ineligible', { valore: preview(row) }));
  } else if (!env.index.eligibleExpense.has(v.expenseType)) {
    out.push(
      rowFinding(row, 'R01', 'error', 'expenseType', 'expenseTypeUnknown', {
        valore: preview(row),
        ammessi: env.agreement.rules.expenseTypes.eligible.join(', '),
      }),
    );
  }
};
