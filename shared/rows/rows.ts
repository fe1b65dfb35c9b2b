// One report row as the partner typed it, and its parsed view.
//
// Public surface:
// - RowInput: a spreadsheet/API row, cells untouched (DOMAIN §7 canonical field keys).
// - normaliseRow(row, agreement) -> { values, findings }: the typed values of the row and the findings
//   of the cell-level rules (R01 missing/unknown values, R02 unreadable amounts and split, R03/R10
//   unreadable dates, R05 split of a PERS row). Reconciliation reads from `values`:
//     amount, municipalShare, cofinancingShare  Money (decimal.js); the shares are resolved (both cells
//                                             empty -> all municipal; COFIN -> all co-financing) and are
//                                             null when the amount or the split is unusable, in which
//                                             case `excludedFromTotals` is true;
//     date (ISO; PERS: first day of its month), month ('YYYY-MM'), programme ('P1'), action ('P1.A1'),
//     category, resourceType, employment, taxCode (upper case), documents (canonical kinds).
// - parseRow(row, agreement) -> ParsedRow: the same values plus the raw cell problems, for the engine.
// - normaliseText, cellKind, textOf, isBlank, parseDocuments: how cells are compared and read.
// Reading is pure and never throws; unreadable text never becomes zero. Cell readings are memoised
// (bounded) because workbooks repeat values and the task pane re-validates the same cells.
import type { Agreement, Category } from '../agreement/agreement';
import { CategorySchema, limitsOf } from '../agreement/agreement';
import { parseAmount, parseQuantity, withinBound, ZERO, type Money, type MoneyParse } from '../core/money';
import { parseDate, parseMonth, type DateParse, type IsoDate, type IsoMonth, type MonthParse } from '../core/dates';
import {
  DOCUMENT_KINDS,
  EMPLOYMENT_TYPES,
  FIELDS,
  REQUIRED,
  RESOURCE_TYPES,
  VOLUNTEER_REQUIRED,
  type FieldKind,
} from '../mapping/fields';
import type { Finding } from '../findings/findings';
import { agreementIndex, type AgreementIndex } from '../agreement/agreement-index';
import { normaliseText } from '../core/text-key';

export { normaliseText };
import { cellFindings } from '../rules/cells';

export type { Category } from '../agreement/agreement';

export interface RowInput {
  rowId: string;
  category: Category;
  /** Worksheet name (for locations). */
  sheet?: string;
  /** Excel row number (1-based). */
  row?: number;
  /** Canonical field key -> column letter, for locations. */
  columns?: Record<string, string>;
  [field: string]: unknown;
}

export type Employment = (typeof EMPLOYMENT_TYPES)[number];
export type ResourceType = (typeof RESOURCE_TYPES)[number];

export type CellProblemReason =
  | 'not_a_number'
  | 'negative'
  | 'too_many_decimals'
  | 'exponent'
  | 'too_many_digits'
  | 'too_large'
  | 'invalid_date'
  | 'unreadable'
  | 'not_in_list';

export interface CellProblem {
  field: string;
  reason: CellProblemReason;
}

export interface RowValues {
  category: Category | null;
  /** Resolved ids ('P1', 'P1.A1'); null when empty or not found. */
  programme: string | null;
  action: string | null;
  /** Amount reported; for COFIN the `value` cell. */
  amount: Money | null;
  /** Resolved split; both null when the amount or the split is unusable. COFIN is all co-financing. */
  municipalShare: Money | null;
  cofinancingShare: Money | null;
  /** Expense date: PERS first day of the month, BENI/SERV invoice date, GEN/COFIN date. */
  date: IsoDate | null;
  month: IsoMonth | null;
  taxCode: string | null;
  employment: Employment | null;
  resourceType: ResourceType | null;
  hours: Money | null;
  hourlyCost: Money | null;
  annualCost: Money | null;
  contractHours: Money | null;
  hourlyValue: Money | null;
  taxable: Money | null;
  vat: Money | null;
  invoiceTotal: Money | null;
  invoiceDate: IsoDate | null;
  paymentDate: IsoDate | null;
  /** Upper-case, spaces and separators removed, 'IT' prefix of a VAT number dropped. */
  supplierId: string | null;
  /** Upper-case, spaces removed. */
  invoiceNumber: string | null;
  /** normaliseText of the cell. */
  expenseType: string | null;
  paymentMethod: string | null;
  ccnl: string | null;
  level: string | null;
  cupOnInvoice: boolean | null;
  /** Canonical document kinds listed in the Documenti cell. */
  documents: ReadonlySet<string>;
  /** True when the row cannot enter any sum (unreadable amount or inconsistent split). */
  excludedFromTotals: boolean;
}

export interface ParsedRow {
  input: RowInput;
  rowId: string;
  values: RowValues;
  /** Cells that could not be read as their kind (numbers, dates, closed lists). */
  problems: readonly CellProblem[];
  /** Required fields left empty (R01). */
  missing: readonly string[];
  /** Text cells holding something that is not text (an object, NaN). */
  unreadable: readonly string[];
  /** Programme and action cells as typed (null when empty), to tell "unknown" from "missing". */
  programmeText: string | null;
  actionText: string | null;
  /** The split cells were filled and do not add up to the amount. */
  splitMismatch: boolean;
  /** Location of the row (RowInput sheet, row, columns), read with the cells so findings need no lookup. */
  sheet: string | null;
  excelRow: number | null;
  columns: object | null;
}

export interface NormalisedRow {
  values: RowValues;
  findings: Finding[];
}

const ACCENTS = /[\u0300-\u036f]/g;

export type TextRead = { kind: 'blank' } | { kind: 'text'; text: string } | { kind: 'unreadable' };
export type CellKind = 'blank' | 'text' | 'unreadable';

/** Reads a text cell: strings trimmed, numbers and booleans as typed; objects are unreadable. */
export function readText(cell: unknown): TextRead {
  const kind = cellKind(cell);
  if (kind === 'text') return { kind, text: textOf(cell) as string };
  return kind === 'blank' ? BLANK : UNREADABLE;
}
const BLANK: TextRead = { kind: 'blank' };
const UNREADABLE: TextRead = { kind: 'unreadable' };

/** What a cell holds, read as text, without allocating (rules ask this of every row). */
export function cellKind(cell: unknown): CellKind {
  if (cell === null || cell === undefined) return 'blank';
  switch (typeof cell) {
    case 'string':
      return cell.trim() === '' ? 'blank' : 'text';
    case 'number':
      return Number.isFinite(cell) ? 'text' : 'unreadable';
    case 'bigint':
    case 'boolean':
      return 'text';
    default:
      return 'unreadable';
  }
}

export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && isBlankText(cell));
}

/** Trims only when the text starts with a space or a non-ASCII character (most cells start with neither). */
function isBlankText(text: string): boolean {
  if (text === '') return true;
  const first = text.charCodeAt(0);
  return (first <= 32 || first >= 127) && text.trim() === '';
}

/** The text of a cell (trimmed), or null when it is blank or unreadable. */
export function textOf(cell: unknown): string | null {
  if (typeof cell === 'string') {
    const text = cell.trim();
    return text === '' ? null : text;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell === 'bigint' || typeof cell === 'boolean') return String(cell);
  return null;
}

const TRUE_WORDS = new Set(['si', 'sì', 's', 'yes', 'y', 'true', 'x', '1', 'vero']);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'falso']);

function readBoolean(cell: unknown): boolean | null | 'invalid' {
  if (typeof cell === 'boolean') return cell;
  const text = textOf(cell);
  if (text === null) return isBlank(cell) ? null : 'invalid';
  const lower = text.toLowerCase();
  if (TRUE_WORDS.has(lower)) return true;
  if (FALSE_WORDS.has(lower)) return false;
  return 'invalid';
}

const EMPLOYMENT_BY_KEY = new Map<string, Employment>([
  ...EMPLOYMENT_TYPES.map((t) => [normaliseText(t), t] as [string, Employment]),
  ['dipendenti', 'dipendente'],
  ['subordinato', 'dipendente'],
  ['lavoratoredipendente', 'dipendente'],
  ['cococo', 'collaboratore'],
  ['collaborazione', 'collaboratore'],
  ['collaboratoreesterno', 'collaboratore'],
  ['professionista', 'libero professionista'],
  ['consulente', 'libero professionista'],
  ['lavoratoreautonomo', 'libero professionista'],
  ['autonomo', 'libero professionista'],
]);

const RESOURCE_BY_KEY = new Map<string, ResourceType>([
  ...RESOURCE_TYPES.map((t) => [normaliseText(t), t] as [string, ResourceType]),
  ['monetario', 'monetaria'],
  ['nonmonetario', 'non monetaria'],
  ['innatura', 'non monetaria'],
  ['volontari', 'volontariato'],
  ['vol', 'volontariato'],
  ['oredivolontariato', 'volontariato'],
]);

const DOCUMENT_BY_KEY = new Map<string, string>();
for (const [kind, synonyms] of Object.entries(DOCUMENT_KINDS)) {
  DOCUMENT_BY_KEY.set(normaliseText(kind), kind);
  for (const s of synonyms) DOCUMENT_BY_KEY.set(normaliseText(s), kind);
}
for (const [alias, kind] of [
  ['fatturaelettronica', 'fattura'],
  ['fe', 'fattura'],
  ['cedolini', 'cedolino'],
  ['bustepaga', 'cedolino'],
  ['timesheets', 'timesheet'],
  ['fogliopresenze', 'timesheet'],
  ['ricevutabonifico', 'pagamento'],
  ['quietanzadipagamento', 'pagamento'],
  ['f24quietanzato', 'F24'],
  ['modellof24', 'F24'],
  ['relazionediattivita', 'relazione'],
  ['registrodeivolontari', 'registro volontari'],
  ['criterioimputazione', 'criterio di imputazione'],
  ['criteriodiriparto', 'criterio di imputazione'],
] as const)
  DOCUMENT_BY_KEY.set(alias, kind);

const documentsMemo = new Map<string, ReadonlySet<string>>();

/** Canonical document kinds of a Documenti cell (';' or ',' separated, synonyms accepted). */
export function parseDocuments(cell: unknown): ReadonlySet<string> {
  const text = textOf(cell);
  if (text === null) return new Set<string>();
  let hit = documentsMemo.get(text);
  if (!hit) {
    hit = readDocumentKinds(text);
    if (documentsMemo.size >= 10_000) documentsMemo.clear();
    documentsMemo.set(text, hit);
  }
  return hit;
}

function readDocumentKinds(text: string): ReadonlySet<string> {
  const kinds = new Set<string>();
  for (const part of text.split(/[;,\n]/)) {
    const kind = DOCUMENT_BY_KEY.get(normaliseText(part));
    if (kind) kinds.add(kind);
  }
  return kinds;
}

function normaliseSupplierId(text: string): string {
  const compact = text.toUpperCase().replace(/[\s.\-/]/g, '');
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

const EMPTY_DOCS: ReadonlySet<string> = new Set();
const NONE: readonly never[] = Object.freeze([]);

type NumberField =
  | 'amount'
  | 'municipalShare'
  | 'cofinancingShare'
  | 'annualCost'
  | 'taxable'
  | 'vat'
  | 'invoiceTotal'
  | 'value'
  | 'hours'
  | 'hourlyCost'
  | 'contractHours'
  | 'hourlyValue';

/** Position of every cell parseRow reads (any template's fields, rowId, category) in the swept cells. */
const CELL_SLOT = new Map<string, number>();
for (const key of ['rowId', 'category', 'municipalShare', 'cofinancingShare', 'sheet', 'row', 'columns'])
  CELL_SLOT.set(key, CELL_SLOT.size);
for (const key of VOLUNTEER_REQUIRED) CELL_SLOT.set(key, CELL_SLOT.size);
for (const category of CategorySchema.options)
  for (const d of FIELDS[category]) if (!CELL_SLOT.has(d.key)) CELL_SLOT.set(d.key, CELL_SLOT.size);
const CELL_KEYS: readonly string[] = [...CELL_SLOT.keys()];
const SLOT_ROW_ID = 0;
const SLOT_CATEGORY = 1;
const SLOT_MUNICIPAL = 2;
const SLOT_COFINANCING = 3;
const SLOT_SHEET = 4;
const SLOT_ROW = 5;
const SLOT_COLUMNS = 6;
const VOLUNTEER_SLOTS: readonly number[] = VOLUNTEER_REQUIRED.map((key) => CELL_SLOT.get(key) as number);

/** How each cell of a category's template is read, in one pass (other columns are kept untouched). */
interface FieldPlan {
  key: string;
  slot: number;
  kind: FieldKind;
  required: boolean;
}
const PLAN = {} as Record<Category, FieldPlan[]>;
for (const category of CategorySchema.options) {
  PLAN[category] = FIELDS[category]
    .filter((d) => d.key !== 'rowId' && d.key !== 'category')
    .map((d) => ({
      key: d.key,
      slot: CELL_SLOT.get(d.key) as number,
      kind: d.kind,
      required: REQUIRED[category].includes(d.key),
    }));
}
const CATEGORIES: ReadonlySet<unknown> = new Set(CategorySchema.options);

/**
 * The cells parseRow reads, by CELL_SLOT. Rows built by spreading or by the mapper often each have a
 * hidden class of their own, and then every `row[key]` misses V8's lookup caches (a template asks for
 * ~20 keys, most rows hold fewer); one for-in sweep over the keys the row does have is several times
 * cheaper. For-in sees enumerable properties only, so rows that are not plain objects are read key by key.
 */
function sweepCells(input: RowInput, cells: unknown[]): void {
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto === Object.prototype || proto === null) {
    for (const key in input) {
      const slot = CELL_SLOT.get(key);
      if (slot !== undefined) cells[slot] = input[key];
    }
  } else {
    for (let slot = 0; slot < CELL_KEYS.length; slot++) cells[slot] = input[CELL_KEYS[slot]];
  }
}

// Scratch space of parseRow, reused row after row instead of two arrays per row (the full pass is
// allocation-bound). parseRow runs to completion without calling back into code that could parse
// another row, and clears both before returning, so no row ever sees another row's cells.
const CELLS: unknown[] = new Array(CELL_KEYS.length).fill(undefined);
/** Readable amounts and quantities by CELL_SLOT. */
const NUMBERS: (Money | null)[] = new Array(CELL_KEYS.length).fill(null);
const slotOf = (key: NumberField): number => CELL_SLOT.get(key) as number;
const N = {
  amount: slotOf('amount'),
  municipalShare: slotOf('municipalShare'),
  cofinancingShare: slotOf('cofinancingShare'),
  annualCost: slotOf('annualCost'),
  taxable: slotOf('taxable'),
  vat: slotOf('vat'),
  invoiceTotal: slotOf('invoiceTotal'),
  value: slotOf('value'),
  hours: slotOf('hours'),
  hourlyCost: slotOf('hourlyCost'),
  contractHours: slotOf('contractHours'),
  hourlyValue: slotOf('hourlyValue'),
} as const satisfies Record<NumberField, number>;

// Bounded memo of cell readings: a workbook repeats its hours, rates and dates, and the task pane
// re-validates the same cells on every edit. Decimals are immutable, so sharing them is safe.
const MEMO_LIMIT = 200_000;
const amountMemo = new Map<unknown, MoneyParse>();
const quantityMemo = new Map<unknown, MoneyParse>();
const dateMemo = new Map<unknown, DateParse>();
const monthMemo = new Map<unknown, MonthParse>();

function memo<T>(cache: Map<unknown, T>, cell: unknown, read: (cell: unknown) => T): T {
  if (typeof cell !== 'string' && typeof cell !== 'number') return read(cell);
  let hit = cache.get(cell);
  if (hit === undefined) {
    hit = read(cell);
    if (cache.size >= MEMO_LIMIT) cache.clear();
    cache.set(cell, hit);
  }
  return hit;
}

/** Empties the memo of cell readings (benchmarks measure the cold path with it). */
export function clearParseMemo(): void {
  amountMemo.clear();
  quantityMemo.clear();
  documentsMemo.clear();
  for (const m of [taxCodeMemo, supplierMemo, ccnlMemo, levelMemo, monthStartMemo]) m.clear();
  dateMemo.clear();
  monthMemo.clear();
}

/** Parses every cell of a row; records problems, never throws, never turns garbage into zero. */
export function parseRow(row: RowInput, agreement: Agreement): ParsedRow {
  try {
    return parseCells(row, agreement, CELLS, NUMBERS);
  } finally {
    CELLS.fill(undefined);
    NUMBERS.fill(null);
  }
}

function parseCells(row: RowInput, agreement: Agreement, cells: unknown[], numbers: (Money | null)[]): ParsedRow {
  const index = agreementIndex(agreement);
  const input: RowInput = row !== null && typeof row === 'object' ? row : ({ rowId: '', category: 'PERS' } as RowInput);
  // Allocated on the first entry only: most rows have no problem at all.
  let problems: CellProblem[] | null = null;
  let missing: string[] | null = null;
  let unreadable: string[] | null = null;
  sweepCells(input, cells);
  const categoryCell = cells[SLOT_CATEGORY];
  const category: Category | null = CATEGORIES.has(categoryCell) ? (categoryCell as Category) : null;

  let invoiceDate: IsoDate | null = null;
  let paymentDate: IsoDate | null = null;
  let plainDate: IsoDate | null = null;
  let month: IsoMonth | null = null;
  let programmeText: string | null = null;
  let actionText: string | null = null;
  let supplierText: string | null = null;
  let numberText: string | null = null;
  let taxText: string | null = null;
  let expenseText: string | null = null;
  let methodText: string | null = null;
  let ccnlText: string | null = null;
  let levelText: string | null = null;
  let documentsText: string | null = null;
  let employment: Employment | null = null;
  let resourceType: ResourceType | null = null;
  let cup: boolean | null = null;

  // One read per cell: workbook rows are large objects of varying shape, and each read costs.
  for (const field of category ? PLAN[category] : []) {
    const key = field.key;
    const cell = cells[field.slot];
    if (cell === undefined || cell === null || (typeof cell === 'string' && isBlankText(cell))) {
      if (field.required) (missing ??= []).push(key);
      continue;
    }
    switch (field.kind) {
      case 'amount':
      case 'quantity': {
        const result =
          field.kind === 'quantity' ? memo(quantityMemo, cell, readQuantity) : memo(amountMemo, cell, readAmount);
        // R02 bounds of the agreement: hours of one row at most rowHoursMax, every other figure
        // below amountBelow (the memo holds the form only, so it does not depend on the agreement).
        if (result.ok && !withinBound(result.value, boundOf(key, agreement)))
          (problems ??= []).push({ field: key, reason: 'too_large' });
        else if (result.ok) numbers[field.slot] = result.value;
        else if (result.reason !== 'empty') (problems ??= []).push({ field: key, reason: result.reason });
        break;
      }
      case 'date': {
        const result = memo(dateMemo, cell, parseDate);
        if (!result.ok) (problems ??= []).push({ field: key, reason: 'invalid_date' });
        else if (key === 'invoiceDate') invoiceDate = result.value;
        else if (key === 'paymentDate') paymentDate = result.value;
        else plainDate = result.value;
        break;
      }
      case 'month': {
        const result = memo(monthMemo, cell, parseMonth);
        if (result.ok) month = result.value;
        else (problems ??= []).push({ field: key, reason: 'invalid_date' });
        break;
      }
      default: {
        const text = textOf(cell);
        if (text === null) {
          (unreadable ??= []).push(key);
          break;
        }
        switch (key) {
          case 'programme':
            programmeText = text;
            break;
          case 'action':
            actionText = text;
            break;
          case 'supplierId':
            // A VAT number typed in a numeric cell loses its leading zeros (00905811006 -> 905811006).
            supplierText =
              typeof cell === 'number' && Number.isInteger(cell) && text.length < 11 ? text.padStart(11, '0') : text;
            break;
          case 'invoiceNumber':
            numberText = text;
            break;
          case 'taxCode':
            taxText = text;
            break;
          case 'expenseType':
            expenseText = text;
            break;
          case 'paymentMethod':
            methodText = text;
            break;
          case 'ccnl':
            ccnlText = text;
            break;
          case 'level':
            levelText = text;
            break;
          case 'documents':
            documentsText = text;
            break;
          case 'employment':
            employment = EMPLOYMENT_BY_KEY.get(normaliseText(text)) ?? null;
            if (!employment) (problems ??= []).push({ field: key, reason: 'not_in_list' });
            break;
          case 'resourceType':
            resourceType = RESOURCE_BY_KEY.get(normaliseText(text)) ?? null;
            if (!resourceType) (problems ??= []).push({ field: key, reason: 'not_in_list' });
            break;
          case 'cupOnInvoice': {
            const read = readBoolean(cell);
            if (read === 'invalid') (problems ??= []).push({ field: key, reason: 'not_in_list' });
            else cup = read;
            break;
          }
          default:
            break;
        }
      }
    }
  }
  if (resourceType === 'volontariato') {
    for (let i = 0; i < VOLUNTEER_REQUIRED.length; i++)
      if (isBlank(cells[VOLUNTEER_SLOTS[i]])) (missing ??= []).push(VOLUNTEER_REQUIRED[i]);
  }

  let date: IsoDate | null;
  // Shared per month: a fresh string per row would be hashed again by every date lookup downstream.
  if (category === 'PERS') date = month ? memoText(monthStartMemo, month, firstDayOf) : null;
  else if (category === 'BENI' || category === 'SERV') date = invoiceDate;
  else date = plainDate ?? (category === 'GEN' ? invoiceDate : null);
  if (date && category !== 'PERS') month = date.slice(0, 7);

  const programme = programmeText === null ? null : index.resolveProgramme(programmeText);
  const action = actionText === null ? null : index.resolveAction(actionText, programme);

  const amount = category === 'COFIN' ? numbers[N.value] : numbers[N.amount];
  let municipalShare: Money | null = null;
  let cofinancingShare: Money | null = null;
  let splitMismatch = false;
  if (amount && category === 'COFIN') {
    municipalShare = ZERO;
    cofinancingShare = amount;
  } else if (amount && isBlank(cells[SLOT_MUNICIPAL]) && isBlank(cells[SLOT_COFINANCING])) {
    municipalShare = amount; // both shares empty: all municipal (DOMAIN §7), the common case
    cofinancingShare = ZERO;
  } else if (amount) {
    const split = resolveSplit(amount, numbers[N.municipalShare], numbers[N.cofinancingShare], problems ?? NONE);
    splitMismatch = split === 'mismatch';
    if (split !== 'mismatch' && split !== 'unreadable') {
      municipalShare = split[0];
      cofinancingShare = split[1];
    }
  }

  const values: RowValues = {
    category,
    programme,
    action,
    amount,
    municipalShare,
    cofinancingShare,
    date,
    month,
    taxCode: taxText === null ? null : memoText(taxCodeMemo, taxText, compactUpper),
    employment,
    resourceType,
    hours: numbers[N.hours],
    hourlyCost: numbers[N.hourlyCost],
    annualCost: numbers[N.annualCost],
    contractHours: numbers[N.contractHours],
    hourlyValue: numbers[N.hourlyValue],
    taxable: numbers[N.taxable],
    vat: numbers[N.vat],
    invoiceTotal: numbers[N.invoiceTotal],
    invoiceDate,
    paymentDate,
    supplierId: supplierText === null ? null : memoText(supplierMemo, supplierText, normaliseSupplierId),
    invoiceNumber: numberText === null ? null : compactUpper(numberText),
    expenseType: expenseText === null ? null : normaliseText(expenseText),
    paymentMethod: methodText === null ? null : normaliseText(methodText),
    ccnl: ccnlText === null ? null : memoText(ccnlMemo, ccnlText, normaliseCcnl),
    level: levelText === null ? null : memoText(levelMemo, levelText, normaliseLevel),
    cupOnInvoice: cup,
    documents: documentsText === null ? EMPTY_DOCS : parseDocuments(documentsText),
    excludedFromTotals: amount === null || municipalShare === null,
  };
  const rowIdCell = cells[SLOT_ROW_ID];
  const rowId = typeof rowIdCell === 'string' ? rowIdCell : (textOf(rowIdCell) ?? '');
  const sheet = cells[SLOT_SHEET];
  const excelRow = cells[SLOT_ROW];
  const columns = cells[SLOT_COLUMNS];
  return {
    input,
    rowId,
    values,
    problems: problems ?? NONE,
    missing: missing ?? NONE,
    unreadable: unreadable ?? NONE,
    programmeText,
    actionText,
    splitMismatch,
    sheet: typeof sheet === 'string' ? sheet : null,
    excelRow: typeof excelRow === 'number' && Number.isFinite(excelRow) ? excelRow : null,
    columns: columns !== null && typeof columns === 'object' ? columns : null,
  };
}

const taxCodeMemo = new Map<string, string>();
const supplierMemo = new Map<string, string>();
const ccnlMemo = new Map<string, string>();
const levelMemo = new Map<string, string>();
const monthStartMemo = new Map<string, string>();
const firstDayOf = (month: string): string => `${month}-01`;

function memoText(cache: Map<string, string>, text: string, normalise: (text: string) => string): string {
  let hit = cache.get(text);
  if (hit === undefined) {
    hit = normalise(text);
    if (cache.size >= 20_000) cache.clear();
    cache.set(text, hit);
  }
  return hit;
}

function compactUpper(text: string): string {
  return text.toUpperCase().replace(/\s/g, '');
}

function readQuantity(cell: unknown): MoneyParse {
  return parseQuantity(cell, 4, null);
}

function readAmount(cell: unknown): MoneyParse {
  return parseAmount(cell, null);
}

const HOUR_FIELDS: ReadonlySet<string> = new Set(['hours', 'contractHours']);

/** The R02 bound of a numeric field (DOMAIN §3): hours of one row, or the amount bound. */
export function boundOf(field: string, agreement: Agreement): { below: string } | { atMost: string } {
  const limits = limitsOf(agreement);
  return HOUR_FIELDS.has(field) ? { atMost: limits.rowHoursMax } : { below: limits.amountBelow };
}

/** Parsed values plus the findings of the cell-level rules (see file header). */
export function normaliseRow(row: RowInput, agreement: Agreement): NormalisedRow {
  const parsed = parseRow(row, agreement);
  return { values: parsed.values, findings: cellFindings(parsed, agreement) };
}

/** A share typed (both empty is all municipal, see parseCells): they must add up to the amount (DOMAIN §7). */
function resolveSplit(
  amount: Money,
  m: Money | null,
  c: Money | null,
  problems: readonly CellProblem[],
): [Money, Money] | 'mismatch' | 'unreadable' {
  for (const p of problems) if (p.field === 'municipalShare' || p.field === 'cofinancingShare') return 'unreadable';
  const municipal = m ?? ZERO;
  const cofinancing = c ?? ZERO;
  if (!municipal.plus(cofinancing).eq(amount)) return 'mismatch';
  return [municipal, cofinancing];
}

/** normaliseCcnl, memoised: rules ask it of the agreement's CCNL on every row. */
export function ccnlKey(text: string): string {
  return memoText(ccnlMemo, text, normaliseCcnl);
}

/** CCNL cell -> reference-table id ('CCNL Cooperative sociali' -> 'cooperative-sociali'). */
export function normaliseCcnl(text: string): string {
  const key = normaliseText(text).replace(/^ccnl/, '');
  if (key.includes('coop') && key.includes('social')) return 'cooperative-sociali';
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .replace(/^\s*ccnl\s*/, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '-');
}

/** Level cell -> table key ('livello a1' -> 'A1'). */
export function normaliseLevel(text: string): string {
  return text
    .toUpperCase()
    .replace(/^\s*LIVELLO\s*/, '')
    .replace(/[\s.-]/g, '');
}

export type { AgreementIndex };
