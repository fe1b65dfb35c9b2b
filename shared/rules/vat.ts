// R11: a partner that recovers VAT reports at most the taxable amount; otherwise at most the invoice total.
import type { Money } from '../core/money';
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { formatMoneyIt } from './format';

export const checkVat: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.amountFixed === null) return;
  if (env.vatRecoverable) {
    if (v.taxableFixed === null) {
      if (v.invoiceTotalFixed !== null) out.push(rowFinding(row, 'R11', 'error', 'taxable', 'taxableMissing'));
      return;
    }
    if (v.amountFixed > v.taxableFixed) {
      out.push(
        rowFinding(row, 'R11', 'error', 'amount', 'aboveTaxable', {
          importo: formatMoneyIt(v.amount as Money),
          imponibile: formatMoneyIt(v.taxable as Money),
        }),
      );
    }
  } else if (v.invoiceTotalFixed !== null && v.amountFixed > v.invoiceTotalFixed) {
    out.push(
      rowFinding(row, 'R11', 'error', 'amount', 'aboveTotal', {
        importo: formatMoneyIt(v.amount as Money),
        totaleFattura: formatMoneyIt(v.invoiceTotal as Money),
      }),
    );
  }
};
