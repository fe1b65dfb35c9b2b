// Builds findings: location from the row, wording from the Italian message table.
// params: `variant` (which message of the rule), the Italian display strings the message uses
// (Italian keys: "1.234,50 €"), and for figures a program may need, wire-format amounts under English
// keys ("1234.50": excess, cap, reported, budget, municipal, cofinancing). Both are typed by the
// message table: a rule cannot pass a variant the table lacks or forget a figure its sentence reads.
import type { FindingOf, FindingRecord, RuleCode, Severity, VariantOf } from '../findings/findings';
import { FIELDS, fieldDef } from '../mapping/fields';
import type { ParsedRow } from '../rows/rows';
import { excelNumber } from '../core/excel-number';
import { messageIt, type MessageKey, type MessageParams, type MessageParamsOf } from '../findings/messages.it';

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

/** The params a rule passes for code C and variant V: the template's, less the header rowFinding adds. */
export type RuleParams<C extends RuleCode, V extends VariantOf<C>> = Omit<
  MessageParamsOf<Extract<MessageKey, `${C}.${V}`>>,
  'campo'
>;
/** Params may be left out when the template reads nothing but the header. */
type ParamsArg<P> = Record<never, never> extends P ? [params?: P] : [params: P];

/** A finding about one row; `field` null means the whole row (no column). */
export function rowFinding<C extends RuleCode, V extends VariantOf<C>>(
  row: ParsedRow,
  code: C,
  severity: Severity,
  field: string | null,
  variant: V,
  ...[params]: ParamsArg<RuleParams<C, V>>
): FindingOf<C> {
  // Location from the parsed row, not row.input: reading the input again costs a lookup per finding.
  const columns = row.columns;
  let column: string | null = null;
  if (field && columns !== null) {
    const letter = (columns as Record<string, unknown>)[field];
    if (typeof letter === 'string' && letter !== '') column = letter;
  }
  // One params object, read by the template too (its extra `variant` is not a word of any message).
  const given = params as MessageParams | undefined;
  const full: MessageParams = field ? { variant, campo: fieldLabel(row, field), ...given } : { variant, ...given };
  return {
    code,
    severity,
    sheet: row.sheet,
    row: row.excelRow,
    column,
    field,
    message: messageIt(code, variant, full),
    rowId: row.rowId,
    params: full,
  } as FindingRecord as FindingOf<C>;
}

/** A finding about the whole report (R20–R23), or about a row that is no longer there (R24 removal). */
export function reportFinding<C extends RuleCode, V extends VariantOf<C>>(
  code: C,
  severity: Severity,
  variant: V,
  params: MessageParamsOf<Extract<MessageKey, `${C}.${V}`>>,
  rowId?: string,
): FindingOf<C> {
  const finding: FindingRecord = {
    code,
    severity,
    sheet: null,
    row: null,
    column: null,
    field: null,
    message: messageIt(code, variant, params as MessageParams),
    params: { variant, ...(params as MessageParams) },
  };
  if (rowId !== undefined) finding.rowId = rowId;
  return finding as FindingOf<C>;
}

/**
 * Short, printable rendering of a raw cell for messages. A number reads as Excel shows it in an
 * Italian workbook: at Excel's 15 digits, with a decimal comma (800,625, not 800.6250000000001).
 */
export function cellPreview(cell: unknown): string {
  let text: string;
  if (typeof cell === 'string') text = cell.trim();
  else if (typeof cell === 'number')
    text = Number.isFinite(cell) ? String(excelNumber(cell)).replace('.', ',') : 'valore non numerico';
  else if (typeof cell === 'boolean' || typeof cell === 'bigint') text = String(cell);
  else if (cell instanceof Date)
    text = Number.isNaN(cell.getTime()) ? 'data non valida' : cell.toISOString().slice(0, 10);
  else text = 'valore non leggibile';
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
