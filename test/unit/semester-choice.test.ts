// The PO pane opens on the latest semester whose windows are locked, read from the agreement's
// windows (no lock day hard-coded in the pane).
import { getAgreement } from '../../shared/agreement/agreements';
import type { Agreement } from '../../shared/agreement/agreement';
import { addDays } from '../../shared/core/dates';
import { latestLockedSemester } from '../../shared/sample/semester-choice';
import { semesterLockDate } from '../../shared/sample/sampling';
import { defaultSemester } from '../../addin/po/po-claims';

const crema = getAgreement('crema-2026-2028') as Agreement;

describe('latestLockedSemester', () => {
  it('with the shipped windows: H1 from 1 October, the previous H2 from 1 February', () => {
    expect(latestLockedSemester(crema, '2026-09-30')).toBe('2025-H2');
    expect(latestLockedSemester(crema, '2026-10-01')).toBe('2026-H1');
    expect(latestLockedSemester(crema, '2027-01-31')).toBe('2026-H1');
    expect(latestLockedSemester(crema, '2027-02-01')).toBe('2026-H2');
  });

  it('every day of the agreement: the chosen semester is locked and the next one is not', () => {
    for (let day = '2026-01-01'; day <= '2029-03-31'; day = addDays(day, 1)) {
      const chosen = latestLockedSemester(crema, day);
      expect(day > (semesterLockDate(crema, chosen) as string)).toBe(true);
      const [y, h] = [Number(chosen.slice(0, 4)), chosen.endsWith('H1') ? 1 : 2];
      const next = h === 1 ? `${y}-H2` : `${y + 1}-H1`;
      expect(day > (semesterLockDate(crema, next) as string)).toBe(false);
    }
  });

  it('follows the agreement: a later H1 lock (W2 closing on 31 October) moves the switch', () => {
    const later = {
      windows: crema.windows.map((w) => (w.id === 'W2' ? { ...w, lock: '10-31' } : w)),
    };
    expect(latestLockedSemester(later, '2026-10-01')).toBe('2025-H2');
    expect(latestLockedSemester(later, '2026-11-01')).toBe('2026-H1');
    expect(defaultSemester('2026-10-15', later)).toBe('2025-H2');
    expect(defaultSemester('2026-10-15')).toBe('2026-H1');
  });

  it('falls back to the current semester when nothing is locked yet', () => {
    const never = { windows: crema.windows.map((w) => ({ ...w, lock: '12-31', lockNextYear: true })) };
    expect(latestLockedSemester(never, '2026-03-01')).toBe('2024-H2');
    const none = { windows: [] };
    expect(latestLockedSemester(none, '2026-03-01')).toBe('2026-H1');
  });
});
