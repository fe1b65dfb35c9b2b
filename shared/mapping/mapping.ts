// Finding the partner's tables in their own workbook (DOMAIN.md §7): header row within the first
// 20 rows, columns by label or synonym in any order, category by distinctive headers, BENI vs
// SERV by a `Categoria` column or the sheet name. Shared by the CLI and the task pane: pure, no I/O.
import { HOURS_FIELDS, hoursCellValue } from './time-cells';
import type { Category } from '../agreement/agreement';
import { REQUIRED, VOLUNTEER_REQUIRED, fieldDef } from './fields';
import { columnIndex, columnLetter, type Finding } from '../findings/findings';
import {
  FAMILIES,
  bestMatch,
  cellLabel,
  familyFields,
  familyOf,
  fullHeaderMatch,
  isFullMatch,
  isHeaderCandidate,
  matchHeader,
  normaliseLabel,
  type HeaderFamily,
  type HeaderMatch,
} from './header-match';
import type { RowInput } from '../rows/rows';
import { classifyRow, isNumberingHeader, RowShape } from './non-expense';
import { renderIt } from '../findings/messages.it';
import { trimmed } from '../core/text-key';

export { normaliseLabel } from './header-match';

/** A merged range, 1-based and inclusive (as the xlsx reader gives it). */
export interface GridMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** Values row-major: rows[0] is Excel row 1, column 0 is column A. */
export interface SheetGrid {
  name: string;
  rows: unknown[][];
  /**
   * Formula text (no '=') of the cells that hold a formula, at the same positions as `rows`
   * (their value is the cached result); absent when the source has no formulas to tell.
   */
  formulas?: readonly (readonly (string | undefined)[] | undefined)[];
  /** Merged ranges: a header cell merged down over the next row makes a two-row header. */
  merges?: readonly GridMerge[];
  /**
   * Number formats at the same positions as `rows`, where a value depends on them (inside Excel,
   * an hours cell formatted [h]:mm holds a day fraction); absent when the source gives none.
   */
  numberFormats?: readonly (readonly (string | undefined)[] | undefined)[];
  /** Hidden and very hidden sheets are not read (M05). Absent: visible. */
  visibility?: SheetVisibility;
}

/**
 * Whether a sheet was taken as a category table (DOMAIN §7): 'table' when its header has every
 * required column or the user mapped it; 'partial' when a header names only some of them (M05,
 * the mapping view offers the unmatched headers); 'hidden' for hidden and very hidden sheets;
 * 'none' when no header was found.
 */
export type TableStatus = 'table' | 'partial' | 'hidden' | 'none';

/** How a table's category was decided. 'column': each row's `Categoria` cell decides (BENI/SERV). */
export type CategorySource = 'override' | 'header' | 'column' | 'sheetName' | null;

export interface MappedTable {
  sheet: string;
  /**
   * null when BENI/SERV cannot be decided (M03: the user must choose), and when no header was
   * found (headerRow 0). With categorySource 'column' it is the fallback for rows whose
   * `Categoria` cell is empty (null when the sheet name does not say either).
   */
  category: Category | null;
  categorySource: CategorySource;
  /** 1-based Excel row of the header (of the partial header for 'partial'); 0 when none was found. */
  headerRow: number;
  /** Last row of the header: the header row itself, or the row below when header cells are merged down. */
  headerLastRow?: number;
  /** Last row of the table when another table's header follows on the sheet (M05); else the sheet's end. */
  lastRow?: number;
  /** Rows inside the table that repeat its header (copied down, or printed on each page): not expenses. */
  repeatedHeaders?: number[];
  status: TableStatus;
  /** Canonical field → column letter. */
  columns: Record<string, string>;
  /** Canonical field → 0-based column index. */
  columnIndexes: Record<string, number>;
  /** Header cells that name no canonical field: kept untouched. */
  unmatchedHeaders: { column: string; label: string }[];
  /** Required fields with no column (each also an M02 finding). */
  missingRequired: string[];
  /**
   * M01 no header on a sheet the user mapped (warning), M02 missing required column of a table
   * (error), M03 category undecidable (error), M05 sheet not taken as a table (info).
   */
  findings: Finding[];
}

/** The user's corrections for one sheet, from the task pane (or tests). */
export interface TableOverride {
  category?: Category;
  /** 1-based Excel row of the header. */
  headerRow?: number;
  /** Canonical field → column letter; null removes a mapping the detection made. */
  columns?: Record<string, string | null>;
}

/** Sheet name → corrections. */
export type MappingOverrides = Record<string, TableOverride>;

export const HEADER_SEARCH_ROWS = 20;

/** Rows whose rowId was not in the workbook carry this flag; the add-in writes a real id there. */
export const ROW_ID_PLACEHOLDER_FLAG = 'rowIdPlaceholder';

const MESSAGES = {
  M01: (sheet: string) =>
    `Foglio «${sheet}»: nessuna riga di intestazione riconosciuta nelle prime ${HEADER_SEARCH_ROWS} righe; il foglio non viene letto.`,
  M02: (sheet: string, header: string, headerRow: number) =>
    `Foglio «${sheet}»: manca la colonna obbligatoria «${header}» (intestazione alla riga ${headerRow}).`,
  M03: (sheet: string) =>
    `Foglio «${sheet}»: non è possibile stabilire se le spese sono beni di consumo (BENI) o servizi (SERV). ` +
    'Aggiungere una colonna «Categoria» oppure rinominare il foglio (per esempio «Beni di consumo» o «Servizi»).',
  M03row: (row: number) =>
    `Riga ${row}: la categoria non è riconosciuta; indicare «Beni» o «Servizi» nella colonna «Categoria».`,
} as const;

// Stems of DOMAIN §7's sheet-name words (beni, acquisti, materiali, consumo / servizi, prestazioni,
// consulenze, incarichi), so singulars and plurals both match; and the names partners also give
// those sheets (forniture, attrezzature / collaborazioni esterne, professionisti).
const GOODS_STEMS = ['beni', 'bene', 'acquist', 'material', 'consum', 'fornitur', 'attrezzatur'];
const SERVICES_STEMS = ['serviz', 'prestazion', 'consulen', 'incaric', 'collaborazion', 'professionist'];

function classifyGoodsOrServices(text: string, allowCodes: boolean): 'BENI' | 'SERV' | null {
  const key = normaliseLabel(text);
  if (key === '') return null;
  // Codes in a Categoria cell: "SERV", and the one-letter "B"/"S" of a drop-down.
  if (allowCodes && (key === 'serv' || key === 's')) return 'SERV';
  if (allowCodes && key === 'b') return 'BENI';
  const goods = GOODS_STEMS.some((s) => key.includes(s));
  const services = SERVICES_STEMS.some((s) => key.includes(s));
  if (goods === services) return null;
  return goods ? 'BENI' : 'SERV';
}

/** BENI or SERV from a sheet name; null when it says neither or both. */
export function categoryFromSheetName(name: string): 'BENI' | 'SERV' | null {
  return classifyGoodsOrServices(name, false);
}

/** BENI or SERV from a `Categoria` cell ("Beni", "SERV", "Servizi professionali"…). */
export function categoryFromCell(cell: unknown): 'BENI' | 'SERV' | null {
  return classifyGoodsOrServices(cellLabel(cell), true);
}

export function isEmptyCell(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && trimmed(cell) === '');
}

function isEmptyGrid(grid: SheetGrid): boolean {
  return grid.rows.every((row) => !row || row.every(isEmptyCell));
}

function finding(
  code: 'M01' | 'M02' | 'M03' | 'M04' | 'M05',
  severity: 'error' | 'warning' | 'info',
  sheet: string,
  row: number | null,
  column: string | null,
  field: string | null,
  message: string,
): Finding {
  return { code, severity, sheet, row, column, field, message };
}

interface HeaderChoice {
  row: number; // 0-based
  match: HeaderMatch;
}

/**
 * Header cells of row `r`, completed by the row below when the header is two rows deep: cells of
 * row r merged down over r+1 keep their label, and a label of r+1 under a cell merged across
 * ("Quota" over "Comune" | "Cofinanziamento") is read with it ("Quota Comune") or alone.
 */
function headerCells(grid: SheetGrid, r: number): { cells: unknown[]; depth: number } {
  const cells = grid.rows[r] ?? [];
  const merges = grid.merges ?? [];
  const excelRow = r + 1;
  if (!merges.some((m) => m.top === excelRow && m.bottom > excelRow)) return { cells, depth: 1 };
  const below = grid.rows[r + 1] ?? [];
  const width = Math.max(cells.length, below.length);
  const out: unknown[] = [];
  for (let c = 0; c < width; c++) {
    const column = c + 1;
    const own = cellLabel(cells[c]);
    const sub = cellLabel(below[c]);
    if (own !== '' && sub === '') out.push(cells[c]);
    else if (sub !== '') {
      const across = merges.find(
        (m) => m.top === excelRow && m.bottom === excelRow && m.left <= column && m.right >= column,
      );
      const parent = across ? cellLabel(cells[across.left - 1]) : own;
      out.push(parent !== '' ? `${parent} ${sub}` : sub);
    } else out.push(null);
  }
  return { cells: out, depth: 2 };
}

interface HeaderChoiceDepth extends HeaderChoice {
  depth: number;
}

function chooseHeader(grid: SheetGrid, override: TableOverride | undefined): HeaderChoiceDepth | null {
  const families = override?.category ? [familyOf(override.category)] : FAMILIES;
  if (override?.headerRow) {
    const index = override.headerRow - 1;
    const { cells, depth } = headerCells(grid, index);
    const match = families.length === 1 ? matchHeader(cells, families[0]) : bestMatch(cells);
    return { row: index, match, depth };
  }
  // A header naming every required column wins over a partial one; the earliest of those (a second
  // one below is another table, see tableEnd); among partial ones the best score, then the earliest.
  let best: HeaderChoiceDepth | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < limit; r += 1) {
    const { cells, depth } = headerCells(grid, r);
    for (const family of families) {
      const match = matchHeader(cells, family);
      if (!isHeaderCandidate(match)) continue;
      const better =
        !best ||
        (isFullMatch(match) && !isFullMatch(best.match)) ||
        (!isFullMatch(match) && !isFullMatch(best.match) && match.score > best.match.score) ||
        (isFullMatch(match) && best.row === r && match.score > best.match.score);
      if (better) best = { row: r, match, depth };
    }
  }
  return best;
}

function applyColumnOverrides(fields: Map<string, number>, columns: TableOverride['columns']): void {
  if (!columns) return;
  for (const [field, letter] of Object.entries(columns)) {
    fields.delete(field);
    if (letter === null) continue;
    const index = columnIndex(letter) - 1;
    if (index < 0) continue;
    // One column holds one field: the user's choice displaces the detected one.
    for (const [other, otherIndex] of fields) if (otherIndex === index) fields.delete(other);
    fields.set(field, index);
  }
}

const VOLUNTEER_WORDS = new Set(['volontariato', 'volontari', 'vol', 'oredivolontariato']);

function hasVolunteerRows(grid: SheetGrid, headerRow: number, resourceTypeIndex: number | undefined): boolean {
  if (resourceTypeIndex === undefined) return false;
  for (let r = headerRow; r < grid.rows.length; r += 1) {
    if (VOLUNTEER_WORDS.has(normaliseLabel(cellLabel(grid.rows[r]?.[resourceTypeIndex])))) return true;
  }
  return false;
}

function decideCategory(
  family: HeaderFamily,
  sheet: string,
  fields: Map<string, number>,
  override: TableOverride | undefined,
): { category: Category | null; source: CategorySource } {
  if (override?.category) return { category: override.category, source: 'override' };
  if (family !== 'INVOICE') return { category: family, source: 'header' };
  const fromName = categoryFromSheetName(sheet);
  if (fields.has('category')) return { category: fromName, source: 'column' };
  if (fromName) return { category: fromName, source: 'sheetName' };
  return { category: null, source: null };
}

function noTable(sheet: string, status: 'hidden' | 'none', finding: Finding): MappedTable {
  return {
    sheet,
    category: null,
    categorySource: null,
    headerRow: 0,
    status,
    columns: {},
    columnIndexes: {},
    unmatchedHeaders: [],
    missingRequired: [],
    findings: [finding],
  };
}

function noHeaderTable(sheet: string, mappedByUser: boolean): MappedTable {
  if (mappedByUser)
    return noTable(sheet, 'none', finding('M01', 'warning', sheet, null, null, null, MESSAGES.M01(sheet)));
  const message = renderIt('M05.none', { foglio: sheet, righe: HEADER_SEARCH_ROWS });
  return noTable(sheet, 'none', finding('M05', 'info', sheet, null, null, null, message));
}

const CATEGORY_NAMES: Readonly<Record<HeaderFamily, string>> = {
  PERS: 'del personale (PERS)',
  INVOICE: 'di fatture (BENI/SERV)',
  GEN: 'di spese generali (GEN)',
  COFIN: 'di cofinanziamento (COFIN)',
};

function mapSheet(grid: SheetGrid, override: TableOverride | undefined): MappedTable {
  if (grid.visibility === 'hidden' || grid.visibility === 'veryHidden') {
    const message = renderIt(grid.visibility === 'hidden' ? 'M05.hidden' : 'M05.veryHidden', { foglio: grid.name });
    return noTable(grid.name, 'hidden', finding('M05', 'info', grid.name, null, null, null, message));
  }
  const mappedByUser = override !== undefined && Object.keys(override).length > 0;
  const choice = chooseHeader(grid, override);
  if (!choice) return noHeaderTable(grid.name, mappedByUser);
  const headerLabels = choice.depth > 1 ? headerCells(grid, choice.row).cells : (grid.rows[choice.row] ?? []);
  const headerRow = choice.row + 1;
  const family = choice.match.family;
  const fields = new Map(choice.match.fields);
  applyColumnOverrides(fields, override?.columns);

  const { category, source } = decideCategory(family, grid.name, fields, override);
  const columns: Record<string, string> = {};
  const columnIndexes: Record<string, number> = {};
  for (const [field, index] of [...fields].sort((a, b) => a[1] - b[1])) {
    columns[field] = columnLetter(index + 1);
    columnIndexes[field] = index;
  }
  const mappedIndexes = new Set(fields.values());
  const unmatchedHeaders: { column: string; label: string }[] = [];
  headerLabels.forEach((cell, index) => {
    const label = cellLabel(cell);
    if (label !== '' && !mappedIndexes.has(index)) unmatchedHeaders.push({ column: columnLetter(index + 1), label });
  });

  const fieldsCategory = category ?? familyFields(family);
  const required = [...REQUIRED[fieldsCategory]];
  if (fieldsCategory === 'COFIN' && hasVolunteerRows(grid, headerRow, fields.get('resourceType'))) {
    required.push(...VOLUNTEER_REQUIRED);
  }
  const missingRequired = required.filter((key) => !fields.has(key));
  const baseMissing = REQUIRED[fieldsCategory].filter((key) => !fields.has(key));
  const status: TableStatus = mappedByUser || baseMissing.length === 0 ? 'table' : 'partial';

  const mapped: Omit<MappedTable, 'findings'> = {
    sheet: grid.name,
    category,
    categorySource: source,
    headerRow,
    headerLastRow: headerRow + choice.depth - 1,
    status,
    columns,
    columnIndexes,
    unmatchedHeaders,
    missingRequired,
  };
  if (status === 'partial') {
    const names = baseMissing.map((key) => `«${fieldDef(fieldsCategory, key)?.header ?? key}»`);
    const message = renderIt('M05.partial', {
      foglio: grid.name,
      categoria: CATEGORY_NAMES[family],
      riga: headerRow,
      mancanti: names.length === 1 ? `la colonna ${names[0]}` : `le colonne ${names.join(', ')}`,
    });
    return { ...mapped, findings: [finding('M05', 'info', grid.name, headerRow, null, null, message)] };
  }

  const end = tableEnd(grid, headerRow + choice.depth - 1, fields);
  if (end.lastRow !== undefined) mapped.lastRow = end.lastRow;
  if (end.repeatedHeaders.length > 0) mapped.repeatedHeaders = end.repeatedHeaders;
  const findings: Finding[] = missingRequired.map((key) =>
    finding(
      'M02',
      'error',
      grid.name,
      headerRow,
      null,
      key,
      MESSAGES.M02(grid.name, fieldDef(fieldsCategory, key)?.header ?? key, headerRow),
    ),
  );
  if (category === null && source === null) {
    findings.push(finding('M03', 'error', grid.name, headerRow, null, null, MESSAGES.M03(grid.name)));
  }
  if (end.next) {
    const message = renderIt('M05.nextTable', {
      foglio: grid.name,
      riga: end.next.row,
      categoria: CATEGORY_NAMES[end.next.family],
      ultima: end.next.row - 1,
    });
    findings.push(finding('M05', 'info', grid.name, end.next.row, null, null, message));
  }
  return { ...mapped, findings };
}

interface TableEnd {
  lastRow?: number;
  repeatedHeaders: number[];
  /** The header that ends the table (1-based row) and its family. */
  next?: { row: number; family: HeaderFamily };
}

/**
 * Where a table ends on its sheet (DOMAIN §7: one table per sheet): at a row below its header that
 * names every required column of a category. The same header again (same columns) is a repeated
 * header, skipped; any other ends the table, so the rows of a second table are never read as the
 * first one's expenses (they are named in an M05 info instead).
 */
function tableEnd(grid: SheetGrid, headerLastRow: number, fields: ReadonlyMap<string, number>): TableEnd {
  const repeatedHeaders: number[] = [];
  for (let r = headerLastRow; r < grid.rows.length; r++) {
    const match = fullHeaderMatch(grid.rows[r] ?? []);
    if (!match) continue;
    if (sameColumns(match.fields, fields)) repeatedHeaders.push(r + 1);
    else return { lastRow: r, repeatedHeaders, next: { row: r + 1, family: match.family } };
  }
  return { repeatedHeaders };
}

function sameColumns(found: ReadonlyMap<string, number>, table: ReadonlyMap<string, number>): boolean {
  for (const [field, index] of found) if (table.get(field) !== index) return false;
  return true;
}

/**
 * One table per non-empty sheet (DOMAIN §7). A sheet is read as a category table when its header
 * names every required column of a category or the user mapped it; a partial header, a sheet with
 * no header and a hidden sheet give one M05 info and are not read (M01 when the user mapped a
 * sheet that has no header). Empty sheets give nothing.
 */
export function detectTables(sheets: SheetGrid[], overrides: MappingOverrides = {}): MappedTable[] {
  return sheets.filter((grid) => !isEmptyGrid(grid)).map((grid) => mapSheet(grid, overrides[grid.name]));
}

/** A table whose rows can be read: a header was found and the category is decided (or per row). */
export function isReadableTable(table: MappedTable): boolean {
  return (
    (table.status ?? 'table') === 'table' &&
    table.headerRow > 0 &&
    (table.category !== null || table.categorySource === 'column')
  );
}

export interface TableRead {
  rows: RowInput[];
  /**
   * M03 per row when a `Categoria` cell says neither BENI nor SERV and the sheet name does not help;
   * one M04 info listing the skipped non-expense rows that hold an amount.
   */
  findings: Finding[];
  /** Excel rows skipped as non-expense rows that hold an amount (the M04 list). */
  skippedWithAmount: number[];
}

/** The sheet's M04 info for the given skipped rows, or null when there are none. */
export function skippedRowsFinding(sheet: string, rows: readonly number[]): Finding | null {
  if (rows.length === 0) return null;
  const message = renderIt('M04.skipped', { foglio: sheet, righe: rows.join(', ') });
  return finding('M04', 'info', sheet, null, null, null, message);
}

/** The table's unmapped row-number columns ("N.", "#", "Progressivo"), as 0-based indexes. */
function numberingColumns(table: MappedTable): Set<number> {
  const out = new Set<number>();
  for (const header of table.unmatchedHeaders) {
    if (isNumberingHeader(header.label)) out.add(columnIndex(header.column) - 1);
  }
  return out;
}

/**
 * Rows of a table plus the row-level mapping findings; with `only` (Excel rows, inclusive), just
 * those rows (an edit re-read), classified and filled from merges exactly as in the whole read.
 */
export function readTable(table: MappedTable, grid: SheetGrid, only?: { first: number; last: number }): TableRead {
  const rows: RowInput[] = [];
  const findings: Finding[] = [];
  const skippedWithAmount: number[] = [];
  if (!isReadableTable(table)) return { rows, findings, skippedWithAmount };
  // Fields and their columns as two plain arrays: a destructuring for-of per cell costs an
  // iterator on every row, which is most of this loop's time on a 10,000-row sheet.
  const fields: string[] = [];
  const indexes: number[] = [];
  for (const field in table.columnIndexes) {
    if (field === 'category' || field === 'rowId') continue;
    fields.push(field);
    indexes.push(table.columnIndexes[field]);
  }
  // Hours cells: a time typed as 37:30 is read as the hours it shows (time-cells.ts).
  const isHours = fields.map((field) => HOURS_FIELDS.includes(field));
  const numberFormats = grid.numberFormats;
  const categoryIndex = table.categorySource === 'column' ? table.columnIndexes.category : undefined;
  const formulas = grid.formulas;
  const shape = new RowShape(table.columnIndexes, numberingColumns(table));
  const firstDataRow = table.headerLastRow ?? table.headerRow;
  const start = only ? Math.max(firstDataRow, only.first - 1) : firstDataRow;
  const last = Math.min(grid.rows.length, table.lastRow ?? grid.rows.length);
  const end = only ? Math.min(last, only.last) : last;
  const repeated = table.repeatedHeaders ?? [];
  const mergedDown = valuesMergedDown(grid, firstDataRow, start, end);

  for (let r = start; r < end; r += 1) {
    const cells = grid.rows[r] ?? [];
    const excelRow = r + 1;
    if (repeated.length > 0 && repeated.includes(excelRow)) continue;
    const kind = classifyRow({ cells, formulas: formulas?.[r] }, shape, formulas !== undefined);
    if (kind.kind !== 'expense') {
      if (kind.holdsAmount) skippedWithAmount.push(excelRow);
      continue;
    }

    let category = table.category;
    if (categoryIndex !== undefined) category = categoryFromCell(cells[categoryIndex]) ?? table.category;
    if (category === null) {
      const column = categoryIndex === undefined ? null : columnLetter(categoryIndex + 1);
      findings.push(finding('M03', 'error', table.sheet, excelRow, column, 'category', MESSAGES.M03row(excelRow)));
      continue;
    }

    const idCell = table.columnIndexes.rowId === undefined ? undefined : cells[table.columnIndexes.rowId];
    const hasId = !isEmptyCell(idCell);
    const row: RowInput = {
      rowId: hasId ? String(idCell).trim() : `${table.sheet}!${excelRow}`,
      category,
      sheet: table.sheet,
      row: excelRow,
      columns: table.columns,
    };
    if (!hasId) row[ROW_ID_PLACEHOLDER_FLAG] = true;
    for (let i = 0; i < fields.length; i++) {
      let cell = cells[indexes[i]];
      if (mergedDown !== null && isEmptyCell(cell)) cell = mergedDown.get(r * MERGE_KEY_ROW + indexes[i]);
      if (isEmptyCell(cell)) continue;
      if (isHours[i]) cell = hoursCellValue(cell, numberFormats?.[r]?.[indexes[i]]);
      row[fields[i]] = typeof cell === 'string' ? trimmed(cell) : cell;
    }
    rows.push(row);
  }
  const skipped = skippedRowsFinding(table.sheet, skippedWithAmount);
  if (skipped) findings.push(skipped);
  return { rows, findings, skippedWithAmount };
}

/** Row index × MERGE_KEY_ROW + column index: one number per cell (Excel has 16,384 columns). */
const MERGE_KEY_ROW = 16_384;
/** Cells a sheet's merges may fill per row (see valuesMergedDown). */
const MERGE_FILL_PER_ROW = 32;

/**
 * Cells of the data rows that a merge reaching down from a row above covers, in the merge's first
 * column, with the value Excel shows there: the merge's top cell (a person's name and tax code
 * merged over the rows of their months). Only what is below `firstDataRow`; merges across a single
 * row (sub-headings) fill nothing. The row is still classified on its own cells (a blank row under
 * a merged name stays blank). Only 0-based rows start … end - 1 are filled. null when the sheet
 * has no such merge.
 */
function valuesMergedDown(
  grid: SheetGrid,
  firstDataRow: number,
  start: number,
  end: number,
): Map<number, unknown> | null {
  let out: Map<number, unknown> | null = null;
  // Bounded work whatever the file lists: real merges cover a few columns of each row, and
  // overlapping merges (which Excel never writes) cannot multiply it.
  let budget = (end - start) * MERGE_FILL_PER_ROW;
  for (const m of grid.merges ?? []) {
    // Only merges reaching a row read (0-based rows start … end - 1, below the merge's top).
    if (m.bottom <= m.top || m.top - 1 < firstDataRow || m.bottom <= start || m.top >= end) continue;
    const value = grid.rows[m.top - 1]?.[m.left - 1];
    if (isEmptyCell(value)) continue;
    // A merge listed beyond the last row fills nothing there.
    const last = Math.min(m.bottom, end);
    for (let row = Math.max(m.top, start); row < last && budget > 0; row++, budget--)
      (out ??= new Map()).set(row * MERGE_KEY_ROW + (m.left - 1), value);
  }
  return out;
}

/**
 * One RowInput per non-empty data row (cells untouched but trimmed; empty cells absent). rowId
 * comes from the `ID riga` column, else `${sheet}!${row}` with `rowIdPlaceholder: true`.
 */
export function rowsFromTable(table: MappedTable, grid: SheetGrid): RowInput[] {
  return readTable(table, grid).rows;
}

/** Whether a row's id is the placeholder made by rowsFromTable (the add-in replaces it). */
export function hasPlaceholderRowId(row: RowInput): boolean {
  return row[ROW_ID_PLACEHOLDER_FLAG] === true;
}
