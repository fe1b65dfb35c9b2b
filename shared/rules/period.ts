// R03: the expense date (month for PERS) lies inside the agreement period and the reporting year,
// and no date of the row (invoice, payment, activity, month) is after today (Europe/Rome, ctx.today).
import type { ParsedRow } from '../rows/rows';
import { isBlank } from '../rows/rows';
import { formatDateIt, isoYear } from '../core/dates';
import { formatMonthIt } from './format';
import type { RowRule } from './env';
import type { Finding } from '../findings/findings';
import { rowFinding } from './emit';

/** The cell that holds a row's expense date, for locations. */
export function dateField(row: ParsedRow): string {
  switch (row.values.category) {
    case 'PERS':
      return 'month';
    case 'BENI':
    case 'SERV':
      return 'invoiceDate';
    case 'GEN':
      return isBlank(row.input.date) && !isBlank(row.input.invoiceDate) ? 'invoiceDate' : 'date';
    default:
      return 'date';
  }
}

export const checkPeriod: RowRule = (row, env, out) => {
  const date = row.values.date;
  if (!date) return;
  const { start, end } = env.agreement.period;
  if (date < start || date > end) {
    out.push(
      rowFinding(row, 'R03', 'error', dateField(row), 'outsidePeriod', {
        inizio: formatDateIt(start),
        fine: formatDateIt(end),
      }),
    );
  } else if (isoYear(date) !== env.ctx.year) {
    out.push(rowFinding(row, 'R03', 'error', dateField(row), 'otherYear', { anno: env.ctx.year }));
  }
};

/** R03: an expense not yet incurred or paid cannot be reported (each future date is one finding). */
export const checkFutureDates: RowRule = (row, env, out) => {
  const today = env.ctx.today;
  const v = row.values;
  // An expense date already outside the period or the year has its R03: one finding per cell.
  const { start, end } = env.agreement.period;
  const dated = v.date !== null && v.date >= start && v.date <= end && isoYear(v.date) === env.ctx.year;
  if (v.category === 'PERS') {
    // A 'YYYY-MM' sorts after today's 'YYYY-MM-DD' exactly when it is a later month (its own
    // month is a prefix of today, so it sorts before).
    if (dated && v.month && v.month > today) out.push(futureFinding(row, 'month', v.month, today));
    return;
  }
  const invoiceIsDate = v.date === v.invoiceDate;
  if (v.invoiceDate && v.invoiceDate > today && (dated || !invoiceIsDate))
    out.push(futureFinding(row, 'invoiceDate', v.invoiceDate, today));
  if (v.paymentDate && v.paymentDate > today) out.push(futureFinding(row, 'paymentDate', v.paymentDate, today));
  if (dated && !invoiceIsDate && v.date && v.date > today) out.push(futureFinding(row, dateField(row), v.date, today));
};

function futureFinding(row: ParsedRow, field: string, date: string, today: string): Finding {
  return rowFinding(row, 'R03', 'error', field, 'future', {
    data: date.length === 7 ? formatMonthIt(date) : formatDateIt(date),
    oggi: formatDateIt(today),
  });
}
