// R14: Tipo spesa is a closed list; an ineligible type is R14, a value in neither list is R01.
import type { RowRule } from './env';
import { cellPreview, rowFinding } from './emit';

export const checkExpenseType: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.expenseType === null) return;
  const valore = cellPreview(row.input.expenseType);
  if (env.index.ineligibleExpense.has(v.expenseType)) {
    out.push(rowFinding(row, 'R14', 'error', 'expenseType', 'ineligible', { valore }));
  } else if (!env.index.eligibleExpense.has(v.expenseType)) {
    out.push(
      rowFinding(row, 'R01', 'error', 'expenseType', 'expenseTypeUnknown', {
        valore,
        ammessi: env.agreement.rules.expenseTypes.eligible.join(', '),
      }),
    );
  }
};
