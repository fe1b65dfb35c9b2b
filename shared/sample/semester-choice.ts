// Which semester a PO screen opens on, read from the agreement's windows (DOMAIN.md §5, S1): the
// latest semester whose last covering window is locked, i.e. due for the draw. With the shipped
// windows that is H1 from 1 October and H2 of the year before from 1 February; an agreement with
// other lock days moves the choice with them (no lock date lives in a screen).
import type { Agreement } from '../agreement/agreement';
import type { IsoDate } from '../core/dates';
import { isSemesterDue, semesterOf, type SemesterId } from './sampling';

/**
 * The latest semester due for the draw on `today` (Rome calendar day), looking back two years;
 * when none is (windows locking later than that), the semester `today` falls in.
 */
export function latestLockedSemester(agreement: Pick<Agreement, 'windows'>, today: IsoDate): SemesterId {
  const year = Number(today.slice(0, 4));
  for (let y = year; y >= year - 2; y--) {
    for (const half of [2, 1]) {
      const semester = `${y}-H${half}`;
      if (isSemesterDue(agreement, semester, today)) return semester;
    }
  }
  return semesterOf(today);
}
