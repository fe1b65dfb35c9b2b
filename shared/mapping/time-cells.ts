// Hours typed as hours and minutes. A bookkeeper types 37:30 in an hours cell formatted [h]:mm;
// Excel keeps 1,5625 (a fraction of a day) and shows 37:30. What the cell says is 37,5 hours, so
// that is what it is read as, when the minutes give an exact number of hours with two decimals
// (a multiple of 3 minutes: 37:30 = 37,5; 7:15 = 7,25; 7:03 = 7,05). Other minutes (7:20 is
// 7,3333… hours) are not rounded on the partner's behalf: the cell stays the day fraction and its
// R02 says which decimal hours to type. Inside Excel the cell arrives as the number with its
// number format; from an .xlsx as the date-time the reader made of it, with the same format: both
// read the same. Without a time format nothing is converted.

/** Fields whose cells may be times typed as hours and minutes. */
export const HOURS_FIELDS: readonly string[] = ['hours', 'contractHours'];

/** Serial 0 of each date system, and the 1900 system's serials before its phantom 29 February. */
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
const DAY_MS = 86_400_000;
/** 744 hours: R02's bound for the hours of one row. Longer durations are not taken for hours. */
const MAX_DAYS = 31;
const MINUTES_PER_DAY = 1440;

/** Whether a number format shows a time of day or a duration ("[h]:mm", "h:mm:ss", "mm:ss"), not a date. */
export function isTimeFormat(code: string | undefined): boolean {
  if (!code) return false;
  const bare = (code.split(';')[0] ?? '')
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    // Colours and locales go; the elapsed-time brackets [h], [mm], [ss] stay.
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return /[hs]/i.test(bare) && !/[dy]/i.test(bare);
}

/**
 * The number of days an hours cell holds, when it is below 31 days: the number itself (Excel), or
 * the date-time of the first month of either date system that an .xlsx reader makes of a number
 * shown with a date or time format. null for anything else (text, a real date).
 */
export function cellDays(cell: unknown): number | null {
  let days: number | null = null;
  if (typeof cell === 'number') days = cell;
  else if (cell instanceof Date) {
    const t = cell.getTime();
    // 1900 system: serials below 60 stand one day later than the epoch says (see serialDate).
    if (t >= EPOCH_1900 + DAY_MS && t < EPOCH_1900 + (MAX_DAYS + 1) * DAY_MS) days = (t - EPOCH_1900) / DAY_MS - 1;
    else if (t >= EPOCH_1904 && t < EPOCH_1904 + MAX_DAYS * DAY_MS) days = (t - EPOCH_1904) / DAY_MS;
  }
  return days !== null && Number.isFinite(days) && days >= 0 && days < MAX_DAYS ? days : null;
}

/**
 * What an hours cell is read as. With a time format: the hours it shows when its minutes make
 * exact hours with two decimals (37:30 → 37.5), else the day fraction Excel holds (R02 then names
 * the decimal hours). Without one: the number Excel holds, also where a reader made a date-time of
 * it (7,5 typed in a cell formatted as a date is 7,5, as inside Excel). Anything else as it is.
 */
export function hoursCellValue(cell: unknown, numberFormat: string | undefined): unknown {
  const days = cellDays(cell);
  if (days === null) return cell;
  if (isTimeFormat(numberFormat)) {
    const minutes = wholeMinutes(days);
    if (minutes !== null && minutes % 3 === 0) return minutes / 60;
  }
  return cell instanceof Date ? days : cell;
}

/**
 * The whole number of minutes `days` (a day fraction, as Excel keeps a time) stands for, when it
 * is one and below 31 days; null otherwise. Seconds a reader rounded, or a double's last bit,
 * still count as whole minutes.
 */
export function wholeMinutes(days: number): number | null {
  if (!Number.isFinite(days) || days < 0 || days >= MAX_DAYS) return null;
  const minutes = Math.round(days * MINUTES_PER_DAY);
  return Math.abs(days * MINUTES_PER_DAY - minutes) < 1e-6 ? minutes : null;
}
