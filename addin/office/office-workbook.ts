// The only file that calls Office.js (with excel-capabilities.ts and sheet-structure.ts). It holds
// no rule: the pane decides what to write. What it guarantees, checked against the Excel
// JavaScript API reference and the platform's public issues (docs/excel.md):
// - every batch goes through run(): delayForCellEdit where ExcelApi 1.11 is available, and a
//   retry with back-off on InvalidOperationInCellEditMode on every host;
// - reads are cell-sized (BLOCK_CELLS per round trip, bounded by the used range) and a block that
//   hits Excel's payload/range limits is read again in halves;
// - writes issued in one tick travel in one batch; runtime.enableEvents is switched off at its
//   start and back on at its end, and if the batch fails it is switched on again in a batch of
//   its own (finally), so live validation never stays off;
// - the add-in's own writes are recognised by triggerSource (ExcelApi 1.14) or, below it, by the
//   addresses the last batch wrote; never by a time window, so an edit made meanwhile counts;
// - inserted/deleted rows or cells and multi-row pastes ask for a re-read of the sheet; co-authors'
//   edits (source Remote) are left to their own pane;
// - formula cells and merged areas of every sheet (what DOMAIN §7 needs besides values: SUM
//   totals, template rows, merged headers and names) come in two round trips per listing; a host
//   that refuses them leaves the values-only reading;
// - sheets are addressed by id, so a rename does not break later reads (and asks for a re-read);
// - event subscriptions are recorded only after the round trip that adds them succeeded;
// - the row the user leaves is re-validated (drop-down picks fire no onChanged on the web), and a
//   cheap periodic re-read covers formula results whose precedents changed elsewhere.
import {
  type Block,
  type CellValue,
  type SheetInfo,
  type ValidationAlert,
  type ValueRule,
  type WorkbookChange,
  type WorkbookPort,
  STATUS_ERROR,
} from '../port/workbook-port';
import { cellAddress, parseRange, type RangeRef } from '../port/a1';
import {
  CELL_EDIT_MODE,
  CELL_EDIT_RETRY_MS,
  errorCode,
  excelCapabilities,
  runExcel,
  isSizeLimit,
  type ExcelCapabilities,
  type IsSetSupported,
} from './excel-capabilities';
import {
  placeFormulas,
  positionsOf,
  queuePositions,
  readPositions,
  readStructures,
  type QueuedPositions,
  type SheetPositions,
  type SheetStructure,
} from './sheet-structure';

/** Cells per read round trip: 200,000 short values stay well under the 5 MB of Excel on the web. */
export const BLOCK_CELLS = 200_000;
/** The first block travels with the listing: its columns are bounded before the width is known. */
export const FIRST_BLOCK_COLUMNS = 64;
/** Fill colour of the add-in's one conditional format: with its rule, the marker that finds it again. */
export const STATUS_FILL = '#FDE7E9';
const STATUS_FONT = '#A4262C';

export interface OfficeWorkbookOptions {
  /** Quiet time before edits are reported; typing a row fires many events. */
  debounceMs?: number;
  /** Waits between attempts of a batch refused because the user is editing a cell. */
  retryDelaysMs?: readonly number[];
  /** Cells per read round trip (tests make it small). */
  blockCells?: number;
  /** Period of the whole-workbook re-read for formula results (0: none). */
  rescanMs?: number;
  /** Requirement-set check; Office.context.requirements by default. */
  isSetSupported?: IsSetSupported;
}

interface Dims {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

interface Head {
  used: Excel.Range;
  part: Excel.Range;
  firstRows: number;
}

interface Prefetch {
  sheet: string;
  generation: number;
  head: Head;
}

interface PendingChange {
  rows: { first: number; last: number } | null;
  columns?: { first: number; last: number };
  source: 'edit' | 'selection' | 'rescan';
}

/** One queued write: what it does in the batch, which cells it writes, and an optional read first. */
interface Op {
  apply: (context: Excel.RequestContext) => void;
  /** Queues reads the apply step needs; runs one round trip before the writes. */
  prepare?: (context: Excel.RequestContext) => void;
  /** After the batch succeeded. */
  after?: () => void;
  sheet?: string;
  address?: string;
}

type Handler = OfficeExtension.EventHandlerResult<unknown>;

export class OfficeWorkbook implements WorkbookPort {
  readonly kind = 'office' as const;
  readonly capabilities: ExcelCapabilities;
  private readonly debounceMs: number;
  private readonly retryDelays: readonly number[];
  private readonly blockCells: number;
  private readonly rescanMs: number;
  private readonly handlers = new Set<(change: WorkbookChange) => void>();
  private readonly selectHandlers = new Set<(selection: { sheet: string; address: string }) => void>();
  /** Sheet id → name, and lower-case name → id (Excel compares sheet names case-insensitively). */
  private readonly names = new Map<string, string>();
  private readonly ids = new Map<string, string>();
  private readonly pendingChanges = new Map<string, PendingChange>();
  /** Cells written by the last batch, per sheet id: below ExcelApi 1.14 their events are ours. */
  private ownCells = new Map<string, Set<string>>();
  private queue: Op[] = [];
  private flushing: Promise<void> | null = null;
  private subscribing = false;
  private subscriptions: Handler[] | null = null;
  private generation = 0;
  private prefetch: Prefetch | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private rescanTimer: ReturnType<typeof setInterval> | null = null;
  private selection: { sheetId: string; sheet: string; first: number; last: number } | null = null;
  private date1904 = false;
  /** Sheet name → Excel's visibility ("Visible", "Hidden", "VeryHidden"), from the last listing. */
  private sheetVisibility = new Map<string, string>();
  /** Sheet id → ids of the add-in's own conditional formats, when known (listing or last write). */
  private ownFormats = new Map<string, string[]>();
  /** Formulas and merges of every listed sheet, read once per listing (null: the host refused). */
  private structures: Promise<Map<string, SheetStructure> | null> | null = null;
  /** Where the active sheet's formulas and merges are: read with the listing. */
  private listedPositions = new Map<string, SheetPositions>();
  /** The host refused the formula and merge lookups once: the pane reads values only. */
  private structuresRefused = false;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.debounceMs = options.debounceMs ?? 400;
    this.retryDelays = options.retryDelaysMs ?? CELL_EDIT_RETRY_MS;
    this.blockCells = Math.max(1, options.blockCells ?? BLOCK_CELLS);
    this.rescanMs = options.rescanMs ?? 60_000;
    this.capabilities = excelCapabilities(options.isSetSupported);
  }

  /**
   * Names and ids of the sheets. The same sync brings the active sheet's first block (a one-sheet
   * workbook costs no extra round trip), the workbook's date system and a pending subscription.
   */
  async listSheets(): Promise<string[]> {
    if (!this.structuresRefused) {
      try {
        return await this.listing(true, true);
      } catch (error) {
        if (errorCode(error) === CELL_EDIT_MODE) throw error;
        // Perhaps the formula and merge lookups: the same listing without them tells.
      }
    }
    try {
      const names = await this.listing(true, false);
      // The lookups were what the host refused: values only from now on (no failed trip per pass).
      this.structuresRefused = true;
      return names;
    } catch (error) {
      // The first block was too big for one response, or the host refused part of the batch
      // (the conditional-format read): the bare listing, the rest read later on its own.
      if (errorCode(error) === CELL_EDIT_MODE) throw error;
      return this.listing(false, false);
    }
  }

  /**
   * Visibility as listed by listSheets (same round trip); formula cells and merged areas of every
   * sheet read at the first call after a listing (two round trips for the whole workbook).
   */
  async sheetInfo(sheet: string): Promise<SheetInfo> {
    const state = this.sheetVisibility.get(sheet);
    const visibility = state === 'Hidden' ? 'hidden' : state === 'VeryHidden' ? 'veryHidden' : 'visible';
    if (this.structuresRefused) return { visibility };
    this.structures ??= this.readStructures();
    const structure = (await this.structures)?.get(sheet);
    return structure ? { visibility, ...structure } : { visibility };
  }

  /** null when the host refuses (an old build, a sheet type it cannot search): values only. */
  private async readStructures(): Promise<Map<string, SheetStructure> | null> {
    const names = [...this.sheetVisibility.keys()];
    const known = this.listedPositions;
    const missing = names.filter((name) => !known.has(name));
    const cellsPerTrip = Math.max(1, Math.floor(this.blockCells / 4)); // formula texts outweigh values
    // Everything known already and no formula anywhere: no Excel.run at all.
    if (missing.length === 0 && names.every((name) => known.get(name)?.formulaAreas.length === 0))
      return new Map(names.map((name) => [name, { formulas: [], ...pick(known.get(name)) }]));
    try {
      return await this.run(async (context) => {
        const positions = new Map(known);
        const found = missing.map((name) => ({ name, worksheet: this.sheetItem(context, name) }));
        if (found.length > 0)
          for (const [name, p] of await readPositions(context, found, this.capabilities.mergedAreas))
            positions.set(name, p);
        const sheets = names.map((name) => ({
          name,
          worksheet: this.sheetItem(context, name),
          positions: positions.get(name) as SheetPositions,
        }));
        return readStructures(context, sheets, cellsPerTrip);
      });
    } catch {
      // Values only for this pass; the next one asks again (a refusing host fails the listing's
      // lookups first, and listSheets stops asking).
      return null;
    }
  }

  /** `extras`: the first block, the active sheet's conditional formats, the date-system probe. */
  private listing(extras: boolean, withPositions: boolean): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id,items/visibility');
      const active = sheets.getActiveWorksheet();
      active.load('name,id');
      const head = extras ? queueHead(active, this.blockCells) : null;
      // The active sheet's conditional formats: the add-in's own one is found with no extra trip.
      const formats = extras ? sheetFormats(active) : null;
      formats?.load(FORMAT_PROPERTIES);
      // Where the active sheet's formulas and merges are: a one-sheet workbook needs no trip more.
      const positions: QueuedPositions | null = withPositions
        ? queuePositions(active, this.capabilities.mergedAreas)
        : null;
      // DATE(1904;1;1) is serial 0 in the 1904 date system and 1462 in the 1900 one (ExcelApi 1.2).
      const probe =
        extras && typeof context.workbook.functions?.date === 'function'
          ? context.workbook.functions.date(1904, 1, 1)
          : null;
      probe?.load('value');
      const subscribing = this.handlers.size > 0 && !this.subscriptions && !this.subscribing;
      let added: Handler[] = [];
      if (subscribing) {
        this.subscribing = true;
        added = this.addHandlers(context);
      }
      try {
        await context.sync();
        if (subscribing) this.subscriptions = added;
      } finally {
        if (subscribing) this.subscribing = false;
      }
      this.names.clear();
      this.ids.clear();
      for (const ws of sheets.items) this.remember(ws.id, ws.name);
      this.sheetVisibility = new Map(sheets.items.map((ws) => [ws.name, String(ws.visibility)]));
      this.structures = null;
      this.listedPositions = positions ? new Map([[active.name, positionsOf(positions)]]) : new Map();
      if (probe) this.date1904 = probe.value === 0;
      this.ownFormats.clear();
      if (formats)
        this.ownFormats.set(
          active.id,
          (formats.items ?? []).filter(isOwnFormat).map((f) => f.id),
        );
      this.prefetch = head ? { sheet: active.name, generation: this.generation, head } : null;
      return sheets.items.map((ws) => ws.name);
    });
  }

  dateSystem(): 1900 | 1904 {
    return this.date1904 ? 1904 : 1900;
  }

  async readBlock(sheet: string, range?: string): Promise<Block> {
    if (range) return this.readRange(sheet, range);
    return this.run(async (context) => {
      const ws = this.sheetItem(context, sheet);
      let head = this.takePrefetch(sheet);
      if (!head) {
        head = queueHead(ws, this.blockCells);
        try {
          await context.sync();
        } catch (error) {
          if (!isSizeLimit(error)) throw error;
          return this.readInHalves(context, ws, sheet);
        }
      }
      if (head.used.isNullObject) return { sheet, firstRow: 1, firstColumn: 1, values: [] };
      const used: Dims = {
        row: head.used.rowIndex,
        column: head.used.columnIndex,
        rows: head.used.rowCount,
        columns: head.used.columnCount,
      };
      const grid = new Grid(used);
      grid.placeRange(head.part);
      for (const rect of remainder(used, head.firstRows, FIRST_BLOCK_COLUMNS)) {
        await this.readRegion(context, ws, rect, grid, this.blockCells);
      }
      return { sheet, firstRow: used.row + 1, firstColumn: used.column + 1, values: grid.values };
    });
  }

  /** The first block was too big for one response: the used range's size, then halved blocks. */
  private async readInHalves(context: Excel.RequestContext, ws: Excel.Worksheet, sheet: string): Promise<Block> {
    const usedRange = ws.getUsedRangeOrNullObject(true);
    usedRange.load('rowIndex,columnIndex,rowCount,columnCount');
    await context.sync();
    if (usedRange.isNullObject) return { sheet, firstRow: 1, firstColumn: 1, values: [] };
    const used: Dims = {
      row: usedRange.rowIndex,
      column: usedRange.columnIndex,
      rows: usedRange.rowCount,
      columns: usedRange.columnCount,
    };
    const grid = new Grid(used);
    await this.readRegion(context, ws, used, grid, Math.floor(this.blockCells / 2));
    return { sheet, firstRow: used.row + 1, firstColumn: used.column + 1, values: grid.values };
  }

  /**
   * Reads a region of the used range. A wide one (a stray value far to the right makes the used
   * range 16,384 columns wide) is split in two halves of columns whose own used ranges are asked
   * for first (sizes only, one round trip): empty space is never read, and a stray value costs one
   * small block instead of thousands of narrow ones.
   */
  private async readRegion(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rect: Dims,
    grid: Grid,
    cells: number,
  ): Promise<void> {
    if (rect.rows * rect.columns <= cells || rect.columns <= 2 * FIRST_BLOCK_COLUMNS) {
      return this.readRect(context, ws, rect, grid, cells);
    }
    const half = Math.floor(rect.columns / 2);
    const halves: Dims[] = [
      { ...rect, columns: half },
      { ...rect, column: rect.column + half, columns: rect.columns - half },
    ];
    const used = halves.map((h) => {
      const range = ws.getRange(dimsAddress(h)).getUsedRangeOrNullObject(true);
      range.load('rowIndex,columnIndex,rowCount,columnCount');
      return range;
    });
    await context.sync();
    for (const range of used) {
      if (range.isNullObject) continue;
      const box = { row: range.rowIndex, column: range.columnIndex, rows: range.rowCount, columns: range.columnCount };
      await this.readRegion(context, ws, box, grid, cells);
    }
  }

  /** Reads a rectangle (0-based dims) in row chunks of at most `cells`, halving on size limits. */
  private async readRect(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    rect: Dims,
    grid: Grid,
    cells: number,
  ): Promise<void> {
    const step = Math.max(1, Math.floor(cells / rect.columns));
    for (let top = rect.row; top < rect.row + rect.rows; top += step) {
      const rows = Math.min(step, rect.row + rect.rows - top);
      const part = ws.getRange(dimsAddress({ row: top, column: rect.column, rows, columns: rect.columns }));
      part.load('values');
      try {
        // One round trip per block is deliberate: it bounds each payload to `cells` cells.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
      } catch (error) {
        if (!isSizeLimit(error) || rows * rect.columns <= 1) throw error;
        await this.readRect(context, ws, { ...rect, row: top, rows }, grid, Math.floor((rows * rect.columns) / 2));
        continue;
      }
      grid.placeValues(top, rect.column, part.values);
    }
  }

  /** Number formats of a range, in blocks of at most BLOCK_CELLS cells (a long hours column). */
  async readNumberFormats(sheet: string, range: string): Promise<(string | undefined)[][]> {
    const ref = parseRange(range);
    if (!ref) throw new Error(`Intervallo non valido: ${range}`);
    const width = ref.last.column - ref.first.column + 1;
    const step = Math.max(1, Math.floor(this.blockCells / width));
    return this.run(async (context) => {
      const ws = this.sheetItem(context, sheet);
      const out: (string | undefined)[][] = [];
      for (let top = ref.first.row; top <= ref.last.row; top += step) {
        const bottom = Math.min(ref.last.row, top + step - 1);
        const part = ws.getRange(`${cellAddress(top, ref.first.column)}:${cellAddress(bottom, ref.last.column)}`);
        part.load('numberFormat');
        // One round trip per block is deliberate: it bounds each payload to BLOCK_CELLS cells.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        for (const row of part.numberFormat) out.push(formatRow(row));
      }
      return out;
    });
  }

  writeColumn(sheet: string, column: string, startRow: number, values: CellValue[]): Promise<void> {
    if (values.length === 0) return Promise.resolve();
    const address = `${column}${startRow}:${column}${startRow + values.length - 1}`;
    return this.enqueue({
      sheet,
      address,
      apply: (context) => {
        this.sheetItem(context, sheet).getRange(address).values = values.map((v) => [toExcel(v)]);
      },
    });
  }

  writeRow(sheet: string, row: number, startColumn: string, values: CellValue[]): Promise<void> {
    const ref = parseRange(`${startColumn}${row}`);
    if (!ref || values.length === 0) return Promise.resolve();
    const address = `${startColumn}${row}:${cellAddress(row, ref.first.column + values.length - 1)}`;
    return this.enqueue({
      sheet,
      address,
      apply: (context) => {
        const start = this.sheetItem(context, sheet).getRange(`${startColumn}${row}`);
        start.getResizedRange(0, values.length - 1).values = [values.map(toExcel)];
      },
    });
  }

  addSheet(name: string): Promise<void> {
    return this.enqueue({
      apply: (context) => {
        context.workbook.worksheets.add(name);
      },
    });
  }

  hideColumn(sheet: string, column: string): Promise<void> {
    return this.enqueue({
      apply: (context) => {
        this.sheetItem(context, sheet).getRange(`${column}:${column}`).columnHidden = true;
      },
    });
  }

  /**
   * The add-in's one conditional format on its status column. The partner's own rules there stay:
   * only a rule with the add-in's marker (ContainsText, begins with STATUS_ERROR, fill STATUS_FILL)
   * is deleted before the new one is added. Finding it costs one read in the same Excel.run.
   */
  setStatusFormat(sheet: string, column: string, firstRow: number, lastRow: number): Promise<void> {
    const id = this.ids.get(sheet.toLowerCase());
    const known = id !== undefined ? this.ownFormats.get(id) : undefined;
    let found: Excel.ConditionalFormatCollection | null = null;
    let added: Excel.ConditionalFormat | null = null;
    return this.enqueue({
      // Not known yet (a sheet other than the active one): one read in the same Excel.run.
      prepare: known
        ? undefined
        : (context) => {
            found = sheetFormats(this.sheetItem(context, sheet));
            found.load(FORMAT_PROPERTIES);
          },
      apply: (context) => {
        const ws = this.sheetItem(context, sheet);
        if (known) for (const own of known) sheetFormats(ws).getItem(own).delete();
        else for (const format of found?.items ?? []) if (isOwnFormat(format)) format.delete();
        const range = ws.getRange(`${column}${firstRow}:${column}${lastRow}`);
        const format = range.conditionalFormats.add('ContainsText');
        format.textComparison.format.fill.color = STATUS_FILL;
        format.textComparison.format.font.color = STATUS_FONT;
        format.textComparison.rule = { operator: 'BeginsWith', text: STATUS_ERROR };
        format.load('id');
        added = format;
      },
      after: () => {
        if (id !== undefined && added) this.ownFormats.set(id, [added.id]);
      },
    });
  }

  addValidationList(
    sheet: string,
    range: string,
    items: readonly string[],
    source?: string,
    alert?: ValidationAlert,
  ): Promise<void> {
    return this.enqueue({
      apply: (context) => {
        const validation = this.sheetItem(context, sheet).getRange(range).dataValidation;
        validation.clear();
        validation.rule = { list: { inCellDropDown: true, source: source ?? items.join(',') } };
        if (alert) validation.errorAlert = errorAlert(alert);
      },
    });
  }

  addValidationRule(sheet: string, range: string, rule: ValueRule, alert?: ValidationAlert): Promise<void> {
    return this.enqueue({
      apply: (context) => {
        const validation = this.sheetItem(context, sheet).getRange(range).dataValidation;
        validation.clear();
        // String literals, not Excel.* enums: same values, and no enum object needed at run time.
        const operator = 'GreaterThanOrEqualTo' as const;
        // Office.js takes an ISO date string as a date operand.
        validation.rule =
          rule.kind === 'decimal'
            ? { decimal: { formula1: rule.min, operator } }
            : { date: { formula1: rule.min, operator } };
        validation.ignoreBlanks = true;
        if (alert) validation.errorAlert = errorAlert(alert);
      },
    });
  }

  /** Document settings are loaded with the add-in: reading them costs no round trip. */
  async loadSettings(key: string): Promise<unknown> {
    const settings = documentSettings();
    return settings ? (settings.get(key) ?? null) : null;
  }

  saveSettings(key: string, value: unknown): Promise<void> {
    const settings = documentSettings();
    if (!settings) return Promise.resolve();
    settings.set(key, value);
    return new Promise((resolve, reject) => {
      settings.saveAsync((result) => {
        // The enum's value, not the enum: mocked hosts have no Office.AsyncResultStatus object.
        if (String(result.status) === 'failed')
          reject(new Error('Impossibile salvare le impostazioni nella cartella di lavoro.'));
        else resolve();
      });
    });
  }

  hideSheet(name: string): Promise<void> {
    return this.enqueue({
      apply: (context) => {
        this.sheetItem(context, name).visibility = 'VeryHidden';
      },
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const ws = this.sheetItem(context, sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  onChange(handler: (change: WorkbookChange) => void): () => void {
    this.handlers.add(handler);
    // Deferred so that a listing about to start carries the subscription (one round trip less).
    if (this.handlers.size === 1) {
      setTimeout(() => void this.subscribe(), 0);
      this.startRescan();
    }
    return () => {
      this.handlers.delete(handler);
      if (this.handlers.size === 0) void this.unsubscribe();
    };
  }

  /** The cell the user selects in Excel (worksheets.onSelectionChanged, ExcelApi 1.9). */
  onSelect(handler: (selection: { sheet: string; address: string }) => void): () => void {
    this.selectHandlers.add(handler);
    return () => this.selectHandlers.delete(handler);
  }

  /** Visible for tests: the worksheet change entry point. */
  readonly handleChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // A co-author's edit: their own pane validates it and writes its status.
    if (event.source === 'Remote') return;
    if (event.triggerSource === 'ThisLocalAddin') return;
    const ref = parseRange(event.address);
    // Below ExcelApi 1.14 events carry no triggerSource: then an event on exactly what the last
    // batch wrote is the add-in's own. A host that says 'Unknown' is believed.
    if (event.triggerSource === undefined && ref && this.isOwnWrite(event.worksheetId, ref)) return;
    this.generation += 1;
    const sheet = this.names.get(event.worksheetId) ?? (await this.sheetName(event.worksheetId));
    if (!sheet) return;
    // Inserted/deleted rows or cells shift what is below or to the right; a paste or a fill over
    // several rows may bring new columns: the sheet is read again.
    const wholeSheet = event.changeType !== 'RangeEdited' || !ref || ref.first.row !== ref.last.row;
    this.mark(
      sheet,
      wholeSheet || !ref ? null : { first: ref.first.row, last: ref.last.row },
      ref ? { first: ref.first.column, last: ref.last.column } : undefined,
      'edit',
    );
  };

  /**
   * Visible for tests: the selection entry point. Leaving a row re-validates it: a value picked
   * from a drop-down fires no onChanged on Excel on the web (office-js #3888, #4066).
   */
  readonly handleSelection = async (event: Excel.WorksheetSelectionChangedEventArgs): Promise<void> => {
    const sheet = this.names.get(event.worksheetId) ?? (await this.sheetName(event.worksheetId));
    const ref = parseRange(event.address);
    if (!sheet || !ref) return;
    for (const handler of this.selectHandlers) handler({ sheet, address: event.address });
    const before = this.selection;
    this.selection = { sheetId: event.worksheetId, sheet, first: ref.first.row, last: ref.last.row };
    if (!before || before.last - before.first > 50) return;
    const sameRows =
      before.sheetId === event.worksheetId && before.first === ref.first.row && before.last === ref.last.row;
    if (!sameRows) this.mark(before.sheet, { first: before.first, last: before.last }, undefined, 'selection');
  };

  /** Visible for tests: a sheet renamed (worksheets.onNameChanged, ExcelApi 1.17). */
  readonly handleNameChanged = (event: Excel.WorksheetNameChangedEventArgs): void => {
    if (this.names.get(event.worksheetId) === event.nameAfter) return;
    this.renamed(event.worksheetId, event.nameBefore, event.nameAfter);
  };

  private renamed(id: string, before: string, after: string): void {
    this.remember(id, after);
    this.generation += 1;
    // The old name keeps pointing at the sheet until the re-read lists the new one.
    this.ids.set(before.toLowerCase(), id);
    this.mark(before, null, undefined, 'edit');
  }

  private remember(id: string, name: string): void {
    this.names.set(id, name);
    this.ids.set(name.toLowerCase(), id);
  }

  /** Queues a change for the debounced notification; a whole-sheet re-read absorbs row spans. */
  private mark(
    sheet: string,
    rows: { first: number; last: number } | null,
    columns: { first: number; last: number } | undefined,
    source: PendingChange['source'],
  ): void {
    const before = this.pendingChanges.get(sheet);
    const merged: PendingChange = before
      ? {
          rows:
            rows && before.rows
              ? { first: Math.min(before.rows.first, rows.first), last: Math.max(before.rows.last, rows.last) }
              : null,
          columns:
            columns && before.columns
              ? {
                  first: Math.min(before.columns.first, columns.first),
                  last: Math.max(before.columns.last, columns.last),
                }
              : undefined,
          source: before.source === 'edit' || source === 'edit' ? 'edit' : source,
        }
      : { rows, columns, source };
    this.pendingChanges.set(sheet, merged);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitChanges(), this.debounceMs);
  }

  private emitChanges(): void {
    this.timer = null;
    const changes: WorkbookChange[] = [...this.pendingChanges].map(([sheet, c]) => ({
      sheet,
      rows: c.rows,
      ...(c.columns ? { columns: c.columns } : {}),
      ...(c.source !== 'edit' ? { source: c.source } : {}),
    }));
    this.pendingChanges.clear();
    for (const change of changes) for (const handler of this.handlers) handler(change);
  }

  private startRescan(): void {
    if (this.rescanMs <= 0 || this.rescanTimer) return;
    this.rescanTimer = setInterval(() => {
      const sheet = this.names.values().next().value;
      if (sheet !== undefined && this.pendingChanges.size === 0 && !this.flushing)
        this.mark(sheet, null, undefined, 'rescan');
    }, this.rescanMs);
    (this.rescanTimer as { unref?: () => void }).unref?.();
  }

  /** The handlers this adapter needs, added in the caller's batch (recorded once it syncs). */
  private addHandlers(context: Excel.RequestContext): Handler[] {
    const sheets = context.workbook.worksheets;
    const added: Handler[] = [sheets.onChanged.add(this.handleChanged) as Handler];
    if (sheets.onSelectionChanged) added.push(sheets.onSelectionChanged.add(this.handleSelection) as Handler);
    if (this.capabilities.nameChanged && sheets.onNameChanged)
      added.push(sheets.onNameChanged.add(async (e) => this.handleNameChanged(e)) as Handler);
    return added;
  }

  private async subscribe(attempt = 0): Promise<void> {
    if (this.subscriptions || this.subscribing || this.handlers.size === 0) return;
    this.subscribing = true;
    try {
      await this.run(async (context) => {
        const added = this.addHandlers(context);
        await context.sync();
        this.subscriptions = added;
      });
    } catch {
      // Not subscribed: try again shortly (a listing in between carries the subscription too).
      if (attempt < this.retryDelays.length) {
        const retry = setTimeout(() => void this.subscribe(attempt + 1), this.retryDelays[attempt]);
        (retry as { unref?: () => void }).unref?.();
      }
    } finally {
      this.subscribing = false;
    }
  }

  private async unsubscribe(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = null;
    if (this.timer) clearTimeout(this.timer);
    if (this.rescanTimer) clearInterval(this.rescanTimer);
    this.rescanTimer = null;
    if (!subscriptions || subscriptions.length === 0) return;
    await Excel.run(subscriptions[0].context, async (context) => {
      for (const subscription of subscriptions) subscription.remove();
      await context.sync();
    });
  }

  private async sheetName(id: string): Promise<string | undefined> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) return undefined;
      this.remember(id, ws.name);
      return ws.name;
    });
  }

  /** A sheet by id when known (rename safe), else by name (Excel matches names case-insensitively). */
  private sheetItem(context: Excel.RequestContext, sheet: string): Excel.Worksheet {
    return context.workbook.worksheets.getItem(this.ids.get(sheet.toLowerCase()) ?? sheet);
  }

  private async readRange(sheet: string, address: string): Promise<Block> {
    const ref = parseRange(address);
    if (!ref) throw new Error(`Intervallo non valido: ${address}`);
    return this.run(async (context) => {
      const ws = this.sheetItem(context, sheet);
      // The sheet's name travels with the values: a rename below ExcelApi 1.17 shows up here.
      ws.load('name,id');
      const range = ws.getRange(address);
      // The edited rows' formulas and formats travel with their values: a value typed over a
      // formula, or hours typed as 37:30, count at once.
      range.load('values,formulas,numberFormat');
      await context.sync();
      const id = ws.id ?? this.ids.get(sheet.toLowerCase());
      if (id && ws.name && ws.name !== (this.names.get(id) ?? sheet)) this.renamed(id, sheet, ws.name);
      const formulas: (string | undefined)[][] = [];
      if (Array.isArray(range.formulas)) placeFormulas(formulas, 0, 0, range.formulas);
      const values = range.values.map((r) => r.map(fromExcel));
      return {
        sheet,
        firstRow: ref.first.row,
        firstColumn: ref.first.column,
        values,
        formulas: values.map((_, r) => formulas[r] ?? []),
        numberFormats: Array.isArray(range.numberFormat) ? range.numberFormat.map(formatRow) : [],
      };
    });
  }

  private takePrefetch(sheet: string): Head | null {
    const p = this.prefetch;
    this.prefetch = null;
    return p && p.sheet === sheet && p.generation === this.generation ? p.head : null;
  }

  /**
   * Excel.run through the cell-edit guard: delayForCellEdit where ExcelApi 1.11 has it, and on
   * every host a new attempt after InvalidOperationInCellEditMode. The batch is rebuilt on each
   * attempt, so nothing queued is lost.
   */
  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return runExcel(batch, this.capabilities, this.retryDelays);
  }

  /** Writes of one tick share one Excel.run and one sync (two when a format must be found first). */
  private enqueue(op: Op): Promise<void> {
    this.queue.push(op);
    this.generation += 1;
    if (!this.flushing) this.flushing = Promise.resolve().then(() => this.flush());
    return this.flushing;
  }

  private async flush(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.flushing = null;
    this.ownCells = ownCells(ops, (sheet) => this.ids.get(sheet.toLowerCase()));
    try {
      await this.run(async (context) => {
        context.runtime.enableEvents = false;
        const prepared = ops.filter((op) => op.prepare);
        for (const op of prepared) op.prepare?.(context);
        if (prepared.length > 0) await context.sync();
        for (const op of ops) op.apply(context);
        context.runtime.enableEvents = true;
        await context.sync();
      });
      for (const op of ops) op.after?.();
    } catch (error) {
      // What the failed batch did is not known: the add-in's formats are looked for again.
      this.ownFormats.clear();
      // The rest of a failed batch did not run, enableEvents = true included: its own batch.
      await this.run(async (context) => {
        context.runtime.enableEvents = true;
        await context.sync();
      }).catch(() => undefined);
      throw error;
    }
  }

  /** An event on exactly a range the last batch wrote (consumed: the same range edited later counts). */
  private isOwnWrite(sheetId: string, ref: RangeRef): boolean {
    const cells = this.ownCells.get(sheetId);
    const key = rangeKey(ref);
    if (!cells?.has(key)) return false;
    cells.delete(key);
    return true;
  }
}

/** The merges of known positions, as a structure carries them. */
function pick(positions: SheetPositions | undefined): { merges?: SheetPositions['merges'] } {
  return positions?.merges ? { merges: positions.merges } : {};
}

function ownCells(ops: Op[], idOf: (sheet: string) => string | undefined): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const op of ops) {
    if (!op.sheet || !op.address) continue;
    const id = idOf(op.sheet);
    const ref = parseRange(op.address);
    if (!id || !ref) continue;
    const set = out.get(id) ?? new Set<string>();
    set.add(rangeKey(ref));
    out.set(id, set);
  }
  return out;
}

function rangeKey(ref: RangeRef): string {
  return `${ref.first.row},${ref.first.column}:${ref.last.row},${ref.last.column}`;
}

/** The conditional formats of a whole sheet (navigation only: nothing is read before the sync). */
function sheetFormats(ws: Excel.Worksheet): Excel.ConditionalFormatCollection {
  return ws.getRange().conditionalFormats;
}

/** What identifies the add-in's conditional format: type, rule and fill colour. */
const FORMAT_PROPERTIES =
  'items/id,items/type,items/textComparisonOrNullObject/rule,items/textComparisonOrNullObject/format/fill/color';

function isOwnFormat(format: Excel.ConditionalFormat): boolean {
  if (format.type !== 'ContainsText') return false;
  const text = format.textComparisonOrNullObject;
  if (!text || text.isNullObject) return false;
  const rule = text.rule;
  return (
    rule?.operator === 'BeginsWith' &&
    rule.text === STATUS_ERROR &&
    String(text.format?.fill?.color ?? '').toUpperCase() === STATUS_FILL
  );
}

/** The document's settings; absent in hosts that do not provide them (then nothing is kept). */
function documentSettings(): Office.Settings | null {
  return typeof Office !== 'undefined' ? (Office.context?.document?.settings ?? null) : null;
}

/** Excel refuses an alert title over 32 characters and a message over 225. */
function errorAlert(alert: ValidationAlert): Excel.DataValidationErrorAlert {
  return {
    showAlert: true,
    style: 'Stop',
    title: alert.title.slice(0, 32),
    message: alert.message.slice(0, 225),
  };
}

/**
 * Queues the used range (dimensions) and the first block: rows 1…n of columns A…BL, n chosen so
 * the block holds at most `cells` cells whatever the width. Nothing is sent until sync.
 */
function queueHead(ws: Excel.Worksheet, cells: number): Head {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const firstRows = Math.max(1, Math.floor(cells / FIRST_BLOCK_COLUMNS));
  const part = ws.getRange(`A1:${cellAddress(firstRows, FIRST_BLOCK_COLUMNS)}`).getUsedRangeOrNullObject(true);
  part.load('values,rowIndex,columnIndex');
  return { used, part, firstRows };
}

/** The parts of the used range outside the first block (0-based rows < firstRows, columns < firstColumns). */
function remainder(used: Dims, firstRows: number, firstColumns: number): Dims[] {
  const out: Dims[] = [];
  const lastRow = used.row + used.rows - 1;
  const lastColumn = used.column + used.columns - 1;
  if (lastColumn >= firstColumns && used.row < firstRows) {
    const column = Math.max(used.column, firstColumns);
    out.push({
      row: used.row,
      column,
      rows: Math.min(lastRow, firstRows - 1) - used.row + 1,
      columns: lastColumn - column + 1,
    });
  }
  if (lastRow >= firstRows) {
    const row = Math.max(used.row, firstRows);
    out.push({ row, column: used.column, rows: lastRow - row + 1, columns: used.columns });
  }
  return out;
}

function dimsAddress(d: Dims): string {
  return `${cellAddress(d.row + 1, d.column + 1)}:${cellAddress(d.row + d.rows, d.column + d.columns)}`;
}

/** Assembles blocks into one rectangle aligned on the sheet's used range. */
/** Wider than this, rows are kept only as long as their last value (a stray far right). */
const PADDED_COLUMNS = 1024;

class Grid {
  readonly values: CellValue[][];
  constructor(private readonly used: Dims) {
    const width = used.columns <= PADDED_COLUMNS ? used.columns : 0;
    this.values = Array.from({ length: used.rows }, () => new Array<CellValue>(width).fill(null));
  }
  placeRange(part: Excel.Range): void {
    if (part.isNullObject) return;
    this.placeValues(part.rowIndex, part.columnIndex, part.values);
  }
  /** `values` whose top-left cell is (row, column), 0-based sheet coordinates. */
  placeValues(row: number, column: number, values: unknown[][]): void {
    const top = row - this.used.row;
    const left = column - this.used.column;
    values.forEach((cells, r) => {
      const target = this.values[top + r];
      if (!target) return;
      cells.forEach((cell, c) => {
        const at = left + c;
        if (at < 0 || at >= this.used.columns) return;
        const value = fromExcel(cell);
        if (at < target.length) target[at] = value;
        else if (value !== null) {
          while (target.length < at) target.push(null);
          target.push(value);
        }
      });
    });
  }
}

/** Excel's "General" says nothing about a value: only other formats are kept. */
function formatRow(row: unknown[]): (string | undefined)[] {
  return row.map((code) => (typeof code === 'string' && code !== 'General' ? code : undefined));
}

function fromExcel(cell: unknown): CellValue {
  if (cell === '' || cell === undefined) return null;
  if (typeof cell === 'string' || typeof cell === 'number' || typeof cell === 'boolean') return cell;
  return null;
}

function toExcel(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}
