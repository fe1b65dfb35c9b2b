// The engine compares and adds a row's figures as Fixed (core/fixed.ts: exact integers, value ×
// 10,000) and decimal.js only words the findings: each Fixed operation must give exactly what
// decimal.js gives on the same figures (issue 9: a fast path is proven equal to the plain one).
import fc from 'fast-check';
import { FIXED_CENT, decimalsOf, productCents, type Fixed } from '../../shared/core/fixed';
import { FixedSum, Money, fixedOfMoney, moneyOfFixed, roundCents } from '../../shared/core/money';

const RUNS = { numRuns: 5000 };
const ONE = new Money(10_000);

/** Figures as rows hold them: up to 15 significant digits and 4 decimals, below €100 billion. */
const figure = fc.oneof(
  fc.integer({ min: 0, max: 99_999_999 }), // up to 9,999.9999: hours, rates, most amounts
  fc.integer({ min: 0, max: 999_999_999_999_999 }), // up to 100 billion with 4 decimals
  fc.constantFrom(0, 1, 50, 100, 9_999, 10_000, 999_999_999_999_999),
) as fc.Arbitrary<Fixed>;

const money = (f: Fixed) => new Money(f).div(ONE);

describe('Fixed = decimal.js on the same figures', () => {
  it('moneyOfFixed is the exact value and fixedOfMoney takes it back', () => {
    fc.assert(
      fc.property(figure, fc.boolean(), (f, negative) => {
        const value = (negative ? -f : f) as Fixed;
        const m = moneyOfFixed(value);
        expect(m.eq(money(value))).toBe(true);
        expect(fixedOfMoney(m)).toBe(value === 0 ? 0 : value);
        expect(decimalsOf(value)).toBe(m.decimalPlaces());
      }),
      RUNS,
    );
  });

  it('comparing two Fixed is comparing their Money', () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        expect(Math.sign(a - b)).toBe(moneyOfFixed(a).cmp(moneyOfFixed(b)));
      }),
      RUNS,
    );
  });

  it('productCents is decimal.js times, rounded half-up to the cent (R05), or null beyond exact integers', () => {
    const hours = fc.integer({ min: 0, max: 7_440_000 }) as fc.Arbitrary<Fixed>; // at most 744 h, 4 decimals
    fc.assert(
      fc.property(fc.oneof(hours, figure), figure, (a, b) => {
        const exact = roundCents(money(a).times(money(b)));
        const fixed = productCents(a, b);
        // null only where the exact product, in 1/10^8ths, is at the edge of the exact integers.
        if (fixed === null)
          expect(
            money(a)
              .times(money(b))
              .times(1e8)
              .gt(Number.MAX_SAFE_INTEGER - 500_002),
          ).toBe(true);
        else expect(moneyOfFixed(fixed).eq(exact)).toBe(true);
      }),
      RUNS,
    );
    // Half a cent rounds up, just under half a cent down.
    expect(productCents(5000 as Fixed, 100 as Fixed)).toBe(100); // 0.5 × 0.01 = 0.005 → 0.01
    expect(productCents(4999 as Fixed, 100 as Fixed)).toBe(0);
    expect(productCents(1_000_000 as Fixed, 656_010 as Fixed)).toBe(65_601_000); // 100 × 65,601 = 6.560,10
    expect(productCents(375_000 as Fixed, 173_500 as Fixed)).toBe(6_506_300); // 37,5 h × 17,35 = 650,625 → 650,63
  });

  it('the R05 tolerance on Fixed (one cent) is the tolerance on Money', () => {
    fc.assert(
      fc.property(figure, figure, (a, b) => {
        const fixedSays = Math.abs(a - b) <= FIXED_CENT;
        expect(fixedSays).toBe(moneyOfFixed(a).minus(moneyOfFixed(b)).abs().lte('0.01'));
      }),
      RUNS,
    );
  });

  it('FixedSum is the exact decimal.js sum, also far beyond 2^53, adding and taking out', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(figure, fc.boolean()), { maxLength: 60 }), (moves) => {
        const sum = new FixedSum();
        let expected = new Money(0);
        for (const [f, out] of moves) {
          sum.add((out ? -f : f) as Fixed);
          expected = out ? expected.minus(money(f)) : expected.plus(money(f));
        }
        expect(sum.money.eq(expected)).toBe(true);
        const fixed = sum.asFixed;
        if (fixed !== null) expect(moneyOfFixed(fixed).eq(expected)).toBe(true);
      }),
      RUNS,
    );
    const big = new FixedSum();
    for (let i = 0; i < 20; i++) big.add(999_999_999_999_999 as Fixed);
    expect(big.asFixed).toBeNull();
    expect(big.money.eq(new Money('1999999999999.998'))).toBe(true);
  });
});
