// Rows of a table that are not expenses (DOMAIN.md §7 "Rows and sheets that are not expenses"):
// blank rows, totals and subtotals, sub-headings, footers under the table, template rows whose
// formulas show only 0 or empty text. Such rows are skipped and never produce a row finding; a
// skipped row that holds an amount is listed in the sheet's M04 info. A row holding a tax code,
// a supplier id, an invoice number or a number typed (not computed) in an hours, rate or amount
// cell is always an expense: its gaps are findings.
import { FIELDS } from './fields';
import { normaliseLabel } from './header-match';
import { isBlankText } from '../core/text-key';
import { isExcelError } from '../core/excel-error';

export type RowKind = 'expense' | 'blank' | 'total' | 'subheading' | 'footer' | 'template';

export interface RowClass {
  kind: RowKind;
  /** The row has something in an amount, hours or rate cell (for the M04 list). */
  holdsAmount: boolean;
}

/** Fields that identify an expense whatever else the row holds. */
const IDENTITY_FIELDS: ReadonlySet<string> = new Set(['taxCode', 'supplierId', 'invoiceNumber']);

/** Amount, hours and rate cells of every category (the number cells of the templates). */
const NUMBER_FIELDS: ReadonlySet<string> = new Set(
  Object.values(FIELDS).flatMap((defs) =>
    defs.filter((d) => d.kind === 'amount' || d.kind === 'quantity').map((d) => d.key),
  ),
);

/**
 * Fields a template row may carry prefilled without being an expense: the programme and action a
 * sheet is for, and the closed lists a partner drags down the rows before filling them (one CCNL
 * and one kind of contract for all, payment by bank transfer). None says who, what or how much:
 * a row holding only these has nothing to report.
 */
const PREFILLED_FIELDS: ReadonlySet<string> = new Set(
  ['programme', 'action', 'category', 'rowId', 'documents']
    .concat(['employment', 'ccnl', 'level', 'role', 'expenseType', 'paymentMethod', 'cupOnInvoice'])
    .concat(['resourceType', 'allocationKey']),
);

/**
 * Headers of a row-number column ("N.", "N°", "Nr.", "#", "Progressivo"): templates come numbered
 * 1…50 down the first column, typed or by a formula (=RIGA()-4), ahead of the rows filled in. A
 * row number says nothing about the row: an empty numbered template row is a template row.
 */
const NUMBERING_KEYS: ReadonlySet<string> = new Set(
  ['n', 'nr', 'no', 'num', 'numero', 'prog', 'progr', 'progressivo', 'nprog', 'nprogr', 'nprogressivo'].concat([
    'numeroprogressivo',
    'riga',
    'nriga',
    'numeroriga',
    'nord',
    'nordine',
    'numeroordine',
  ]),
);

/** Whether an unmapped header labels a row-number column (above). */
export function isNumberingHeader(label: string): boolean {
  const text = label.trim();
  // '#' has no letter or digit left once normalised ('N°' is 'n').
  return text === '#' || NUMBERING_KEYS.has(normaliseLabel(text));
}

/** SUM/SUBTOTAL (also AGGREGATE, and Excel's future-function prefix): the formulas of totals rows. */
const TOTAL_FORMULA = /^\s*(?:_xlfn\.)?(?:SUM|SUBTOTAL|AGGREGATE)\s*\(/i;
const TOTAL_LABELS = ['totale', 'totali', 'subtotale', 'subtotali', 'sottototale', 'sommatotale', 'totalegenerale'];
/**
 * "Tot.", "Tot. parziale": the abbreviation as a whole label ("Totem" is no total); the running
 * total a ledger carries from one page to the next ("Riporto", "A riportare"), as a whole label too.
 */
const TOTAL_KEYS: ReadonlySet<string> = new Set(
  ['tot', 'totparziale', 'totgenerale', 'totcomplessivo', 'subtot']
    .concat(['riporto', 'riporti', 'ariportare', 'dariportare', 'riportodapaginaprecedente'])
    .concat(['riportopaginaprecedente', 'riportodalfoglioprecedente', 'riportodameseprecedente']),
);
const FOOTER_WORDS = ['legalerappresentante', 'rappresentantelegale', 'firma', 'timbro', 'luogoedata'];
/** The signatory's title under the table ("Il Presidente", "La coordinatrice"), as the whole cell. */
const SIGNATORY_KEYS: ReadonlySet<string> = new Set(
  ['presidente', 'direttore', 'direttrice', 'coordinatore', 'coordinatrice', 'responsabile', 'tesoriere']
    .concat(['tesoriera', 'revisore', 'segretario', 'segretaria', 'amministratore', 'amministratrice'])
    .flatMap((title) => [title, `il${title}`, `la${title}`, `l${title}`]),
);
const FOOTER_KEYS: ReadonlySet<string> = new Set(['luogo', 'data', 'luogodata', 'li']);
/** "Crema, 15/03/2026", "Crema lì 15.03.2026", "Luogo e data: …". */
const PLACE_AND_DATE = /^[\p{L}' .-]{2,40},?\s*(?:l[iì]\s*,?\s*)?\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\.?$/u;
const PLACE_COMMA = /^[\p{L}' .-]{2,40},\s*(?:l[iì])?\s*$/u;

export interface RowCells {
  /** Values of the row, column 0 = A. */
  cells: readonly unknown[];
  /** Formula text per column (undefined where a value is typed); absent when the source has none. */
  formulas?: readonly (string | undefined)[];
}

/** Mapped field → 0-based column index. */
export type ColumnIndexes = Readonly<Record<string, number>>;

/**
 * A table's columns laid out for classifyRow: the column indexes of each kind of field, computed
 * once per table instead of once per row.
 */
export class RowShape {
  /** Columns of every mapped field but the row id. */
  readonly content: readonly number[];
  readonly identity: readonly number[];
  readonly numbers: readonly number[];
  readonly fieldAt: ReadonlyMap<number, string>;
  /**
   * @param numbering unmapped row-number columns (isNumberingHeader), left out of the row's
   * shape: a numbered empty row is blank, a numbered template row a template row.
   */
  constructor(
    readonly columns: ColumnIndexes,
    readonly numbering: ReadonlySet<number> = new Set(),
  ) {
    const entries = Object.entries(columns);
    this.content = entries.filter(([field]) => field !== 'rowId').map(([, index]) => index);
    this.identity = entries.filter(([field]) => IDENTITY_FIELDS.has(field)).map(([, index]) => index);
    this.numbers = entries.filter(([field]) => NUMBER_FIELDS.has(field)).map(([, index]) => index);
    this.fieldAt = new Map(entries.map(([field, index]) => [index, field]));
  }
}

/** Nothing in the cell, as the rules read it: empty, spaces, or a placeholder such as '-' or 'n.a.'. */
function isEmpty(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && isBlankText(cell));
}

function isTotalLabel(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const key = normaliseLabel(cell);
  return TOTAL_KEYS.has(key) || TOTAL_LABELS.some((label) => key.startsWith(label));
}

function isFooterText(cell: unknown): boolean {
  if (typeof cell !== 'string') return false;
  const text = cell.trim();
  if (PLACE_AND_DATE.test(text) || PLACE_COMMA.test(text)) return true;
  const key = normaliseLabel(text);
  return FOOTER_KEYS.has(key) || SIGNATORY_KEYS.has(key) || FOOTER_WORDS.some((word) => key.includes(word));
}

/** A number-like cell: an Excel number, or text that reads as a number ("€ 1.234,56"). */
function isNumberLike(cell: unknown): boolean {
  if (typeof cell === 'number') return Number.isFinite(cell);
  if (typeof cell !== 'string') return false;
  return /^[-+]?\s*(?:€|EUR)?\s*[-+]?\d[\d.,\s\u00a0]*(?:€)?$/i.test(cell.trim());
}

/** Cached value of a formula that shows nothing: 0, empty text or nothing at all. */
function showsNothing(cell: unknown): boolean {
  return isEmpty(cell) || cell === 0 || cell === '0';
}

/**
 * What a template row's formulas show while their inputs are empty: nothing, or an error of the
 * formula for want of input (a rate looked up by an empty level: =CERCA.VERT(G5;…) shows #N/D).
 */
function showsNoFigure(cell: unknown): boolean {
  return showsNothing(cell) || isExcelError(cell);
}

/**
 * What a row of a table is. `columns` are the table's mapped fields; cells outside them count too
 * for labels ("Totale" in any cell) and for the shape of sub-headings and footers.
 *
 * `knowsFormulas` says whether the source tells formula cells from typed ones (an .xlsx file does;
 * values read from Excel without formulas do not). Without it a number cannot be known to be
 * typed, so a "Totale" row whose other mapped cells are all numbers or empty is a total, as before.
 */
export function classifyRow(row: RowCells, table: ColumnIndexes | RowShape, knowsFormulas: boolean): RowClass {
  const shape = table instanceof RowShape ? table : new RowShape(table);
  const columns = shape.columns;
  const { cells, formulas } = row;
  let holdsAmount = false;
  let typedNumber = false;
  let identity = false;
  let totalFormula = false;
  let mappedContent = false;
  // Indexed loops: this runs for every row of every table, often in a process still cold.
  for (let i = 0; i < shape.content.length; i++) {
    const index = shape.content[i];
    if ((formulas !== undefined && formulas[index] !== undefined) || !isEmpty(cells[index])) {
      mappedContent = true;
      break;
    }
  }
  for (let i = 0; i < shape.identity.length; i++) if (!isEmpty(cells[shape.identity[i]])) identity = true;
  for (let i = 0; i < shape.numbers.length; i++) {
    const index = shape.numbers[i];
    const cell = cells[index];
    const formula = formulas?.[index];
    if (formula !== undefined) {
      if (TOTAL_FORMULA.test(formula)) totalFormula = true;
      if (!showsNothing(cell)) holdsAmount = true;
    } else if (!isEmpty(cell)) {
      holdsAmount = true;
      if (isNumberLike(cell)) typedNumber = true;
    }
  }
  // Nothing in the table's own columns (notes beside the table do not make a row).
  if (!mappedContent) return { kind: 'blank', holdsAmount: false };
  if (identity || (typedNumber && knowsFormulas)) return { kind: 'expense', holdsAmount };
  if (typedNumber) {
    return isValuesOnlyTotal(cells, columns) ? { kind: 'total', holdsAmount } : { kind: 'expense', holdsAmount };
  }

  // Shape of the whole row (every column, mapped or not).
  let filled = 0;
  let texts = 0;
  let totalLabel = false;
  let footer = false;
  let formulaCells = 0;
  let formulasShowingNothing = 0;
  let otherFilled = 0;
  let numbers = 0;
  let footerShaped = true;
  const mapped = shape.fieldAt;
  const width = Math.max(cells.length, formulas?.length ?? 0);
  const numbering = shape.numbering;
  for (let c = 0; c < width; c++) {
    if (numbering.size > 0 && numbering.has(c)) continue;
    const cell = cells[c];
    const formula = formulas?.[c];
    // The table's own formulas: a check or helper column beside it (=SE(J5=H5*I5;"OK";"ERRORE"),
    // =TESTO(F5;"mmmm")) shows something on every row, filled or not, and says nothing of the row.
    if (formula !== undefined) {
      if (TOTAL_FORMULA.test(formula)) totalFormula = true;
      if (mapped.has(c)) {
        formulaCells++;
        if (showsNoFigure(cell)) formulasShowingNothing++;
      }
    }
    if (isEmpty(cell)) continue;
    filled++;
    if (typeof cell === 'string') {
      texts++;
      if (isTotalLabel(cell)) totalLabel = true;
      if (isFooterText(cell)) footer = true;
    } else if (typeof cell === 'number') {
      numbers++;
      footerShaped = false;
    }
    if (formula === undefined) {
      const field = mapped.get(c);
      if (field === undefined || !PREFILLED_FIELDS.has(field)) otherFilled++;
    }
  }

  if (filled === 0 && formulaCells === 0) return { kind: 'blank', holdsAmount: false };
  if (totalLabel || totalFormula) return { kind: 'total', holdsAmount };
  // Only prefilled cells, and formulas showing no figure (an error for want of input is none):
  // not listed in M04.
  if (filled + formulaCells > 0 && formulasShowingNothing === formulaCells && otherFilled === 0) {
    return { kind: 'template', holdsAmount: false };
  }
  if (filled === 0) return { kind: 'blank', holdsAmount: false };
  if (footer && footerShaped && numbers === 0) return { kind: 'footer', holdsAmount };
  if (filled === 1 && texts === 1 && !holdsAmount) return { kind: 'subheading', holdsAmount };
  return { kind: 'expense', holdsAmount };
}

/** Values only: a "Totale" cell, and every other mapped cell empty, a number or a total label. */
function isValuesOnlyTotal(cells: readonly unknown[], columns: ColumnIndexes): boolean {
  if (!cells.some(isTotalLabel)) return false;
  for (const field in columns) {
    const cell = cells[columns[field]];
    if (!(isEmpty(cell) || typeof cell === 'number' || isTotalLabel(cell))) return false;
  }
  return true;
}
