// Hours typed as hours and minutes (shared/mapping/time-cells.ts): the time formats, the durations
// an .xlsx reader or Excel hands over, and which of them are read as hours.
import { cellDays, hoursCellValue, isTimeFormat } from '../../shared/mapping/time-cells';
import { serialDate } from '../../formats/xlsx/xlsx-reader';

describe('isTimeFormat', () => {
  it.each(['[h]:mm', 'h:mm', 'hh:mm', '[h]:mm:ss', 'h:mm AM/PM', 'mm:ss', '[$-410]h:mm', '[Red][h]:mm'])(
    '%s is a time',
    (code) => expect(isTimeFormat(code)).toBe(true),
  );
  it.each(['General', '0.00', 'dd/mm/yyyy', 'd/m/yy h:mm', 'mmm-yy', '#,##0.00 "h"', '0%', undefined])(
    '%s is not',
    (code) => expect(isTimeFormat(code)).toBe(false),
  );
});

describe('hoursCellValue', () => {
  it('reads a time whose minutes make hours with two decimals as those hours', () => {
    expect(hoursCellValue(37.5 / 24, '[h]:mm')).toBe(37.5);
    expect(hoursCellValue(7.25 / 24, 'h:mm')).toBe(7.25);
    expect(hoursCellValue((7 + 3 / 60) / 24, 'h:mm')).toBe(7.05);
    expect(hoursCellValue(0, '[h]:mm')).toBe(0);
  });

  it('leaves other minutes as the day fraction (7:20 is 7,3333… hours: not rounded)', () => {
    const days = (7 + 20 / 60) / 24;
    expect(hoursCellValue(days, '[h]:mm')).toBe(days);
  });

  it('reads the date-time an .xlsx reader makes of a time cell the same, in both date systems', () => {
    for (const date1904 of [false, true]) {
      expect(hoursCellValue(serialDate(37.5 / 24, date1904), '[h]:mm')).toBe(37.5);
      expect(hoursCellValue(serialDate(1 + 13.5 / 24, date1904), '[h]:mm:ss')).toBe(37.5);
      expect(cellDays(serialDate(30.5, date1904))).toBeCloseTo(30.5, 9);
    }
  });

  it('without a time format reads the number Excel holds: 7,5 typed in a cell formatted as a date is 7,5, not 180 hours', () => {
    expect(hoursCellValue(serialDate(7.5, false), 'dd/mm/yyyy')).toBe(7.5);
    expect(hoursCellValue(serialDate(7.5, true), undefined)).toBe(7.5);
    expect(hoursCellValue(7.5, 'dd/mm/yyyy h:mm')).toBe(7.5);
  });

  it('keeps numbers without a time format, real dates and durations of 31 days or more', () => {
    expect(hoursCellValue(1.5625, 'General')).toBe(1.5625);
    expect(hoursCellValue(1.5625, undefined)).toBe(1.5625);
    const date = new Date('2026-10-05T00:00:00Z');
    expect(hoursCellValue(date, undefined)).toBe(date);
    expect(hoursCellValue(31.5, '[h]:mm')).toBe(31.5);
    const late = serialDate(32, false);
    expect(hoursCellValue(late, '[h]:mm')).toBe(late);
    expect(cellDays(date)).toBeNull();
    expect(hoursCellValue(-0.5, '[h]:mm')).toBe(-0.5);
    expect(hoursCellValue('37:30', undefined)).toBe('37:30');
  });
});
