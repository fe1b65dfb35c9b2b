// R13: when the agreement has a CUP and requires it, invoices dated from the agreement start state it.
import type { RowRule } from './env';
import { rowFinding } from './emit';
import { cupCodeIn, textOf } from '../rows/rows';

export const checkCup: RowRule = (row, env, out) => {
  const cup = env.agreement.rules.cup;
  if (!cup.required || !cup.code) return;
  const v = row.values;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return;
  if (!v.invoiceDate || v.invoiceDate < env.agreement.period.start) return;
  if (v.cupOnInvoice === true) return;
  // The cell holds another CUP than the agreement's: say which one the invoice shows.
  const other = v.cupOnInvoice === false ? cupCodeIn(textOf(row.input.cupOnInvoice) ?? '') : null;
  if (other !== null) {
    out.push(rowFinding(row, 'R13', cup.severity, 'cupOnInvoice', 'otherCup', { cup: cup.code, indicato: other }));
    return;
  }
  out.push(
    rowFinding(row, 'R13', cup.severity, 'cupOnInvoice', v.cupOnInvoice === false ? 'absent' : 'unstated', {
      cup: cup.code,
    }),
  );
};
