// The reconciliation as an .xlsx file: the one workbook writer of formats/xlsx (the same bytes the
// API sends for ?format=xlsx and the pane downloads in file mode), written to disk.
import { writeFile } from 'node:fs/promises';
import type { ReconciliationAnswerAsRead } from '../shared/reconciliation/reconciliation-answer';
import type { LayoutOptions } from '../shared/reconciliation/sheet-layout';
import { reconciliationWorkbookBytes } from '../formats/xlsx/reconciliation-workbook';

export async function writeReconciliationWorkbook(
  answer: ReconciliationAnswerAsRead,
  filePath: string,
  options: LayoutOptions = {},
): Promise<void> {
  await writeFile(filePath, reconciliationWorkbookBytes(answer, options));
}
