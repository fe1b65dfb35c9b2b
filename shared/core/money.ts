// Money is decimal.js end to end: a binary float never sits between a cell and a total.
import Decimal from 'decimal.js';

/** Decimal configured for money: enough precision for any sum, half-up where rounding is asked. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = Decimal;

export const ZERO: Money = new Money(0);

export type MoneyParse =
  { ok: true; value: Money } | { ok: false; reason: 'empty' | 'not_a_number' | 'negative' | 'too_many_decimals' };

const PLAIN = /^-?\d+(\.\d+)?$/;
const ITALIAN_GROUPED = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/;
const ITALIAN_PLAIN = /^-?\d+(,\d+)?$/;
const ENGLISH_GROUPED = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a money cell as the partner wrote it: an Excel number, "1234.56", "1.234,56",
 * "1234,56", with an optional "€" and spaces. Anything else is reported, never read as 0.
 * Excel numbers go through their shortest decimal representation (String(n)), which is the
 * value the user typed; no arithmetic happens on the float.
 */
export function parseAmount(cell: unknown): MoneyParse {
  const text = normaliseAmountText(cell);
  if (text === null) return { ok: false, reason: 'empty' };
  const decimal = readDecimal(text);
  if (decimal === null) return { ok: false, reason: 'not_a_number' };
  if (decimal.isNegative() && !decimal.isZero()) return { ok: false, reason: 'negative' };
  if (decimal.decimalPlaces() > 2) return { ok: false, reason: 'too_many_decimals' };
  return { ok: true, value: decimal };
}

/** Same reading as parseAmount but for quantities (hours, rates) where more decimals are fine. */
export function parseQuantity(cell: unknown, maxDecimals = 4): MoneyParse {
  const text = normaliseAmountText(cell);
  if (text === null) return { ok: false, reason: 'empty' };
  const decimal = readDecimal(text);
  if (decimal === null) return { ok: false, reason: 'not_a_number' };
  if (decimal.isNegative() && !decimal.isZero()) return { ok: false, reason: 'negative' };
  if (decimal.decimalPlaces() > maxDecimals) return { ok: false, reason: 'too_many_decimals' };
  return { ok: true, value: decimal };
}

function normaliseAmountText(cell: unknown): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : 'NaN';
  if (typeof cell === 'bigint') return cell.toString();
  if (cell instanceof Decimal) return cell.toString();
  if (typeof cell !== 'string') return 'NaN';
  const text = cell.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '');
  return text === '' ? null : text;
}

function readDecimal(text: string): Money | null {
  if (/e/i.test(text)) return readExponent(text);
  if (PLAIN.test(text)) return new Money(text);
  if (ITALIAN_GROUPED.test(text) || ITALIAN_PLAIN.test(text)) {
    return new Money(text.replace(/\./g, '').replace(',', '.'));
  }
  if (ENGLISH_GROUPED.test(text)) return new Money(text.replace(/,/g, ''));
  return null;
}

function readExponent(text: string): Money | null {
  // String(1e-7) or a huge Excel number: accept the exponent form, nothing fancier.
  if (!/^-?\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return null;
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
