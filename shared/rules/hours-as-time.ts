// Hours typed as hours and minutes in Excel (37:30 in a cell formatted [h]:mm) are kept by Excel
// as a fraction of a day (1,5625). Where the cell's format is known and the minutes make exact
// hours, the reading already turned it into hours (mapping/time-cells.ts). What is left here: a
// day fraction whose minutes do not (7:20), or a number whose format was not given. The rules that
// then fail (R05: the amount is 24 times the product; R02: "0,305555555555556" has too many
// decimals) say what the number most likely is, when the number proves it: below 31 days (744
// hours) and a whole number of minutes. It is a hint in the message, nothing more.
import { Money } from '../core/money';
import { wholeMinutes } from '../mapping/time-cells';

export const HOURS_PER_DAY = new Money(24);

/** What the message says of a day fraction read as hours and minutes ("37:30", "37,5"). */
export interface HoursAsTime {
  durata: string;
  oreDecimali: string;
}

/** The duration `days` stands for when it is a whole number of minutes below 31 days, else null. */
export function hoursAsTimeOf(days: Money): HoursAsTime | null {
  // Below 31 days a day fraction is exact enough in a double to count its minutes.
  const total = wholeMinutes(days.toNumber());
  if (!total) return null;
  const hours = new Money(total).div(60).toDecimalPlaces(4);
  return {
    durata: `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`,
    oreDecimali: hours.toFixed().replace('.', ','),
  };
}
