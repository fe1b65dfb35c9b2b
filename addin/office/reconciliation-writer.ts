// Office.js side of the `Riconciliazione` sheet: deliberately thin. The layout (values, formats,
// chart spec) is computed by shared/reconciliation/sheet-layout.ts; this file only replays it in
// two round trips: one to learn whether the sheet exists, one carrying every write and the chart.
import { cellAddress, type SheetLayout } from '../../shared/reconciliation/sheet-layout';
import { officeTextValue } from '../../shared/reconciliation/text-safety';
import { runExcel } from './excel-capabilities';

/** Points per character of column width (Calibri 11: about 7 px a character). */
const POINTS_PER_CHAR = 5.6;

export interface SheetWriteResult {
  /** context.sync() calls made (bounded: 2). */
  syncs: number;
  sheetName: string;
  address: string;
}

/** The values as Office.js must receive them: text cells neutralised against formula injection. */
export function officeValues(layout: SheetLayout): Array<Array<string | number>> {
  return layout.values.map((row, r) =>
    row.map((value, c) => (layout.text[r][c] && typeof value === 'string' ? officeTextValue(value) : value)),
  );
}

/**
 * Replaces the sheet with a fresh one built from the layout. The sheet is generated: it is
 * rebuilt on every refresh, so the PO's own notes belong in another sheet (the pane says so).
 */
export async function writeReconciliationSheet(
  context: Excel.RequestContext,
  layout: SheetLayout,
): Promise<SheetWriteResult> {
  let syncs = 0;
  const worksheets = context.workbook.worksheets;
  const existing = worksheets.getItemOrNullObject(layout.sheetName);
  await context.sync();
  syncs += 1;

  // The new sheet is added before the old one goes (a workbook may not be left without a sheet,
  // e.g. when the old one is the only visible sheet), then takes its name.
  const replacing = !existing.isNullObject;
  const sheet = worksheets.add(replacing ? `${layout.sheetName} (nuovo)` : layout.sheetName);
  if (replacing) {
    existing.delete();
    sheet.name = layout.sheetName;
  }
  const block = sheet.getRangeByIndexes(0, 0, layout.rows, layout.columns);
  // Formats first: a value entered into a cell already formatted "@" is stored as literal text.
  block.numberFormat = layout.numberFormats;
  block.values = officeValues(layout);

  for (const row of layout.headingRows) sheet.getRangeByIndexes(row, 0, 1, layout.columns).format.font.bold = true;
  layout.columnWidths.forEach((chars, col) => {
    sheet.getRangeByIndexes(0, col, 1, 1).getEntireColumn().format.columnWidth = Math.round(chars * POINTS_PER_CHAR);
  });

  if (layout.chart) {
    const spec = layout.chart;
    const source = sheet.getRangeByIndexes(spec.source.row, spec.source.col, spec.source.rows, spec.source.columns);
    const chart = sheet.charts.add(spec.type, source, spec.seriesBy);
    chart.title.text = spec.title;
    chart.setPosition(cellAddress(spec.anchor.row, spec.anchor.col));
    chart.width = spec.width;
    chart.height = spec.height;
    chart.legend.position = 'Bottom';
  }
  sheet.activate();
  await context.sync();
  syncs += 1;

  return { syncs, sheetName: layout.sheetName, address: `A1:${cellAddress(layout.rows - 1, layout.columns - 1)}` };
}

/** Convenience for the pane: one Excel.run around the write (retried after cell edit mode). */
export function writeReconciliationToExcel(layout: SheetLayout): Promise<SheetWriteResult> {
  return runExcel((context) => writeReconciliationSheet(context, layout));
}
