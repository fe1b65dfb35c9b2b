// Money is decimal.js end to end: a binary float never sits between a cell and a total.
import Decimal from 'decimal.js';
import {
  decimalsOf,
  FIXED_DECIMALS,
  SCAN_NEGATIVE,
  SCAN_OTHER_FORM,
  SCAN_TOO_MANY_DECIMALS,
  scanFixed,
  type Fixed,
} from './fixed';

/** Decimal configured for money: enough precision for any sum, half-up where rounding is asked. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

export type MoneyParseFailure =
  | 'empty'
  | 'not_a_number'
  | 'negative'
  | 'too_many_decimals'
  /** Text in exponent notation ("1e5"): not how anyone types an amount (R02). */
  | 'exponent'
  /** Text with more than 15 significant digits, or longer than any amount (R02). */
  | 'too_many_digits'
  /** At or above the agreement's bound (amounts) or above it (hours of one row). */
  | 'too_large';

export type MoneyParse = { ok: true; value: Money } | { ok: false; reason: MoneyParseFailure };

/**
 * Bounds of R02 (defaults; the agreement's `rules.limits` may change the two figures): an amount is
 * below €10,000,000, the hours of one row at most 744 (a month of 31 days). Text longer than
 * MAX_NUMBER_TEXT characters or with more than MAX_SIGNIFICANT_DIGITS digits is refused before any
 * Decimal is built from it, so no cell can make a request do unbounded work.
 */
export const DEFAULT_AMOUNT_BELOW = '10000000.00';
export const DEFAULT_ROW_HOURS_MAX = '744';
export const MAX_SIGNIFICANT_DIGITS = 15;
export const MAX_NUMBER_TEXT = 40;

/** An upper bound for a parse: `below` (exclusive, amounts) or `atMost` (inclusive, hours). */
export type NumberBound = { below: Money | string } | { atMost: Money | string } | null;

// A constant, built once: comparing with a string would parse it into a Decimal on every cell.
export const DEFAULT_AMOUNT_BOUND: NumberBound = { below: new Money(DEFAULT_AMOUNT_BELOW) };

const PLAIN = /^-?\d+(\.\d+)?$/;
const ITALIAN_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const ITALIAN_PLAIN = /^-?\d+(,\d+)?$/;
const ENGLISH_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a money cell as the partner wrote it: an Excel number, "1234.56", "1.234,56",
 * "1234,56", with an optional "€" and spaces. Anything else is reported, never read as 0.
 * Excel numbers go through their shortest decimal representation (String(n)), which is the
 * value the user typed; no arithmetic happens on the float. `bound` defaults to R02's
 * "below €10,000,000"; null checks only the form (the caller applies the agreement's bound).
 */
export function parseAmount(cell: unknown, bound: NumberBound = DEFAULT_AMOUNT_BOUND): MoneyParse {
  return parseNumber(cell, 2, bound, false);
}

/**
 * parseAmount for a workbook cell as a partner typed it: text of one to three digits, a point and
 * three digits ("1.234", "12.500") is read with a thousands point, as an Italian Excel reads it
 * when typed, not as three decimals no amount can have (R02). Wire amounts (API bodies) keep
 * parseAmount's strict reading: there "12.345" is refused, never guessed.
 */
export function parseAmountCell(cell: unknown, bound: NumberBound = DEFAULT_AMOUNT_BOUND): MoneyParse {
  return parseNumber(cell, 2, bound, true);
}

/** Same reading as parseAmount but for quantities (hours, rates) where more decimals are fine. */
export function parseQuantity(cell: unknown, maxDecimals = 4, bound: NumberBound = DEFAULT_AMOUNT_BOUND): MoneyParse {
  return parseNumber(cell, maxDecimals, bound, false);
}

function parseNumber(cell: unknown, maxDecimals: number, bound: NumberBound, thousandsPoint: boolean): MoneyParse {
  const scanned =
    typeof cell === 'number' || typeof cell === 'string'
      ? scanFixed(cell, thousandsPoint, MAX_SIGNIFICANT_DIGITS, MAX_NUMBER_TEXT)
      : SCAN_OTHER_FORM;
  if (scanned >= 0) return checkNumber(moneyOfFixed(scanned as Fixed), maxDecimals, bound);
  if (scanned === SCAN_NEGATIVE) return { ok: false, reason: 'negative' };
  if (scanned === SCAN_TOO_MANY_DECIMALS && maxDecimals <= FIXED_DECIMALS)
    return { ok: false, reason: 'too_many_decimals' };
  // Other forms (and more decimals than a Fixed holds, where the caller allows them): the full reading.
  return parseNumberPlain(cell, maxDecimals, bound, thousandsPoint);
}

/**
 * A workbook cell read as a Fixed (core/fixed), without a bound: an amount as parseAmountCell reads
 * it (2 decimals, a thousands point) or a quantity as parseQuantity does (4 decimals), the same
 * answers without a Decimal for the common forms. A value beyond what a Fixed holds is +Infinity,
 * above every bound an agreement may set (its schema caps them). The reason when it is no figure.
 */
export function parseFixedCell(cell: unknown, quantity: boolean): number | MoneyParseFailure {
  const maxDecimals = quantity ? 4 : 2;
  const scanned =
    typeof cell === 'number' || typeof cell === 'string'
      ? scanFixed(cell, !quantity, MAX_SIGNIFICANT_DIGITS, MAX_NUMBER_TEXT)
      : SCAN_OTHER_FORM;
  if (scanned >= 0) return decimalsOf(scanned as Fixed) > maxDecimals ? 'too_many_decimals' : scanned;
  if (scanned === SCAN_NEGATIVE) return 'negative';
  if (scanned === SCAN_TOO_MANY_DECIMALS) return 'too_many_decimals';
  const plain = parseNumberPlain(cell, maxDecimals, null, !quantity);
  if (!plain.ok) return plain.reason;
  return fixedOfMoney(plain.value) ?? Number.POSITIVE_INFINITY;
}

/** The exact Money of a Fixed. */
export function moneyOfFixed(value: Fixed): Money {
  return moneyFromDigits(Math.abs(value), FIXED_DECIMALS, value < 0);
}

/** The Fixed of a Money, or null when it has more than four decimals or is beyond exact integers. */
export function fixedOfMoney(value: Money): Fixed | null {
  if (!value.isFinite() || value.decimalPlaces() > FIXED_DECIMALS) return null;
  const scaled = value.times(10 ** FIXED_DECIMALS);
  if (scaled.abs().gt(Number.MAX_SAFE_INTEGER)) return null;
  return scaled.toNumber() as Fixed;
}

/**
 * The Decimal `new Money(text)` builds for the digits `integer` with `scale` of them after the
 * separator (integer < 1e15), without the text: decimal.js keeps a value as its sign `s`, the
 * exponent `e` of its leading digit and the digits in words of 7 (`d`, most significant first,
 * the first word cut where the exponent puts it, the last padded with zeros, no zero word at the
 * end). test/unit/fast-paths.test.ts checks s, e and d against decimal.js's own parse.
 */
export function moneyFromDigits(integer: number, scale: number, negative: boolean): Money {
  if (integer === 0) return new Money(0);
  // Outside the contract (more than 15 digits): decimal.js's own reading of the digits.
  if (!(integer < 1e15)) {
    const value = new Money(integer).div(new Money(10).pow(scale));
    return negative ? value.neg() : value;
  }
  let value = integer;
  let exponent = -scale; // value × 10^exponent
  while (value % 10 === 0) {
    value /= 10;
    exponent += 1;
  }
  // Plain multiplications, not `**`: the powers of ten stay exact and cheap below 1e16.
  let length = 1;
  let power = 10; // 10^length
  while (value >= power) {
    length += 1;
    power *= 10;
  }
  const e = length - 1 + exponent;
  let first = (e + 1) % WORD_DIGITS; // digits of the first word, as decimal.js cuts them
  if (e < 0) first += WORD_DIGITS;
  // The words as an array literal of their exact count: an array grown by push keeps room for 17
  // words, ~130 bytes of every Decimal a pass holds (a 10,000-row pass holds ~40,000 of them).
  let words: number[];
  if (first >= length) words = [value * tenTo(first - length)];
  else {
    let rest = length - first;
    let unit = tenTo(rest);
    const lead = first > 0 ? Math.floor(value / unit) : -1;
    let remainder = value % unit;
    // At most three words of seven digits follow: the integer has at most 15 digits.
    let w1 = -1;
    let w2 = -1;
    let w3 = -1;
    for (let k = 0; rest > 0; k++) {
      const take = rest < WORD_DIGITS ? rest : WORD_DIGITS;
      rest -= take;
      unit = tenTo(rest);
      const word = Math.floor(remainder / unit) * tenTo(WORD_DIGITS - take);
      remainder %= unit;
      if (k === 0) w1 = word;
      else if (k === 1) w2 = word;
      else w3 = word;
    }
    words = wordList(lead, w1, w2, w3);
  }
  const money = new Money(1);
  const fields = money as unknown as { s: number; e: number; d: number[] }; // read-only in the typings
  fields.s = negative ? -1 : 1;
  fields.e = e;
  fields.d = words;
  return money;
}

/** The words that are set (>= 0), in order, as one literal of their count. */
function wordList(a: number, b: number, c: number, d: number): number[] {
  if (a < 0) return c < 0 ? [b] : d < 0 ? [b, c] : [b, c, d];
  return c < 0 ? [a, b] : d < 0 ? [a, b, c] : [a, b, c, d];
}

/** 10^k for 0 <= k <= 15, exactly. */
function tenTo(k: number): number {
  let power = 1;
  for (let i = 0; i < k; i++) power *= 10;
  return power;
}

/** Decimal digits per word of decimal.js (its LOG_BASE). */
const WORD_DIGITS = 7;

/** The reading of every form parseAmount accepts (the reference the common forms are checked against). */
export function parseNumberPlain(
  cell: unknown,
  maxDecimals: number,
  bound: NumberBound,
  thousandsPoint = false,
): MoneyParse {
  const text = normaliseAmountText(cell);
  if (text === null) return { ok: false, reason: 'empty' };
  if (typeof text !== 'string') return { ok: false, reason: text.reason };
  const decimal = readDecimal(text, typeof cell === 'number', thousandsPoint);
  if (decimal === null) return { ok: false, reason: 'not_a_number' };
  return checkNumber(decimal, maxDecimals, bound);
}

/** R02 on a read number: not negative, at most `maxDecimals` decimals, within the bound. */
function checkNumber(decimal: Money, maxDecimals: number, bound: NumberBound): MoneyParse {
  if (decimal.isNegative() && !decimal.isZero()) return { ok: false, reason: 'negative' };
  if (decimal.decimalPlaces() > maxDecimals) return { ok: false, reason: 'too_many_decimals' };
  if (!withinBound(decimal, bound)) return { ok: false, reason: 'too_large' };
  return { ok: true, value: decimal };
}

/** True when the value respects the bound (null: no bound). */
export function withinBound(value: Money, bound: NumberBound): boolean {
  if (bound === null) return true;
  const limit = 'below' in bound ? bound.below : bound.atMost;
  // A positive value whose leading digit sits at a lower power of ten than a positive limit's is
  // below it: most cells are settled on the exponents (decimal.js `e`), as lt() would copy both.
  if (typeof limit !== 'string' && limit.s === 1 && value.s === 1 && value.e < limit.e && !limit.isZero()) return true;
  return 'below' in bound ? value.lt(limit) : value.lte(limit);
}

function normaliseAmountText(cell: unknown): string | null | { reason: MoneyParseFailure } {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : 'NaN';
  if (typeof cell === 'bigint') return checkDigits(cell.toString());
  if (cell instanceof Decimal) {
    if (!cell.isFinite()) return 'NaN';
    // The exponent first: toFixed() of 1e50000 would build a 50,000-digit string.
    return Math.abs(cell.e) > MAX_NUMBER_TEXT ? { reason: 'too_many_digits' } : checkDigits(cell.toFixed());
  }
  if (typeof cell !== 'string') return 'NaN';
  // Length first: a 1 MB cell is refused before any regular expression or Decimal sees it.
  if (cell.length > MAX_NUMBER_TEXT * 4) return { reason: 'too_many_digits' };
  // The currency as partners write it, before or after the figure: "€", "EUR", "euro".
  const bare = cell
    .replace(/[€\s\u00a0]/g, '')
    .replace(/^(euro|eur)/i, '')
    .replace(/(euro|eur)$/i, '');
  // "(100,00)": an accounting negative, read as one so that R02 says "negative", not "not a number".
  const text = /^\([\d.,]+\)$/.test(bare) ? `-${bare.slice(1, -1)}` : bare;
  if (text === '') return null;
  if (/e/i.test(text) && /\d/.test(text)) return /^[-+]?[\d.,]+e[-+]?\d+$/i.test(text) ? { reason: 'exponent' } : 'NaN';
  return checkDigits(text);
}

/** Typed text: at most MAX_NUMBER_TEXT characters and MAX_SIGNIFICANT_DIGITS significant digits. */
function checkDigits(text: string): string | { reason: MoneyParseFailure } {
  if (text.length > MAX_NUMBER_TEXT) return { reason: 'too_many_digits' };
  const digits = text.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length > MAX_SIGNIFICANT_DIGITS ? { reason: 'too_many_digits' } : text;
}

function readDecimal(text: string, numericCell: boolean, thousandsPoint: boolean): Money | null {
  // Only an Excel number can arrive in exponent form (String(1e-7), String(1e21)): text cannot.
  if (/e/i.test(text)) return numericCell ? readExponent(text) : null;
  // "1.234" typed in an amount cell: a thousands point (parseAmountCell).
  if (thousandsPoint && !numericCell && /^-?[1-9]\d{0,2}\.\d{3}$/.test(text)) return new Money(text.replace('.', ''));
  if (PLAIN.test(text)) return new Money(text);
  if (ITALIAN_GROUPED.test(text) || ITALIAN_PLAIN.test(text)) {
    return new Money(text.replace(/\./g, '').replace(',', '.'));
  }
  if (ENGLISH_GROUPED.test(text)) return new Money(text.replace(/,/g, ''));
  return null;
}

function readExponent(text: string): Money | null {
  // String(n) of a finite double: the exponent is at most 3 digits, so the Decimal stays small.
  if (!/^-?\d+(\.\d+)?e[+-]?\d{1,3}$/i.test(text)) return null;
  return new Money(text);
}

/** Half-up to the cent: only where a rule says so (R05, C2–C5). */
export function roundCents(value: Money): Money {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/** The wire form: a string with exactly two decimals ("1234.50"). */
export function formatAmount(value: Money): string {
  return value.toFixed(2);
}

/** Italian display form: "1.234,50". */
export function formatAmountIt(value: Money): string {
  const [int, dec] = value.toFixed(2).split('.');
  const negative = int.startsWith('-');
  const digits = negative ? int.slice(1) : int;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${negative ? '-' : ''}${grouped},${dec}`;
}

export function sum(values: Iterable<Money>): Money {
  let total: Money = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

/** A share as a percentage string with two decimals ("12.24"), half-up. */
export function formatPercent(numerator: Money, denominator: Money): string {
  if (denominator.isZero()) return '0.00';
  return numerator.div(denominator).times(100).toFixed(2);
}

/**
 * An exact running sum of Fixed figures (core/fixed): a plain integer while it fits in one, with
 * what no longer fits carried in decimal.js, so no sum is ever rounded. Removing is adding the
 * negated figure. What the engine's totals and groups add up, row by row, without a Decimal per row.
 */
export class FixedSum {
  private fixed = 0;
  private spill: Money | null = null;

  add(value: Fixed): void {
    const next = this.fixed + value;
    // Two exact integers whose sum stays within 2^53 add exactly; otherwise the sum so far moves out.
    if (Math.abs(next) <= Number.MAX_SAFE_INTEGER) this.fixed = next;
    else {
      this.spill = (this.spill ?? ZERO).plus(moneyOfFixed(this.fixed as Fixed));
      this.fixed = value;
    }
  }

  /** The sum as a Fixed, or null when it has grown beyond one. */
  get asFixed(): Fixed | null {
    return this.spill === null ? (this.fixed as Fixed) : null;
  }

  get money(): Money {
    const held = moneyOfFixed(this.fixed as Fixed);
    return this.spill === null ? held : this.spill.plus(held);
  }
}
