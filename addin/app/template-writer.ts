// "Crea un foglio di rendicontazione vuoto": the blank workbook of shared/template written through
// the port (sheets that already exist are left alone, names compared case-insensitively as Excel
// does): headers, drop-downs, number and date validations on bounded ranges, the lists sheet
// hidden. One batch in Excel, which is not atomic: if it fails part-way the sheets already added
// stay, and a second run adds only the missing ones. A failure is a TemplateError with an Italian
// message naming the sheets it was creating.
import type { Agreement } from '../../shared/agreement/agreement';
import { buildTemplate } from '../../shared/mapping/template';
import type { WorkbookPort } from '../port/workbook-port';
import { excelErrorMessage } from '../office/excel-capabilities';

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export async function writeTemplate(port: WorkbookPort, agreement: Agreement): Promise<string[]> {
  const template = buildTemplate(agreement, { dataRows: 500 });
  let names: string[];
  try {
    names = await port.listSheets();
  } catch (error) {
    throw new TemplateError(excelErrorMessage(error, 'Impossibile leggere i fogli della cartella'));
  }
  const lower = new Set(names.map((n) => n.toLowerCase()));
  const existing = { has: (name: string) => lower.has(name.toLowerCase()) };
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
  try {
    await Promise.all(ops.map((op) => op()));
  } catch (error) {
    throw new TemplateError(
      excelErrorMessage(error, `Fogli del modello non creati (${created.join(', ')})`) +
        ' I fogli già aggiunti restano: ripeti il comando per completare.',
    );
  }
  return created;
}

/** The template's formula1 (`"a,b"` or `'Elenchi'!$A$2:$A$9`) as Office.js wants a list source. */
function excelListSource(formula: string): string {
  return formula.startsWith('"') ? formula.slice(1, -1) : `=${formula}`;
}
