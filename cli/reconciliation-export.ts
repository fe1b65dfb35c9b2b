// The reconciliation as an .xlsx: the same matrix the add-in writes into the `Riconciliazione`
// sheet (shared/reconciliation/sheet-layout.ts), written with exceljs, plus the native column chart.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ReconciliationAnswerAsRead } from '../shared/reconciliation/reconciliation-answer';
import { reconciliationLayout, type LayoutOptions, type SheetLayout } from '../shared/reconciliation/sheet-layout';
import { TEXT_FORMAT } from '../shared/reconciliation/text-safety';
import { addChartToXlsx } from '../formats/xlsx/xlsx-chart';

export function buildReconciliationWorkbook(layout: SheetLayout): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rendiconta';
  const sheet = workbook.addWorksheet(layout.sheetName);
  sheet.columns = layout.columnWidths.map((width) => ({ width }));
  const headings = new Set(layout.headingRows);
  layout.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value === '') return;
      const cell = sheet.getCell(r + 1, c + 1);
      // A string is written as a string cell, never as a formula (exceljs formulas are objects);
      // the "@" format keeps it text if someone edits it in Excel (see text-safety.ts).
      cell.value = value;
      cell.numFmt = layout.text[r][c] ? TEXT_FORMAT : layout.numberFormats[r][c];
      if (headings.has(r)) cell.font = { bold: true };
    });
  });
  return workbook;
}

/** The .xlsx bytes of a reconciliation answer (sheet + chart). */
export async function reconciliationWorkbookBytes(
  answer: ReconciliationAnswerAsRead,
  options: LayoutOptions = {},
): Promise<Uint8Array> {
  const layout = reconciliationLayout(answer, options);
  const buffer = await buildReconciliationWorkbook(layout).xlsx.writeBuffer();
  return addChartToXlsx(new Uint8Array(buffer as ArrayBuffer), layout);
}

export async function writeReconciliationWorkbook(
  answer: ReconciliationAnswerAsRead,
  filePath: string,
  options: LayoutOptions = {},
): Promise<void> {
  await writeFile(filePath, await reconciliationWorkbookBytes(answer, options));
}
