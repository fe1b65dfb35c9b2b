// Reporting windows (Europe/Rome lock days) and the Ministry hourly-cost reference table.
import { windowFor, isLocked, lockInstant, windowsOfYear, yearElapsed } from '../../../shared/agreement/windows';
import { ministryRate } from '../../../shared/agreement/reference';
import { agreement } from './fixtures';

describe('reporting windows', () => {
  it.each([
    ['2026-01-01', 'W1', '2026-05-31'],
    ['2026-04-30', 'W1', '2026-05-31'],
    ['2026-05-01', 'W2', '2026-09-30'],
    ['2026-08-31', 'W2', '2026-09-30'],
    ['2026-09-01', 'W3', '2027-01-31'],
    ['2026-12-31', 'W3', '2027-01-31'],
  ])('%s is in %s, locked after %s', (date, id, lockDate) => {
    const w = windowFor(agreement, date)!;
    expect([w.id, w.lockDate]).toEqual([id, lockDate]);
    expect(isLocked(w, lockDate)).toBe(false);
  });

  it('locks from the Rome calendar day after the lock day', () => {
    const w1 = windowFor(agreement, '2026-03-01')!;
    expect(isLocked(w1, '2026-05-31')).toBe(false);
    expect(isLocked(w1, '2026-06-01')).toBe(true);
  });

  it('gives the lock instant as 23:59:59 in Rome (summer and winter time)', () => {
    const [w1, , w3] = windowsOfYear(agreement, 2026);
    expect(lockInstant(w1)).toBe('2026-05-31T21:59:59.000Z');
    expect(lockInstant(w3)).toBe('2027-01-31T22:59:59.000Z');
  });

  it('measures the share of the year elapsed', () => {
    expect(yearElapsed(2026, '2025-12-31')).toEqual({ days: 0, of: 365 });
    expect(yearElapsed(2026, '2026-01-01')).toEqual({ days: 1, of: 365 });
    expect(yearElapsed(2026, '2027-01-01')).toEqual({ days: 365, of: 365 });
  });
});

describe('Ministry hourly costs', () => {
  it('uses the edition in force in the month', () => {
    const rate = (month: string) => {
      const r = ministryRate('cooperative-sociali', 'A1', month);
      return r.ok ? r.rate.toFixed(2) : r.reason;
    };
    expect(rate('2024-01')).toBe('date');
    expect(rate('2024-02')).toBe('18.57');
    expect(rate('2025-09')).toBe('19.70');
    expect(rate('2026-03')).toBe('20.07');
  });

  it('reports a missing level or CCNL instead of guessing', () => {
    expect(ministryRate('cooperative-sociali', 'C1', '2026-03')).toEqual({ ok: false, reason: 'level' });
    expect(ministryRate('commercio', 'A1', '2026-03')).toEqual({ ok: false, reason: 'ccnl' });
  });
});
