// Rows as the API takes them (ARCHITECTURE "Submission body"): canonical fields only, amounts
// as strings, dates ISO. Cells stay as typed otherwise: the server re-validates them.
import type { RowInput } from '../../shared/rows/rows';
import { fieldDef } from '../../shared/mapping/fields';
import { fromExcelSerial } from '../../shared/core/dates';
import { ROW_ID_PLACEHOLDER_FLAG } from '../../shared/mapping/mapping';

export type ApiValue = string | number | boolean | null;
export type ApiRow = { rowId: string; category: string; sheet?: string; row?: number } & Record<string, ApiValue>;

const SKIP = new Set(['columns', ROW_ID_PLACEHOLDER_FLAG]);

export function toApiRow(row: RowInput): ApiRow {
  const out: ApiRow = { rowId: row.rowId, category: row.category };
  if (row.sheet) out.sheet = row.sheet;
  if (row.row) out.row = row.row;
  for (const [field, value] of Object.entries(row)) {
    if (field in out || SKIP.has(field) || value === undefined) continue;
    out[field] = toApiValue(value, fieldDef(row.category, field)?.kind);
  }
  return out;
}

function toApiValue(value: unknown, kind: string | undefined): ApiValue {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    // Excel keeps dates as serial numbers; the API takes ISO dates.
    if ((kind === 'date' || kind === 'month') && Number.isInteger(value)) return fromExcelSerial(value) ?? value;
    if (kind === 'amount' || kind === 'quantity') return String(value);
    return value;
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  return String(value);
}
