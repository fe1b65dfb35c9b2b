// Reads an .xlsx file into the plain grids the shared mapping understands, with the product's one
// reader (formats/xlsx/xlsx-reader, the same the task pane's file mode uses): values and cached
// formula results, formula texts, merged ranges and sheet visibility. Hidden sheets are kept, with
// their visibility: the mapping ignores them with an M05 info, as the task pane does.
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import type { SheetGrid } from '../shared/mapping/mapping';
import { readXlsx, XlsxReadError, type XlsxWorkbook } from '../formats/xlsx/xlsx-reader';

export { XlsxReadError };

/** Node's native DEFLATE for the reader's zip entries (the browser uses fflate's). */
// The output is capped at the size the zip declares: a lying entry (a zip bomb) fails as corrupt.
export const NODE_INFLATE = {
  inflateRaw: (data: Uint8Array, size: number): Uint8Array =>
    inflateRawSync(data, { maxOutputLength: Math.max(size, 1) }),
};

/** The sheets of a read workbook as the mapping's grids (no copy: the reader's arrays are used). */
export function workbookGrids(workbook: XlsxWorkbook): SheetGrid[] {
  return workbook.sheets.map((s) => ({
    name: s.name,
    rows: s.rows,
    formulas: s.formulas,
    merges: s.merges,
    numberFormats: s.numberFormats,
    visibility: s.visibility,
  }));
}

/** Every worksheet of a workbook file as grids; fs errors (ENOENT…) and XlsxReadError propagate. */
export async function readWorkbookGrids(path: string): Promise<SheetGrid[]> {
  const data = await readFile(path);
  return workbookGrids(readXlsx(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), NODE_INFLATE));
}
