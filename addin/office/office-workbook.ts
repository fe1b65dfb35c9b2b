// The only file that calls Office.js. It reads in blocks (one context.sync per block of at most
// BLOCK_ROWS rows), sends writes issued in the same tick in one batch, and reports the user's
// edits debounced, never the add-in's own writes (write guard + triggerSource + enableEvents).
// It holds no rule: the pane decides what to write.
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
import { parseRange } from '../port/a1';

export const BLOCK_ROWS = 5000;

export interface OfficeWorkbookOptions {
  /** Quiet time before edits are reported; typing a row fires many events. */
  debounceMs?: number;
}

type Op = (context: Excel.RequestContext) => void;

interface QueuedBlock {
  used: Excel.Range;
  part: Excel.Range;
}

interface Prefetch {
  sheet: string;
  generation: number;
  block: QueuedBlock;
}

export class OfficeWorkbook implements WorkbookPort {
  readonly kind = 'office' as const;
  private readonly debounceMs: number;
  private readonly handlers = new Set<(change: WorkbookChange) => void>();
  private readonly sheetNames = new Map<string, string>();
  /** Sheet name → Excel's visibility ("Visible", "Hidden", "VeryHidden"), from the last listSheets. */
  private sheetVisibility = new Map<string, string>();
  private readonly pendingChanges = new Map<string, { first: number; last: number } | null>();
  private queue: Op[] = [];
  private flushing: Promise<void> | null = null;
  private ownWrites = 0;
  private subscribing = false;
  private generation = 0;
  private prefetch: Prefetch | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private subscription: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs> | null = null;

  constructor(options: OfficeWorkbookOptions = {}) {
    this.debounceMs = options.debounceMs ?? 400;
  }

  /**
   * Names and ids of the sheets. The same sync also brings the active sheet's first block, so a
   * one-sheet workbook is read with no extra round trip.
   */
  async listSheets(): Promise<string[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id,items/visibility');
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      const block = queueBlock(active, 0);
      // A pending event subscription travels in the same batch.
      const subscribing = this.handlers.size > 0 && !this.subscription && !this.subscribing;
      if (subscribing) {
        this.subscribing = true;
        this.subscription = sheets.onChanged.add(this.handleChanged);
      }
      try {
        await context.sync();
      } finally {
        if (subscribing) this.subscribing = false;
      }
      this.sheetNames.clear();
      for (const ws of sheets.items) this.sheetNames.set(ws.id, ws.name);
      this.sheetVisibility = new Map(sheets.items.map((ws) => [ws.name, String(ws.visibility)]));
      this.prefetch = { sheet: active.name, generation: this.generation, block };
      return sheets.items.map((ws) => ws.name);
    });
  }

  /** Visibility as listed by listSheets (same round trip); Excel gives values, not formulas. */
  async sheetInfo(sheet: string): Promise<SheetInfo> {
    const state = this.sheetVisibility.get(sheet);
    return { visibility: state === 'Hidden' ? 'hidden' : state === 'VeryHidden' ? 'veryHidden' : 'visible' };
  }

  async readBlock(sheet: string, range?: string): Promise<Block> {
    if (range) return this.readRange(sheet, range);
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      let head = this.takePrefetch(sheet);
      if (!head) {
        head = queueBlock(ws, 0);
        await context.sync();
      }
      if (head.used.isNullObject) return { sheet, firstRow: 1, firstColumn: 1, values: [] };
      const used = {
        row: head.used.rowIndex,
        column: head.used.columnIndex,
        rows: head.used.rowCount,
        columns: head.used.columnCount,
      };
      const grid = new Grid(used);
      grid.place(head.part);
      for (let k = 1; k * BLOCK_ROWS < used.row + used.rows; k++) {
        const next = queueBlock(ws, k, false);
        // One round trip per block is deliberate: it bounds each payload to BLOCK_ROWS rows.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        grid.place(next.part);
      }
      return { sheet, firstRow: used.row + 1, firstColumn: used.column + 1, values: grid.values };
    });
  }

  writeColumn(sheet: string, column: string, startRow: number, values: CellValue[]): Promise<void> {
    if (values.length === 0) return Promise.resolve();
    const address = `${column}${startRow}:${column}${startRow + values.length - 1}`;
    return this.enqueue((context) => {
      context.workbook.worksheets.getItem(sheet).getRange(address).values = values.map((v) => [toExcel(v)]);
    });
  }

  writeRow(sheet: string, row: number, startColumn: string, values: CellValue[]): Promise<void> {
    const ref = parseRange(`${startColumn}${row}`);
    if (!ref || values.length === 0) return Promise.resolve();
    return this.enqueue((context) => {
      const start = context.workbook.worksheets.getItem(sheet).getRange(`${startColumn}${row}`);
      start.getResizedRange(0, values.length - 1).values = [values.map(toExcel)];
    });
  }

  addSheet(name: string): Promise<void> {
    return this.enqueue((context) => {
      context.workbook.worksheets.add(name);
    });
  }

  hideColumn(sheet: string, column: string): Promise<void> {
    return this.enqueue((context) => {
      context.workbook.worksheets.getItem(sheet).getRange(`${column}:${column}`).columnHidden = true;
    });
  }

  /** Keys the add-in's one conditional format on its own status column: partner formats stay. */
  setStatusFormat(sheet: string, column: string, firstRow: number, lastRow: number): Promise<void> {
    return this.enqueue((context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(`${column}${firstRow}:${column}${lastRow}`);
      range.conditionalFormats.clearAll();
      const format = range.conditionalFormats.add('ContainsText');
      format.textComparison.format.fill.color = '#FDE7E9';
      format.textComparison.format.font.color = '#A4262C';
      format.textComparison.rule = { operator: 'BeginsWith', text: STATUS_ERROR };
    });
  }

  addValidationList(
    sheet: string,
    range: string,
    items: readonly string[],
    source?: string,
    alert?: ValidationAlert,
  ): Promise<void> {
    return this.enqueue((context) => {
      const validation = context.workbook.worksheets.getItem(sheet).getRange(range).dataValidation;
      validation.clear();
      validation.rule = { list: { inCellDropDown: true, source: source ?? items.join(',') } };
      if (alert) validation.errorAlert = errorAlert(alert);
    });
  }

  addValidationRule(sheet: string, range: string, rule: ValueRule, alert?: ValidationAlert): Promise<void> {
    return this.enqueue((context) => {
      const validation = context.workbook.worksheets.getItem(sheet).getRange(range).dataValidation;
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
    return this.enqueue((context) => {
      context.workbook.worksheets.getItem(name).visibility = 'VeryHidden';
    });
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  onChange(handler: (change: WorkbookChange) => void): () => void {
    this.handlers.add(handler);
    // Deferred so that a listing about to start carries the subscription (one round trip less).
    if (this.handlers.size === 1) setTimeout(() => void this.subscribe(), 0);
    return () => {
      this.handlers.delete(handler);
      if (this.handlers.size === 0) void this.unsubscribe();
    };
  }

  /** Visible for tests: the worksheet event entry point. */
  readonly handleChanged = async (event: Excel.WorksheetChangedEventArgs): Promise<void> => {
    // Our own writes: Excel marks them, and the guard covers hosts that do not.
    if (event.triggerSource === 'ThisLocalAddin' || this.ownWrites > 0) return;
    this.generation += 1;
    const sheet = this.sheetNames.get(event.worksheetId) ?? (await this.sheetName(event.worksheetId));
    if (!sheet) return;
    const structural =
      event.changeType !== 'RangeEdited' && event.changeType !== 'CellInserted' && event.changeType !== 'CellDeleted';
    const ref = structural ? null : parseRange(event.address);
    const before = this.pendingChanges.get(sheet);
    if (!ref || before === null) {
      this.pendingChanges.set(sheet, null);
    } else {
      this.pendingChanges.set(sheet, {
        first: Math.min(before?.first ?? ref.first.row, ref.first.row),
        last: Math.max(before?.last ?? ref.last.row, ref.last.row),
      });
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.emitChanges(), this.debounceMs);
  };

  private emitChanges(): void {
    this.timer = null;
    const changes = [...this.pendingChanges].map(([sheet, rows]) => ({ sheet, rows }));
    this.pendingChanges.clear();
    for (const change of changes) for (const handler of this.handlers) handler(change);
  }

  private async subscribe(): Promise<void> {
    if (this.subscription || this.subscribing || this.handlers.size === 0) return;
    this.subscribing = true;
    try {
      await Excel.run(async (context) => {
        this.subscription = context.workbook.worksheets.onChanged.add(this.handleChanged);
        await context.sync();
      });
    } finally {
      this.subscribing = false;
    }
  }

  private async unsubscribe(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    if (this.timer) clearTimeout(this.timer);
    if (!subscription) return;
    await Excel.run(subscription.context, async (context) => {
      subscription.remove();
      await context.sync();
    });
  }

  private async sheetName(id: string): Promise<string | undefined> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItemOrNullObject(id);
      ws.load('name');
      await context.sync();
      if (ws.isNullObject) return undefined;
      this.sheetNames.set(id, ws.name);
      return ws.name;
    });
  }

  private async readRange(sheet: string, address: string): Promise<Block> {
    const ref = parseRange(address);
    if (!ref) throw new Error(`Intervallo non valido: ${address}`);
    return Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem(sheet).getRange(address);
      range.load('values');
      await context.sync();
      return {
        sheet,
        firstRow: ref.first.row,
        firstColumn: ref.first.column,
        values: range.values.map((r) => r.map(fromExcel)),
      };
    });
  }

  private takePrefetch(sheet: string): QueuedBlock | null {
    const p = this.prefetch;
    this.prefetch = null;
    return p && p.sheet === sheet && p.generation === this.generation ? p.block : null;
  }

  /** Writes of one tick share one Excel.run and one sync. */
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
    this.ownWrites += 1;
    try {
      await Excel.run(async (context) => {
        context.runtime.enableEvents = false;
        for (const op of ops) op(context);
        context.runtime.enableEvents = true;
        await context.sync();
      });
    } finally {
      // Events of this batch may arrive just after the sync resolves.
      setTimeout(() => {
        this.ownWrites -= 1;
      }, 0);
    }
  }
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

/** Queues the used range (dimensions) and one block of rows; nothing is sent until sync. */
function queueBlock(ws: Excel.Worksheet, k: number, withUsed = true): QueuedBlock {
  const used = ws.getUsedRangeOrNullObject(true);
  if (withUsed) used.load('rowIndex,columnIndex,rowCount,columnCount');
  const part = ws.getRange(`${k * BLOCK_ROWS + 1}:${(k + 1) * BLOCK_ROWS}`).getUsedRangeOrNullObject(true);
  part.load('values,rowIndex,columnIndex');
  return { used, part };
}

/** Assembles blocks into one rectangle aligned on the sheet's used range. */
class Grid {
  readonly values: CellValue[][];
  constructor(private readonly used: { row: number; column: number; rows: number; columns: number }) {
    this.values = Array.from({ length: used.rows }, () => new Array<CellValue>(used.columns).fill(null));
  }
  place(part: Excel.Range): void {
    if (part.isNullObject) return;
    const top = part.rowIndex - this.used.row;
    const left = part.columnIndex - this.used.column;
    part.values.forEach((row, r) => {
      const target = this.values[top + r];
      if (!target) return;
      row.forEach((cell, c) => {
        target[left + c] = fromExcel(cell);
      });
    });
  }
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
