// A workbook held in memory: an .xlsx dropped in a plain browser (or read in Node). The pane and
// the rules run on it exactly as on Excel; edits made in the pane's grid are reported as user
// edits, the pane's own writes (status, row ids) are not.
import type {
  Block,
  CellValue,
  SheetInfo,
  ValidationAlert,
  ValueRule,
  WorkbookChange,
  WorkbookPort,
} from '../port/workbook-port';
import { parseRange } from '../port/a1';
import { columnIndex } from '../../shared/findings/findings';
import { readXlsx, type MergedRange, type SheetVisibility } from '../../formats/xlsx/xlsx-reader';
import type { CellEdit } from '../../formats/xlsx/workbook-writeback';

/** A sheet as the product's xlsx reader gives it (formulas, merges and visibility may be absent). */
export interface SheetData {
  name: string;
  /** rows[0] is Excel row 1; cells[0] column A; missing cells are null. */
  rows: CellValue[][];
  formulas?: (string | undefined)[][];
  merges?: MergedRange[];
  /** Date, time and percent formats of the cells (the reader's); an hours cell's says 37:30. */
  numberFormats?: (string | undefined)[][];
  visibility?: SheetVisibility;
}

export interface Selection {
  sheet: string;
  address: string;
}

export interface MemorySheet extends SheetData {
  hiddenColumns: Set<number>;
  /** Status column format of the add-in: column index and row span. */
  statusFormat: { column: number; firstRow: number; lastRow: number } | null;
  validations: MemoryValidation[];
  /** Hidden through the port (the template's lists sheet): the preview does not show it. */
  hidden: boolean;
}

export interface MemoryValidation {
  range: string;
  rule: { kind: 'list'; items: readonly string[] } | ValueRule;
  alert?: ValidationAlert;
}

export class FileWorkbook implements WorkbookPort {
  readonly kind = 'file' as const;
  readonly sheets: MemorySheet[];
  /** Last cell selected through the port; the grid preview shows it. */
  selection: Selection | null = null;
  private readonly changeHandlers = new Set<(change: WorkbookChange) => void>();
  private readonly selectionHandlers = new Set<(selection: Selection) => void>();

  /** Settings of this file when the browser has no storage (or refuses it). */
  private readonly memorySettings = new Map<string, string>();
  /** The bytes the file was read from (the download patches them) and the values as read. */
  source: Uint8Array | null = null;
  private original: Map<string, CellValue[][]> = new Map();

  constructor(
    sheets: SheetData[],
    readonly fileName = 'cartella.xlsx',
    private readonly storage: SettingsStorage | null = browserStorage(),
  ) {
    this.sheets = sheets.map((s) => ({
      ...s,
      hiddenColumns: new Set(),
      statusFormat: null,
      validations: [],
      hidden: s.visibility !== undefined && s.visibility !== 'visible',
    }));
  }

  /** Reads an .xlsx with the product's reader; an XlsxReadError (Italian message) when it is not one. */
  static fromXlsx(data: Uint8Array, fileName?: string, storage?: SettingsStorage | null): FileWorkbook {
    const workbook = new FileWorkbook(readXlsx(data).sheets, fileName, storage);
    workbook.source = data;
    workbook.original = new Map(workbook.sheets.map((s) => [s.name, s.rows.map((r) => (r ?? []).slice())]));
    return workbook;
  }

  /**
   * Every cell whose value differs from the file as read: the pane's id and status columns and the
   * corrections typed in the grid preview (what the download writes back into the original file).
   */
  edits(): CellEdit[] {
    const out: CellEdit[] = [];
    for (const sheet of this.sheets) {
      const before = this.original.get(sheet.name);
      if (!before) continue;
      sheet.rows.forEach((row, r) => {
        (row ?? []).forEach((value, c) => {
          if (!sameValue(value, before[r]?.[c] ?? null))
            out.push({ sheet: sheet.name, row: r + 1, column: c + 1, value });
        });
      });
    }
    return out;
  }

  /** Visibility, formula texts and merged ranges of a sheet, as read from the file. */
  async sheetInfo(sheet: string): Promise<SheetInfo> {
    const data = this.sheet(sheet);
    return {
      visibility: data.visibility ?? 'visible',
      formulas: data.formulas,
      merges: data.merges ?? [],
      numberFormats: data.numberFormats,
    };
  }

  /** Kept per file name: the same file dropped again gets the user's corrections back. */
  async loadSettings(key: string): Promise<unknown> {
    const storageKey = this.settingsKey(key);
    let text: string | null | undefined = this.memorySettings.get(storageKey);
    if (text === undefined) {
      try {
        text = this.storage?.getItem(storageKey) ?? null;
      } catch {
        text = null;
      }
    }
    if (!text) return null;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }

  async saveSettings(key: string, value: unknown): Promise<void> {
    const storageKey = this.settingsKey(key);
    const text = JSON.stringify(value);
    this.memorySettings.set(storageKey, text);
    try {
      this.storage?.setItem(storageKey, text);
    } catch {
      // Full or blocked storage: the setting lasts for this page only.
    }
  }

  async listSheets(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async readBlock(sheet: string, range?: string): Promise<Block> {
    const data = this.sheet(sheet);
    if (!range) {
      const width = data.rows.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
      return { sheet, firstRow: 1, firstColumn: 1, values: data.rows.map((r) => pad(r ?? [], width)) };
    }
    const ref = parseRange(range);
    if (!ref) throw new Error(`Intervallo non valido: ${range}`);
    const values: CellValue[][] = [];
    const formulas: (string | undefined)[][] = [];
    for (let r = ref.first.row; r <= ref.last.row; r++) {
      const row = data.rows[r - 1] ?? [];
      const texts = data.formulas?.[r - 1] ?? [];
      const out: CellValue[] = [];
      const outFormulas: (string | undefined)[] = [];
      for (let c = ref.first.column; c <= ref.last.column; c++) {
        out.push(row[c - 1] ?? null);
        outFormulas.push(texts[c - 1]);
      }
      values.push(out);
      formulas.push(outFormulas);
    }
    // With the values, the formulas as they now stand (an edit replaces a formula), like Excel's.
    return { sheet, firstRow: ref.first.row, firstColumn: ref.first.column, values, formulas };
  }

  async writeColumn(sheet: string, column: string, startRow: number, values: CellValue[]): Promise<void> {
    const col = columnIndex(column);
    values.forEach((v, i) => this.set(sheet, startRow + i, col, v));
  }

  async writeRow(sheet: string, row: number, startColumn: string, values: CellValue[]): Promise<void> {
    const col = columnIndex(startColumn);
    values.forEach((v, i) => this.set(sheet, row, col + i, v));
  }

  async addSheet(name: string): Promise<void> {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`Il foglio «${name}» esiste già.`);
    this.sheets.push({
      name,
      rows: [],
      hiddenColumns: new Set(),
      statusFormat: null,
      validations: [],
      hidden: false,
    });
  }

  async hideColumn(sheet: string, column: string): Promise<void> {
    this.sheet(sheet).hiddenColumns.add(columnIndex(column));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
    for (const handler of this.selectionHandlers) handler(this.selection);
  }

  onChange(handler: (change: WorkbookChange) => void): () => void {
    this.changeHandlers.add(handler);
    return () => this.changeHandlers.delete(handler);
  }

  onSelect(handler: (selection: Selection) => void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  async setStatusFormat(sheet: string, column: string, firstRow: number, lastRow: number): Promise<void> {
    this.sheet(sheet).statusFormat = { column: columnIndex(column), firstRow, lastRow };
  }

  async addValidationList(
    sheet: string,
    range: string,
    items: readonly string[],
    _source?: string,
    alert?: ValidationAlert,
  ): Promise<void> {
    this.sheet(sheet).validations.push({ range, rule: { kind: 'list', items }, ...(alert ? { alert } : {}) });
  }

  async addValidationRule(sheet: string, range: string, rule: ValueRule, alert?: ValidationAlert): Promise<void> {
    this.sheet(sheet).validations.push({ range, rule, ...(alert ? { alert } : {}) });
  }

  async hideSheet(name: string): Promise<void> {
    this.sheet(name).hidden = true;
  }

  /** A user edit (the grid preview): changes the cell and tells the subscribers. */
  editCell(sheet: string, row: number, column: number, value: CellValue): void {
    this.set(sheet, row, column, value);
    for (const handler of this.changeHandlers) handler({ sheet, rows: { first: row, last: row } });
  }

  cell(sheet: string, row: number, column: number): CellValue {
    return this.sheet(sheet).rows[row - 1]?.[column - 1] ?? null;
  }

  private settingsKey(key: string): string {
    return `rendiconta.file.${this.fileName}.${key}`;
  }

  private set(sheet: string, row: number, column: number, value: CellValue): void {
    const data = this.sheet(sheet);
    // A value written over a formula replaces it, as in Excel.
    const formulas = data.formulas?.[row - 1];
    if (formulas && formulas[column - 1] !== undefined) formulas[column - 1] = undefined;
    const rows = data.rows;
    while (rows.length < row) rows.push([]);
    const target = rows[row - 1];
    while (target.length < column) target.push(null);
    target[column - 1] = value;
  }

  private sheet(name: string): MemorySheet {
    const found = this.sheets.find((s) => s.name === name);
    if (!found) throw new Error(`Foglio «${name}» non trovato.`);
    return found;
  }
}

export type SettingsStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The browser's localStorage when there is one (not in Node, maybe not in a locked-down page). */
function browserStorage(): SettingsStorage | null {
  try {
    return typeof window !== 'undefined' ? window.localStorage : null;
  } catch {
    return null;
  }
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a === '' && b === null) return true;
  return a === b;
}

function pad(row: CellValue[], width: number): CellValue[] {
  const out = row.slice();
  while (out.length < width) out.push(null);
  return out;
}
