// R12: one invoice (supplier id + number + date) reported in several rows, programmes or windows
// may not exceed, in total, the invoice total.
import type { Finding } from '../findings/findings';
import { ZERO, type Money } from '../core/money';
import type { ParsedRow } from '../rows/rows';
import { cellPreview, rowFinding } from './emit';
import { formatMoneyIt } from './format';
import { formatDateIt } from '../core/dates';

export interface InvoiceTotals {
  amount: Money;
  rows: number;
  /** Smallest invoice total stated on those rows, if any. */
  invoiceTotal: Money | null;
}

export function invoiceKey(row: ParsedRow): string | null {
  const v = row.values;
  if (!v.supplierId || !v.invoiceNumber || !v.invoiceDate || !v.amount) return null;
  if (v.category !== 'BENI' && v.category !== 'SERV' && v.category !== 'GEN') return null;
  return `${v.supplierId}|${v.invoiceNumber}|${v.invoiceDate}`;
}

export function otherInvoices(rows: readonly ParsedRow[]): Map<string, InvoiceTotals> {
  const map = new Map<string, InvoiceTotals>();
  for (const row of rows) {
    const key = invoiceKey(row);
    if (!key) continue;
    const t = map.get(key) ?? { amount: ZERO, rows: 0, invoiceTotal: null };
    t.amount = t.amount.plus(row.values.amount as Money);
    t.rows += 1;
    t.invoiceTotal = minOf(t.invoiceTotal, row.values.invoiceTotal);
    map.set(key, t);
  }
  return map;
}

export function invoiceGroupFindings(
  members: readonly ParsedRow[],
  other: InvoiceTotals | undefined,
): Finding[][] | null {
  const rows = members.length + (other?.rows ?? 0);
  // A single row above its own invoice total is R11; R12 is about the same invoice used twice.
  if (rows < 2) return null;
  let amount = other?.amount ?? ZERO;
  let total = other?.invoiceTotal ?? null;
  for (const m of members) {
    amount = amount.plus(m.values.amount as Money);
    total = minOf(total, m.values.invoiceTotal);
  }
  if (!total || !amount.gt(total)) return null;
  const first = members[0].values;
  const params = {
    fattura: cellPreview(members[0].input.invoiceNumber),
    data: formatDateIt(first.invoiceDate as string),
    totale: formatMoneyIt(amount),
    totaleFattura: formatMoneyIt(total),
    righe: rows,
  };
  const variant = other ? 'withOthers' : 'default';
  return members.map((row) => [rowFinding(row, 'R12', 'error', 'amount', variant, params)]);
}

function minOf(a: Money | null, b: Money | null): Money | null {
  if (!a) return b;
  if (!b) return a;
  return a.lte(b) ? a : b;
}
