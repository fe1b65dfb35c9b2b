// Reporting windows (DOMAIN §5): which window an expense date falls in, and whether that window is
// locked on a given calendar day in Europe/Rome. Entry closes at 23:59:59 Rome time of the lock day,
// so a window is locked from the next Rome calendar day on.
import type { Agreement, ReportingWindow } from './agreement';
import type { IsoDate } from '../core/dates';

/** One window of one reporting year, with its dates resolved. */
export interface WindowInstance {
  id: string;
  year: number;
  /** First and last expense day covered (inclusive). */
  from: IsoDate;
  to: IsoDate;
  /** Last day of entry (Europe/Rome calendar day). */
  lockDate: IsoDate;
}

export function windowInstance(window: ReportingWindow, year: number): WindowInstance {
  const y = String(year).padStart(4, '0');
  const lockYear = String(window.lockNextYear ? year + 1 : year).padStart(4, '0');
  return {
    id: window.id,
    year,
    from: `${y}-${window.from}`,
    to: `${y}-${window.to}`,
    lockDate: `${lockYear}-${window.lock}`,
  };
}

export function windowsOfYear(agreement: Agreement, year: number): WindowInstance[] {
  return agreement.windows.map((w) => windowInstance(w, year));
}

/** The window an expense date belongs to, or null when no window covers it. */
export function windowFor(agreement: Agreement, date: IsoDate): WindowInstance | null {
  const year = Number(date.slice(0, 4));
  if (!Number.isInteger(year)) return null;
  const monthDay = date.slice(5);
  for (const w of agreement.windows) {
    if (w.from <= monthDay && monthDay <= w.to) return windowInstance(w, year);
  }
  return null;
}

/** True from the Rome calendar day after the lock day (`today` is a Rome calendar day). */
export function isLocked(window: WindowInstance, today: IsoDate): boolean {
  return today > window.lockDate;
}

/** The lock instant (23:59:59 Europe/Rome of the lock day) as an ISO instant in UTC. */
export function lockInstant(window: WindowInstance): string {
  const [y, m, d] = window.lockDate.split('-').map(Number);
  // Rome is UTC+1 or UTC+2: read the offset Rome shows at that wall-clock time.
  const guess = new Date(Date.UTC(y, m - 1, d, 23, 59, 59));
  const offsetMinutes = romeOffsetMinutes(guess);
  return new Date(guess.getTime() - offsetMinutes * 60_000).toISOString();
}

function romeOffsetMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - instant.getTime()) / 60_000);
}

/** Share of the reporting year elapsed on `today` (0..1), as a fraction of days (R23). */
export function yearElapsed(year: number, today: IsoDate): { days: number; of: number } {
  const of = (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
  const todayYear = Number(today.slice(0, 4));
  if (todayYear < year) return { days: 0, of };
  if (todayYear > year) return { days: of, of };
  const [, m, d] = today.split('-').map(Number);
  const days = (Date.UTC(year, m - 1, d) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  return { days, of };
}
