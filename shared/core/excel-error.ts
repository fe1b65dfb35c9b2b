// Excel's error values (#DIV/0!, #N/D…) as a cell's cached result shows them, in English and in
// Italian Excel: a formula that errs, never a figure or a text someone typed.

const EXCEL_ERROR =
  /^#(?:REF!|RIF!|DIV\/0!|VALUE!|VALORE!|N\/A|N\/D|NAME\?|NOME\?|NUM!|NULL!|NULLO!|SPILL!|ESPANSIONE!|CALC!)$/i;

/** Whether a cell's value is one of Excel's error values. */
export function isExcelError(cell: unknown): boolean {
  return typeof cell === 'string' && cell.length <= 40 && EXCEL_ERROR.test(cell.trim());
}
