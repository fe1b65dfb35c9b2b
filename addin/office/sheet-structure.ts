// What Excel's values alone do not say and DOMAIN §7 needs: which cells are formulas (a SUM total,
// a template row whose formulas show 0) and which cells are merged (a two-row header, a person's
// name merged down over the rows of their months). Read for every sheet of the workbook in two
// round trips at most: the positions of the formula cells and of the merges (the active sheet's
// travel with the sheet listing), then the formula texts.
import { cellAddress } from '../port/a1';

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Formula texts (no '='; rows[0] is Excel row 1, column 0 is A) and merges (1-based) of a sheet. */
export interface SheetStructure {
  formulas: (string | undefined)[][];
  /** Absent where the host cannot list merged areas (below ExcelApi 1.13). */
  merges?: MergedArea[];
}

/** A rectangle as Excel gives it: 0-based first row and column, and its size. */
export interface Area {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/** Where a sheet's formula cells and merges are (numbers only: no text yet). */
export interface SheetPositions {
  formulaAreas: Area[];
  /** Absent where the host cannot list merged areas (below ExcelApi 1.13). */
  merges?: MergedArea[];
}

/** The two lookups of a sheet, queued in a batch (read after its sync with positionsOf). */
export interface QueuedPositions {
  formulas: Excel.RangeAreas;
  merges: Excel.RangeAreas | null;
  /** The cells that hold a value: formulas outside them show nothing and are not read. */
  used: Excel.Range;
}

/**
 * Queues where the formula cells and merges of `worksheet` are. Both lookups start from the whole
 * sheet: special cells are searched in the used range, and merged areas are returned only when
 * their top-left cell is inside the range asked (office-js #3611), so a smaller range could miss
 * some. `mergedAreas`: Range.getMergedAreasOrNullObject is there (ExcelApi 1.13).
 */
export function queuePositions(worksheet: Excel.Worksheet, mergedAreas: boolean): QueuedPositions {
  const whole = worksheet.getRange();
  const formulas = whole.getSpecialCellsOrNullObject('Formulas');
  formulas.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
  const merges = mergedAreas ? whole.getMergedAreasOrNullObject() : null;
  merges?.areas.load('items/rowIndex,items/columnIndex,items/rowCount,items/columnCount');
  const used = worksheet.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return { formulas, merges, used };
}

/**
 * After the sync: plain numbers, usable in a later batch. Formula areas are cut to the cells that
 * hold a value (formulas filled down a whole column show nothing below the data: those rows are
 * blank whatever their formulas, and a million of them would cost megabytes of texts).
 */
export function positionsOf(queued: QueuedPositions): SheetPositions {
  const used = queued.used.isNullObject ? null : queued.used;
  const areas = queued.formulas.isNullObject || !used ? [] : areasOf(queued.formulas);
  const out: SheetPositions = { formulaAreas: used ? clipped(areas, used) : [] };
  if (queued.merges) out.merges = queued.merges.isNullObject ? [] : areasOf(queued.merges).map(toMerge);
  return out;
}

/** Positions of several sheets in one round trip. */
export async function readPositions(
  context: Excel.RequestContext,
  sheets: readonly { name: string; worksheet: Excel.Worksheet }[],
  mergedAreas: boolean,
): Promise<Map<string, SheetPositions>> {
  const queued = sheets.map(({ name, worksheet }) => ({ name, queued: queuePositions(worksheet, mergedAreas) }));
  await context.sync();
  return new Map(queued.map(({ name, queued }) => [name, positionsOf(queued)]));
}

/**
 * The structure of each sheet from its positions: the formula texts are read in round trips of
 * at most `cellsPerTrip` cells (none when no sheet has a formula).
 */
export async function readStructures(
  context: Excel.RequestContext,
  sheets: readonly { name: string; worksheet: Excel.Worksheet; positions: SheetPositions }[],
  cellsPerTrip: number,
): Promise<Map<string, SheetStructure>> {
  const out = new Map<string, SheetStructure>();
  const pieces: Piece[] = [];
  for (const { name, worksheet, positions } of sheets) {
    const structure: SheetStructure = { formulas: [] };
    if (positions.merges) structure.merges = positions.merges;
    for (const area of fewAreas(positions.formulaAreas))
      for (const piece of rowChunks(area, cellsPerTrip))
        pieces.push({ worksheet, area: piece, grid: structure.formulas });
    out.set(name, structure);
  }
  await readFormulaTexts(context, pieces, cellsPerTrip);
  return out;
}

interface Piece {
  worksheet: Excel.Worksheet;
  area: Area;
  grid: (string | undefined)[][];
}

/** Formula texts of the areas, in round trips of at most `cellsPerTrip` cells. */
async function readFormulaTexts(context: Excel.RequestContext, pieces: readonly Piece[], cellsPerTrip: number) {
  let start = 0;
  while (start < pieces.length) {
    let cells = 0;
    let end = start;
    while (end < pieces.length && (end === start || cells + size(pieces[end].area) <= cellsPerTrip)) {
      cells += size(pieces[end].area);
      end++;
    }
    const batch = pieces.slice(start, end).map((piece) => {
      const range = piece.worksheet.getRange(areaAddress(piece.area));
      range.load('formulas');
      return { piece, range };
    });
    // One round trip per batch is deliberate: it bounds each payload to `cellsPerTrip` cells.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { piece, range } of batch)
      placeFormulas(piece.grid, piece.area.rowIndex, piece.area.columnIndex, range.formulas);
    start = end;
  }
}

/**
 * Formula texts placed on `grid` from (top, left), 0-based. Excel's `formulas` gives '=…' for a
 * formula cell and the value elsewhere.
 */
export function placeFormulas(
  grid: (string | undefined)[][],
  top: number,
  left: number,
  formulas: readonly unknown[][],
): void {
  formulas.forEach((cells, r) => {
    cells.forEach((cell, c) => {
      if (typeof cell !== 'string' || !cell.startsWith('=')) return;
      (grid[top + r] ??= [])[left + c] = cell.slice(1);
    });
  });
}

function areasOf(areas: Excel.RangeAreas): Area[] {
  return (areas.areas.items ?? []).map((a) => ({
    rowIndex: a.rowIndex,
    columnIndex: a.columnIndex,
    rowCount: a.rowCount,
    columnCount: a.columnCount,
  }));
}

/** More areas than this (formula cells scattered among typed ones) are read as their bounding box. */
const MAX_AREAS = 500;

/**
 * The areas to read: as they are, or, when there are many, the one rectangle around them (a range
 * per area would put thousands of objects in one batch; the box's other cells come back as values,
 * which placeFormulas passes over).
 */
function fewAreas(areas: readonly Area[]): readonly Area[] {
  if (areas.length <= MAX_AREAS) return areas;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  for (const a of areas) {
    top = Math.min(top, a.rowIndex);
    left = Math.min(left, a.columnIndex);
    bottom = Math.max(bottom, a.rowIndex + a.rowCount);
    right = Math.max(right, a.columnIndex + a.columnCount);
  }
  return [{ rowIndex: top, columnIndex: left, rowCount: bottom - top, columnCount: right - left }];
}

/** The parts of `areas` inside `box`. */
function clipped(areas: readonly Area[], box: Area): Area[] {
  const out: Area[] = [];
  for (const a of areas) {
    const top = Math.max(a.rowIndex, box.rowIndex);
    const left = Math.max(a.columnIndex, box.columnIndex);
    const bottom = Math.min(a.rowIndex + a.rowCount, box.rowIndex + box.rowCount);
    const right = Math.min(a.columnIndex + a.columnCount, box.columnIndex + box.columnCount);
    if (bottom > top && right > left)
      out.push({ rowIndex: top, columnIndex: left, rowCount: bottom - top, columnCount: right - left });
  }
  return out;
}

function toMerge(area: Area): MergedArea {
  return {
    top: area.rowIndex + 1,
    left: area.columnIndex + 1,
    bottom: area.rowIndex + area.rowCount,
    right: area.columnIndex + area.columnCount,
  };
}

/** An area split in row bands of at most `cells` cells (a column of formulas 100,000 rows long). */
function rowChunks(area: Area, cells: number): Area[] {
  const rows = Math.max(1, Math.floor(cells / Math.max(1, area.columnCount)));
  const out: Area[] = [];
  for (let top = 0; top < area.rowCount; top += rows)
    out.push({ ...area, rowIndex: area.rowIndex + top, rowCount: Math.min(rows, area.rowCount - top) });
  return out;
}

const size = (area: Area) => area.rowCount * area.columnCount;

function areaAddress(area: Area): string {
  const first = cellAddress(area.rowIndex + 1, area.columnIndex + 1);
  const last = cellAddress(area.rowIndex + area.rowCount, area.columnIndex + area.columnCount);
  return `${first}:${last}`;
}
