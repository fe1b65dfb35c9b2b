// Excel keeps 15 significant digits (IEEE doubles carry a few more): a cell `=J6*L6` that Excel
// shows as 656,01 is stored as 656.0099999999999. Every numeric cell that becomes money or hours is
// read here first, at Excel's own precision (DOMAIN.md §3 R02), then parsed as the number it shows.

/** Significant digits Excel keeps and shows. */
export const EXCEL_DIGITS = 15;

/**
 * The number Excel shows for a numeric cell: `value` rounded to 15 significant digits. The result
 * is the double nearest to that 15-digit decimal, so its shortest form (String) is exactly those
 * digits (656.0099999999999 → 656.01, 0.30000000000000004 → 0.3); no arithmetic touches money.
 * Non-finite values and integers are returned as they are.
 */
export function excelNumber(value: number): number {
  if (!Number.isFinite(value) || (Number.isInteger(value) && Math.abs(value) < 1e15)) return value;
  // Most cells hold cents already: k/100 is the double nearest to that decimal (IEEE division is
  // correctly rounded), so its shortest form has at most 15 digits below 1e13. Same result, no
  // toPrecision.
  if (Math.abs(value) < 1e13) {
    const cents = Math.round(value * 100);
    if (cents / 100 === value) return value;
  }
  return +value.toPrecision(EXCEL_DIGITS);
}
