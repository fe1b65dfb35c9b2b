// Writes the shared template description (shared/mapping/template.ts) as an .xlsx with exceljs.
import ExcelJS from 'exceljs';
import type { TemplateValidation, TemplateWorkbook } from '../shared/mapping/template';

/** exceljs keeps range validations in `dataValidations`, which its typings do not declare. */
interface RangeValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

function isoToDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

export function excelValidation(v: TemplateValidation): ExcelJS.DataValidation {
  const common = {
    allowBlank: v.allowBlank,
    showErrorMessage: true,
    errorStyle: v.errorStyle,
    errorTitle: v.errorTitle,
    error: v.error,
  };
  switch (v.rule.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [v.rule.source] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [v.rule.min] };
    case 'date':
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [isoToDate(v.rule.min)] };
  }
}

export function buildTemplateWorkbook(template: TemplateWorkbook): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'rendiconta';
  for (const sheet of template.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, {
      views: template.style.freezeHeader ? [{ state: 'frozen', ySplit: sheet.headerRow }] : [],
    });
    worksheet.columns = sheet.columns.map((c) => ({
      key: c.field,
      width: c.width,
      hidden: c.hidden ?? false,
      ...(c.numberFormat ? { style: { numFmt: c.numberFormat } } : {}),
    }));
    const header = worksheet.getRow(sheet.headerRow);
    sheet.columns.forEach((c, index) => {
      const cell = header.getCell(index + 1);
      cell.value = c.header;
      cell.numFmt = 'General';
      cell.font = { bold: template.style.headerBold };
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: template.style.headerFill } };
    });
    const validations = (worksheet as unknown as RangeValidations).dataValidations;
    for (const c of sheet.columns) if (c.validation) validations.add(c.validation.range, excelValidation(c.validation));
  }
  if (template.lists) {
    const lists = workbook.addWorksheet(template.lists.name, { state: 'veryHidden' });
    template.lists.columns.forEach((column, index) => {
      lists.getCell(1, index + 1).value = column.header;
      column.values.forEach((value, i) => {
        lists.getCell(i + 2, index + 1).value = value;
      });
    });
  }
  return workbook;
}

export async function writeTemplateFile(template: TemplateWorkbook, path: string): Promise<void> {
  await buildTemplateWorkbook(template).xlsx.writeFile(path);
}
