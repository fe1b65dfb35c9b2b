// Formula injection ("CSV injection"): a partner can type text such as `=HYPERLINK(...)` or
// `+cmd|' /C calc'!A0` into an observation or a row id. If the add-in wrote that string into a
// cell the way a user types it, Excel would evaluate it as a formula in the PO's workbook. Every
// text cell of the reconciliation sheet (add-in, CLI, API workbook) goes through here.
//
// Two independent guards, because either alone has a gap:
// - the cell gets the Text number format "@" BEFORE its value is set: Excel stores what is entered
//   into a Text cell as a literal, and it stays text if the PO later edits it (F2, Enter);
// - in Office.js a value that would start a formula is also prefixed with an apostrophe. Excel
//   treats a leading apostrophe set through `range.values` as the quote prefix (it is not shown
//   and not part of the value), so the cell stays text even if someone resets its format.
// In an .xlsx written with exceljs a string is a typed string cell (never a formula: formulas are
// a separate cell type), so there only the "@" format is added and the text is kept verbatim.

/** Number format that makes Excel keep a cell's content as literal text. */
export const TEXT_FORMAT = '@';

// OWASP's list (= + - @ tab CR) plus the full-width forms some IMEs turn into formula starts.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** True when Excel would read the text as the start of a formula or a DDE call. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The string to hand to Office.js `range.values` for a text cell. */
export function officeTextValue(text: string): string {
  return startsLikeFormula(text) ? `'${text}` : text;
}

/**
 * Control characters other than tab/newline would corrupt the XML of an .xlsx or confuse the
 * grid; they carry no meaning in an observation, so they are dropped.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '');
}
