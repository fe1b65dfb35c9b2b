// "Crea un foglio di rendicontazione vuoto": the blank workbook of shared/template written through
// the port (sheets that already exist are left alone): headers, drop-downs, number and date
// validations on bounded ranges, the lists sheet hidden. One batch in Excel.
import type { Agreement } from '../../shared/agreement/agreement';
import { buildTemplate } from '../../shared/mapping/template';
import type { WorkbookPort } from '../port/workbook-port';

export async function writeTemplate(port: WorkbookPort, agreement: Agreement): Promise<string[]> {
  const template = buildTemplate(agreement, { dataRows: 500 });
  const existing = new Set(await port.listSheets());
  const ops: (() => Promise<void>)[] = [];
  const created: string[] = [];
  // The lists sheet first: validations of the other sheets point at it.
  const lists = template.lists;
  if (lists && !existing.has(lists.name)) {
    created.push(lists.name);
    ops.push(() => port.addSheet(lists.name));
    for (const column of lists.columns)
      ops.push(() => port.writeColumn(lists.name, column.letter, 1, [column.header, ...column.values]));
    // The partner edits the reporting sheets, never the lists their drop-downs read.
    ops.push(() => port.hideSheet(lists.name));
  }
  for (const sheet of template.sheets) {
    if (existing.has(sheet.name)) continue;
    created.push(sheet.name);
    ops.push(() => port.addSheet(sheet.name));
    ops.push(() =>
      port.writeRow(
        sheet.name,
        sheet.headerRow,
        'A',
        sheet.columns.map((c) => c.header),
      ),
    );
    for (const column of sheet.columns) {
      if (column.hidden) ops.push(() => port.hideColumn(sheet.name, column.letter));
      const validation = column.validation;
      if (!validation) continue;
      const { range, rule } = validation;
      const alert = { title: validation.errorTitle, message: validation.error };
      if (rule.kind === 'list')
        ops.push(() => port.addValidationList(sheet.name, range, rule.values, excelListSource(rule.source), alert));
      else ops.push(() => port.addValidationRule(sheet.name, range, rule, alert));
    }
  }
  await Promise.all(ops.map((op) => op()));
  return created;
}

/** The template's formula1 (`"a,b"` or `'Elenchi'!$A$2:$A$9`) as Office.js wants a list source. */
function excelListSource(formula: string): string {
  return formula.startsWith('"') ? formula.slice(1, -1) : `=${formula}`;
}
