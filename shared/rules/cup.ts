// R13: when the agreement has a CUP and requires it, invoices dated from the agreement start state it.
import type { RowRule } from './env';
import { rowFinding } from './emit';

export const checkCup: RowRule = (row, env, out) => {
  const cup = env.agreement.rules.cup;
  if (!cup.required || !cup.code) return;
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (!v.invoiceDate || v.invoiceDate < env.agreement.period.start) return;
  if (v.cupOnInvoice !== true) {
    out.push(
      rowFinding(row, 'R13', cup.severity, 'cupOnInvoice', v.cupOnInvoice === false ? 'absent' : 'unstated', {
        cup: cup.code,
      }),
    );
  }
};
