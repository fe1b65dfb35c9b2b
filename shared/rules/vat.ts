// R11: a partner that recovers VAT reports at most the taxable amount; otherwise at most the invoice total.
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { formatMoneyIt } from './format';

export const checkVat: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (!v.amount) return;
  if (env.vatRecoverable) {
    if (!v.taxable) {
      if (v.invoiceTotal) out.push(rowFinding(row, 'R11', 'error', 'taxable', 'taxableMissing'));
      return;
    }
    if (v.amount.gt(v.taxable)) {
      out.push(
        rowFinding(row, 'R11', 'error', 'amount', 'aboveTaxable', {
          importo: formatMoneyIt(v.amount),
          imponibile: formatMoneyIt(v.taxable),
        }),
      );
    }
  } else if (v.invoiceTotal && v.amount.gt(v.invoiceTotal)) {
    out.push(
      rowFinding(row, 'R11', 'error', 'amount', 'aboveTotal', {
        importo: formatMoneyIt(v.amount),
        totaleFattura: formatMoneyIt(v.invoiceTotal),
      }),
    );
  }
};
