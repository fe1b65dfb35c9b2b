// Italian renderings of figures inside messages.
import { MONTHS_IT as MONTHS } from '../core/dates';
import { formatAmountIt, formatPercent, type Money } from '../core/money';

/** "1.234,50 €" */
export function formatMoneyIt(value: Money): string {
  return `${formatAmountIt(value)} €`;
}

/** Hours and rates: Italian decimal comma, trailing zeros dropped ("173,33", "40"). */
export function formatQuantityIt(value: Money): string {
  const [int, dec] = value.toFixed().split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return dec ? `${grouped},${dec}` : grouped;
}

/** "2026-03" -> "marzo 2026" */
export function formatMonthIt(month: string): string {
  const m = Number(month.slice(5, 7));
  return `${MONTHS[m - 1] ?? month.slice(5, 7)} ${month.slice(0, 4)}`;
}

/** A share as "12,24%". */
export function formatShareIt(numerator: Money, denominator: Money): string {
  return `${formatPercent(numerator, denominator).replace('.', ',')}%`;
}
