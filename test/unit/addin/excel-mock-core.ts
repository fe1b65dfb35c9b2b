// A small Excel built on office-addin-mock: worksheets backed by plain arrays, ranges created on
// demand, context.sync counted, assigned values written back, and worksheet events raised for the
// add-in's writes (marked ThisLocalAddin) and for simulated user actions. It also reproduces what
// breaks an add-in in real Excel (see docs/excel.md): batches refused in cell edit mode, failed
// batches (protected sheets, missing sheets) that leave the rest of the batch unrun, payload
// limits, renames without events, inserted/deleted cells, drop-down picks that fire no onChanged,
// co-authors' edits, subscriptions that exist only once their sync succeeded.
// No jest here: `npm run bench` (bench/excel.bench.ts) counts round trips with it too; tests
// import it through excel-mock.ts.
import { OfficeMockObject } from 'office-addin-mock';
import { parseRange, cellAddress } from '../../../addin/port/a1';
import type { XlsxWorkbook } from '../../../formats/xlsx/xlsx-reader';

type Cell = string | number | boolean;

/** A sheet given to the mock: values, and optionally what Excel holds besides them. */
export interface MockSheetInput {
  name: string;
  cells: Cell[][];
  visibility?: 'Hidden' | 'VeryHidden';
  /** Formula text without '=' at the cells' positions (undefined where typed). */
  formulas?: (string | undefined)[][];
  /** Merged ranges, 1-based inclusive. */
  merges?: MockMerge[];
  /** Number formats at the cells' positions ("General" where undefined). */
  numberFormats?: (string | undefined)[][];
}

/** A sheet as the mock holds it (its visibility is kept apart, as the adapter sets it). */
export interface MockSheet extends Omit<MockSheetInput, 'visibility'> {
  id: string;
}

export interface MockMerge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RecordedWrite {
  sheet: string;
  address: string;
  values: Cell[][];
}

export interface MockFormat {
  sheet: string;
  address: string;
  type: string;
  rule?: unknown;
  id?: string;
  fill?: string;
}

export interface ExcelMockOptions {
  /** Whether the host marks the add-in's own events with triggerSource (ExcelApi 1.14). */
  triggerSource?: boolean;
  /** Whether renames raise worksheets.onNameChanged (ExcelApi 1.17). */
  nameEvents?: boolean;
  /** Cells a single sync may return (Excel on the web's 5 MB payload, in cells). */
  maxCellsPerSync?: number;
  /** The workbook counts dates from 1904. */
  date1904?: boolean;
  /** Whether enableEvents = false at a batch's start silences that batch's own events (default). */
  suppressOwnEvents?: boolean;
  /** Whether the host has Range.getMergedAreasOrNullObject (ExcelApi 1.13; default true). */
  mergedAreas?: boolean;
  /** A host that fails every batch asking for special cells (the formula lookup). */
  refuseSpecialCells?: boolean;
}

type EventHandler = (event: unknown) => Promise<void> | void;
type EventName = 'changed' | 'selection' | 'name';

/** An error shaped like OfficeExtension.Error. */
export function officeError(code: string): Error {
  return Object.assign(new Error(`RichApi.Error: ${code}`), { code, name: 'RichApi.Error' });
}

export class ExcelMock {
  syncs = 0;
  /** Cells returned per sync, in order (the payload each round trip carried). */
  readonly syncCells: number[] = [];
  readonly writes: RecordedWrite[] = [];
  readonly selections: string[] = [];
  /** The conditional formats the sheets hold now (the add-in's and the partner's). */
  readonly conditionalFormats: MockFormat[] = [];
  readonly hiddenColumns: string[] = [];
  /** Data validations set at sync: rule, error alert and blanks, by sheet and range. */
  readonly validations: {
    sheet: string;
    address: string;
    rule: unknown;
    errorAlert?: unknown;
    ignoreBlanks?: unknown;
  }[] = [];
  /** Sheet name → visibility set by the adapter ("Hidden", "VeryHidden"). */
  readonly visibility: Record<string, string> = {};
  /** The options of every Excel.run (undefined when called without). */
  readonly runOptions: unknown[] = [];
  /** Whether Excel raises events for this add-in (runtime.enableEvents as the host holds it). */
  eventsEnabled = true;
  /** Codes the next syncs throw, one per sync (e.g. InvalidOperationInCellEditMode). */
  readonly failures: string[] = [];
  /** Runs inside the next sync, before Excel answers: a user acting while a batch is in flight. */
  duringSync: (() => Promise<void> | void) | null = null;
  private readonly options: ExcelMockOptions;
  private readonly sheets: MockSheet[];
  private readonly protectedSheets = new Set<string>();
  private readonly created: { sheet: MockSheet; address: string; mock: OfficeMockObject; given: unknown }[] = [];
  private readonly handlers: Record<EventName, EventHandler[]> = { changed: [], selection: [], name: [] };
  private pendingHandlers: { event: EventName; handler: EventHandler }[] = [];
  private pendingFormats: MockFormat[] = [];
  private pendingDeletes = new Set<string>();
  private runtimeLog: boolean[] = [];
  private batchError: string | null = null;
  private loadedCells = 0;
  private nextFormatId = 1;
  readonly context: OfficeMockObject;

  constructor(sheets: MockSheetInput[], options: ExcelMockOptions = {}) {
    this.options = { triggerSource: true, suppressOwnEvents: true, mergedAreas: true, ...options };
    this.sheets = sheets.map((s, i) => ({
      name: s.name,
      cells: s.cells,
      id: `{sheet-${i}}`,
      ...(s.formulas ? { formulas: s.formulas } : {}),
      ...(s.merges ? { merges: s.merges } : {}),
      ...(s.numberFormats ? { numberFormats: s.numberFormats } : {}),
    }));
    for (const s of sheets) if (s.visibility) this.visibility[s.name] = s.visibility;
    const collectionEvent = (event: EventName) => ({
      add: (handler: EventHandler) => {
        this.pendingHandlers.push({ event, handler });
        return {
          context: this.context,
          remove: () => (this.handlers[event] = this.handlers[event].filter((h) => h !== handler)),
        };
      },
    });
    this.context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (key: string) => this.worksheet(this.find(key) ?? this.missing(key)),
          getItemOrNullObject: (key: string) => {
            const sheet = this.find(key);
            const ws = this.worksheet(sheet ?? { name: '', id: '', cells: [] });
            ws.isNullObject = !sheet;
            return ws;
          },
          getActiveWorksheet: () => this.worksheet(this.sheets[0]),
          add: (name: string) => {
            if (this.find(name)) {
              this.batchError = 'ItemAlreadyExists';
              return this.worksheet(this.find(name) as MockSheet);
            }
            const sheet = { name, id: `{sheet-${this.sheets.length}}`, cells: [] };
            this.sheets.push(sheet);
            return this.worksheet(sheet);
          },
          onChanged: collectionEvent('changed'),
          onSelectionChanged: collectionEvent('selection'),
          onNameChanged: collectionEvent('name'),
        },
        functions: {
          // DATE(1904;1;1): 0 in the 1904 date system, 1462 in the 1900 one.
          date: () => ({ load: () => undefined, value: this.options.date1904 ? 0 : 1462 }),
        },
      },
    });
    // runtime.enableEvents: every assignment of a batch is logged and takes effect at its sync.
    const runtime = {};
    Object.defineProperty(runtime, 'enableEvents', {
      get: () => this.runtimeLog.at(-1) ?? this.eventsEnabled,
      set: (value: boolean) => {
        this.runtimeLog.push(value);
      },
    });
    Object.defineProperty(this.context, 'runtime', { value: runtime });
    // office-addin-mock cannot load collection items ("items/name"): items arrive at sync instead.
    this.context.workbook.worksheets.load = () => undefined;
    const realSync = this.context.sync.bind(this.context);
    this.context.sync = async () => {
      this.syncs += 1;
      const batch = this.created.splice(0);
      const runtimeLog = this.runtimeLog.splice(0);
      const handlers = this.pendingHandlers.splice(0);
      const formats = this.pendingFormats.splice(0);
      const deletes = new Set(this.pendingDeletes);
      this.pendingDeletes.clear();
      const cells = this.loadedCells;
      this.loadedCells = 0;
      const batchError = this.batchError;
      this.batchError = null;
      try {
        const hook = this.duringSync;
        this.duringSync = null;
        await hook?.();
        const failure = this.failures.shift();
        if (failure) throw officeError(failure);
        if (batchError) throw officeError(batchError);
        if (this.options.maxCellsPerSync !== undefined && cells > this.options.maxCellsPerSync)
          throw officeError('ResponsePayloadSizeLimitExceeded');
        if (batch.some((e) => e.address && this.protectedSheets.has(e.sheet.id) && assigned(e)))
          throw officeError('AccessDenied');
      } catch (error) {
        // A failed batch stops where it failed: what came before ran (the adapter's
        // enableEvents = false at its start), what came after (enableEvents = true) did not.
        if (runtimeLog.length > 0) this.eventsEnabled = runtimeLog[0];
        throw error;
      }
      this.syncCells.push(cells);
      await realSync();
      // Items of the collection are produced at sync time, like Excel.
      this.context.workbook.worksheets.items = this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: this.visibility[s.name] ?? 'Visible',
      }));
      for (const entry of batch) await entry.mock.sync();
      const eventsDuringBatch =
        runtimeLog.length > 0 && this.options.suppressOwnEvents ? runtimeLog[0] : this.eventsEnabled;
      this.applyWrites(batch, eventsDuringBatch);
      for (const { event, handler } of handlers) this.handlers[event].push(handler);
      for (let i = this.conditionalFormats.length - 1; i >= 0; i--)
        if (deletes.has(this.conditionalFormats[i].id ?? '')) this.conditionalFormats.splice(i, 1);
      this.conditionalFormats.push(...formats);
      if (runtimeLog.length > 0) this.eventsEnabled = runtimeLog[runtimeLog.length - 1];
    };
  }

  /** The `Excel` global for the adapter. */
  get excel(): unknown {
    return {
      run: async (...args: unknown[]) => {
        this.runOptions.push(args.length > 1 ? args[0] : undefined);
        return (args[args.length - 1] as (c: unknown) => Promise<unknown>)(this.context);
      },
    };
  }

  sheet(name: string): MockSheet {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  /** How many event handlers Excel holds (subscriptions whose sync succeeded). */
  handlerCount(event: EventName = 'changed'): number {
    return this.handlers[event].length;
  }

  /** Writes to this sheet fail their whole batch (AccessDenied), as on a protected sheet. */
  protect(name: string, on = true): void {
    if (on) this.protectedSheets.add(this.sheet(name).id);
    else this.protectedSheets.delete(this.sheet(name).id);
  }

  /** A user's edit in Excel: the cell changes and a change event (triggerSource Unknown) fires. */
  async userEdit(sheetName: string, address: string, value: Cell): Promise<void> {
    this.silentEdit(sheetName, address, value);
    await this.emit(this.sheet(sheetName), address, 'Unknown');
  }

  /** A co-author's edit: the cell changes and the event arrives with source Remote. */
  async remoteEdit(sheetName: string, address: string, value: Cell): Promise<void> {
    this.silentEdit(sheetName, address, value);
    await this.emit(this.sheet(sheetName), address, 'Unknown', 'RangeEdited', 'Remote');
  }

  /** The user types a formula (without '='); `result` is what Excel computes for it. */
  async userFormula(sheetName: string, address: string, formula: string, result: Cell): Promise<void> {
    const ref = parseRange(address);
    if (!ref) throw new Error(address);
    this.set(this.sheet(sheetName), ref.first.row, ref.first.column, result, formula);
    await this.emit(this.sheet(sheetName), address, 'Unknown');
  }

  /** A value that changes with no onChanged: a drop-down pick in Excel on the web (#3888, #4066). */
  silentEdit(sheetName: string, address: string, value: Cell): void {
    const ref = parseRange(address);
    if (!ref) throw new Error(address);
    this.set(this.sheet(sheetName), ref.first.row, ref.first.column, value);
  }

  /** The user selects a cell: worksheets.onSelectionChanged fires. */
  async userSelect(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    if (!this.eventsEnabled) return;
    for (const handler of [...this.handlers.selection])
      await handler({ worksheetId: sheet.id, address, type: 'WorksheetSelectionChanged' });
  }

  /** The user renames a sheet: no onChanged; onNameChanged only where the host has it (1.17). */
  async renameSheet(from: string, to: string): Promise<void> {
    const sheet = this.sheet(from);
    sheet.name = to;
    if (!this.options.nameEvents || !this.eventsEnabled) return;
    for (const handler of [...this.handlers.name])
      await handler({
        worksheetId: sheet.id,
        nameBefore: from,
        nameAfter: to,
        source: 'Local',
        type: 'WorksheetNameChanged',
      });
  }

  /** The user deletes cells (e.g. A3:N3) shifting the cells below up: CellDeleted. */
  async deleteCellsUp(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    const ref = parseRange(address) as NonNullable<ReturnType<typeof parseRange>>;
    const count = ref.last.row - ref.first.row + 1;
    for (let r = ref.first.row; r <= sheet.cells.length; r++) {
      for (let c = ref.first.column; c <= ref.last.column; c++) {
        const below = sheet.cells[r - 1 + count]?.[c - 1] ?? '';
        this.set(sheet, r, c, below);
      }
    }
    await this.emit(sheet, address, 'Unknown', 'CellDeleted');
  }

  /** The user inserts whole rows above `row`: RowInserted. */
  async insertRows(sheetName: string, row: number, count: number): Promise<void> {
    const sheet = this.sheet(sheetName);
    sheet.cells.splice(row - 1, 0, ...Array.from({ length: count }, () => [] as Cell[]));
    sheet.formulas?.splice(row - 1, 0, ...Array.from({ length: count }, () => []));
    await this.emit(sheet, `${row}:${row + count - 1}`, 'Unknown', 'RowInserted');
  }

  /** A conditional format the partner made on their own. */
  addPartnerFormat(sheetName: string, address: string, type: string, rule: unknown, fill = '#FFFF00'): void {
    this.conditionalFormats.push({ sheet: sheetName, address, type, rule, fill, id: `partner-${this.nextFormatId++}` });
  }

  /** Case-insensitive like Excel; sheet ids too. */
  private find(key: string): MockSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => s.name.toLowerCase() === key.toLowerCase());
  }

  /** getItem of a sheet that is not there: the batch fails at sync (ItemNotFound). */
  private missing(key: string): MockSheet {
    this.batchError ??= 'ItemNotFound';
    return { name: key, id: '{missing}', cells: [] };
  }

  private worksheet(sheet: MockSheet): OfficeMockObject {
    const ws = new OfficeMockObject({
      name: sheet.name,
      id: sheet.id,
      visibility: 'Visible',
      activate: () => undefined,
      getRange: (address?: string) => this.range(sheet, address ?? 'A1:XFD1048576'),
      getUsedRangeOrNullObject: () => this.usedRange(sheet, 1, sheet.cells.length, 1, 16_384),
    });
    ws.isNullObject = false;
    this.created.push({ sheet, address: '', mock: ws, given: undefined });
    return ws;
  }

  private range(sheet: MockSheet, address: string): OfficeMockObject {
    const ref = parseRange(address);
    if (!ref) throw new Error(`bad address ${address}`);
    // Whole rows ("1:5000") hold only the sheet's used columns, not 16,384.
    const width = sheet.cells.reduce((w, r) => Math.max(w, r.length), 0);
    const values = this.slice(
      sheet,
      ref.first.row,
      ref.last.row,
      ref.first.column,
      Math.min(ref.last.column, Math.max(width, ref.first.column)),
    );
    const formulas = values.map((cells, i) =>
      cells.map((value, j) => {
        const formula = sheet.formulas?.[ref.first.row - 1 + i]?.[ref.first.column - 1 + j];
        return formula === undefined ? value : `=${formula}`;
      }),
    );
    const numberFormat = values.map((cells, i) =>
      cells.map((_, j) => sheet.numberFormats?.[ref.first.row - 1 + i]?.[ref.first.column - 1 + j] ?? 'General'),
    );
    const mock = new OfficeMockObject({
      address,
      values,
      formulas,
      numberFormat,
      columnHidden: false,
      select: () => this.selections.push(`${sheet.name}!${address}`),
      getUsedRangeOrNullObject: () =>
        this.usedRange(sheet, ref.first.row, ref.last.row, ref.first.column, ref.last.column),
      getResizedRange: (rows: number, columns: number) =>
        this.range(
          sheet,
          `${cellAddress(ref.first.row, ref.first.column)}:${cellAddress(ref.first.row + rows, ref.first.column + columns)}`,
        ),
      dataValidation: { clear: () => undefined },
      getSpecialCellsOrNullObject: (type: string) => this.formulaAreas(sheet, ref, type),
      ...(this.options.mergedAreas ? { getMergedAreasOrNullObject: () => this.mergedAreas(sheet, ref) } : {}),
    });
    this.countLoads(mock, values);
    (mock as unknown as { conditionalFormats: unknown }).conditionalFormats = this.formatCollection(sheet, address);
    this.created.push({ sheet, address, mock, given: values });
    return mock;
  }

  /** range.conditionalFormats: the formats intersecting the range's columns; add and delete at sync. */
  private formatCollection(sheet: MockSheet, address: string): unknown {
    const ref = parseRange(address) as NonNullable<ReturnType<typeof parseRange>>;
    const formats = this.conditionalFormats;
    const deletes = this.pendingDeletes;
    const intersects = (f: MockFormat) => {
      const r = parseRange(f.address);
      return f.sheet === sheet.name && r && r.first.column <= ref.last.column && r.last.column >= ref.first.column;
    };
    return {
      load: () => undefined,
      getItem: (id: string) => ({ delete: () => deletes.add(id) }),
      clearAll: () => {
        for (const f of this.conditionalFormats) if (intersects(f)) this.pendingDeletes.add(f.id ?? '');
      },
      get items() {
        return formats.filter(intersects).map((f) => ({
          id: f.id,
          type: f.type,
          textComparisonOrNullObject:
            f.type === 'ContainsText'
              ? { isNullObject: false, rule: f.rule, format: { fill: { color: f.fill } } }
              : { isNullObject: true },
          delete: () => deletes.add(f.id ?? ''),
        }));
      },
      add: (type: string) => {
        const entry: MockFormat = { sheet: sheet.name, address, type, id: `format-${this.nextFormatId++}` };
        this.pendingFormats.push(entry);
        const fill = {};
        Object.defineProperty(fill, 'color', {
          set: (v: string) => {
            entry.fill = v;
          },
          get: () => entry.fill,
        });
        return {
          load: () => undefined,
          get id() {
            return entry.id;
          },
          textComparison: {
            format: { fill, font: {} },
            set rule(v: unknown) {
              entry.rule = v;
            },
          },
        };
      },
    };
  }

  /** Counts the cells a load of `values` (and of `formulas`) will bring back at the next sync. */
  private countLoads(mock: OfficeMockObject, values: Cell[][]): void {
    const load = mock.load.bind(mock);
    mock.load = (properties?: unknown) => {
      const cells = values.reduce((n, r) => n + r.length, 0);
      const asked = String(properties ?? '').split(',');
      if (asked.includes('values')) this.loadedCells += cells;
      if (asked.includes('formulas')) this.loadedCells += cells;
      if (asked.includes('numberFormat')) this.loadedCells += cells;
      return load(properties as string);
    };
  }

  /**
   * range.getSpecialCellsOrNullObject('Formulas'): the formula cells of the range as areas (a
   * column's consecutive formula cells make one area, as Excel groups them); a null object when
   * there are none. Other types are not modelled.
   */
  private formulaAreas(sheet: MockSheet, ref: NonNullable<ReturnType<typeof parseRange>>, type: string): unknown {
    if (type !== 'Formulas') throw new Error(`special cells ${type} not modelled`);
    if (this.options.refuseSpecialCells) this.batchError ??= 'GeneralException';
    const areas: MockMerge[] = [];
    const formulas = sheet.formulas ?? [];
    const lastRow = Math.min(ref.last.row, formulas.length);
    const width = formulas.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
    for (let c = ref.first.column; c <= Math.min(ref.last.column, width); c++) {
      let top = 0;
      for (let r = ref.first.row; r <= lastRow + 1; r++) {
        const has = r <= lastRow && formulas[r - 1]?.[c - 1] !== undefined;
        if (has && top === 0) top = r;
        if (!has && top !== 0) {
          areas.push({ top, left: c, bottom: r - 1, right: c });
          top = 0;
        }
      }
    }
    return this.rangeAreas(areas);
  }

  /** Merges whose top-left cell lies in the range (office-js #3611: only those are returned). */
  private mergedAreas(sheet: MockSheet, ref: NonNullable<ReturnType<typeof parseRange>>): unknown {
    const inside = (sheet.merges ?? []).filter(
      (m) => m.top >= ref.first.row && m.top <= ref.last.row && m.left >= ref.first.column && m.left <= ref.last.column,
    );
    return this.rangeAreas(inside);
  }

  /** A RangeAreas whose `areas` items carry their position (0-based, as Excel's rowIndex). */
  private rangeAreas(areas: MockMerge[]): unknown {
    this.loadedCells += areas.length;
    return {
      isNullObject: areas.length === 0,
      load: () => undefined,
      areaCount: areas.length,
      cellCount: areas.reduce((n, a) => n + (a.bottom - a.top + 1) * (a.right - a.left + 1), 0),
      areas: {
        load: () => undefined,
        items: areas.map((a) => ({
          rowIndex: a.top - 1,
          columnIndex: a.left - 1,
          rowCount: a.bottom - a.top + 1,
          columnCount: a.right - a.left + 1,
        })),
      },
    };
  }

  /** Used range of rows [from, to] × columns [left, right] (values only); null when empty. */
  private usedRange(
    sheet: MockSheet,
    from: number,
    to: number,
    minColumn: number,
    maxColumn: number,
  ): OfficeMockObject {
    let top = 0;
    let bottom = 0;
    let left = 0;
    let right = 0;
    for (let r = from; r <= Math.min(to, sheet.cells.length); r++) {
      const row = sheet.cells[r - 1] ?? [];
      row.forEach((cell, c) => {
        if (cell === '' || cell === undefined || c + 1 < minColumn || c + 1 > maxColumn) return;
        top = top ? Math.min(top, r) : r;
        bottom = Math.max(bottom, r);
        left = left ? Math.min(left, c + 1) : c + 1;
        right = Math.max(right, c + 1);
      });
    }
    const empty = top === 0;
    const values = empty ? [] : this.slice(sheet, top, bottom, left, right);
    const mock = new OfficeMockObject({
      values,
      rowIndex: top - 1,
      columnIndex: left - 1,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    });
    mock.isNullObject = empty;
    this.countLoads(mock, values);
    this.created.push({ sheet, address: '', mock, given: undefined });
    return mock;
  }

  private slice(sheet: MockSheet, r1: number, r2: number, c1: number, c2: number): Cell[][] {
    const out: Cell[][] = [];
    for (let r = r1; r <= Math.min(r2, Math.max(sheet.cells.length, r1)); r++) {
      const row = sheet.cells[r - 1] ?? [];
      const cells: Cell[] = [];
      for (let c = c1; c <= c2; c++) cells.push(row[c - 1] ?? '');
      out.push(cells);
    }
    return out;
  }

  private set(sheet: MockSheet, row: number, column: number, value: Cell, formula?: string): void {
    // A value typed over a formula replaces it, as in Excel.
    const formulas = sheet.formulas?.[row - 1];
    if (formulas && formulas[column - 1] !== undefined) formulas[column - 1] = undefined;
    if (formula !== undefined) {
      sheet.formulas ??= [];
      while (sheet.formulas.length < row) sheet.formulas.push([]);
      (sheet.formulas[row - 1] ??= [])[column - 1] = formula;
    }
    while (sheet.cells.length < row) sheet.cells.push([]);
    const target = sheet.cells[row - 1];
    while (target.length < column) target.push('');
    target[column - 1] = value;
  }

  /** Values the adapter assigned in the batch go to the sheet and, with events on, raise events. */
  private applyWrites(batch: typeof this.created, eventsOn: boolean): void {
    for (const entry of batch) {
      const mock = entry.mock as unknown as {
        values?: unknown;
        columnHidden?: unknown;
        visibility?: unknown;
        dataValidation?: { rule?: unknown; errorAlert?: unknown; ignoreBlanks?: unknown };
      };
      if (entry.address && mock.columnHidden === true) this.hiddenColumns.push(`${entry.sheet.name}!${entry.address}`);
      if (!entry.address && (mock.visibility === 'Hidden' || mock.visibility === 'VeryHidden'))
        this.visibility[entry.sheet.name] = mock.visibility;
      const validation = mock.dataValidation;
      if (entry.address && validation?.rule !== undefined) {
        this.validations.push({
          sheet: entry.sheet.name,
          address: entry.address,
          rule: validation.rule,
          ...(validation.errorAlert !== undefined ? { errorAlert: validation.errorAlert } : {}),
          ...(validation.ignoreBlanks !== undefined ? { ignoreBlanks: validation.ignoreBlanks } : {}),
        });
      }
      if (!assigned(entry)) continue;
      const ref = parseRange(entry.address) as NonNullable<ReturnType<typeof parseRange>>;
      const values = mock.values as Cell[][];
      values.forEach((row, i) =>
        row.forEach((v, j) => this.set(entry.sheet, ref.first.row + i, ref.first.column + j, v)),
      );
      this.writes.push({ sheet: entry.sheet.name, address: entry.address, values });
      // Excel reports the add-in's own writes too (marked as such where the host can).
      if (eventsOn)
        void this.emit(entry.sheet, entry.address, this.options.triggerSource ? 'ThisLocalAddin' : undefined);
    }
  }

  private async emit(
    sheet: MockSheet,
    address: string,
    triggerSource: string | undefined,
    changeType = 'RangeEdited',
    source = 'Local',
  ): Promise<void> {
    if (!this.eventsEnabled) return;
    for (const handler of [...this.handlers.changed]) {
      await handler({
        worksheetId: sheet.id,
        address,
        changeType,
        ...(triggerSource !== undefined ? { triggerSource } : {}),
        source,
        type: 'WorksheetChanged',
      });
    }
  }
}

/**
 * The sheets of an .xlsx as Excel would hold them once opened: what `Range.values` gives (dates
 * as serial numbers in the workbook's date system, errors as their text, empty as ''), the
 * formulas and the merges. The same bytes then reach the Office adapter and the file adapter.
 */
export function mockSheetsFromXlsx(workbook: XlsxWorkbook): MockSheetInput[] {
  const epoch = workbook.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  const cell = (value: unknown): Cell => {
    if (value === null || value === undefined) return '';
    if (value instanceof Date) {
      const days = (value.getTime() - epoch) / 86_400_000;
      // The 1900 system counts a 29 February 1900 that never was: serials below 60 are one day less.
      return !workbook.date1904 && days < 61 ? days - 1 : days;
    }
    return value as Cell;
  };
  return workbook.sheets.map((s) => ({
    name: s.name,
    cells: Array.from(s.rows, (row) => Array.from(row ?? [], cell)),
    formulas: s.formulas.map((row) => (row ? [...row] : [])),
    merges: s.merges.map((m) => ({ ...m })),
    numberFormats: s.numberFormats.map((row) => (row ? [...row] : [])),
    ...(s.visibility === 'hidden' ? { visibility: 'Hidden' as const } : {}),
    ...(s.visibility === 'veryHidden' ? { visibility: 'VeryHidden' as const } : {}),
  }));
}

function assigned(entry: { address: string; mock: OfficeMockObject; given: unknown }): boolean {
  const values = (entry.mock as unknown as { values?: unknown }).values;
  return Boolean(entry.address) && Array.isArray(values) && values !== entry.given;
}
