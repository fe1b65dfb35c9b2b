// A row's content, independent of how it was typed ("1.234,50" and "1234.5" are the same amount):
// R24 compares the fingerprint of a row with the server's last accepted version.
import { FIELDS } from '../mapping/fields';
import type { ParsedRow, RowInput } from '../rows/rows';
import { readText } from '../rows/rows';
import { parseAmount, parseQuantity } from '../core/money';
import { parseDate, parseMonth } from '../core/dates';

export function rowFingerprint(row: ParsedRow): string {
  const category = row.values.category;
  if (!category) return `?|${safeJson(row.input)}`;
  const parts: string[] = [category];
  for (const def of FIELDS[category]) {
    if (def.key === 'rowId') continue;
    const cell = row.input[def.key];
    let value: string;
    if (def.kind === 'amount' || def.kind === 'quantity') {
      const r = def.kind === 'amount' ? parseAmount(cell) : parseQuantity(cell, 10);
      value = r.ok ? r.value.toString() : textValue(cell);
    } else if (def.kind === 'date') {
      const r = parseDate(cell);
      value = r.ok ? r.value : textValue(cell);
    } else if (def.kind === 'month') {
      const r = parseMonth(cell);
      value = r.ok ? r.value : textValue(cell);
    } else value = textValue(cell);
    parts.push(value);
  }
  return parts.join('\u0001');
}

function textValue(cell: unknown): string {
  const read = readText(cell);
  return read.kind === 'text' ? read.text : read.kind;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

const ENVELOPE = new Set(['rowId', 'sheet', 'row', 'columns']);

/** The same cells as sent, row envelope (id, sheet, row, columns) aside: a cheap "same content". */
export function sameCells(a: RowInput, b: RowInput): boolean {
  for (const key in a) {
    if (ENVELOPE.has(key)) continue;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => v === y[i])) continue;
    return false;
  }
  for (const key in b) if (!ENVELOPE.has(key) && !(key in a) && b[key] !== undefined) return false;
  return true;
}
