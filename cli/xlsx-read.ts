// Reads an .xlsx into the plain grids the shared mapping understands: formula cells become their
// cached result, dates stay Date, rich text and hyperlinks become their text.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { SheetGrid } from '../shared/mapping/mapping';

/** Plain value of an exceljs cell value (formula → cached result, rich text → text, error → '#N/A'). */
export function plainCellValue(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    return plainCellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
  }
  if ('hyperlink' in value) return plainCellValue(value.text as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  return null;
}

export function worksheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const rows: unknown[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      cells[colNumber - 1] = plainCellValue(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => (c === undefined ? null : c));
  });
  return { name: worksheet.name, rows: Array.from(rows, (r) => r ?? []) };
}

/**
 * Visible worksheets of a workbook file as grids. Data validations and conditional formats are
 * not loaded: the mapping does not need them, and whole-column ones would expand to a million cells.
 */
export async function readWorkbookGrids(path: string): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  // fs first: its errors carry a code (ENOENT…), exceljs' own file errors do not.
  const data = await readFile(path);
  await workbook.xlsx.load(data as unknown as ExcelJS.Buffer, {
    ignoreNodes: ['dataValidations', 'conditionalFormatting'],
  });
  return workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined).map(worksheetGrid);
}
