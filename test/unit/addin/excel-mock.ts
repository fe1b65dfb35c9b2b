// A small Excel built on office-addin-mock: worksheets backed by plain arrays, ranges created on
// demand, context.sync counted, assigned values written back, and worksheet change events raised
// for the add-in's writes (marked ThisLocalAddin) and for simulated user edits.
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full import
// chain is ESM that jest's CommonJS runtime cannot load.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));
import { parseRange, cellAddress } from '../../../addin/port/a1';

type Cell = string | number | boolean;

export interface MockSheet {
  name: string;
  id: string;
  cells: Cell[][];
}

export interface RecordedWrite {
  sheet: string;
  address: string;
  values: Cell[][];
}

export class ExcelMock {
  syncs = 0;
  readonly writes: RecordedWrite[] = [];
  readonly selections: string[] = [];
  readonly conditionalFormats: { sheet: string; address: string; type: string; rule?: unknown }[] = [];
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
  private readonly sheets: MockSheet[];
  private readonly created: { sheet: MockSheet; address: string; mock: OfficeMockObject; given: unknown }[] = [];
  private handlers: ((event: unknown) => Promise<void> | void)[] = [];
  readonly context: OfficeMockObject;

  constructor(sheets: { name: string; cells: Cell[][]; visibility?: 'Hidden' | 'VeryHidden' }[]) {
    this.sheets = sheets.map((s, i) => ({ name: s.name, cells: s.cells, id: `{sheet-${i}}` }));
    for (const s of sheets) if (s.visibility) this.visibility[s.name] = s.visibility;
    this.context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => this.worksheet(this.byName(name)),
          getItemOrNullObject: (id: string) => this.worksheet(this.sheets.find((s) => s.id === id) ?? this.sheets[0]),
          getActiveWorksheet: () => this.worksheet(this.sheets[0]),
          add: (name: string) => {
            const sheet = { name, id: `{sheet-${this.sheets.length}}`, cells: [] };
            this.sheets.push(sheet);
            return this.worksheet(sheet);
          },
          onChanged: {
            add: (handler: (event: unknown) => Promise<void>) => {
              this.handlers.push(handler);
              return {
                context: this.context,
                remove: () => (this.handlers = this.handlers.filter((h) => h !== handler)),
              };
            },
          },
        },
      },
      runtime: { enableEvents: true },
    });
    // office-addin-mock cannot load collection items ("items/name"): items arrive at sync instead.
    this.context.workbook.worksheets.load = () => undefined;
    const realSync = this.context.sync.bind(this.context);
    this.context.sync = async () => {
      this.syncs += 1;
      await realSync();
      // Items of the collection are produced at sync time, like Excel.
      this.context.workbook.worksheets.items = this.sheets.map((s) => ({
        name: s.name,
        id: s.id,
        visibility: this.visibility[s.name] ?? 'Visible',
      }));
      for (const entry of this.created) await entry.mock.sync();
      this.applyWrites();
    };
  }

  /** The `Excel` global for the adapter. */
  get excel(): unknown {
    return {
      run: async (...args: unknown[]) => (args[args.length - 1] as (c: unknown) => Promise<unknown>)(this.context),
    };
  }

  sheet(name: string): MockSheet {
    return this.byName(name);
  }

  /** A user's edit in Excel: the cell changes and a change event (triggerSource Unknown) fires. */
  async userEdit(sheetName: string, address: string, value: Cell): Promise<void> {
    const sheet = this.byName(sheetName);
    const ref = parseRange(address);
    if (!ref) throw new Error(address);
    this.set(sheet, ref.first.row, ref.first.column, value);
    await this.emit(sheet, address, 'Unknown');
  }

  private byName(name: string): MockSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }

  private worksheet(sheet: MockSheet): OfficeMockObject {
    const ws = new OfficeMockObject({
      name: sheet.name,
      id: sheet.id,
      visibility: this.visibility[sheet.name] ?? 'Visible',
      activate: () => undefined,
      getRange: (address: string) => this.range(sheet, address),
      getUsedRangeOrNullObject: () => this.usedRange(sheet, 1, sheet.cells.length),
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
    const mock = new OfficeMockObject({
      address,
      values,
      columnHidden: false,
      select: () => this.selections.push(`${sheet.name}!${address}`),
      getUsedRangeOrNullObject: () => this.usedRange(sheet, ref.first.row, ref.last.row),
      getResizedRange: (rows: number, columns: number) =>
        this.range(
          sheet,
          `${cellAddress(ref.first.row, ref.first.column)}:${cellAddress(ref.first.row + rows, ref.first.column + columns)}`,
        ),
      conditionalFormats: {
        clearAll: () => undefined,
        add: (type: string) => {
          const entry: { sheet: string; address: string; type: string; rule?: unknown } = {
            sheet: sheet.name,
            address,
            type,
          };
          this.conditionalFormats.push(entry);
          const format = { textComparison: { format: { fill: {}, font: {} }, rule: undefined as unknown } };
          return new Proxy(format, {
            get: (target, prop) => {
              if (prop === 'textComparison') {
                return new Proxy(target.textComparison, {
                  set: (t, p, v) => {
                    if (p === 'rule') entry.rule = v;
                    (t as Record<string | symbol, unknown>)[p] = v;
                    return true;
                  },
                });
              }
              return (target as Record<string | symbol, unknown>)[prop];
            },
          });
        },
      },
      dataValidation: { clear: () => undefined },
    });
    this.created.push({ sheet, address, mock, given: values });
    return mock;
  }

  /** Used range of rows [from, to] of a sheet (values only); a null object when they are empty. */
  private usedRange(sheet: MockSheet, from: number, to: number): OfficeMockObject {
    let top = 0;
    let bottom = 0;
    let left = 0;
    let right = 0;
    for (let r = from; r <= Math.min(to, sheet.cells.length); r++) {
      const row = sheet.cells[r - 1] ?? [];
      row.forEach((cell, c) => {
        if (cell === '' || cell === undefined) return;
        top = top ? Math.min(top, r) : r;
        bottom = Math.max(bottom, r);
        left = left ? Math.min(left, c + 1) : c + 1;
        right = Math.max(right, c + 1);
      });
    }
    const empty = top === 0;
    const mock = new OfficeMockObject({
      values: empty ? [] : this.slice(sheet, top, bottom, left, right),
      rowIndex: top - 1,
      columnIndex: left - 1,
      rowCount: bottom - top + 1,
      columnCount: right - left + 1,
    });
    mock.isNullObject = empty;
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

  private set(sheet: MockSheet, row: number, column: number, value: Cell): void {
    while (sheet.cells.length < row) sheet.cells.push([]);
    const target = sheet.cells[row - 1];
    while (target.length < column) target.push('');
    target[column - 1] = value;
  }

  /** Values the adapter assigned since the last sync go to the sheet and raise change events. */
  private applyWrites(): void {
    for (const entry of this.created.splice(0)) {
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
      if (!entry.address || !Array.isArray(mock.values) || mock.values === entry.given) continue;
      const ref = parseRange(entry.address) as NonNullable<ReturnType<typeof parseRange>>;
      const values = mock.values as Cell[][];
      values.forEach((row, i) =>
        row.forEach((v, j) => this.set(entry.sheet, ref.first.row + i, ref.first.column + j, v)),
      );
      this.writes.push({ sheet: entry.sheet.name, address: entry.address, values });
      // Excel reports the add-in's own writes too, marked as such.
      void this.emit(entry.sheet, entry.address, 'ThisLocalAddin');
    }
  }

  private async emit(sheet: MockSheet, address: string, triggerSource: string): Promise<void> {
    for (const handler of this.handlers) {
      await handler({
        worksheetId: sheet.id,
        address,
        changeType: 'RangeEdited',
        triggerSource,
        source: 'Local',
        type: 'WorksheetChanged',
      });
    }
  }
}
