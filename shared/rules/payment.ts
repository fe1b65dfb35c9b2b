// R10: payment not before the invoice, by a traceable method; cash is not eligible.
import { formatDateIt } from '../core/dates';
import type { RowRule } from './env';
import { cellPreview, rowFinding } from './emit';

export const checkPayment: RowRule = (row, env, out) => {
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (v.paymentDate && v.invoiceDate && v.paymentDate < v.invoiceDate) {
    out.push(
      rowFinding(row, 'R10', 'error', 'paymentDate', 'beforeInvoice', {
        pagamento: formatDateIt(v.paymentDate),
        fattura: formatDateIt(v.invoiceDate),
      }),
    );
  }
  if (v.paymentMethod !== null) {
    const method = env.index.paymentMethod(v.paymentMethod);
    if (method === 'ineligible') {
      out.push(
        rowFinding(row, 'R10', 'error', 'paymentMethod', 'ineligible', {
          valore: cellPreview(row.input.paymentMethod),
        }),
      );
    } else if (method === null) {
      out.push(
        rowFinding(row, 'R10', 'error', 'paymentMethod', 'notTraceable', {
          valore: cellPreview(row.input.paymentMethod),
          ammessi: env.agreement.rules.paymentMethods.traceable.join(', '),
        }),
      );
    }
  }
};
