// The pane's one formatter: Italian money, shares and days from wire strings.
import { day, euro, percent, rateAsPercent } from '../../../addin/ui/format-it';

describe('format-it', () => {
  it('money the Italian way, with the euro sign after', () => {
    expect(euro('1200.50')).toBe('1.200,50 €');
    expect(euro('1200.5')).toBe('1.200,50 €');
    expect(euro('-722461.31')).toBe('-722.461,31 €');
    expect(euro('0.00')).toBe('0,00 €');
    expect(euro(undefined)).toBe('—');
  });

  it('shares and rates with a comma and a spaced percent sign', () => {
    expect(percent('9.57')).toBe('9,57 %');
    expect(percent('0.00')).toBe('0,00 %');
    expect(rateAsPercent('0.10')).toBe('10,00 %');
    expect(rateAsPercent('0.05')).toBe('5,00 %');
  });

  it('days as gg/mm/aaaa, from days or instants', () => {
    expect(day('2026-12-01')).toBe('01/12/2026');
    expect(day('2026-12-01T09:00:00Z')).toBe('01/12/2026');
    expect(day(undefined)).toBe('—');
  });
});
