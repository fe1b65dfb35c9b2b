// One report row as the partner typed it, and its parsed view.
//
// Public surface:
// - RowInput: a spreadsheet/API row, cells untouched (DOMAIN §7 canonical field keys).
// - normaliseRow(row, agreement) -> { values, findings }: the typed values of the row and the findings
//   of the cell-level rules (R01 missing/unknown values, R02 unreadable amounts and split, R03/R10
//   unreadable dates, R05 split of a PERS row). Reconciliation reads from `values`:
//     amount, municipalShare, cofinancingShare  Money (decimal.js, built from the exact Fixed the
//                                             engine works on: amountFixed…); the shares are resolved (both cells
//                                             empty -> all municipal; COFIN -> all co-financing) and are
//                                             null when the amount or the split is unusable, in which
//                                             case `excludedFromTotals` is true;
//     date (ISO; PERS: first day of its month), month ('YYYY-MM'), programme ('P1'), action ('P1.A1'),
//     category, resourceType, employment, taxCode (upper case), documents (canonical kinds).
// - parseRow(row, agreement) -> ParsedRow: the same values plus the raw cell problems, for the engine.
// - normaliseText, cellKind, textOf, isBlank, parseDocuments: how cells are compared and read.
// Reading is pure and never throws; unreadable text never becomes zero. Nothing outlives a call:
// no memo of cell readings, no scratch arrays shared between rows (each row gets its own).
// Excel numbers are read at Excel's 15 significant digits (core/excel-number) before they become
// amounts or hours.
import type { Agreement, Category } from '../agreement/agreement';
import { CATEGORIES as CATEGORY_LIST, limitsOf } from '../agreement/agreement';
import {
  fixedOfMoney,
  MAX_NUMBER_TEXT,
  MAX_SIGNIFICANT_DIGITS,
  moneyOfFixed,
  parseAmountCell,
  parseQuantity,
  type Money,
  type MoneyParse,
} from '../core/money';
import {
  decimalsOf,
  FIXED_ZERO,
  SCAN_NEGATIVE,
  SCAN_OTHER_FORM,
  SCAN_TOO_MANY_DECIMALS,
  scanFixed,
  type Fixed,
} from '../core/fixed';
import { excelNumber } from '../core/excel-number';
import { parseDate, parseMonth, type IsoDate, type IsoMonth } from '../core/dates';
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

/**
 * The typed values of a row. The figures are held as Fixed (core/fixed: exact integers, value ×
 * 10,000), which is what the engine's rules compare and add; the Money getters build the
 * decimal.js value of a figure, exactly, for everything outside the engine (reconciliation, API).
 * One class, every field set in it, so that every parsed row shares one hidden class.
 */
export class RowValues {
  category: Category | null = null;
  /** Resolved ids ('P1', 'P1.A1'); null when empty or not found. */
  programme: string | null = null;
  action: string | null = null;
  /** Amount reported; for COFIN the `value` cell. */
  amountFixed: Fixed | null = null;
  /** Resolved split; both null when the amount or the split is unusable. COFIN is all co-financing. */
  municipalShareFixed: Fixed | null = null;
  cofinancingShareFixed: Fixed | null = null;
  hoursFixed: Fixed | null = null;
  hourlyCostFixed: Fixed | null = null;
  annualCostFixed: Fixed | null = null;
  contractHoursFixed: Fixed | null = null;
  hourlyValueFixed: Fixed | null = null;
  taxableFixed: Fixed | null = null;
  vatFixed: Fixed | null = null;
  invoiceTotalFixed: Fixed | null = null;
  /** Expense date: PERS first day of the month, BENI/SERV invoice date, GEN/COFIN date. */
  date: IsoDate | null = null;
  month: IsoMonth | null = null;
  taxCode: string | null = null;
  employment: Employment | null = null;
  resourceType: ResourceType | null = null;
  invoiceDate: IsoDate | null = null;
  paymentDate: IsoDate | null = null;
  /** Upper-case, spaces and separators removed, 'IT' prefix of a VAT number dropped. */
  supplierId: string | null = null;
  /** Upper-case, spaces removed. */
  invoiceNumber: string | null = null;
  /** normaliseText of the cell. */
  expenseType: string | null = null;
  paymentMethod: string | null = null;
  ccnl: string | null = null;
  level: string | null = null;
  cupOnInvoice: boolean | null = null;
  /** Canonical document kinds listed in the Documenti cell. */
  documents: DocumentKinds = EMPTY_DOCS;
  /** True when the row cannot enter any sum (unreadable amount or inconsistent split). */
  excludedFromTotals = true;

  get amount(): Money | null {
    return moneyOrNull(this.amountFixed);
  }
  get municipalShare(): Money | null {
    return moneyOrNull(this.municipalShareFixed);
  }
  get cofinancingShare(): Money | null {
    return moneyOrNull(this.cofinancingShareFixed);
  }
  get hours(): Money | null {
    return moneyOrNull(this.hoursFixed);
  }
  get hourlyCost(): Money | null {
    return moneyOrNull(this.hourlyCostFixed);
  }
  get annualCost(): Money | null {
    return moneyOrNull(this.annualCostFixed);
  }
  get contractHours(): Money | null {
    return moneyOrNull(this.contractHoursFixed);
  }
  get hourlyValue(): Money | null {
    return moneyOrNull(this.hourlyValueFixed);
  }
  get taxable(): Money | null {
    return moneyOrNull(this.taxableFixed);
  }
  get vat(): Money | null {
    return moneyOrNull(this.vatFixed);
  }
  get invoiceTotal(): Money | null {
    return moneyOrNull(this.invoiceTotalFixed);
  }
}

function moneyOrNull(value: Fixed | null): Money | null {
  return value === null ? null : moneyOfFixed(value);
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

// Keys as normaliseText gives them ("Sì" and "SI." are "si"; "non riportato" is "nonriportato").
const TRUE_WORDS = new Set([
  'si',
  's',
  'yes',
  'y',
  'true',
  'x',
  '1',
  'vero',
  'presente',
  'riportato',
  'indicato',
  'ok',
]);
const FALSE_WORDS = new Set(['no', 'n', 'false', '0', 'falso', 'assente', 'nonriportato', 'nonindicato', 'mancante']);

function readBoolean(cell: unknown): boolean | null | 'invalid' {
  if (typeof cell === 'boolean') return cell;
  const text = textOf(cell);
  if (text === null) return isBlank(cell) ? null : 'invalid';
  const key = normaliseText(text);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return 'invalid';
}

const EMPLOYMENT_BY_KEY = new Map<string, Employment>([
  ...EMPLOYMENT_TYPES.map((t) => [normaliseText(t), t] as [string, Employment]),
  ['dipendenti', 'dipendente'],
  ['subordinato', 'dipendente'],
  ['lavoratoredipendente', 'dipendente'],
  // A cooperative's worker-members and fixed-term or permanent staff are employees.
  ['sociolavoratore', 'dipendente'],
  ['socialavoratrice', 'dipendente'],
  ['tempoindeterminato', 'dipendente'],
  ['tempodeterminato', 'dipendente'],
  ['dipendenteatempoindeterminato', 'dipendente'],
  ['dipendenteatempodeterminato', 'dipendente'],
  ['collaboratrice', 'collaboratore'],
  ['liberaprofessionista', 'libero professionista'],
  ['partitaiva', 'libero professionista'],
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
  ['volontario', 'volontariato'],
  ['orevolontari', 'volontariato'],
  ['lavorovolontario', 'volontariato'],
  ['monetarie', 'monetaria'],
  ['risorsemonetarie', 'monetaria'],
  ['nonmonetarie', 'non monetaria'],
  ['risorsenonmonetarie', 'non monetaria'],
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
  // The names bookkeepers write in the Documenti cell, plurals included.
  ['lul', 'cedolino'],
  ['librounico', 'cedolino'],
  ['librounicodellavoro', 'cedolino'],
  ['registropresenze', 'timesheet'],
  ['foglipresenze', 'timesheet'],
  ['fogliofirme', 'timesheet'],
  ['foglifirme', 'timesheet'],
  ['contabile', 'pagamento'],
  ['contabili', 'pagamento'],
  ['contabilebancaria', 'pagamento'],
  ['estrattoconto', 'pagamento'],
  ['bonifici', 'pagamento'],
  ['quietanze', 'pagamento'],
  ['pagamenti', 'pagamento'],
  ['mandatodipagamento', 'pagamento'],
  ['f24quietanzati', 'F24'],
  ['delegaf24', 'F24'],
  ['deleghef24', 'F24'],
  ['fatture', 'fattura'],
  ['fattureelettroniche', 'fattura'],
  ['notule', 'notula'],
  ['ricevute', 'notula'],
  ['contratti', 'contratto'],
  ['letteradiincarico', 'contratto'],
  ['contrattodilavoro', 'contratto'],
  ['relazioni', 'relazione'],
  ['registrovolontariato', 'registro volontari'],
] as const)
  DOCUMENT_BY_KEY.set(alias, kind);

/** Each canonical document kind's bit in a DocumentKinds (a fixed layout, not row data). */
const KIND_BIT = new Map<string, number>(Object.keys(DOCUMENT_KINDS).map((kind, i) => [kind, 1 << i]));

/**
 * The canonical document kinds a row lists, as one number of bits: every row of a pass holds one,
 * and a Set per row was ~400 bytes of a 10,000-row pass's garbage for ten possible kinds.
 */
export class DocumentKinds implements Iterable<string> {
  constructor(private readonly bits: number) {}
  has(kind: string): boolean {
    const bit = KIND_BIT.get(kind);
    return bit !== undefined && (this.bits & bit) !== 0;
  }
  get size(): number {
    let n = 0;
    for (let bits = this.bits; bits !== 0; bits &= bits - 1) n += 1;
    return n;
  }
  /** The kinds in DOCUMENT_KINDS order. */
  *[Symbol.iterator](): Iterator<string> {
    for (const [kind, bit] of KIND_BIT) if ((this.bits & bit) !== 0) yield kind;
  }
}
const EMPTY_DOCS = new DocumentKinds(0);

/** Canonical document kinds of a Documenti cell (';' or ',' separated, synonyms accepted). */
export function parseDocuments(cell: unknown): DocumentKinds {
  const text = textOf(cell);
  if (text === null) return EMPTY_DOCS;
  let bits = 0;
  // One scan over the cell: each part is cut without its surrounding spaces, so a part that is
  // already a key ("bonifico") is looked up as it is.
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 59;
    if (code !== 59 && code !== 44 && code !== 10) continue; // ';' ',' newline
    let from = start;
    let to = i;
    while (from < to && text.charCodeAt(from) <= 32) from++;
    while (to > from && text.charCodeAt(to - 1) <= 32) to--;
    if (to > from) {
      const kind = DOCUMENT_BY_KEY.get(normaliseText(text.slice(from, to)));
      if (kind) bits |= KIND_BIT.get(kind) as number;
    }
    start = i + 1;
  }
  return bits === 0 ? EMPTY_DOCS : new DocumentKinds(bits);
}

function normaliseSupplierId(text: string): string {
  const compact = text.toUpperCase().replace(/[\s.\-/]/g, '');
  return /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

const NONE: readonly never[] = Object.freeze([]);

/**
 * Position of every cell parseRow reads (any template's fields, rowId, category) in a row's swept
 * cells. Static layout, computed once from the field tables; it holds no row's data.
 */
const CELL_SLOT = new Map<string, number>();
for (const key of ['rowId', 'category', 'municipalShare', 'cofinancingShare', 'sheet', 'row', 'columns'])
  CELL_SLOT.set(key, CELL_SLOT.size);
for (const key of VOLUNTEER_REQUIRED) CELL_SLOT.set(key, CELL_SLOT.size);
for (const category of CATEGORY_LIST)
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

const HOUR_FIELDS: ReadonlySet<string> = new Set(['hours', 'contractHours']);

/** How each cell of a category's template is read, in one pass (other columns are kept untouched). */
interface FieldPlan {
  key: string;
  slot: number;
  kind: FieldKind;
  required: boolean;
  /** Hours of one row (R02 bound rowHoursMax) rather than an amount. */
  hours: boolean;
}
const PLAN = {} as Record<Category, FieldPlan[]>;
for (const category of CATEGORY_LIST) {
  PLAN[category] = FIELDS[category]
    .filter((d) => d.key !== 'rowId' && d.key !== 'category')
    .map((d) => ({
      key: d.key,
      slot: CELL_SLOT.get(d.key) as number,
      kind: d.kind,
      required: REQUIRED[category].includes(d.key),
      hours: HOUR_FIELDS.has(d.key),
    }));
}
const CATEGORIES: ReadonlySet<unknown> = new Set(CATEGORY_LIST);

/**
 * The cells parseRow reads, by CELL_SLOT, into a fresh array of the row. Rows built by spreading or
 * by the mapper often each have a hidden class of their own, and then every `row[key]` misses V8's
 * lookup caches (a template asks for ~20 keys, most rows hold fewer); one for-in sweep over the keys
 * the row does have is several times cheaper. For-in sees enumerable properties only, so rows that
 * are not plain objects are read key by key.
 */
function sweepCells(input: RowInput): unknown[] {
  const cells: unknown[] = new Array(CELL_KEYS.length);
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto === Object.prototype || proto === null) {
    for (const key in input) {
      const slot = CELL_SLOT.get(key);
      if (slot !== undefined) cells[slot] = input[key];
    }
  } else {
    for (let slot = 0; slot < CELL_KEYS.length; slot++) cells[slot] = input[CELL_KEYS[slot]];
  }
  return cells;
}

/**
 * What the cells of one row said, filled by readCell and owned by that one parseRow call. A class
 * with every field set in the constructor keeps one hidden class for all rows.
 */
class RowReading {
  // Readable amounts and quantities, one field each (no per-row array to allocate and index).
  amount: Fixed | null = null;
  municipalShare: Fixed | null = null;
  cofinancingShare: Fixed | null = null;
  annualCost: Fixed | null = null;
  taxable: Fixed | null = null;
  vat: Fixed | null = null;
  invoiceTotal: Fixed | null = null;
  value: Fixed | null = null;
  hours: Fixed | null = null;
  hourlyCost: Fixed | null = null;
  contractHours: Fixed | null = null;
  hourlyValue: Fixed | null = null;
  problems: CellProblem[] | null = null;
  missing: string[] | null = null;
  unreadable: string[] | null = null;
  invoiceDate: IsoDate | null = null;
  paymentDate: IsoDate | null = null;
  plainDate: IsoDate | null = null;
  month: IsoMonth | null = null;
  programmeText: string | null = null;
  actionText: string | null = null;
  supplierText: string | null = null;
  numberText: string | null = null;
  taxText: string | null = null;
  expenseText: string | null = null;
  methodText: string | null = null;
  ccnlText: string | null = null;
  levelText: string | null = null;
  documentsText: string | null = null;
  employment: Employment | null = null;
  resourceType: ResourceType | null = null;
  cup: boolean | null = null;

  problem(field: string, reason: CellProblemReason): void {
    (this.problems ??= []).push({ field, reason });
  }

  setNumber(key: string, value: Fixed): void {
    switch (key) {
      case 'amount':
        this.amount = value;
        break;
      case 'municipalShare':
        this.municipalShare = value;
        break;
      case 'cofinancingShare':
        this.cofinancingShare = value;
        break;
      case 'annualCost':
        this.annualCost = value;
        break;
      case 'taxable':
        this.taxable = value;
        break;
      case 'vat':
        this.vat = value;
        break;
      case 'invoiceTotal':
        this.invoiceTotal = value;
        break;
      case 'value':
        this.value = value;
        break;
      case 'hours':
        this.hours = value;
        break;
      case 'hourlyCost':
        this.hourlyCost = value;
        break;
      case 'contractHours':
        this.contractHours = value;
        break;
      case 'hourlyValue':
        this.hourlyValue = value;
        break;
      default:
        break;
    }
  }
}

/**
 * A number cell, read as a Fixed: Excel numbers at Excel's precision first (DOMAIN §3 R02), then
 * the common forms in one scan (core/fixed), the others by parseAmountCell/parseQuantity. Amounts
 * take a thousands point ("1.234") and 2 decimals, quantities (hours, rates) 4.
 */
function readNumber(field: FieldPlan, cell: unknown, reading: RowReading, index: AgreementIndex): void {
  const value = typeof cell === 'number' ? excelNumber(cell) : cell;
  const quantity = field.kind === 'quantity';
  let fixed =
    typeof value === 'number' || typeof value === 'string'
      ? scanFixed(value, !quantity, MAX_SIGNIFICANT_DIGITS, MAX_NUMBER_TEXT)
      : SCAN_OTHER_FORM;
  if (fixed === SCAN_OTHER_FORM) {
    const result: MoneyParse = quantity ? parseQuantity(value, 4, null) : parseAmountCell(value, null);
    if (!result.ok) {
      if (result.reason !== 'empty') reading.problem(field.key, result.reason);
      return;
    }
    // Beyond what a Fixed holds is beyond every bound the agreement may set (its schema caps them).
    fixed = fixedOfMoney(result.value) ?? Number.POSITIVE_INFINITY;
  } else if (fixed === SCAN_NEGATIVE) return reading.problem(field.key, 'negative');
  else if (fixed === SCAN_TOO_MANY_DECIMALS || decimalsOf(fixed as Fixed) > (quantity ? 4 : 2)) {
    return reading.problem(field.key, 'too_many_decimals');
  }
  // R02 bounds of the agreement: hours of one row at most rowHoursMax, every other figure below amountBelow.
  const tooLarge = field.hours ? fixed > index.rowHoursMaxFixed : fixed >= index.amountBelowFixed;
  if (tooLarge) reading.problem(field.key, 'too_large');
  else reading.setNumber(field.key, fixed as Fixed);
}

function readDateCell(field: FieldPlan, cell: unknown, reading: RowReading): void {
  const result = parseDate(cell);
  if (!result.ok) reading.problem(field.key, 'invalid_date');
  else if (field.key === 'invoiceDate') reading.invoiceDate = result.value;
  else if (field.key === 'paymentDate') reading.paymentDate = result.value;
  else reading.plainDate = result.value;
}

function readMonthCell(field: FieldPlan, cell: unknown, reading: RowReading): void {
  const result = parseMonth(cell);
  if (result.ok) reading.month = result.value;
  else reading.problem(field.key, 'invalid_date');
}

/** Text cells: kept as typed for the fields rules compare later; closed lists resolved here. */
function readTextCell(field: FieldPlan, cell: unknown, reading: RowReading): void {
  const text = textOf(cell);
  if (text === null) {
    (reading.unreadable ??= []).push(field.key);
    return;
  }
  switch (field.key) {
    case 'programme':
      reading.programmeText = text;
      break;
    case 'action':
      reading.actionText = text;
      break;
    case 'supplierId':
      // A VAT number typed in a numeric cell loses its leading zeros (00905811006 -> 905811006).
      reading.supplierText =
        typeof cell === 'number' && Number.isInteger(cell) && text.length < 11 ? text.padStart(11, '0') : text;
      break;
    case 'invoiceNumber':
      reading.numberText = text;
      break;
    case 'taxCode':
      reading.taxText = text;
      break;
    case 'expenseType':
      reading.expenseText = text;
      break;
    case 'paymentMethod':
      reading.methodText = text;
      break;
    case 'ccnl':
      reading.ccnlText = text;
      break;
    case 'level':
      reading.levelText = text;
      break;
    case 'documents':
      reading.documentsText = text;
      break;
    case 'employment':
      reading.employment = EMPLOYMENT_BY_KEY.get(normaliseText(text)) ?? null;
      if (!reading.employment) reading.problem(field.key, 'not_in_list');
      break;
    case 'resourceType':
      reading.resourceType = RESOURCE_BY_KEY.get(normaliseText(text)) ?? null;
      if (!reading.resourceType) reading.problem(field.key, 'not_in_list');
      break;
    case 'cupOnInvoice': {
      const read = readBoolean(cell);
      if (read === 'invalid') reading.problem(field.key, 'not_in_list');
      else reading.cup = read;
      break;
    }
    default:
      break;
  }
}

/** One read per cell of the category's template: empty required cells are R01, the rest by kind. */
function readCells(
  plan: readonly FieldPlan[],
  cells: readonly unknown[],
  reading: RowReading,
  index: AgreementIndex,
): void {
  for (let i = 0; i < plan.length; i++) {
    const field = plan[i];
    const cell = cells[field.slot];
    if (cell === undefined || cell === null || (typeof cell === 'string' && isBlankText(cell))) {
      if (field.required) (reading.missing ??= []).push(field.key);
      continue;
    }
    switch (field.kind) {
      case 'amount':
      case 'quantity':
        readNumber(field, cell, reading, index);
        break;
      case 'date':
        readDateCell(field, cell, reading);
        break;
      case 'month':
        readMonthCell(field, cell, reading);
        break;
      default:
        readTextCell(field, cell, reading);
    }
  }
}

/**
 * The split of the row's amount into values: both shares empty is all municipal (DOMAIN §7), COFIN
 * all co-financing; typed shares must add up to the amount (else `splitMismatch`). Both shares stay
 * null when the amount or a share is unusable. Returns whether the split is a mismatch.
 */
function splitInto(
  values: RowValues,
  category: Category | null,
  amount: Fixed | null,
  cells: readonly unknown[],
  reading: RowReading,
): boolean {
  if (amount === null) return false;
  if (category === 'COFIN') {
    values.municipalShareFixed = FIXED_ZERO;
    values.cofinancingShareFixed = amount;
    return false;
  }
  if (isBlank(cells[SLOT_MUNICIPAL]) && isBlank(cells[SLOT_COFINANCING])) {
    values.municipalShareFixed = amount;
    values.cofinancingShareFixed = FIXED_ZERO;
    return false;
  }
  const problems = reading.problems ?? NONE;
  for (let i = 0; i < problems.length; i++) {
    if (problems[i].field === 'municipalShare' || problems[i].field === 'cofinancingShare') return false;
  }
  const municipal = reading.municipalShare ?? FIXED_ZERO;
  const cofinancing = reading.cofinancingShare ?? FIXED_ZERO;
  // Exact: both below the amount bound, so the sum is an exact integer too.
  if (municipal + cofinancing !== amount) return true;
  values.municipalShareFixed = municipal;
  values.cofinancingShareFixed = cofinancing;
  return false;
}

/** Expense date: PERS the first day of its month, BENI/SERV the invoice date, GEN/COFIN the date. */
function expenseDate(category: Category | null, reading: RowReading): IsoDate | null {
  if (category === 'PERS') return reading.month ? `${reading.month}-01` : null;
  if (category === 'BENI' || category === 'SERV') return reading.invoiceDate;
  return reading.plainDate ?? (category === 'GEN' ? reading.invoiceDate : null);
}

/**
 * Parses every cell of a row; records problems, never throws, never turns garbage into zero. A pass
 * over many rows builds the agreement's index once and passes it (validate.ts does).
 */
export function parseRow(
  row: RowInput,
  agreement: Agreement,
  index: AgreementIndex = agreementIndex(agreement),
): ParsedRow {
  const input = rowObject(row);
  const cells = sweepCells(input);
  const categoryCell = cells[SLOT_CATEGORY];
  const category: Category | null = CATEGORIES.has(categoryCell) ? (categoryCell as Category) : null;
  const reading = new RowReading();
  if (category) readCells(PLAN[category], cells, reading, index);
  if (reading.resourceType === 'volontariato') {
    for (let i = 0; i < VOLUNTEER_REQUIRED.length; i++)
      if (isBlank(cells[VOLUNTEER_SLOTS[i]])) (reading.missing ??= []).push(VOLUNTEER_REQUIRED[i]);
  }

  const date = expenseDate(category, reading);
  const month = date && category !== 'PERS' ? date.slice(0, 7) : reading.month;
  const programme = reading.programmeText === null ? null : index.resolveProgramme(reading.programmeText);
  const action = reading.actionText === null ? null : index.resolveAction(reading.actionText, programme);
  const amount = category === 'COFIN' ? reading.value : reading.amount;
  const values = new RowValues();
  values.category = category;
  values.programme = programme;
  values.action = action;
  values.amountFixed = amount;
  const splitMismatch = splitInto(values, category, amount, cells, reading);
  values.date = date;
  values.month = month;
  values.taxCode = reading.taxText === null ? null : compactUpper(reading.taxText);
  values.employment = reading.employment;
  values.resourceType = reading.resourceType;
  values.hoursFixed = reading.hours;
  values.hourlyCostFixed = reading.hourlyCost;
  values.annualCostFixed = reading.annualCost;
  values.contractHoursFixed = reading.contractHours;
  values.hourlyValueFixed = reading.hourlyValue;
  values.taxableFixed = reading.taxable;
  values.vatFixed = reading.vat;
  values.invoiceTotalFixed = reading.invoiceTotal;
  values.invoiceDate = reading.invoiceDate;
  values.paymentDate = reading.paymentDate;
  values.supplierId = reading.supplierText === null ? null : normaliseSupplierId(reading.supplierText);
  values.invoiceNumber = reading.numberText === null ? null : compactUpper(reading.numberText);
  values.expenseType = reading.expenseText === null ? null : normaliseText(reading.expenseText);
  values.paymentMethod = reading.methodText === null ? null : normaliseText(reading.methodText);
  values.ccnl = reading.ccnlText === null ? null : normaliseCcnl(reading.ccnlText);
  values.level = reading.levelText === null ? null : normaliseLevel(reading.levelText);
  values.cupOnInvoice = reading.cup;
  values.documents = reading.documentsText === null ? EMPTY_DOCS : parseDocuments(reading.documentsText);
  values.excludedFromTotals = amount === null || values.municipalShareFixed === null;
  const rowIdCell = cells[SLOT_ROW_ID];
  const sheet = cells[SLOT_SHEET];
  const excelRow = cells[SLOT_ROW];
  const columns = cells[SLOT_COLUMNS];
  return {
    input,
    rowId: idText(rowIdCell),
    values,
    problems: reading.problems ?? NONE,
    missing: reading.missing ?? NONE,
    unreadable: reading.unreadable ?? NONE,
    programmeText: reading.programmeText,
    actionText: reading.actionText,
    splitMismatch,
    sheet: typeof sheet === 'string' ? sheet : null,
    excelRow: typeof excelRow === 'number' && Number.isFinite(excelRow) ? excelRow : null,
    columns: columns !== null && typeof columns === 'object' ? columns : null,
  };
}

/** The row itself, or an empty row standing for junk that is not an object (never thrown on). */
export function rowObject(row: unknown): RowInput {
  return row !== null && typeof row === 'object' ? (row as RowInput) : ({ rowId: '', category: 'PERS' } as RowInput);
}

/** A row's id as parseRow reads it, without reading the rest of the row. */
export function rowIdOf(row: RowInput): string {
  return idText(row.rowId);
}

function idText(cell: unknown): string {
  return typeof cell === 'string' ? cell : (textOf(cell) ?? '');
}

function compactUpper(text: string): string {
  // Most codes are typed as they should be (upper case, no spaces): then the text is the key.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code <= 32 || (code >= 97 && code <= 122) || code >= 127) return text.toUpperCase().replace(/\s/g, '');
  }
  return text;
}

/** The R02 bound of a numeric field (DOMAIN §3): hours of one row, or the amount bound. */
export function boundOf(field: string, agreement: Agreement): { below: string } | { atMost: string } {
  const limits = limitsOf(agreement);
  return HOUR_FIELDS.has(field) ? { atMost: limits.rowHoursMax } : { below: limits.amountBelow };
}

/** Parsed values plus the findings of the cell-level rules (see file header). */
export function normaliseRow(
  row: RowInput,
  agreement: Agreement,
  index: AgreementIndex = agreementIndex(agreement),
): NormalisedRow {
  const parsed = parseRow(row, agreement, index);
  return { values: parsed.values, findings: cellFindings(parsed, agreement) };
}

/** The reference-table key of a CCNL (the rules ask it of the agreement's CCNL). */
export function ccnlKey(text: string): string {
  return normaliseCcnl(text);
}

/** CCNL cell -> reference-table id ('CCNL Cooperative sociali' -> 'cooperative-sociali'). */
export function normaliseCcnl(text: string): string {
  const whole = normaliseText(text);
  const key = whole.startsWith('ccnl') ? whole.slice(4) : whole;
  if (key.includes('coop') && key.includes('social')) return 'cooperative-sociali';
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(ACCENTS, '')
    .replace(/^\s*ccnl\s*/, '')
    .trim()
    .replace(/[^a-z0-9]+/g, '-');
}

/** Level cell -> table key ('livello a1', 'Liv. C1' -> 'A1', 'C1'). */
export function normaliseLevel(text: string): string {
  // Most levels are typed as keys already ("A1", "C3"): upper-case letters and digits only.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return normaliseLevelPlain(text);
  }
  return text.startsWith('LIV') ? normaliseLevelPlain(text) : text;
}

/** The reading of every level cell (the reference normaliseLevel's common case is checked against). */
export function normaliseLevelPlain(text: string): string {
  return text
    .toUpperCase()
    .replace(/^\s*LIV(?:ELLO|\.)?\s*/, '')
    .replace(/[\s.-]/g, '');
}

export type { AgreementIndex };
