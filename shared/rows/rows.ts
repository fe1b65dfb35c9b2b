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
import { moneyOfFixed, parseFixedCell, type Money } from '../core/money';
import { FIXED_ZERO, type Fixed } from '../core/fixed';
import { excelNumber } from '../core/excel-number';
import { figureWithoutUnit, isVatExemptText } from './figure-words';
import { dateAmongWords, parseDate, parseMonth, type IsoDate, type IsoMonth } from '../core/dates';
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
import { KeyLookup, isBlankText, keyIncludes, leadingKeyOf, normaliseText, trimmed } from '../core/text-key';

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

/**
 * A row as the engine reads it: the input untouched, its typed values, and what could not be read.
 * parseRow fills it in one pass over the row's cells; nothing else is allocated for a row whose
 * cells are all readable.
 */
export class ParsedRow {
  readonly values = new RowValues();
  rowId = '';
  /** Cells that could not be read as their kind (numbers, dates, closed lists). */
  problems: readonly CellProblem[] = NONE;
  /** Required fields left empty (R01). */
  missing: readonly string[] = NONE;
  /** Text cells holding something that is not text (an object, NaN). */
  unreadable: readonly string[] = NONE;
  /** Programme and action cells as typed (null when empty), to tell "unknown" from "missing". */
  programmeText: string | null = null;
  actionText: string | null = null;
  /** The split cells were filled and do not add up to the amount. */
  splitMismatch = false;
  /** With splitMismatch: the one share typed (the other left empty), above the amount; else null. */
  shareAbove: 'municipalShare' | 'cofinancingShare' | null = null;
  /** Location of the row (RowInput sheet, row, columns), read with the cells so findings need no lookup. */
  sheet: string | null = null;
  excelRow: number | null = null;
  columns: object | null = null;

  constructor(readonly input: RowInput) {}
}

/** Appends to one of a ParsedRow's lists, which start as the shared empty NONE. */
function pushTo<T>(list: readonly T[], item: T): T[] {
  const out = list === NONE ? [] : (list as T[]);
  out.push(item);
  return out;
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
      return trimmed(cell) === '' ? 'blank' : 'text';
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

/** The text of a cell (trimmed), or null when it is blank or unreadable. */
export function textOf(cell: unknown): string | null {
  if (typeof cell === 'string') {
    const text = trimmed(cell);
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
/** Check marks and crosses as typed or inserted from Excel's symbols (no letters: no text key). */
const TRUE_MARKS = new Set(['✓', '✔', '☑', '√']);
const FALSE_MARKS = new Set(['✗', '✘', '☐']);

function readBoolean(cell: unknown): boolean | null | 'invalid' {
  if (typeof cell === 'boolean') return cell;
  const text = textOf(cell);
  if (text === null) return isBlank(cell) ? null : 'invalid';
  if (TRUE_MARKS.has(text)) return true;
  if (FALSE_MARKS.has(text)) return false;
  const key = normaliseText(text);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  return 'invalid';
}

/** Words only an employee's contract has: its duration, its hours, an apprenticeship. */
const EMPLOYEE_CONTRACT_WORDS = ['tempoindeterminato', 'tempodeterminato', 'parttime', 'fulltime'].concat([
  'tempopieno',
  'tempoparziale',
  'apprendista',
  'apprendistato',
]);

const EMPLOYMENT_BY_KEY = new KeyLookup(
  new Map<string, Employment>([
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
    ['dip', 'dipendente'],
    ['lavoroautonomo', 'libero professionista'],
    ['liberoprof', 'libero professionista'],
    ['piva', 'libero professionista'],
    // Occasional self-employed work (art. 2222 c.c.) is reported as an occasional collaboration.
    ['prestazioneoccasionale', 'collaboratore'],
    ['collaborazioneoccasionale', 'collaboratore'],
    // Abbreviations of the employee's contract in payroll exports: tempo indeterminato/determinato.
    ['ti', 'dipendente'],
    ['td', 'dipendente'],
    ...EMPLOYEE_CONTRACT_WORDS.map((key) => [key, 'dipendente'] as [string, Employment]),
    ['collaborazionecoordinataecontinuativa', 'collaboratore'],
    ['collaboratorecoordinatoecontinuativo', 'collaboratore'],
    ['cocopro', 'collaboratore'],
    ['collaborazioneaprogetto', 'collaboratore'],
  ]),
);

/**
 * A relationship written with its details after it ('Dipendente T.I.', 'dipendente part-time',
 * 'Collaboratore occasionale', 'Part-time 30 h', 'Tempo determinato fino al 31/12'): the type whose
 * whole key it starts with ('dip.' alone is an alias; 'dipartimento' starts with no type's key).
 */
const EMPLOYMENT_LEADING = new Map<string, Employment>([
  ['dipendente', 'dipendente'],
  ['collaboratore', 'collaboratore'],
  ['collaboratrice', 'collaboratore'],
  ['liberoprofessionista', 'libero professionista'],
  ['liberaprofessionista', 'libero professionista'],
  ...EMPLOYEE_CONTRACT_WORDS.map((key) => [key, 'dipendente'] as [string, Employment]),
]);

function employmentByLeadingWords(text: string): Employment | null {
  const key = normaliseText(text);
  const member = leadingKeyOf(key, MEMBER_WORDS, 0);
  return member === undefined ? leadingEmployment(key) : employmentOfMember(key.slice(member.length), member);
}

/**
 * A cooperative's member written with the relationship ("Socio lavoratore dipendente", "socia
 * lavoratrice - collaboratrice", "socio lavoratore autonomo"): the relationship after the member
 * words; a worker-member with other details ("socio lavoratore part-time") is an employee, as a
 * worker-member alone is; a bare "socio" names no relationship.
 */
function employmentOfMember(rest: string, member: string): Employment | null {
  const named = EMPLOYMENT_BY_KEY.get(rest) ?? leadingEmployment(rest);
  if (named) return named;
  return member === 'socio' || member === 'socia' ? null : 'dipendente';
}

function leadingEmployment(key: string): Employment | null {
  const start = leadingKeyOf(key, EMPLOYMENT_LEADING.keys(), 0);
  return start === undefined ? null : (EMPLOYMENT_LEADING.get(start) as Employment);
}

/** Longest first: leadingKeyOf takes the first key the text starts with. */
const MEMBER_WORDS = ['sociolavoratore', 'socialavoratrice', 'socio', 'socia'];

const RESOURCE_BY_KEY = new KeyLookup(
  new Map<string, ResourceType>([
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
    ['monetari', 'monetaria'],
    ['nonmonetari', 'non monetaria'],
    ['risorsemonetarie', 'monetaria'],
    ['nonmonetarie', 'non monetaria'],
    ['risorsenonmonetarie', 'non monetaria'],
    ['orevolontariato', 'volontariato'],
    ['risorseproprie', 'monetaria'],
    ['fondipropri', 'monetaria'],
    ['beniinnatura', 'non monetaria'],
    // Money as partners name it ("in denaro", "contributo monetario") and goods given in kind.
    ['denaro', 'monetaria'],
    ['indenaro', 'monetaria'],
    ['contributomonetario', 'monetaria'],
    ['contributoindenaro', 'monetaria'],
    ['risorsefinanziarie', 'monetaria'],
    ['risorsafinanziaria', 'monetaria'],
    ['contributoinnatura', 'non monetaria'],
    ['beni', 'non monetaria'],
    ['valorizzazionebeni', 'non monetaria'],
    ['risorseumanevolontarie', 'volontariato'],
  ]),
);

/** A resource type with its details after it ("Volontariato animatori", "monetaria - fondi propri"). */
const RESOURCE_LEADING = new Map<string, ResourceType>([
  ['monetaria', 'monetaria'],
  ['nonmonetaria', 'non monetaria'],
  ['volontariato', 'volontariato'],
]);

function resourceByLeadingWords(text: string): ResourceType | null {
  const start = leadingKeyOf(normaliseText(text), RESOURCE_LEADING.keys(), 0);
  return start === undefined ? null : (RESOURCE_LEADING.get(start) as ResourceType);
}

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
  ['registroattivitavolontari', 'registro volontari'],
  ['registroorevolontari', 'registro volontari'],
  ['registropresenzevolontari', 'registro volontari'],
  ['elencovolontari', 'registro volontari'],
  ['registrofirme', 'timesheet'],
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
  // The receipt of an F24 is the F24, not the payment of the pay: "quietanza F24".
  ['quietanzaf24', 'F24'],
  ['quietanzef24', 'F24'],
  ['quietanzadelf24', 'F24'],
  ['ricevutaf24', 'F24'],
  ['versamentof24', 'F24'],
  ['f24pagato', 'F24'],
  ['f24versato', 'F24'],
  ['prospettoore', 'timesheet'],
  ['riepilogoore', 'timesheet'],
  ['notadicalcolo', 'criterio di imputazione'],
  ['prospettodicalcolo', 'criterio di imputazione'],
  ['pianodiriparto', 'criterio di imputazione'],
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
  ['registropresenzevolontari', 'registro volontari'],
  ['foglifirmavolontari', 'registro volontari'],
  ['fogliofirmevolontari', 'registro volontari'],
  ['registroorevolontari', 'registro volontari'],
  ['criterio', 'criterio di imputazione'],
  ['criteriodiripartizione', 'criterio di imputazione'],
  ['chiavediriparto', 'criterio di imputazione'],
  ['chiavediimputazione', 'criterio di imputazione'],
  ['prospettodiriparto', 'criterio di imputazione'],
  ['prospettodiripartizione', 'criterio di imputazione'],
  ['riparto', 'criterio di imputazione'],
  ['ripartizione', 'criterio di imputazione'],
  ['ft', 'fattura'],
  ['fatt', 'fattura'],
  ['registrodellepresenzevolontari', 'registro volontari'],
  ['registropresenzedeivolontari', 'registro volontari'],
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

/** Each document name's kind bit, looked up by a part of the cell as its normaliseText key. */
const DOCUMENT_BITS = new KeyLookup(
  new Map([...DOCUMENT_BY_KEY].map(([key, kind]) => [key, KIND_BIT.get(kind) as number])),
);

/**
 * Canonical document kinds of a Documenti cell (parts cut at partSeparator, synonyms accepted): each
 * part as DOCUMENT_BY_KEY.get(normaliseText(part)) reads it, looked up where it stands in the cell
 * (KeyLookup.within) without a string per part.
 */
export function parseDocuments(cell: unknown): DocumentKinds {
  const text = textOf(cell);
  if (text === null) return EMPTY_DOCS;
  let bits = 0;
  let start = 0;
  let node = 0; // the part's walk in DOCUMENT_BITS, one character at a time
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 59;
    const cut = partSeparator(text, i, code);
    if (cut === 0) node = DOCUMENT_BITS.step(node, code);
    else {
      bits |= DOCUMENT_BITS.valueAt(node, text, start, i) ?? leadingDocumentBit(text.slice(start, i));
      start = i + cut;
      i = start - 1;
      node = 0;
    }
  }
  return bits === 0 ? EMPTY_DOCS : new DocumentKinds(bits);
}

/**
 * How long the separator of two parts of a Documenti cell at `i` is (0: none): ';' and ',' (DOMAIN
 * §7), and as bookkeepers also write lists, a new line, '/', '+', '|', a spaced dash ' - ' and the
 * word ' e ' ('fattura e bonifico'). No document name holds any of them. The end of the text is one.
 */
function partSeparator(text: string, i: number, code: number): number {
  if (i >= text.length) return 1;
  if (code === 59 || code === 44 || code === 10 || code === 47 || code === 43 || code === 124) return 1;
  if (code !== 32 || i + 2 >= text.length || text.charCodeAt(i + 2) !== 32) return 0;
  const middle = text.charCodeAt(i + 1);
  return middle === 45 || middle === 101 || middle === 69 ? 3 : 0; // ' - ', ' e ', ' E '
}

/** The canonical kind one part of a Documenti cell names (the plain reading parseDocuments follows). */
export function documentKindOf(part: string): string | undefined {
  return DOCUMENT_BY_KEY.get(normaliseText(part)) ?? leadingDocumentKind(part);
}

/** The most words a document's name has ('libro unico del lavoro'): a longer start names none. */
const NAME_WORDS_MAX = 5;

/**
 * A part that names a document followed by its details ("Fattura n. 12", "Bonifico del 15 marzo",
 * "F24 marzo 2026"): the kind its longest leading words name, whole words only ("Fatturato" is
 * not "fattura"). Read only for a part that is not a name as a whole.
 */
function leadingDocumentKind(part: string): string | undefined {
  const words = trimmed(part).split(/\s+/, NAME_WORDS_MAX + 1);
  for (let n = Math.min(words.length - 1, NAME_WORDS_MAX); n >= 1; n--) {
    const kind = DOCUMENT_BY_KEY.get(normaliseText(words.slice(0, n).join(' ')));
    if (kind !== undefined) return kind;
  }
  return undefined;
}

function leadingDocumentBit(part: string): number {
  const kind = leadingDocumentKind(part);
  return kind === undefined ? 0 : (KIND_BIT.get(kind) as number);
}

export function normaliseSupplierId(text: string): string {
  // Most ids are typed compact (11 digits, a tax code in capitals): then the text is the key.
  const typedCompact = (text.length === 11 || text.length === 16) && isUpperAlnum(text);
  const compact = typedCompact ? text : withoutIdLabel(text.toUpperCase().replace(/[\s.\-/:]/g, ''));
  return compact.length === 13 && /^IT\d{11}$/.test(compact) ? compact.slice(2) : compact;
}

/**
 * An id pasted with its label ('P.IVA 01234567890', 'C.F.: RSSMRA…', 'C.F./P.IVA 0123…',
 * '01234567890 (P.IVA)'): the id, when the label is before it or in brackets after it.
 */
function withoutIdLabel(compact: string): string {
  const labelled = LABEL_BEFORE_ID.exec(compact) ?? LABEL_AFTER_ID.exec(compact);
  return labelled ? labelled[1] : compact;
}

/** A label, or the two labels together ('C.F./P.IVA', 'P.IVA e C.F.'), as compacted (no separators). */
const ID_LABEL = '(?:PARTITAIVA|PIVA|CODICEFISCALE|CF)(?:E?(?:PARTITAIVA|PIVA|CODICEFISCALE|CF))?';
const LABEL_BEFORE_ID = new RegExp(`^${ID_LABEL}((?:IT)?\\d{11}|[A-Z0-9]{16})$`);
const LABEL_AFTER_ID = new RegExp(`^((?:IT)?\\d{11}|[A-Z0-9]{16})\\(${ID_LABEL}\\)$`);

function isUpperAlnum(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!((code >= 65 && code <= 90) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

const NONE: readonly never[] = Object.freeze([]);

const HOUR_FIELDS: ReadonlySet<string> = new Set(['hours', 'contractHours']);

/** How each cell of a category's template is read, in one pass (other columns are kept untouched). */
interface FieldPlan {
  key: string;
  kind: FieldKind;
  /** Hours of one row (R02 bound rowHoursMax) rather than an amount. */
  hours: boolean;
}
/** A category's template as parseRow reads it: its fields, each field's place by key, the required ones as bits. */
interface CategoryPlan {
  fields: readonly FieldPlan[];
  placeOf: ReadonlyMap<string, number>;
  /** Bit i set: fields[i] is required (R01); a template has fewer than 31 fields. */
  requiredBits: number;
}
const PLAN = {} as Record<Category, CategoryPlan>;
for (const category of CATEGORY_LIST) {
  const fields = FIELDS[category]
    .filter((d) => d.key !== 'rowId' && d.key !== 'category')
    .map((d) => ({
      key: d.key,
      kind: d.kind,
      hours: HOUR_FIELDS.has(d.key),
    }));
  // The required fields are bits of one 32-bit integer: a template must stay under 31 fields.
  if (fields.length > 30) throw new Error(`template ${category}: ${fields.length} fields, at most 30`);
  let requiredBits = 0;
  fields.forEach((f, i) => {
    if (REQUIRED[category].includes(f.key)) requiredBits |= 1 << i;
  });
  PLAN[category] = { fields, placeOf: new Map(fields.map((f, i) => [f.key, i])), requiredBits };
}
const CATEGORIES: ReadonlySet<unknown> = new Set(CATEGORY_LIST);

function problem(row: ParsedRow, field: string, reason: CellProblemReason): void {
  row.problems = pushTo(row.problems, { field, reason });
}

/** Where a read figure goes: COFIN's `value` is its amount; the shares are resolved by splitInto. */
function setFigure(values: RowValues, key: string, value: Fixed): void {
  switch (key) {
    case 'amount':
    case 'value':
      values.amountFixed = value;
      break;
    case 'municipalShare':
      values.municipalShareFixed = value;
      break;
    case 'cofinancingShare':
      values.cofinancingShareFixed = value;
      break;
    case 'annualCost':
      values.annualCostFixed = value;
      break;
    case 'taxable':
      values.taxableFixed = value;
      break;
    case 'vat':
      values.vatFixed = value;
      break;
    case 'invoiceTotal':
      values.invoiceTotalFixed = value;
      break;
    case 'hours':
      values.hoursFixed = value;
      break;
    case 'hourlyCost':
      values.hourlyCostFixed = value;
      break;
    case 'contractHours':
      values.contractHoursFixed = value;
      break;
    case 'hourlyValue':
      values.hourlyValueFixed = value;
      break;
    default:
      break;
  }
}

/**
 * A number cell, read as a Fixed: Excel numbers at Excel's precision first (DOMAIN §3 R02), then
 * parseFixedCell (amounts take a thousands point, "1.234", and 2 decimals; hours and rates 4),
 * then the agreement's bounds.
 */
function readNumber(field: FieldPlan, cell: unknown, row: ParsedRow, index: AgreementIndex): void {
  let read = parseFixedCell(typeof cell === 'number' ? excelNumber(cell) : cell, field.kind === 'quantity');
  if (read === 'not_a_number') {
    const figure = figureWithoutUnit(field.key, cell); // "7,5 h", "18,62 €/h"
    if (figure !== null) read = parseFixedCell(figure, field.kind === 'quantity');
  }
  if (typeof read === 'string') {
    if (read === 'not_a_number' && field.key === 'vat' && isVatExemptText(cell)) row.values.vatFixed = FIXED_ZERO;
    else if (read !== 'empty') problem(row, field.key, read);
    return;
  }
  // R02 bounds of the agreement: hours of one row at most rowHoursMax, every other figure below amountBelow.
  const tooLarge = field.hours ? read > index.rowHoursMaxFixed : read >= index.amountBelowFixed;
  if (tooLarge) problem(row, field.key, 'too_large');
  else setFigure(row.values, field.key, read as Fixed);
}

/** A CUP (codice unico di progetto: 15 letters and digits, a letter first), alone or after "CUP". */
const CUP_CODE = /^(?:CUP[\s:.n°]*)?([A-Z]\d{2}[A-Z][A-Z0-9]{11})$/;

/** The CUP a cell holds, upper case without spaces; null for anything else. */
export function cupCodeIn(text: string): string | null {
  if (text.length > 40) return null;
  const match = CUP_CODE.exec(text.toUpperCase().replace(/\s/g, ''));
  return match ? match[1] : null;
}

/** The Data cell goes to `date` (expenseDate settles it per category), the others to their field. */
function readDateCell(field: FieldPlan, cell: unknown, row: ParsedRow): void {
  const parsed = parseDate(cell);
  const result = parsed.ok ? parsed : (dateAmongWords(cell) ?? parsed); // "pagato il 10/04/2026"
  if (!result.ok) problem(row, field.key, 'invalid_date');
  else if (field.key === 'invoiceDate') row.values.invoiceDate = result.value;
  else if (field.key === 'paymentDate') row.values.paymentDate = result.value;
  else row.values.date = result.value;
}

function readMonthCell(field: FieldPlan, cell: unknown, row: ParsedRow): void {
  const result = parseMonth(cell);
  if (result.ok) row.values.month = result.value;
  else problem(row, field.key, 'invalid_date');
}

/** Text cells: normalised into the keys rules compare; closed lists resolved here. */
function readTextCell(field: FieldPlan, cell: unknown, row: ParsedRow, index: AgreementIndex): void {
  const text = textOf(cell);
  if (text === null) {
    row.unreadable = pushTo(row.unreadable, field.key);
    return;
  }
  const values = row.values;
  switch (field.key) {
    case 'programme':
      row.programmeText = text;
      break;
    case 'action':
      row.actionText = text;
      break;
    case 'supplierId':
      // A VAT number typed in a numeric cell loses its leading zeros (00905811006 -> 905811006).
      values.supplierId = normaliseSupplierId(
        typeof cell === 'number' && Number.isInteger(cell) && text.length < 11 ? text.padStart(11, '0') : text,
      );
      break;
    case 'invoiceNumber':
      values.invoiceNumber = compactUpper(text);
      break;
    case 'taxCode':
      values.taxCode = compactUpper(text);
      break;
    case 'expenseType':
      values.expenseType = normaliseText(text);
      break;
    case 'paymentMethod':
      values.paymentMethod = normaliseText(text);
      break;
    case 'ccnl':
      values.ccnl = normaliseCcnl(text);
      break;
    case 'level':
      values.level = normaliseLevel(text);
      break;
    case 'documents':
      values.documents = parseDocuments(text);
      break;
    case 'employment':
      values.employment = EMPLOYMENT_BY_KEY.get(text) ?? employmentByLeadingWords(text);
      if (!values.employment) problem(row, field.key, 'not_in_list');
      break;
    case 'resourceType':
      values.resourceType = RESOURCE_BY_KEY.get(text) ?? resourceByLeadingWords(text);
      if (!values.resourceType) problem(row, field.key, 'not_in_list');
      break;
    case 'cupOnInvoice': {
      const read = readBoolean(cell);
      // The CUP itself copied into the cell ("D21H26000010004", "CUP D21H…"): the invoice states
      // a CUP, the agreement's one (true) or another (false, which R13 names).
      const code = read === 'invalid' ? cupCodeIn(text) : null;
      if (code !== null) values.cupOnInvoice = index.cup === null || code === index.cup;
      else if (read === 'invalid') problem(row, field.key, 'not_in_list');
      else values.cupOnInvoice = read;
      break;
    }
    default:
      break;
  }
}

/**
 * One read per cell of the category's template: empty required cells are R01, the rest by kind.
 * A plain row is swept once by its own keys (for-in walks V8's cached key list of the row's shape;
 * a template asks for ~20 keys and most rows hold fewer); other objects are asked key by key.
 */
function readCells(plan: CategoryPlan, row: ParsedRow, index: AgreementIndex): void {
  const input = row.input;
  const fields = plan.fields;
  let filled = 0;
  const proto: unknown = Object.getPrototypeOf(input);
  if (proto === Object.prototype || proto === null) {
    for (const key in input) {
      const place = plan.placeOf.get(key);
      if (place === undefined) continue;
      const cell = input[key];
      if (isBlankCell(cell)) continue;
      filled |= 1 << place;
      readCell(fields[place], cell, row, index);
    }
  } else {
    for (let i = 0; i < fields.length; i++) {
      const cell = input[fields[i].key];
      if (isBlankCell(cell)) continue;
      filled |= 1 << i;
      readCell(fields[i], cell, row, index);
    }
  }
  const missing = plan.requiredBits & ~filled;
  if (missing === 0) return;
  for (let i = 0; i < fields.length; i++)
    if ((missing & (1 << i)) !== 0) row.missing = pushTo(row.missing, fields[i].key);
}

function isBlankCell(cell: unknown): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && isBlankText(cell));
}

function readCell(field: FieldPlan, cell: unknown, row: ParsedRow, index: AgreementIndex): void {
  switch (field.kind) {
    case 'amount':
    case 'quantity':
      readNumber(field, cell, row, index);
      break;
    case 'date':
      readDateCell(field, cell, row);
      break;
    case 'month':
      readMonthCell(field, cell, row);
      break;
    default:
      readTextCell(field, cell, row, index);
  }
}

/**
 * Resolves the split of the row's amount: both shares empty is all municipal (DOMAIN §7), COFIN all
 * co-financing; one share typed leaves the rest to the other (at most the amount); two typed
 * shares must add up to the amount (else `splitMismatch`). Both shares end null
 * when the amount or a share is unusable.
 */
function splitInto(row: ParsedRow, category: Category | null): void {
  const values = row.values;
  const amount = values.amountFixed;
  const municipal = values.municipalShareFixed;
  const cofinancing = values.cofinancingShareFixed;
  values.municipalShareFixed = null;
  values.cofinancingShareFixed = null;
  if (amount === null) return;
  if (category === 'COFIN') {
    values.municipalShareFixed = FIXED_ZERO;
    values.cofinancingShareFixed = amount;
    return;
  }
  const municipalBlank = isBlank(row.input.municipalShare);
  const cofinancingBlank = isBlank(row.input.cofinancingShare);
  if (municipalBlank && cofinancingBlank) {
    values.municipalShareFixed = amount;
    values.cofinancingShareFixed = FIXED_ZERO;
    return;
  }
  const problems = row.problems;
  for (let i = 0; i < problems.length; i++) {
    if (problems[i].field === 'municipalShare' || problems[i].field === 'cofinancingShare') return;
  }
  if (municipalBlank || cofinancingBlank) {
    // One share typed: the other one is the rest of the amount, as a bookkeeper who fills only
    // "Quota cofinanziamento" means; a typed share above the amount leaves no rest.
    const typed = (municipalBlank ? cofinancing : municipal) as Fixed;
    if (typed > amount) {
      row.splitMismatch = true;
      row.shareAbove = municipalBlank ? 'cofinancingShare' : 'municipalShare';
      return;
    }
    values.municipalShareFixed = municipalBlank ? ((amount - typed) as Fixed) : typed;
    values.cofinancingShareFixed = cofinancingBlank ? ((amount - typed) as Fixed) : typed;
    return;
  }
  // Exact: both below the amount bound, so their sum is an exact integer too.
  if ((municipal ?? 0) + (cofinancing ?? 0) !== amount) {
    row.splitMismatch = true;
    return;
  }
  values.municipalShareFixed = municipal ?? FIXED_ZERO;
  values.cofinancingShareFixed = cofinancing ?? FIXED_ZERO;
}

/** Expense date: PERS the first day of its month, BENI/SERV the invoice date, GEN/COFIN the date. */
function settleDate(values: RowValues, category: Category | null): void {
  if (category === 'PERS') values.date = values.month ? `${values.month}-01` : null;
  else if (category === 'BENI' || category === 'SERV') values.date = values.invoiceDate;
  else if (category === 'GEN') values.date ??= values.invoiceDate;
  else if (category !== 'COFIN') values.date = null;
  if (values.date && category !== 'PERS') values.month = values.date.slice(0, 7);
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
  const parsed = new ParsedRow(rowObject(row));
  const input = parsed.input;
  const categoryCell = input.category;
  const category: Category | null = CATEGORIES.has(categoryCell) ? (categoryCell as Category) : null;
  const values = parsed.values;
  values.category = category;
  if (category) readCells(PLAN[category], parsed, index);
  if (values.resourceType === 'volontariato') {
    for (let i = 0; i < VOLUNTEER_REQUIRED.length; i++)
      if (isBlank(input[VOLUNTEER_REQUIRED[i]])) parsed.missing = pushTo(parsed.missing, VOLUNTEER_REQUIRED[i]);
  }
  settleDate(values, category);
  if (parsed.programmeText !== null) values.programme = index.resolveProgramme(parsed.programmeText);
  if (parsed.actionText !== null) values.action = index.resolveAction(parsed.actionText, values.programme);
  splitInto(parsed, category);
  values.excludedFromTotals = values.amountFixed === null || values.municipalShareFixed === null;
  parsed.rowId = idText(input.rowId);
  const sheet = input.sheet;
  const excelRow = input.row;
  const columns = input.columns;
  parsed.sheet = typeof sheet === 'string' ? sheet : null;
  parsed.excelRow = typeof excelRow === 'number' && Number.isFinite(excelRow) ? excelRow : null;
  parsed.columns = columns !== null && typeof columns === 'object' ? columns : null;
  return parsed;
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
  // 'coop' and 'social' cannot overlap a leading 'ccnl', so the whole key is searched as it is.
  if (keyIncludes(text, 'coop') && keyIncludes(text, 'social')) return 'cooperative-sociali';
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
  return isUpperAlnum(text) && !text.startsWith('LIV') ? text : normaliseLevelPlain(text);
}

/** The reading of every level cell (the reference normaliseLevel's common case is checked against). */
export function normaliseLevelPlain(text: string): string {
  return text
    .toUpperCase()
    .replace(/^\s*LIV(?:ELLO|\.)?\s*/, '')
    .replace(/[\s.-]/g, '');
}

export type { AgreementIndex };
