import fc from 'fast-check';
import {
  Money,
  parseAmount,
  parseAmountCell,
  parseQuantity,
  formatAmount,
  formatAmountIt,
  roundCents,
  sum,
} from '../../shared/core/money';

const ok = (cell: unknown) => {
  const r = parseAmount(cell);
  if (!r.ok) throw new Error(`expected ${String(cell)} to parse, got ${r.reason}`);
  return formatAmount(r.value);
};

describe('parseAmount reads what partners type', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['€ 1.234,50', '1234.50'],
    [' 12 ', '12.00'],
    [1234.56, '1234.56'],
    [0.1, '0.10'],
    ['1.234.567,89', '1234567.89'],
    // The currency before or after the figure, as partners write it.
    ['1.234,56 €', '1234.56'],
    ['EUR 1.234,56', '1234.56'],
    ['1.234,56 EUR', '1234.56'],
    ['12,50 euro', '12.50'],
    ['Euro 12,50', '12.50'],
  ])('%p → %s', (cell, expected) => {
    expect(ok(cell)).toBe(expected);
  });

  it.each([
    ['abc', 'not_a_number'],
    ['12,345,6', 'not_a_number'],
    ['1.2.3', 'not_a_number'],
    ['-5', 'negative'],
    ['(100,00)', 'negative'],
    ['(abc)', 'not_a_number'],
    ['euro', 'empty'],
    ['1,234', 'too_many_decimals'],
    ['0.001', 'too_many_decimals'],
    [Number.NaN, 'not_a_number'],
    [{}, 'not_a_number'],
    [true, 'not_a_number'],
  ])('%p is refused as %s, never read as 0', (cell, reason) => {
    expect(parseAmount(cell)).toEqual({ ok: false, reason });
  });

  it('reads a point before three digits in a cell as a thousands point, as an Italian Excel does', () => {
    const cell = (value: unknown) => {
      const r = parseAmountCell(value);
      return r.ok ? formatAmount(r.value) : r.reason;
    };
    expect(cell('1.234')).toBe('1234.00');
    expect(cell('€ 12.500')).toBe('12500.00');
    expect(cell('1.234,56')).toBe('1234.56');
    // Not where it cannot be one: a number, 0.xxx, four digits before the point.
    expect(cell(1.234)).toBe('too_many_decimals');
    expect(cell('0.123')).toBe('too_many_decimals');
    expect(cell('1234.567')).toBe('too_many_decimals');
    // Wire amounts (API bodies) and hours or rates keep the point as a decimal one.
    expect(parseAmount('1.234')).toEqual({ ok: false, reason: 'too_many_decimals' });
    const rate = parseQuantity('19.575');
    expect(rate.ok && rate.value.toString()).toBe('19.575');
  });

  it('treats blank cells as empty, not as zero', () => {
    expect(parseAmount('')).toEqual({ ok: false, reason: 'empty' });
    expect(parseAmount(null)).toEqual({ ok: false, reason: 'empty' });
    expect(parseAmount('  ')).toEqual({ ok: false, reason: 'empty' });
  });
});

describe('sums are exact', () => {
  it('0,1 + 0,2 is 0,30', () => {
    const a = parseAmount('0,1');
    const b = parseAmount('0,2');
    if (!a.ok || !b.ok) throw new Error('parse');
    expect(formatAmount(a.value.plus(b.value))).toBe('0.30');
    expect(a.value.plus(b.value).equals(new Money('0.3'))).toBe(true);
  });

  it('100,000 random cent amounts add up exactly to the integer sum of cents', () => {
    const cents = fc.sample(fc.integer({ min: 0, max: 10_000_000 }), { numRuns: 100_000, seed: 42 });
    const expectedCents = cents.reduce((acc, c) => acc + BigInt(c), 0n);
    const total = sum(cents.map((c) => new Money(c).div(100)));
    expect(total.times(100).toFixed(0)).toBe(expectedCents.toString());
  });

  it('rounds half-up to the cent only when asked', () => {
    expect(formatAmount(roundCents(new Money('2.675')))).toBe('2.68');
    expect(formatAmount(roundCents(new Money('2.665')))).toBe('2.67');
    expect(new Money('2.675').toString()).toBe('2.675');
  });

  it('formats Italian style', () => {
    expect(formatAmountIt(new Money('1234567.5'))).toBe('1.234.567,50');
    expect(formatAmountIt(new Money('-12'))).toBe('-12,00');
  });
});
