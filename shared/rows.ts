// One report row as the partner typed it, and its parsed view.
//
// Public surface:
// - RowInput: a spreadsheet/API row, cells untouched (DOMAIN §7 canonical field keys).
// - parseRow(row, agreement) -> ParsedRow: typed values (Money, ISO dates, resolved programme/action ids,
//   canonical document kinds) plus the cell problems met while reading. Pure, never throws.
// - normaliseRow(row, agreement) -> { values, findings }: the same values with the findings of the
//   cell-level rules (R01 missing/unknown, R02 unreadable amounts and split, R03 unreadable dates,
//   R05 split of a PERS row). Reconciliation reads `values.amount`, `values.municipalShare`,
//   `values.cofinancingShare` (Money, null when unusable: then `values.excludedFromTotals` is true),
//   `values.date` / `values.month`, `values.programme` / `values.action` (ids like 'P1', 'P1.A1'),
//   `values.category`, `values.resourceType`, `values.taxCode`.
// - normaliseText(text): the comparison key for closed lists and titles (case, accents, spaces and
//   punctuation ignored).
import type { Agreement, Category } from './agreement';
import { CategorySchema } from './agreement';
import { parseAmount, parseQuantity, ZERO, type Money, type MoneyParse } from './money';
import { parseDate, parseMonth, type IsoDate, type IsoMonth } from './dates';
import { DOCUMENT_KINDS, EMPLOYMENT_TYPES, RESOURCE_TYPES } from './fields';
import type { Finding } from './findings';
import { agreementIndex, type AgreementIndex } from './agreement-index';
import { normaliseText } from './text-key';

export { normaliseText };
import { cellFindings } from './rules/cells';

export type { Category } from './agreement';

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
  problems: CellProblem[];
  /** The split cells were filled and do not add up to the amount. */
  splitMismatch: boolean;
}

export interface NormalisedRow {
  values: RowValues;
  findings: Finding[];
}

const AMOUNT_FIELDS = ['amount', 'municipalShare', 'cofinancingShare', 'annualCost', 'taxable', 'vat', 'invoiceTotal', 'value'] as const;
const QUANTITY_FIELDS = ['hours', 'hourlyCost', 'contractHours', 'hourlyValue'] as const;

const ACCENTS = /[\u0300-\u036f]/g;

export type TextRead = { kind: 'blank' } | { kind: 'text'; text: string } | { kind: 'unreadable' };

/** Reads a text cell: strings trimmed, numbers and booleans as typed; objects are unreadable. */
export function readText(cell: unknown): TextRead {
  if (cell === null || cell === undefined) return BLANK;
  if (typeof cell === 'string') {
    const text = cell.trim();
    return text === '' ? BLANK : { kind: 'text', text };
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? { kind: 'text', text: String(cell) } : UNREADABLE;
  if (typeof cell === 'bigint' || typeof cell === 'boolean') return { kind: 'text', text: String(cell) };
  return UNREADABLE;
}
const BLANK: TextRead = { kind: 'blank' };
const UNREADABLE: TextRead = { kind: 'unreadable' };

export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function textOf(cell: unknown): string | null {
  const read = readText(cell);
  return read.kind === 'text' ? read.text : null;
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
  ['dipendenti', 'dipendente'], ['subordinato', 'dipendente'], ['lavoratoredipendente', 'dipendente'],
  ['cococo', 'collaboratore'], ['collaborazione', 'collaboratore'], ['collaboratoreesterno', 'collaboratore'],
  ['professionista', 'libero professionista'], ['consulente', 'libero professionista'],
  ['lavoratoreautonomo', 'libero professionista'], ['autonomo', 'libero professionista'],
]);

const RESOURCE_BY_KEY = new Map<string, ResourceType>([
  ...RESOURCE_TYPES.map((t) => [normaliseText(t), t] as [string, ResourceType]),
  ['monetario', 'monetaria'], ['nonmonetario', 'non monetaria'], ['innatura', 'non monetaria'],
  ['volontari', 'volontariato'], ['vol', 'volontariato'], ['oredivolontariato', 'volontariato'],
]);

const DOCUMENT_BY_KEY = new Map<string, string>();
for (const [kind, synonyms] of Object.entries(DOCUMENT_KINDS)) {
  DOCUMENT_BY_KEY.set(normaliseText(kind), kind);
  for (const s of synonyms) DOCUMENT_BY_KEY.set(normaliseText(s), kind);
}
for (const [alias, kind] of [
  ['fatturaelettronica', 'fattura'], ['fe', 'fattura'], ['cedolini', 'cedolino'], ['bustepaga', 'cedolino'],
  ['timesheets', 'timesheet'], ['fogliopresenze', 'timesheet'], ['ricevutabonifico', 'pagamento'],
  ['quietanzadipagamento', 'pagamento'], ['f24quietanzato', 'F24'], ['modellof24', 'F24'],
  ['relazionediattivita', 'relazione'], ['registrodeivolontari', 'registro volontari'],
  ['criterioimputazione', 'criterio di imputazione'], ['criteriodiriparto', 'criterio di imputazione'],
] as const) DOCUMENT_BY_KEY.set(alias, kind);

/** Canonical document kinds of a Documenti cell (';' or ',' separated, synonyms accepted). */
export function parseDocuments(cell: unknown): Set<string> {
  const kinds = new Set<string>();
  const text = textOf(cell);
  if (text === null) return kinds;
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

/** Parses every cell of a row; records problems, never throws, never turns garbage into zero. */
export function parseRow(row: RowInput, agreement: Agreement): ParsedRow {
  const index = agreementIndex(agreement);
  const input: RowInput = row !== null && typeof row === 'object' ? row : ({ rowId: '', category: 'PERS' } as RowInput);
  const problems: CellProblem[] = [];
  const categoryCheck = CategorySchema.safeParse(input.category);
  const category: Category | null = categoryCheck.success ? categoryCheck.data : null;

  const money: Partial<Record<string, Money>> = {};
  for (const field of AMOUNT_FIELDS) readMoney(input, field, parseAmount, money, problems);
  for (const field of QUANTITY_FIELDS) readMoney(input, field, parseQuantity, money, problems);

  const invoiceDate = readDateField(input, 'invoiceDate', problems);
  const paymentDate = readDateField(input, 'paymentDate', problems);
  const plainDate = readDateField(input, 'date', problems);
  let month: IsoMonth | null = null;
  if (category === 'PERS') {
    const m = parseMonth(input.month);
    if (m.ok) month = m.value;
    else if (m.reason === 'invalid') problems.push({ field: 'month', reason: 'invalid_date' });
  }
  let date: IsoDate | null;
  if (category === 'PERS') date = month ? `${month}-01` : null;
  else if (category === 'BENI' || category === 'SERV') date = invoiceDate;
  else date = plainDate ?? (category === 'GEN' ? invoiceDate : null);
  if (date && category !== 'PERS') month = date.slice(0, 7);

  const employment = readEnum(input, 'employment', EMPLOYMENT_BY_KEY, category === 'PERS', problems);
  const resourceType = readEnum(input, 'resourceType', RESOURCE_BY_KEY, category === 'COFIN', problems);

  const programmeText = textOf(input.programme);
  const programme = programmeText === null ? null : index.resolveProgramme(programmeText);
  const actionText = textOf(input.action);
  const action = actionText === null ? null : index.resolveAction(actionText, programme);

  const cup = readBoolean(input.cupOnInvoice);
  if (cup === 'invalid') problems.push({ field: 'cupOnInvoice', reason: 'not_in_list' });

  const supplierText = textOf(input.supplierId);
  const numberText = textOf(input.invoiceNumber);
  const taxText = textOf(input.taxCode);
  const expenseText = textOf(input.expenseType);
  const methodText = textOf(input.paymentMethod);
  const ccnlText = textOf(input.ccnl);
  const levelText = textOf(input.level);

  const amountField = category === 'COFIN' ? 'value' : 'amount';
  const amount = money[amountField] ?? null;
  const amountUnusable = problems.some((p) => p.field === amountField);
  let municipalShare: Money | null = null;
  let cofinancingShare: Money | null = null;
  let splitMismatch = false;
  if (amount && category === 'COFIN') {
    municipalShare = ZERO;
    cofinancingShare = amount;
  } else if (amount) {
    const split = resolveSplit(input, amount, money, problems);
    splitMismatch = split === 'mismatch';
    if (split !== 'mismatch' && split !== 'unreadable') [municipalShare, cofinancingShare] = split;
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
    taxCode: taxText === null ? null : taxText.toUpperCase().replace(/\s/g, ''),
    employment,
    resourceType,
    hours: money.hours ?? null,
    hourlyCost: money.hourlyCost ?? null,
    annualCost: money.annualCost ?? null,
    contractHours: money.contractHours ?? null,
    hourlyValue: money.hourlyValue ?? null,
    taxable: money.taxable ?? null,
    vat: money.vat ?? null,
    invoiceTotal: money.invoiceTotal ?? null,
    invoiceDate,
    paymentDate,
    supplierId: supplierText === null ? null : normaliseSupplierId(supplierText),
    invoiceNumber: numberText === null ? null : numberText.toUpperCase().replace(/\s/g, ''),
    expenseType: expenseText === null ? null : normaliseText(expenseText),
    paymentMethod: methodText === null ? null : normaliseText(methodText),
    ccnl: ccnlText === null ? null : normaliseCcnl(ccnlText),
    level: levelText === null ? null : normaliseLevel(levelText),
    cupOnInvoice: cup === 'invalid' ? null : cup,
    documents: isBlank(input.documents) ? EMPTY_DOCS : parseDocuments(input.documents),
    excludedFromTotals: amount === null || amountUnusable || municipalShare === null,
  };
  const rowId = typeof input.rowId === 'string' ? input.rowId : textOf(input.rowId) ?? '';
  return { input, rowId, values, problems, splitMismatch };
}

/** Parsed values plus the findings of the cell-level rules (see file header). */
export function normaliseRow(row: RowInput, agreement: Agreement): NormalisedRow {
  const parsed = parseRow(row, agreement);
  return { values: parsed.values, findings: cellFindings(parsed, agreement) };
}

function readMoney(
  input: RowInput,
  field: string,
  parse: (cell: unknown) => MoneyParse,
  out: Partial<Record<string, Money>>,
  problems: CellProblem[],
): void {
  const cell = input[field];
  if (cell === undefined || cell === null || cell === '') return;
  const result = parse(cell);
  if (result.ok) out[field] = result.value;
  else if (result.reason !== 'empty') problems.push({ field, reason: result.reason });
}

function readDateField(input: RowInput, field: string, problems: CellProblem[]): IsoDate | null {
  const cell = input[field];
  if (cell === undefined || cell === null || cell === '') return null;
  const result = parseDate(cell);
  if (result.ok) return result.value;
  if (result.reason === 'invalid') problems.push({ field, reason: 'invalid_date' });
  return null;
}

function readEnum<T>(
  input: RowInput,
  field: string,
  table: ReadonlyMap<string, T>,
  relevant: boolean,
  problems: CellProblem[],
): T | null {
  const read = readText(input[field]);
  if (read.kind === 'blank') return null;
  const value = read.kind === 'text' ? table.get(normaliseText(read.text)) : undefined;
  if (value === undefined) {
    if (relevant) problems.push({ field, reason: 'not_in_list' });
    return null;
  }
  return value;
}

/** Both shares empty -> all municipal; otherwise they must add up to the amount (DOMAIN §7). */
function resolveSplit(
  input: RowInput,
  amount: Money,
  money: Partial<Record<string, Money>>,
  problems: CellProblem[],
): [Money, Money] | 'mismatch' | 'unreadable' {
  if (problems.some((p) => p.field === 'municipalShare' || p.field === 'cofinancingShare')) return 'unreadable';
  const m = money.municipalShare;
  const c = money.cofinancingShare;
  const mBlank = isBlank(input.municipalShare);
  const cBlank = isBlank(input.cofinancingShare);
  if (mBlank && cBlank) return [amount, ZERO];
  const municipal = m ?? ZERO;
  const cofinancing = c ?? ZERO;
  if (!municipal.plus(cofinancing).eq(amount)) return 'mismatch';
  return [municipal, cofinancing];
}

/** CCNL cell -> reference-table id ('CCNL Cooperative sociali' -> 'cooperative-sociali'). */
export function normaliseCcnl(text: string): string {
  const key = normaliseText(text).replace(/^ccnl/, '');
  if (key.includes('coop') && key.includes('social')) return 'cooperative-sociali';
  return text.toLowerCase().normalize('NFD').replace(ACCENTS, '').replace(/^\s*ccnl\s*/, '').trim().replace(/[^a-z0-9]+/g, '-');
}

/** Level cell -> table key ('livello a1' -> 'A1'). */
export function normaliseLevel(text: string): string {
  return text.toUpperCase().replace(/^\s*LIVELLO\s*/, '').replace(/[\s.\-]/g, '');
}

export type { AgreementIndex };
