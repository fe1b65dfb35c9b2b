// The user's mapping corrections as JSON (what the task pane's mapping view saves with the workbook,
// and what `rendiconta validate --mapping file.json` reads): { "<sheet>": { "category"?: "BENI",
// "headerRow"?: 3, "columns"?: { "<field>": "K" | null } } }. Read defensively: the file can be
// edited by hand or by other tools, and a malformed entry must not stop validation — it is dropped.
import { CATEGORIES, type Category } from '../agreement/agreement';
import type { MappingOverrides, TableOverride } from './mapping';

const COLUMN = /^[A-Z]{1,3}$/;

/** The valid part of a stored value; anything else is dropped. */
export function readMappingOverrides(value: unknown): MappingOverrides {
  if (!isRecord(value)) return {};
  const out: MappingOverrides = {};
  for (const [sheet, raw] of Object.entries(value)) {
    if (!isRecord(raw)) continue;
    const override: TableOverride = {};
    if ((CATEGORIES as readonly unknown[]).includes(raw.category)) override.category = raw.category as Category;
    if (typeof raw.headerRow === 'number' && Number.isInteger(raw.headerRow) && raw.headerRow > 0)
      override.headerRow = raw.headerRow;
    if (isRecord(raw.columns)) {
      const columns: Record<string, string | null> = {};
      for (const [field, letter] of Object.entries(raw.columns)) {
        if (letter === null || (typeof letter === 'string' && COLUMN.test(letter))) columns[field] = letter;
      }
      if (Object.keys(columns).length > 0) override.columns = columns;
    }
    if (Object.keys(override).length > 0) out[sheet] = override;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
