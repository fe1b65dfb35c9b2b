// R12: one invoice (supplier id + number + date) reported in several rows, programmes or windows
// may not exceed, in total, the invoice total.
import type { Finding } from '../findings/findings';
import { FixedSum, moneyOfFixed } from '../core/money';
import type { Fixed } from '../core/fixed';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';
import { formatMoneyIt } from './format';
import { formatDateIt } from '../core/dates';

export interface InvoiceTotals {
  amount: FixedSum;
  rows: number;
  /** Smallest invoice total stated on those rows, if any. */
  invoiceTotal: Fixed | null;
}

export function invoiceKey(row: ParsedRow): string | null {
  const v = row.values;
  if (!v.supplierId || !v.invoiceNumber || !v.invoiceDate || v.amountFixed === null) return null;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return null;
  return `${v.supplierId}|${v.invoiceNumber}|${v.invoiceDate}`;
}

export function otherInvoices(rows: readonly ParsedRow[]): Map<string, InvoiceTotals> {
  const map = new Map<string, InvoiceTotals>();
  for (const row of rows) {
    const key = invoiceKey(row);
    if (!key) continue;
    const t = map.get(key) ?? { amount: new FixedSum(), rows: 0, invoiceTotal: null };
    t.amount.add(row.values.amountFixed as Fixed);
    t.rows += 1;
    t.invoiceTotal = minOf(t.invoiceTotal, row.values.invoiceTotalFixed);
    map.set(key, t);
  }
  return map;
}

/** R12 is about one invoice in two rows or more; a single row above its own invoice total is R11. */
export function invoiceUsedTwice(rows: number, other: InvoiceTotals | undefined): boolean {
  return rows + (other?.rows ?? 0) >= 2;
}

export function invoiceGroupFindings(
  members: readonly ParsedRow[],
  other: InvoiceTotals | undefined,
): Finding[][] | null {
  if (!invoiceUsedTwice(members.length, other)) return null;
  const rows = members.length + (other?.rows ?? 0);
  const amount = new FixedSum();
  let total = other?.invoiceTotal ?? null;
  for (const m of members) {
    amount.add(m.values.amountFixed as Fixed);
    total = minOf(total, m.values.invoiceTotalFixed);
  }
  if (total === null) return null;
  // Most invoices are within their total: settled on the Fixed sums; decimal.js words the rest.
  const own = amount.asFixed;
  const others = other ? other.amount.asFixed : 0;
  if (own !== null && others !== null && own + others <= total) return null;
  const sum = other ? amount.money.plus(other.amount.money) : amount.money;
  const invoiceTotal = moneyOfFixed(total);
  if (!sum.gt(invoiceTotal)) return null;
  const first = members[0].values;
  const params = {
    fattura: cellPreview(members[0].input.invoiceNumber),
    data: formatDateIt(first.invoiceDate as string),
    totale: formatMoneyIt(sum),
    totaleFattura: formatMoneyIt(invoiceTotal),
    righe: rows,
  };
  const variant = other ? 'withOthers' : 'default';
  return members.map((row) => [rowFinding(row, 'R12', 'error', 'amount', variant, params)]);
}

function minOf(a: Fixed | null, b: Fixed | null): Fixed | null {
  if (a === null) return b;
  if (b === null) return a;
  return a <= b ? a : b;
}
