// Builds findings: location from the row, wording from the Italian message table.
// params: `variant` (which message of the rule), the Italian display strings the message uses
// (Italian keys: "1.234,50 €"), and for figures a program may need, wire-format amounts under English
// keys ("1234.50": excess, cap, reported, budget, municipal, cofinancing).
import type { Finding, RuleCode, Severity } from '../findings/findings';
import { FIELDS, fieldDef } from '../mapping/fields';
import type { ParsedRow } from '../rows/rows';
import { messageIt, type MessageParams } from '../findings/messages.it';

const GENERIC_LABELS: Record<string, string> = {
  category: 'Categoria',
  rowId: 'ID riga',
  value: 'Valore',
  date: 'Data',
  amount: 'Importo',
};

/** Any category's header for a field, for cells outside their category's template (a COFIN Quota Comune). */
const ANY_LABEL = new Map<string, string>();
for (const defs of Object.values(FIELDS))
  for (const d of defs) if (!ANY_LABEL.has(d.key)) ANY_LABEL.set(d.key, d.header);

/** Italian header of a canonical field, for messages ("Importo rendicontato"…). */
export function fieldLabel(row: ParsedRow | null, field: string): string {
  const category = row?.values.category;
  return (category && fieldDef(category, field)?.header) || GENERIC_LABELS[field] || ANY_LABEL.get(field) || field;
}

/** A finding about one row; `field` null means the whole row (no column). */
export function rowFinding(
  row: ParsedRow,
  code: RuleCode,
  severity: Severity,
  field: string | null,
  variant: string,
  params: MessageParams = {},
): Finding {
  // Location from the parsed row, not row.input: reading the input again costs a lookup per finding.
  const columns = row.columns;
  let column: string | null = null;
  if (field && columns !== null) {
    const letter = (columns as Record<string, unknown>)[field];
    if (typeof letter === 'string' && letter !== '') column = letter;
  }
  const full: MessageParams = field ? { campo: fieldLabel(row, field), ...params } : params;
  return {
    code,
    severity,
    sheet: row.sheet,
    row: row.excelRow,
    column,
    field,
    message: messageIt(code, variant, full),
    rowId: row.rowId,
    params: { variant, ...full },
  };
}

/** A finding about the whole report (R20–R23), or about a row that is no longer there (R24 removal). */
export function reportFinding(
  code: RuleCode,
  severity: Severity,
  variant: string,
  params: MessageParams = {},
  rowId?: string,
): Finding {
  const finding: Finding = {
    code,
    severity,
    sheet: null,
    row: null,
    column: null,
    field: null,
    message: messageIt(code, variant, params),
    params: { variant, ...params },
  };
  if (rowId !== undefined) finding.rowId = rowId;
  return finding;
}

/** Short, printable rendering of a raw cell for messages. */
export function cellPreview(cell: unknown): string {
  let text: string;
  if (typeof cell === 'string') text = cell.trim();
  else if (typeof cell === 'number') text = Number.isFinite(cell) ? String(cell) : 'valore non numerico';
  else if (typeof cell === 'boolean' || typeof cell === 'bigint') text = String(cell);
  else if (cell instanceof Date)
    text = Number.isNaN(cell.getTime()) ? 'data non valida' : cell.toISOString().slice(0, 10);
  else text = 'valore non leggibile';
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
