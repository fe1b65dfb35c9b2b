// The only surface through which the task pane touches a workbook. Two adapters implement it:
// OfficeWorkbook (Office.js, inside Excel) and FileWorkbook (an .xlsx dropped in a plain browser),
// so the pane, the mapping and the rules run unchanged on both.

/** A cell as the pane sees it: what Excel's `values` or an .xlsx reader gives back. */
export type CellValue = string | number | boolean | Date | null;

/** A rectangle of values; row and column numbers are 1-based, as Excel shows them. */
export interface Block {
  sheet: string;
  firstRow: number;
  firstColumn: number;
  values: CellValue[][];
  /**
   * Formula text (no '=') at the values' positions, undefined where typed: given with the values
   * of a range by an adapter that reads them (Excel), so an edit that adds or removes a formula
   * is classified as it now is.
   */
  formulas?: (string | undefined)[][];
  /** Number formats at the values' positions, given with a range by an adapter that reads them. */
  numberFormats?: (string | undefined)[][];
}

/** Rows touched by the user since the last notification, per sheet (1-based, inclusive). */
export interface WorkbookChange {
  sheet: string;
  /** null when the whole sheet must be re-read (rows inserted/deleted, sheet renamed…). */
  rows: { first: number; last: number } | null;
  /** Columns touched (1-based), when the adapter knows them. */
  columns?: { first: number; last: number };
  /**
   * Why: the user's edit (default); the row the user just left ('selection': an edit Excel may
   * not have reported, e.g. a drop-down pick on the web); a periodic re-read ('rescan': formula
   * results whose precedents changed elsewhere).
   */
  source?: 'edit' | 'selection' | 'rescan';
}

/** What the mapping needs besides values (DOMAIN §7): hidden sheets, formula cells, merged headers. */
export interface SheetInfo {
  visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Formula text (no '=') at the same positions as the sheet's values; undefined where typed. */
  formulas?: (string | undefined)[][];
  /** Merged ranges, 1-based inclusive. */
  merges?: { top: number; left: number; bottom: number; right: number }[];
  /** Number formats at the values' positions, where the adapter has them with the values (a file). */
  numberFormats?: (string | undefined)[][];
}

export interface WorkbookPort {
  readonly kind: 'office' | 'file';
  listSheets(): Promise<string[]>;
  /** Visibility, formulas and merges of a sheet, when the adapter can tell (absent: values only). */
  sheetInfo?(sheet: string): Promise<SheetInfo>;
  /**
   * Number formats of `range` ("H5:H400"), for the cells whose meaning depends on them (hours
   * typed as 37:30 arrive from Excel as 1,5625). Absent where the values already carry it (an
   * .xlsx reader makes a time cell a date-time).
   */
  readNumberFormats?(sheet: string, range: string): Promise<(string | undefined)[][]>;
  /** Values of `range` ("B3:F9"), or of the sheet's used range when omitted. */
  readBlock(sheet: string, range?: string): Promise<Block>;
  /** Writes one column from `startRow` down. Writes issued in the same tick travel together. */
  writeColumn(sheet: string, column: string, startRow: number, values: CellValue[]): Promise<void>;
  /** Writes one row from `startColumn` to the right (headers of a new sheet). */
  writeRow(sheet: string, row: number, startColumn: string, values: CellValue[]): Promise<void>;
  addSheet(name: string): Promise<void>;
  hideColumn(sheet: string, column: string): Promise<void>;
  selectCell(sheet: string, address: string): Promise<void>;
  /** Subscribes to the user's edits (never the port's own writes); returns the unsubscribe. */
  onChange(handler: (change: WorkbookChange) => void): () => void;
  /** The single conditional format of the add-in: keyed on the status column it writes. */
  setStatusFormat(sheet: string, column: string, firstRow: number, lastRow: number): Promise<void>;
  /**
   * A drop-down list on a bounded range ("E2:E500"), never a whole column. `source` is Excel's
   * list source when the items live on a sheet ("=Elenchi!$A$2:$A$9"); else the items are inline.
   */
  addValidationList(
    sheet: string,
    range: string,
    items: readonly string[],
    source?: string,
    alert?: ValidationAlert,
  ): Promise<void>;
  /** A number ≥ min or a date on or after min (ISO) on a bounded range; blanks stay allowed. */
  addValidationRule(sheet: string, range: string, rule: ValueRule, alert?: ValidationAlert): Promise<void>;
  /**
   * A value the pane keeps with this workbook (the user's mapping corrections): inside Excel in
   * the document's settings, so it travels with the file; for a dropped file in the browser.
   * null when nothing was saved under `key`.
   */
  loadSettings(key: string): Promise<unknown>;
  /** Saves a JSON-serialisable value under `key` (replacing the previous one). */
  saveSettings(key: string, value: unknown): Promise<void>;
  /** Hides a whole sheet from the user (Excel: veryHidden, not even listed in "Scopri"). */
  hideSheet(name: string): Promise<void>;
  /** The cell the user selects (documents attach to its row); absent where nothing is reported. */
  onSelect?(handler: (selection: { sheet: string; address: string }) => void): () => void;
  /** 1904 when the workbook counts dates from 1904 (known after listSheets); 1900 otherwise. */
  dateSystem?(): 1900 | 1904;
}

/** Rejecting text typed in a numeric or date column (shared/template's decimal and date rules). */
export type ValueRule = { kind: 'decimal'; min: number } | { kind: 'date'; min: string };

/** The message Excel shows when a typed value is refused. */
export interface ValidationAlert {
  title: string;
  message: string;
}

/** Text written in the status column; the conditional format keys on STATUS_ERROR. */
export const STATUS_HEADER = 'Esito verifica';
export const STATUS_ERROR = 'Errore';
export const STATUS_WARNING = 'Avviso';
export const STATUS_OK = 'OK';
export const ROW_ID_HEADER = 'ID riga';
