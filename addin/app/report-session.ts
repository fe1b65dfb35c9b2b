// The pane's controller: reads the workbook through the port, finds the tables (shared/mapping),
// validates every row (shared/validate IncrementalValidator), writes the row ids and the status
// column, and on each edit re-reads and re-validates only the touched rows. It holds no rule.
import {
  detectTables,
  hasPlaceholderRowId,
  isReadableTable,
  skippedRowsFinding,
  readTable,
  ROW_ID_PLACEHOLDER_FLAG,
  type MappedTable,
  type MappingOverrides,
  type SheetGrid,
  type TableOverride,
} from '../../shared/mapping/mapping';
import { IncrementalValidator, type ValidationContext, type ValidationResult } from '../../shared/rules/validate';
import type { RowInput } from '../../shared/rows/rows';
import { sortFindings, columnLetter, type Finding } from '../../shared/findings/findings';
import { fieldDef } from '../../shared/mapping/fields';
import type { Block, WorkbookChange, WorkbookPort } from '../port/workbook-port';
import { tableLayout, type TableLayout } from './sheet-layout';
import { statusText } from './row-status';
import { newRowId } from './row-ids';
import { resolveRowIds } from '../../shared/submission';
import { MAPPING_SETTINGS_KEY, readMappingOverrides } from './mapping-settings';
import { HOURS_FIELDS } from '../../shared/mapping/time-cells';

export interface Progress {
  phase: 'lettura' | 'verifica' | 'scrittura';
  done: number;
  total: number;
}

export interface SessionState {
  tables: MappedTable[];
  /** Mapping findings (M01–M03) and rule findings together, sorted. */
  findings: Finding[];
  result: ValidationResult | null;
  rowCount: number;
  progress: Progress | null;
  error: string | null;
}

/** A paste larger than this is cheaper to handle as a fresh pass. */
const MAX_INCREMENTAL_ROWS = 2000;
/** After a failed re-read (Excel busy, cell edit mode past every retry) the sheet is read again. */
const RETRY_AFTER_FAILURE_MS = 3000;
/** A status cell whose content is not known (a failed write may or may not have reached it). */
const UNKNOWN = '\u0000?';
/** Serial of 1904-01-01 in the 1900 date system: what a 1904 workbook's serials lack. */
const DAYS_1900_TO_1904 = 1462;

const key = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

export class ReportSession {
  state: SessionState = { tables: [], findings: [], result: null, rowCount: 0, progress: null, error: null };
  private grids = new Map<string, unknown[][]>();
  /**
   * Formula texts per sheet by row, for the non-expense rows of §7 (a copy: edits replace rows);
   * undefined where the adapter could not tell.
   */
  private formulas = new Map<string, (readonly (string | undefined)[] | undefined)[] | undefined>();
  /** Merged ranges per sheet: cells merged down belong to every row they cover. */
  private merges = new Map<string, SheetGrid['merges']>();
  /** Number formats of the hours columns per sheet, where the adapter reads them (Excel). */
  private numberFormats = new Map<string, (readonly (string | undefined)[] | undefined)[]>();
  /** Skipped non-expense rows holding an amount, per sheet (the M04 info), kept across edits. */
  private skipped = new Map<string, Set<number>>();
  private layouts = new Map<string, TableLayout>();
  private rowsAt = new Map<string, RowInput>();
  private mappingFindings: Finding[] = [];
  private statusWritten = new Map<string, string>();
  private formattedTo = new Map<string, number>();
  private validator: IncrementalValidator;
  private overrides: MappingOverrides = {};
  private unsubscribe: (() => void) | null = null;
  private readonly listeners = new Set<(state: SessionState) => void>();
  private queue: Promise<void> = Promise.resolve();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly port: WorkbookPort,
    private context: ValidationContext,
  ) {
    this.validator = new IncrementalValidator(context);
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The corrections saved with the workbook, a first full pass, then live re-validation of edits. */
  start(): Promise<void> {
    this.unsubscribe ??= this.port.onChange((change) => void this.enqueue(() => this.applyChangeOrRetry(change)));
    return this.enqueue(async () => {
      await this.loadOverrides();
      await this.fullPass();
    });
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  setContext(context: ValidationContext): Promise<void> {
    this.context = context;
    return this.enqueue(() => this.fullPass());
  }

  /** The user's correction of a table (BENI/SERV, a column) from the mapping view, kept with the workbook. */
  setOverride(sheet: string, override: TableOverride): Promise<void> {
    const before = this.overrides[sheet] ?? {};
    this.overrides = {
      ...this.overrides,
      [sheet]: { ...before, ...override, columns: { ...before.columns, ...override.columns } },
    };
    const saved = this.overrides;
    return this.enqueue(async () => {
      try {
        await this.port.saveSettings(MAPPING_SETTINGS_KEY, saved);
      } catch {
        // Not kept with the workbook: the correction still applies until the pane is closed.
      }
      await this.fullPass();
    });
  }

  /** Corrections now in force (what is saved with the workbook). */
  mappingOverrides(): MappingOverrides {
    return this.overrides;
  }

  refresh(): Promise<void> {
    return this.enqueue(() => this.fullPass());
  }

  /** Passes and edits run one after the other, in arrival order. */
  whenIdle(): Promise<void> {
    return this.queue;
  }

  /** The rows as they stand (what a submission sends). */
  rows(): RowInput[] {
    return this.validator.rows();
  }

  rowAt(sheet: string, row: number): RowInput | undefined {
    return this.rowsAt.get(key(sheet, row));
  }

  /**
   * The ids the report gave the rows sent (answer.rowIds, by position): a row sent with another id
   * (a file opened afresh, a fresh id) takes the report's, in the id column too, so the next
   * submission of the same rows changes nothing and documents keep hanging on the same id.
   */
  adoptIds(
    sent: readonly { sheet?: string; row?: number; rowId?: string }[],
    rowIds: readonly string[],
  ): Promise<void> {
    return this.enqueue(async () => {
      const writes: (() => Promise<void>)[] = [];
      let changed = false;
      // A repeated id (R17) is the partner's to fix: those rows keep what they have.
      const uses = new Map<string, number>();
      for (const row of this.rowsAt.values()) uses.set(row.rowId, (uses.get(row.rowId) ?? 0) + 1);
      sent.forEach((s, i) => {
        const id = rowIds[i];
        if (!s.sheet || !s.row || typeof id !== 'string' || id === '') return;
        const current = this.rowsAt.get(key(s.sheet, s.row));
        const layout = this.layouts.get(s.sheet);
        if (!current || !layout || current.rowId === id || current.rowId !== s.rowId) return;
        if ((uses.get(current.rowId) ?? 0) > 1 || uses.has(id)) return;
        this.validator.remove(current.rowId);
        const next = { ...current, rowId: id };
        this.validator.upsert(next);
        this.rowsAt.set(key(s.sheet, s.row), next);
        this.setCell(s.sheet, s.row, layout.idColumn, id);
        const sheet = s.sheet;
        const row = s.row;
        writes.push(() => this.port.writeColumn(sheet, layout.idColumn, row, [id]));
        changed = true;
      });
      if (!changed) return;
      await Promise.all(writes.map((write) => write()));
      this.publish(this.state.tables, this.validator.result());
    });
  }

  private enqueue(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task).catch((error: unknown) => {
      this.update({
        progress: null,
        error: error instanceof Error ? error.message : 'Errore imprevisto durante la verifica.',
      });
    });
    this.queue = run;
    return run;
  }

  private async loadOverrides(): Promise<void> {
    try {
      this.overrides = {
        ...readMappingOverrides(await this.port.loadSettings(MAPPING_SETTINGS_KEY)),
        ...this.overrides,
      };
    } catch {
      // Unreadable settings: the detection alone decides, as on a first opening.
    }
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Reads and validates everything; `quiet` (the periodic re-read) shows no progress. */
  private async fullPass(quiet = false): Promise<void> {
    const progress = (p: Progress) => {
      if (!quiet) this.update({ progress: p });
    };
    if (!quiet) this.update({ progress: { phase: 'lettura', done: 0, total: 1 }, error: null });
    const names = await this.port.listSheets();
    const grids: SheetGrid[] = [];
    for (const [i, name] of names.entries()) {
      progress({ phase: 'lettura', done: i, total: names.length });
      const info = this.port.sheetInfo ? await this.port.sheetInfo(name) : undefined;
      grids.push({ name, rows: gridRows(await this.port.readBlock(name)), ...info });
    }
    progress({ phase: 'verifica', done: 0, total: 1 });
    await yieldToUi();

    this.grids = new Map(grids.map((g) => [g.name, g.rows]));
    this.formulas = new Map(grids.map((g) => [g.name, g.formulas?.slice()]));
    this.merges = new Map(grids.map((g) => [g.name, g.merges]));
    this.numberFormats.clear();
    this.skipped.clear();
    this.layouts.clear();
    this.rowsAt.clear();
    const tables = detectTables(grids, this.overrides);
    const mapping: Finding[] = tables.flatMap((t) => t.findings);
    const writes: (() => Promise<void>)[] = [];
    const rows: RowInput[] = [];
    const read: { layout: TableLayout; rows: RowInput[] }[] = [];
    for (const table of tables) {
      if (!isReadableTable(table)) continue;
      const grid = grids.find((g) => g.name === table.sheet) as SheetGrid;
      const layout = tableLayout(table, grid.rows);
      this.layouts.set(table.sheet, layout);
      if (this.date1904()) shiftDates1904(table, grid.rows, 1, grid.rows.length);
      // What the status column holds now: only cells whose text changes are written (undo, below).
      this.knownStatuses(layout, grid.rows);
      for (const { column, header } of layout.newHeaders) {
        writes.push(() => this.port.writeColumn(table.sheet, column, table.headerRow, [header]));
        this.setCell(table.sheet, table.headerRow, column, header);
      }
      if (layout.newHeaders.some((h) => h.column === layout.idColumn)) {
        writes.push(() => this.port.hideColumn(table.sheet, layout.idColumn));
      }
      // A file's formats come with its cells; Excel's are read for the hours columns only.
      const numberFormats = grid.numberFormats?.slice() ?? (await this.hoursFormats(table, grid.rows.length));
      if (numberFormats) this.numberFormats.set(table.sheet, numberFormats);
      const tableRead = readTable(withIdColumn(layout), { ...grid, numberFormats });
      mapping.push(...tableRead.findings);
      this.skipped.set(table.sheet, new Set(tableRead.skippedWithAmount));
      read.push({ layout, rows: tableRead.rows });
    }
    const matched = this.matchPrevious(read.flatMap((r) => r.rows));
    for (const { layout, rows: tableRows } of read) {
      writes.push(...this.assignIds(layout, tableRows, matched));
      for (const row of tableRows) {
        this.rowsAt.set(key(layout.table.sheet, row.row as number), row);
        rows.push(row);
      }
    }
    this.mappingFindings = mapping;
    const result = this.loadValidator(rows);

    progress({ phase: 'scrittura', done: 0, total: 1 });
    writes.push(...this.statusWrites());
    // Issued in one tick: the Office adapter sends them in one batch (one sync).
    const writeError = await settle(writes);
    // A periodic re-read that changed nothing does not redraw the pane (focus, scroll stay).
    if (quiet && !writeError && !this.state.error && this.unchanged(tables, result)) return;
    this.publish(tables, result, writeError);
  }

  /**
   * Number formats of a table's hours columns, where the adapter reads them (inside Excel a time
   * typed as 37:30 is a day fraction whose format says so), as a grid on sheet coordinates.
   * undefined when there is none to read or the host refused: the values alone decide.
   */
  private async hoursFormats(table: MappedTable, lastRow: number): Promise<(string | undefined)[][] | undefined> {
    const read = this.port.readNumberFormats?.bind(this.port);
    const firstRow = (table.headerLastRow ?? table.headerRow) + 1;
    const columns = HOURS_FIELDS.map((field) => table.columnIndexes[field]).filter((c) => c !== undefined);
    if (!read || columns.length === 0 || lastRow < firstRow) return undefined;
    const grid: (string | undefined)[][] = [];
    try {
      for (const c of columns) {
        const letter = columnLetter(c + 1);
        const formats = await read(table.sheet, `${letter}${firstRow}:${letter}${lastRow}`);
        formats.forEach(([code], i) => {
          if (code !== undefined) (grid[firstRow - 1 + i] ??= [])[c] = code;
        });
      }
    } catch {
      return undefined;
    }
    return grid;
  }

  private unchanged(tables: MappedTable[], result: ValidationResult): boolean {
    const findings = sortFindings([...this.mappingFindings, ...result.findings]);
    return (
      this.rowsAt.size === this.state.rowCount &&
      JSON.stringify(findings) === JSON.stringify(this.state.findings) &&
      JSON.stringify(tables) === JSON.stringify(this.state.tables)
    );
  }

  private date1904(): boolean {
    return this.port.dateSystem?.() === 1904;
  }

  /** The status column as read: each row's text is what the sheet shows (nothing is rewritten). */
  private knownStatuses(layout: TableLayout, rows: unknown[][]): void {
    const sheet = layout.table.sheet;
    const index = columnIndexOf(layout.statusColumn) - 1;
    for (const k of [...this.statusWritten.keys()]) if (k.startsWith(`${sheet}\u0000`)) this.statusWritten.delete(k);
    for (let r = layout.table.headerRow + 1; r <= rows.length; r++) {
      const cell = rows[r - 1]?.[index];
      if (cell !== null && cell !== undefined && cell !== '') this.statusWritten.set(key(sheet, r), String(cell));
    }
  }

  private loadValidator(rows: RowInput[]): ValidationResult {
    this.validator = new IncrementalValidator(this.context);
    return this.validator.load(rows);
  }

  /** A failed re-read keeps nothing stale: the whole workbook is read again a little later. */
  private async applyChangeOrRetry(change: WorkbookChange): Promise<void> {
    try {
      await this.applyChange(change);
    } catch (error) {
      if (!this.retryTimer && this.unsubscribe) {
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          void this.enqueue(() => this.fullPass(true));
        }, RETRY_AFTER_FAILURE_MS);
        (this.retryTimer as { unref?: () => void }).unref?.();
      }
      throw error;
    }
  }

  private async applyChange(change: WorkbookChange): Promise<void> {
    const layout = this.layouts.get(change.sheet);
    const rows = change.rows;
    // The row the user left, on a sheet or row outside every table: nothing to re-validate.
    if (change.source === 'selection' && (!layout || !rows || rows.first <= layout.table.headerRow)) return;
    if (change.source === 'rescan') return this.fullPass(true);
    // Only the add-in's status column changed (the user undid a status write): leave it so.
    if (layout && rows && change.columns && onlyColumn(change.columns, layout.statusColumn)) {
      for (let r = rows.first; r <= rows.last; r++) this.statusWritten.set(key(change.sheet, r), UNKNOWN);
      return;
    }
    if (!layout || !rows || rows.first <= layout.table.headerRow || rows.last - rows.first > MAX_INCREMENTAL_ROWS) {
      return this.fullPass();
    }
    const { table } = layout;
    const block = await this.port.readBlock(change.sheet, `A${rows.first}:${columnLetter(layout.width)}${rows.last}`);
    const grid = this.grids.get(change.sheet) ?? [];
    const fresh1 = block.values.map((values) => values.slice() as unknown[]);
    const formulas = this.formulas.get(change.sheet);
    const numberFormats = this.numberFormats.get(change.sheet);
    // The edited rows' formulas and formats as they are now (a formula added, hours as 37:30).
    block.formulas?.forEach((cells, i) => {
      if (formulas) formulas[rows.first - 1 + i] = cells;
    });
    block.numberFormats?.forEach((cells, i) => {
      if (numberFormats) numberFormats[rows.first - 1 + i] = cells;
    });
    if (this.date1904()) shiftDates1904(table, fresh1, rows.first, rows.last);
    // A selection move over a row whose values did not change costs the read only.
    if (change.source === 'selection' && fresh1.every((values, i) => sameRow(values, grid[rows.first - 1 + i]))) return;
    fresh1.forEach((values, i) => {
      grid[rows.first - 1 + i] = values;
    });
    // The touched rows only; the whole grid is there for the cells merged down from above.
    const read = readTable(
      withIdColumn(layout),
      { name: table.sheet, rows: grid, formulas, merges: this.merges.get(change.sheet), numberFormats },
      rows,
    );
    const skipped = this.skipped.get(change.sheet) ?? new Set<number>();
    for (let r = rows.first; r <= rows.last; r++) skipped.delete(r);
    for (const r of read.skippedWithAmount) skipped.add(r);
    this.skipped.set(change.sheet, skipped);
    const writes = this.assignIds(layout, read.rows);
    const fresh = new Map(read.rows.map((row) => [row.row as number, row]));
    for (let r = rows.first; r <= rows.last; r++) {
      const old = this.rowsAt.get(key(change.sheet, r));
      const now = fresh.get(r);
      if (old && (!now || old.rowId !== now.rowId)) this.validator.remove(old.rowId);
      if (now) {
        this.validator.upsert(now);
        this.rowsAt.set(key(change.sheet, r), now);
      } else this.rowsAt.delete(key(change.sheet, r));
    }
    this.mappingFindings = this.mappingFindings
      .filter(
        (f) =>
          !(
            f.sheet === change.sheet &&
            f.row !== null &&
            f.row >= rows.first &&
            f.row <= rows.last &&
            f.code === 'M03'
          ),
      )
      .filter((f) => !(f.sheet === change.sheet && f.code === 'M04'))
      .concat(read.findings.filter((f) => f.code !== 'M04'));
    const m04 = skippedRowsFinding(
      change.sheet,
      [...skipped].sort((a, b) => a - b),
    );
    if (m04) this.mappingFindings.push(m04);
    const result = this.validator.result();
    writes.push(...this.statusWrites());
    this.publish(this.state.tables, result, await settle(writes));
  }

  /**
   * With the report's last version known (context.previousRows), rows without an id it knows take
   * the id of the row they are by natural key (DOMAIN §5), as the server will: a workbook opened
   * afresh then validates, and submits, as the same rows.
   */
  private matchPrevious(rows: RowInput[]): Map<RowInput, string> {
    const matched = new Map<RowInput, string>();
    const previous = this.context.previousRows;
    if (!previous || previous.length === 0) return matched;
    const incoming = rows.map((r) => (hasPlaceholderRowId(r) ? { ...r, rowId: undefined } : r));
    const resolved = resolveRowIds(incoming, previous, { agreement: this.context.agreement, seed: 'pane' });
    resolved.sources.forEach((source, i) => {
      if (source === 'key' && resolved.rowIds[i] !== rows[i].rowId) matched.set(rows[i], resolved.rowIds[i]);
    });
    return matched;
  }

  /** Real ids for rows that had none (or the report's, when matched), written in contiguous runs. */
  private assignIds(
    layout: TableLayout,
    rows: RowInput[],
    matched: ReadonlyMap<RowInput, string> = new Map(),
  ): (() => Promise<void>)[] {
    const fresh: { row: number; id: string }[] = [];
    for (const row of rows) {
      const known = matched.get(row);
      if (known === undefined && !hasPlaceholderRowId(row)) continue;
      row.rowId = known ?? newRowId();
      delete row[ROW_ID_PLACEHOLDER_FLAG];
      fresh.push({ row: row.row as number, id: row.rowId });
      this.setCell(layout.table.sheet, row.row as number, layout.idColumn, row.rowId);
    }
    return runs(fresh).map(
      (run) => () => this.port.writeColumn(layout.table.sheet, layout.idColumn, run.first, run.values),
    );
  }

  /**
   * Status cells whose text differs from what the sheet shows, as contiguous runs. A cell counts
   * as written only once its write succeeded (a failed batch leaves it UNKNOWN: written again).
   * Writing nothing when nothing changes keeps the user's undo stack (docs/excel.md, "Undo").
   */
  private statusWrites(): (() => Promise<void>)[] {
    const rowFindings = this.validator.result().rowFindings;
    const writes: (() => Promise<void>)[] = [];
    for (const layout of this.layouts.values()) {
      const sheet = layout.table.sheet;
      const lastRow = Math.max(layout.table.headerRow + 1, this.grids.get(sheet)?.length ?? 0);
      const changed: { row: number; id: string }[] = [];
      for (let r = layout.table.headerRow + 1; r <= lastRow; r++) {
        const row = this.rowsAt.get(key(sheet, r));
        const text = row ? statusText(rowFindings.get(row.rowId)) : '';
        const k = key(sheet, r);
        if ((this.statusWritten.get(k) ?? '') === text) continue;
        changed.push({ row: r, id: text });
      }
      for (const run of runs(changed)) {
        writes.push(async () => {
          run.values.forEach((_, i) => this.statusWritten.set(key(sheet, run.first + i), UNKNOWN));
          await this.port.writeColumn(sheet, layout.statusColumn, run.first, run.values);
          run.values.forEach((text, i) => this.statusWritten.set(key(sheet, run.first + i), text));
        });
      }
      // The format follows the table when rows are appended below it (once per session otherwise).
      if (lastRow > (this.formattedTo.get(sheet) ?? 0)) {
        writes.push(async () => {
          await this.port.setStatusFormat(sheet, layout.statusColumn, layout.table.headerRow + 1, lastRow);
          this.formattedTo.set(sheet, Math.max(lastRow, this.formattedTo.get(sheet) ?? 0));
        });
      }
    }
    return writes;
  }

  private setCell(sheet: string, row: number, column: string, value: unknown): void {
    const grid = this.grids.get(sheet);
    if (!grid) return;
    const target = (grid[row - 1] ??= []);
    const index = columnIndexOf(column) - 1;
    while (target.length < index) target.push(null);
    target[index] = value;
  }

  /** The findings are shown even when writing the status column failed (then with the error). */
  private publish(tables: MappedTable[], result: ValidationResult, writeError: string | null = null): void {
    const findings = sortFindings([...this.mappingFindings, ...result.findings]);
    this.update({ tables, result, findings, rowCount: this.rowsAt.size, progress: null, error: writeError });
  }
}

/** The table as readTable needs it, with the id column the add-in keeps (found or added). */
function withIdColumn(layout: TableLayout): MappedTable {
  const { table, idColumn } = layout;
  return {
    ...table,
    columns: { ...table.columns, rowId: idColumn },
    columnIndexes: { ...table.columnIndexes, rowId: columnIndexOf(idColumn) - 1 },
  };
}

function columnIndexOf(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Consecutive rows grouped so each group is one range write. */
function runs(cells: { row: number; id: string }[]): { first: number; values: string[] }[] {
  const out: { first: number; values: string[] }[] = [];
  for (const cell of [...cells].sort((a, b) => a.row - b.row)) {
    const last = out[out.length - 1];
    if (last && last.first + last.values.length === cell.row) last.values.push(cell.id);
    else out.push({ first: cell.row, values: [cell.id] });
  }
  return out;
}

/** A block placed on sheet coordinates: rows[0] is Excel row 1, column 0 is A. */
function gridRows(block: Block): unknown[][] {
  const rows: unknown[][] = [];
  const lead = new Array<null>(block.firstColumn - 1).fill(null);
  block.values.forEach((values, i) => {
    rows[block.firstRow - 1 + i] = block.firstColumn > 1 ? lead.concat(values as never[]) : values;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return rows;
}

/** Runs the writes of one tick together; the first failure, as the message the pane shows. */
async function settle(writes: (() => Promise<void>)[]): Promise<string | null> {
  const results = await Promise.allSettled(writes.map((write) => write()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (!failed) return null;
  return writeErrorMessage(failed.reason);
}

function writeErrorMessage(error: unknown): string {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const what = 'Esiti non scritti nel foglio';
  if (code === 'AccessDenied')
    return `${what}: il foglio è protetto. Rimuovi la protezione e premi «Verifica di nuovo».`;
  if (code === 'ItemNotFound') return `${what}: il foglio non esiste più. Premi «Verifica di nuovo».`;
  if (code === 'InvalidOperationInCellEditMode')
    return `${what}: Excel è in modifica di una cella. Conferma la cella e premi «Verifica di nuovo».`;
  return `${what}: Excel ha rifiutato la scrittura. Premi «Verifica di nuovo».`;
}

function onlyColumn(columns: { first: number; last: number }, letter: string): boolean {
  const index = columnIndexOf(letter);
  return columns.first === index && columns.last === index;
}

function sameRow(a: readonly unknown[], b: readonly unknown[] | undefined): boolean {
  const width = Math.max(a.length, b?.length ?? 0);
  for (let i = 0; i < width; i++) if ((a[i] ?? null) !== (b?.[i] ?? null)) return false;
  return true;
}

/**
 * A 1904 workbook's date serials are 1462 days short of the 1900 system the rules read: the
 * table's date and month columns are shifted in place (rows first…last, 1-based).
 */
function shiftDates1904(table: MappedTable, rows: unknown[][], first: number, last: number): void {
  const category = table.category ?? 'BENI';
  const indexes = Object.entries(table.columnIndexes)
    .filter(([field]) => {
      const kind = fieldDef(category, field)?.kind;
      return kind === 'date' || kind === 'month';
    })
    .map(([, index]) => index);
  if (indexes.length === 0) return;
  const from = Math.max(first, table.headerRow + 1);
  for (let r = from; r <= last; r++) {
    const row = rows[r - first];
    if (!row) continue;
    for (const i of indexes)
      if (typeof row[i] === 'number' && Number.isInteger(row[i])) row[i] = (row[i] as number) + DAYS_1900_TO_1904;
  }
}

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
