// R03: the expense date (month for PERS) lies inside the agreement period and the reporting year.
import type { ParsedRow } from '../rows/rows';
import { isBlank } from '../rows/rows';
import { formatDateIt } from '../core/dates';
import type { RowRule } from './env';
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
  } else if (Number(date.slice(0, 4)) !== env.ctx.year) {
    out.push(rowFinding(row, 'R03', 'error', dateField(row), 'otherYear', { anno: env.ctx.year }));
  }
};
