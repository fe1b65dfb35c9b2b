// The figures of a row inside a validation pass, as exact fixed-point integers: the value times
// 10,000 (four decimals, the most any figure may carry), held in a JS number. R02 caps every figure
// at 15 significant digits and the agreement's bounds (at most €100 billion, DOMAIN §3), so each one
// is an integer below 2^53 and a JS number holds it exactly: comparing, adding and multiplying
// them is integer arithmetic, never binary-float rounding. A pass of 10,000 rows compares and adds
// ~60,000 figures; as decimal.js objects they were a third of its allocations. Money (decimal.js)
// stays the type of every figure that leaves the engine: money.ts converts both ways, exactly.
// Integer arithmetic only here: no decimal.js.

/** A figure × 10,000, an exact integer (|value| ≤ Number.MAX_SAFE_INTEGER). Only this module makes one. */
export type Fixed = number & { readonly __fixed: unique symbol };

export const FIXED_DECIMALS = 4;
const FIXED_ONE = 10_000;
/** 0.01 (one cent) as a Fixed. */
export const FIXED_CENT = 100 as Fixed;
export const FIXED_ZERO = 0 as Fixed;

/** scanFixed's answers that are not a value (every value is ≥ 0). */
export const SCAN_OTHER_FORM = -1;
export const SCAN_NEGATIVE = -2;
export const SCAN_TOO_MANY_DECIMALS = -3;

/**
 * The forms nearly every cell takes, read in one scan and without allocating: a finite Excel
 * number (its shortest decimal form, the value the user typed), or text of digits with at most
 * one ',' or '.' and no sign, space or currency sign, at most `maxSignificant` significant digits
 * and `maxLength` characters. Returns the value as a Fixed (≥ 0), SCAN_NEGATIVE for a negative
 * number, SCAN_TOO_MANY_DECIMALS for more than four decimals (trailing zeros are not decimals),
 * or SCAN_OTHER_FORM for anything else (the caller's full reading decides).
 * `thousandsPoint`: text "1.234" (1–3 digits, the first not 0, a point, three digits) is 1234.
 */
export function scanFixed(
  cell: number | string,
  thousandsPoint: boolean,
  maxSignificant: number,
  maxLength: number,
): number {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return SCAN_OTHER_FORM;
    if (Number.isInteger(cell) && Math.abs(cell) < 1e11) {
      if (cell < 0) return SCAN_NEGATIVE;
      return cell * FIXED_ONE; // -0 is 0
    }
  }
  const text = typeof cell === 'number' ? String(cell) : cell;
  if (text.length === 0 || text.length > maxLength) return SCAN_OTHER_FORM;
  const negative = typeof cell === 'number' && text.charCodeAt(0) === 45; // '-' of a number
  const start = negative ? 1 : 0;
  let separator = -1;
  let digits = 0;
  // At most 15 significant digits: the integer of the digits is exact in a double.
  let integer = 0;
  let scale = 0;
  for (let i = start; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      if (digits > 0 || code !== 48) digits += 1; // leading zeros are not significant
      if (digits > maxSignificant) return SCAN_OTHER_FORM;
      integer = integer * 10 + (code - 48);
      if (separator >= 0) scale += 1;
    } else if ((code === 44 || code === 46) && separator < 0 && i > start && i < text.length - 1) separator = i;
    else return SCAN_OTHER_FORM;
  }
  if (scale === 3 && thousandsPoint && typeof cell === 'string' && isThousandsPoint(text, separator)) scale = 0;
  while (scale > 0 && integer % 10 === 0) {
    integer /= 10;
    scale -= 1;
  }
  if (negative && integer !== 0) return SCAN_NEGATIVE;
  if (scale > FIXED_DECIMALS) return SCAN_TOO_MANY_DECIMALS;
  const value = integer * TEN_TO[FIXED_DECIMALS - scale];
  return value <= Number.MAX_SAFE_INTEGER ? value : SCAN_OTHER_FORM;
}

/** 10^k for k ≤ FIXED_DECIMALS (a constant table of the layout, not row data). */
const TEN_TO: readonly number[] = [1, 10, 100, 1000, 10_000];

/** "1.234", "12.500": one to three digits (the first not 0), the point, three digits. */
function isThousandsPoint(text: string, separator: number): boolean {
  return (
    text.charCodeAt(separator) === 46 &&
    separator >= 1 &&
    separator <= 3 &&
    text.charCodeAt(0) !== 48 &&
    text.length === separator + 4
  );
}

/** How many decimals the figure has (0–4), trailing zeros not counted. */
export function decimalsOf(value: Fixed): number {
  let decimals = FIXED_DECIMALS;
  for (let v = Math.abs(value); decimals > 0 && v % 10 === 0; v /= 10) decimals -= 1;
  return decimals;
}

/** a + b, or null when the sum leaves the exact integers. */
export function addFixed(a: Fixed, b: Fixed): Fixed | null {
  const sum = a + b;
  return Math.abs(sum) <= Number.MAX_SAFE_INTEGER ? (sum as Fixed) : null;
}

/** a − b (both within the exact integers, so the difference is exact too when it stays within). */
export function subtractFixed(a: Fixed, b: Fixed): Fixed | null {
  return addFixed(a, -b as Fixed);
}

/**
 * a × b rounded half-up to the cent (R05's rule), for a, b ≥ 0; null when the exact product (in
 * 1/100,000,000ths) leaves the exact integers, where the caller computes with decimal.js.
 */
export function productCents(a: Fixed, b: Fixed): Fixed | null {
  const product = a * b; // value × 10^8
  if (!(product <= Number.MAX_SAFE_INTEGER - HALF_CENT_OF_PRODUCT)) return null;
  // Half-up to a cent = 10^6 of the product's units; the division is done in exact integers.
  const shifted = product + HALF_CENT_OF_PRODUCT;
  let cents = Math.floor(shifted / CENT_OF_PRODUCT);
  const rest = shifted - cents * CENT_OF_PRODUCT;
  if (rest < 0) cents -= 1;
  else if (rest >= CENT_OF_PRODUCT) cents += 1;
  return (cents * 100) as Fixed;
}
const CENT_OF_PRODUCT = 1_000_000;
const HALF_CENT_OF_PRODUCT = 500_000;
