// Finding the partner's tables in their own workbook (DOMAIN.md §7): header row within the first
// 20 rows, columns by label or synonym in any order, category by distinctive headers, BENI vs
// SERV by a `Categoria` column or the sheet name. Shared by the CLI and the task pane: pure, no I/O.
import type { Category } from '../agreement/agreement';
import { REQUIRED, VOLUNTEER_REQUIRED, fieldDef } from './fields';
import { columnIndex, columnLetter, type Finding } from '../findings/findings';
import {
  FAMILIES,
  bestMatch,
  cellLabel,
  familyFields,
  familyOf,
  isHeaderCandidate,
  matchHeader,
  normaliseLabel,
  type HeaderFamily,
  type HeaderMatch,
} from './header-match';
import type { RowInput } from '../rows/rows';

export { normaliseLabel } from './header-match';

/** Values row-major: rows[0] is Excel row 1, column 0 is column A. */
export interface SheetGrid {
  name: string;
  rows: unknown[][];
}

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
  /** 1-based Excel row of the header; 0 when none was found (M01). */
  headerRow: number;
  /** Canonical field → column letter. */
  columns: Record<string, string>;
  /** Canonical field → 0-based column index. */
  columnIndexes: Record<string, number>;
  /** Header cells that name no canonical field: kept untouched. */
  unmatchedHeaders: { column: string; label: string }[];
  /** Required fields with no column (each also an M02 finding). */
  missingRequired: string[];
  /** M01 no header (warning), M02 missing required column (error), M03 category undecidable (error). */
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
// consulenze, incarichi), so singulars and plurals both match.
const GOODS_STEMS = ['beni', 'bene', 'acquist', 'material', 'consum'];
const SERVICES_STEMS = ['serviz', 'prestazion', 'consulen', 'incaric'];

function classifyGoodsOrServices(text: string, allowCodes: boolean): 'BENI' | 'SERV' | null {
  const key = normaliseLabel(text);
  if (key === '') return null;
  if (allowCodes && key === 'serv') return 'SERV';
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
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isEmptyGrid(grid: SheetGrid): boolean {
  return grid.rows.every((row) => !row || row.every(isEmptyCell));
}

function finding(
  code: 'M01' | 'M02' | 'M03',
  severity: 'error' | 'warning',
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

function chooseHeader(grid: SheetGrid, override: TableOverride | undefined): HeaderChoice | null {
  const families = override?.category ? [familyOf(override.category)] : FAMILIES;
  if (override?.headerRow) {
    const index = override.headerRow - 1;
    const cells = grid.rows[index] ?? [];
    const match = families.length === 1 ? matchHeader(cells, families[0]) : bestMatch(cells);
    return { row: index, match };
  }
  // Best-scoring header candidate of any family in the first rows; the earliest wins a tie.
  let best: HeaderChoice | null = null;
  const limit = Math.min(HEADER_SEARCH_ROWS, grid.rows.length);
  for (let r = 0; r < limit; r += 1) {
    const cells = grid.rows[r] ?? [];
    for (const family of families) {
      const match = matchHeader(cells, family);
      if (isHeaderCandidate(match) && (!best || match.score > best.match.score)) best = { row: r, match };
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

function noHeaderTable(sheet: string): MappedTable {
  return {
    sheet,
    category: null,
    categorySource: null,
    headerRow: 0,
    columns: {},
    columnIndexes: {},
    unmatchedHeaders: [],
    missingRequired: [],
    findings: [finding('M01', 'warning', sheet, null, null, null, MESSAGES.M01(sheet))],
  };
}

function mapSheet(grid: SheetGrid, override: TableOverride | undefined): MappedTable {
  const choice = chooseHeader(grid, override);
  if (!choice) return noHeaderTable(grid.name);
  const headerCells = grid.rows[choice.row] ?? [];
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
  headerCells.forEach((cell, index) => {
    const label = cellLabel(cell);
    if (label !== '' && !mappedIndexes.has(index)) unmatchedHeaders.push({ column: columnLetter(index + 1), label });
  });

  const fieldsCategory = category ?? familyFields(family);
  const required = [...REQUIRED[fieldsCategory]];
  if (fieldsCategory === 'COFIN' && hasVolunteerRows(grid, headerRow, fields.get('resourceType'))) {
    required.push(...VOLUNTEER_REQUIRED);
  }
  const missingRequired = required.filter((key) => !fields.has(key));

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
  return {
    sheet: grid.name,
    category,
    categorySource: source,
    headerRow,
    columns,
    columnIndexes,
    unmatchedHeaders,
    missingRequired,
    findings,
  };
}

/**
 * One table per non-empty sheet. A sheet without a recognisable header gives a table with
 * headerRow 0 and an M01 warning (the sheet is not read); empty sheets give nothing.
 */
export function detectTables(sheets: SheetGrid[], overrides: MappingOverrides = {}): MappedTable[] {
  return sheets.filter((grid) => !isEmptyGrid(grid)).map((grid) => mapSheet(grid, overrides[grid.name]));
}

/** A table whose rows can be read: a header was found and the category is decided (or per row). */
export function isReadableTable(table: MappedTable): boolean {
  return table.headerRow > 0 && (table.category !== null || table.categorySource === 'column');
}

const TOTALS_LABEL = /^total[ei]/;

/**
 * A "Totale" line under the data: some cell starts with "Totale"/"Totali" and every other mapped
 * cell is empty or a number (a real row has text: a name, a supplier, a programme…).
 */
function isTotalsRow(cells: readonly unknown[], table: MappedTable): boolean {
  const isTotalLabel = (cell: unknown) => typeof cell === 'string' && TOTALS_LABEL.test(normaliseLabel(cell));
  if (!cells.some(isTotalLabel)) return false;
  return Object.values(table.columnIndexes).every((index) => {
    const cell = cells[index];
    return isEmptyCell(cell) || typeof cell === 'number' || isTotalLabel(cell);
  });
}

export interface TableRead {
  rows: RowInput[];
  /** M03 per row when a `Categoria` cell says neither BENI nor SERV and the sheet name does not help. */
  findings: Finding[];
}

/** Rows of a table plus the row-level mapping findings. */
export function readTable(table: MappedTable, grid: SheetGrid): TableRead {
  const rows: RowInput[] = [];
  const findings: Finding[] = [];
  if (!isReadableTable(table)) return { rows, findings };
  const entries = Object.entries(table.columnIndexes).filter(([field]) => field !== 'category');
  const categoryIndex = table.categorySource === 'column' ? table.columnIndexes.category : undefined;

  for (let r = table.headerRow; r < grid.rows.length; r += 1) {
    const cells = grid.rows[r] ?? [];
    const excelRow = r + 1;
    if (entries.every(([field, index]) => field === 'rowId' || isEmptyCell(cells[index]))) continue;
    if (isTotalsRow(cells, table)) continue;

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
    for (const [field, index] of entries) {
      if (field === 'rowId') continue;
      const cell = cells[index];
      if (isEmptyCell(cell)) continue;
      row[field] = typeof cell === 'string' ? cell.trim() : cell;
    }
    rows.push(row);
  }
  return { rows, findings };
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
