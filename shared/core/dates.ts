// Dates are ISO strings (YYYY-MM-DD) everywhere after reading; the clock is always a parameter.
import { trimmed } from './text-key';

export type IsoDate = string; // YYYY-MM-DD
export type IsoMonth = string; // YYYY-MM

/** A clock returns the current instant; tests pass a fixed one. */
export type Clock = () => Date;

export type DateParse = { ok: true; value: IsoDate } | { ok: false; reason: 'empty' | 'invalid' };
export type MonthParse = { ok: true; value: IsoMonth } | { ok: false; reason: 'empty' | 'invalid' };

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

export function isValidIso(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Gregorian arithmetic where Date.UTC is Gregorian too (it maps years 0-99 to 1900-1999).
  if (year >= 100 && year <= 9999 && month >= 1 && month <= 12) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return month === 2 && leap ? 29 : MONTH_DAYS[month - 1];
  }
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Two ASCII digits at `at` as a number, or -1. */
function twoDigits(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The two forms nearly every date cell takes, "2026-03-15" and "15/03/2026", read without regular
 * expressions (the same answers as parseDate's general reading); null for any other text.
 */
function commonDate(text: string): DateParse | null {
  if (text.length !== 10) return null;
  if (text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45) {
    const hi = twoDigits(text, 0);
    const lo = twoDigits(text, 2);
    const m = twoDigits(text, 5);
    const d = twoDigits(text, 8);
    if (hi < 0 || lo < 0 || m < 0 || d < 0) return null;
    const y = hi * 100 + lo;
    return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m) ? { ok: true, value: text } : INVALID;
  }
  const sep = text.charCodeAt(2);
  if ((sep === 47 || sep === 46 || sep === 45) && text.charCodeAt(5) === sep) {
    const d = twoDigits(text, 0);
    const m = twoDigits(text, 3);
    const hi = twoDigits(text, 6);
    const lo = twoDigits(text, 8);
    if (d < 0 || m < 0 || hi < 0 || lo < 0) return null;
    return checked(hi * 100 + lo, m, d);
  }
  return null;
}
const INVALID: DateParse = { ok: false, reason: 'invalid' };

function iso(y: number, m: number, d: number): IsoDate {
  const year = y >= 1000 ? String(y) : String(y).padStart(4, '0');
  return `${year}-${TWO_DIGITS[m]}-${TWO_DIGITS[d]}`;
}

/** "00" … "31": months and days as ISO writes them (a fixed table, not row data). */
const TWO_DIGITS: readonly string[] = Array.from({ length: 32 }, (_, n) => String(n).padStart(2, '0'));

/** Excel serial (1900 date system, Lotus leap-year bug included) to ISO. */
export function fromExcelSerial(serial: number): IsoDate | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const date = new Date(EXCEL_EPOCH_UTC + Math.floor(serial) * DAY_MS);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function toExcelSerial(isoDate: IsoDate): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_UTC) / DAY_MS);
}

/**
 * gg/mm/aaaa (also with - or ., one-digit day and month, a two-digit year as Excel reads it, spaces
 * around the separators as "15 / 03 / 2026"), with the time an export may add ("15/03/2026 00:00").
 */
const ITALIAN_DATE = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?$/;
/**
 * A day and a month name as an Italian workbook writes them ("15 marzo 2026", "1° marzo 2026",
 * "lunedì 16 marzo 2026", Excel's gg-mmm-aa kept as text "15-mar-26").
 */
const NAMED_DATE = /^(?:[a-zàèéìòù]+,?\s+)?(\d{1,2})[°º]?[\s/.-]*([a-z]+)\.?[\s/.-]*(\d{4}|\d{2})$/;

/**
 * Reads a date cell: ISO text (also aaaa/mm/gg), Italian gg/mm/aaaa (also with - or ., or a two-digit year), a day
 * with a month name ("15 marzo 2026", "15-mar-26"), an Excel serial number, or a JS Date as
 * produced by xlsx readers (its UTC calendar day is the cell's day).
 */
export function parseDate(cell: unknown): DateParse {
  if (cell === null || cell === undefined) return { ok: false, reason: 'empty' };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { ok: false, reason: 'invalid' };
    return { ok: true, value: iso(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) };
  }
  if (typeof cell === 'number') {
    const value = Number.isInteger(cell) && !isYearAlone(cell) ? fromExcelSerial(cell) : null;
    return value ? { ok: true, value } : { ok: false, reason: 'invalid' };
  }
  if (typeof cell !== 'string') return { ok: false, reason: 'invalid' };
  const text = trimmed(cell);
  if (text === '') return { ok: false, reason: 'empty' };
  const common = commonDate(text);
  if (common !== null) return common;
  // The year first, with dashes as ISO writes it or with slashes or dots as accounting programs
  // export it ("2026/03/15"); a year of four digits first is never read as a day.
  const isoMatch = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (isoMatch) return checked(Number(isoMatch[1]), Number(isoMatch[3]), Number(isoMatch[4]));
  const it = ITALIAN_DATE.exec(text);
  if (it) return checked(excelYear(it[3]), Number(it[2]), Number(it[1]));
  const named = NAMED_DATE.exec(text.toLowerCase());
  if (named) {
    const month = monthOfName(named[2]);
    return month > 0 ? checked(excelYear(named[3]), month, Number(named[1])) : INVALID;
  }
  if (/^\d+$/.test(text)) {
    const value = isYearAlone(Number(text)) ? null : fromExcelSerial(Number(text));
    return value ? { ok: true, value } : { ok: false, reason: 'invalid' };
  }
  return { ok: false, reason: 'invalid' };
}

/**
 * A year typed alone in a date cell ("2026"): not a date. As an Excel serial it would be a day of
 * 1905, which no report holds; read so, the row got "outside the agreement" instead of "write
 * the date".
 */
function isYearAlone(value: number): boolean {
  return value >= 1900 && value <= 2100;
}

function checked(y: number, m: number, d: number): DateParse {
  if (m < 1 || m > 12 || d < 1 || y > 9999 || d > daysInMonth(y, m)) return INVALID;
  return { ok: true, value: iso(y, m, d) };
}

/** Italian month names, January first (reading "marzo 2026" and writing messages). */
export const MONTHS_IT: readonly string[] = [
  'gennaio',
  'febbraio',
  'marzo',
  'aprile',
  'maggio',
  'giugno',
  'luglio',
  'agosto',
  'settembre',
  'ottobre',
  'novembre',
  'dicembre',
];

const NAMED_MONTH = /^([a-z]+)\.?[\s/.'’-]*(\d{4}|\d{2})$/;

/**
 * A month named as an Italian workbook shows one: "marzo 2026", or Excel's own mmm-aa and
 * mmmm aaaa formats kept as text ("gen-26", "set 2026", "dic.26").
 */
function namedMonth(text: string): MonthParse | null {
  const match = NAMED_MONTH.exec(text);
  const index = match ? monthOfName(match[1]) : 0;
  return match && index > 0 ? month(excelYear(match[2]), index) : null;
}

/** 1–12 for an Italian month name or its three-letter abbreviation (lower case), else 0. */
function monthOfName(name: string): number {
  return MONTHS_IT.findIndex((full) => full === name || (name.length === 3 && full.startsWith(name))) + 1;
}

/** A year of four digits, or of two as Excel reads them (00–29 are 2000–2029, 30–99 1930–1999). */
function excelYear(text: string): number {
  const year = Number(text);
  return text.length === 4 ? year : year < 30 ? 2000 + year : 1900 + year;
}

/** Reads a month cell: a date in the month, mm/aaaa, mm/aa, aaaa-mm, or "marzo 2026", "gen-26". */
export function parseMonth(cell: unknown): MonthParse {
  if (typeof cell === 'string') {
    const common = commonMonth(cell);
    if (common !== null) return common;
    const text = cell.trim().toLowerCase();
    if (text === '') return { ok: false, reason: 'empty' };
    const mmYyyy = /^(\d{1,2})[/.-](\d{4})$/.exec(text);
    if (mmYyyy) return month(Number(mmYyyy[2]), Number(mmYyyy[1]));
    // Excel's mm/aa month format kept as text ("10/26"): a two-digit year as Excel reads it.
    const mmYy = /^(\d{1,2})[/.-](\d{2})$/.exec(text);
    if (mmYy) return month(excelYear(mmYy[2]), Number(mmYy[1]));
    const yyyyMm = /^(\d{4})[/.-](\d{1,2})$/.exec(text);
    if (yyyyMm) return month(Number(yyyyMm[1]), Number(yyyyMm[2]));
    const named = namedMonth(text);
    if (named) return named;
    const period = periodMonth(text);
    if (period) return period;
    const noted = NOTE_AFTER.exec(text);
    if (noted && isPlainNote(noted[2])) {
      const before = parseMonth(noted[1]);
      if (before.ok) return before;
    }
  }
  const date = parseDate(cell);
  if (!date.ok) return date;
  return { ok: true, value: date.value.slice(0, 7) };
}

/** A month with a note in brackets after it: "marzo 2026 (parziale)", "03/2026 (saldo)". */
const NOTE_AFTER = /^([^()]*[^()\s])\s*\(([^()]*)\)$/;

/** A note that names no other month or date ("parziale", "saldo"; not "e aprile", "fino al 15/4"). */
function isPlainNote(note: string): boolean {
  return !/\d/.test(note) && !note.split(/[^a-z]+/).some((word) => monthOfName(word) > 0);
}

/** Days of one named month: "1-31 marzo 2026". */
const DAY_RANGE_NAMED = /^(\d{1,2})\s*[-–]\s*(\d{1,2})\s+(\S.*)$/;
const RANGE_DATE = '(\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{4}-\\d{2}-\\d{2})';
/** Two dates: "01/03/2026 - 31/03/2026", "dal 1/3/2026 al 31/3/2026". */
const DATE_RANGE = new RegExp(`^(?:dal\\s+)?${RANGE_DATE}\\s*(?:[-–]|al)\\s*${RANGE_DATE}$`);

/**
 * A period written for a month of work, when it lies inside one month (a personnel row is one
 * month): "01/03/2026 - 31/03/2026", "dal 1/3/2026 al 31/3/2026", "1-31 marzo 2026". A period
 * across months is no month (null), and the cell stays R03.
 */
function periodMonth(text: string): MonthParse | null {
  const days = DAY_RANGE_NAMED.exec(text);
  if (days) {
    const named = namedMonth(days[3]);
    if (!named?.ok) return null;
    const [y, m] = named.value.split('-').map(Number);
    const first = Number(days[1]);
    const last = Number(days[2]);
    return first >= 1 && first <= last && last <= daysInMonth(y, m) ? named : null;
  }
  const range = DATE_RANGE.exec(text);
  if (!range) return null;
  const from = parseDate(range[1]);
  const to = parseDate(range[2]);
  if (!from.ok || !to.ok || from.value > to.value || from.value.slice(0, 7) !== to.value.slice(0, 7)) return null;
  return { ok: true, value: from.value.slice(0, 7) };
}

function month(y: number, m: number): MonthParse {
  if (m < 1 || m > 12 || y < 1900 || y > 9999) return { ok: false, reason: 'invalid' };
  return { ok: true, value: `${y}-${TWO_DIGITS[m]}` };
}

/**
 * The forms nearly every month cell takes, "03/2026" (or 3/2026, with '.' or '-') and "2026-03"
 * (or '/', '.'), read without regular expressions: the same answer as parseMonth's general
 * reading of them (test/unit/fast-paths.test.ts); null for any other text. A cell already written
 * "2026-03" is its own ISO month.
 */
function commonMonth(text: string): MonthParse | null {
  const n = text.length;
  if (n < 6 || n > 7) return null;
  const sep = n - 5; // mm/aaaa, m/aaaa
  const c = text.charCodeAt(sep);
  if ((c === 47 || c === 46 || c === 45) && digitsAt(text, sep + 1, 4) >= 0) {
    const m = digitsAt(text, 0, sep);
    return m < 0 ? null : month(digitsAt(text, sep + 1, 4), m);
  }
  const c4 = text.charCodeAt(4);
  if ((c4 === 47 || c4 === 46 || c4 === 45) && digitsAt(text, 0, 4) >= 0) {
    const m = digitsAt(text, 5, n - 5);
    if (m < 0) return null;
    const y = digitsAt(text, 0, 4);
    if (n === 7 && c4 === 45 && m >= 1 && m <= 12 && y >= 1900) return { ok: true, value: text };
    return month(y, m);
  }
  return null;
}

/** The year of an ISO date, read from its digits (no substring: rules ask it of every row). */
export function isoYear(date: IsoDate): number {
  return digitsAt(date, 0, 4);
}

/** The number of `count` ASCII digits at `from`, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** The calendar day in Europe/Rome of an instant (all locks and windows use Rome's calendar). */
export function romeDate(instant: Date): IsoDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return parts; // en-CA formats as YYYY-MM-DD
}

export function addDays(isoDate: IsoDate, days: number): IsoDate {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return iso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function formatDateIt(isoDate: IsoDate): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}/${m}/${y}`;
}

/** A date written as digits with separators, or ISO; the tokens dateAmongWords looks for. */
const DATE_TOKEN = /\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/g;
/** Longest cell dateAmongWords reads: a date and a few words, never a paragraph. */
const MAX_WORDED_DATE = 60;

/**
 * The one date of a cell that also holds words ("pagato il 10/04/2026", "bonifico del 10/04/2026",
 * "10/04/2026 (bonifico)"), read only after parseDate refused the cell. Null when the cell holds
 * no date, two of them ("10/04 e 20/04/2026": two payments) or other figures besides the date.
 */
/** Whether a cell holds two or more dates ("10/04/2026 e 20/04/2026"): one row is one date. */
export function holdsSeveralDates(cell: unknown): boolean {
  if (typeof cell !== 'string' || cell.length > MAX_WORDED_DATE) return false;
  return (cell.match(DATE_TOKEN)?.length ?? 0) > 1;
}

export function dateAmongWords(cell: unknown): DateParse | null {
  if (typeof cell !== 'string' || cell.length > MAX_WORDED_DATE) return null;
  const tokens = cell.match(DATE_TOKEN);
  if (tokens === null || tokens.length !== 1) return null;
  if (/\d/.test(cell.replace(tokens[0], ''))) return null;
  const date = parseDate(tokens[0]);
  return date.ok ? date : null;
}
