// R02 bounds in the parsers (DOMAIN §3): exponent text, more than 15 significant digits and
// over-long text are not amounts; amounts stay below the agreement's bound, hours of one row at
// most 744; the bounds are agreement settings with defaults.
import { getAgreement } from '../../shared/agreement/agreements';
import { limitsOf } from '../../shared/agreement/agreement';
import { AgreementSchema } from '../../shared/agreement/agreement-schema';
import { MAX_NUMBER_TEXT, Money, parseAmount, parseQuantity } from '../../shared/core/money';
import { validateRows } from '../../shared/rules/validate';
import { agreement, beni, ctx, pers } from './rules/fixtures';

describe('parseAmount refuses what is not an amount', () => {
  it.each([
    ['1e5', 'exponent'],
    ['1E5', 'exponent'],
    ['1e50000', 'exponent'],
    ['2,5e3', 'exponent'],
    ['1234567890123456', 'too_many_digits'],
    ['0,1234567890123456', 'too_many_digits'],
    ['1.00000000000000000', 'too_many_digits'],
    ['9'.repeat(41), 'too_many_digits'],
    ['9'.repeat(1 << 20), 'too_many_digits'],
    ['10000000', 'too_large'],
    ['10.000.000,00', 'too_large'],
    [1e21, 'too_large'],
    [Number.MAX_VALUE, 'too_large'],
    [Infinity, 'not_a_number'],
  ])('%p → %s', (cell, reason) => {
    expect(parseAmount(cell)).toEqual({ ok: false, reason });
  });

  it.each([
    ['9.999.999,99', '9999999.99'],
    ['123456789012,34', '123456789012.34'],
    [1e-7, null],
    [656.01, '656.01'],
  ])('%p is read exactly (or refused for its decimals, never for its form)', (cell, expected) => {
    const r = parseAmount(cell, null);
    if (expected === null) expect(r).toEqual({ ok: false, reason: 'too_many_decimals' });
    else expect(r.ok && r.value.toFixed(2)).toBe(expected);
  });

  it('a bound can be exclusive (amounts) or inclusive (hours); null is the form only', () => {
    expect(parseQuantity('744', 4, { atMost: '744' }).ok).toBe(true);
    expect(parseQuantity('744.01', 4, { atMost: '744' })).toEqual({ ok: false, reason: 'too_large' });
    expect(parseAmount('20000000', null).ok).toBe(true);
    expect(parseAmount('20000000', { below: new Money('30000000') }).ok).toBe(true);
  });

  it('the text cap is small: no regular expression or Decimal ever sees a long cell', () => {
    expect(MAX_NUMBER_TEXT).toBeLessThanOrEqual(40);
  });
});

describe('the bounds are agreement settings', () => {
  it('default to €10,000,000 and 744 hours without any line in the data files', () => {
    expect(limitsOf(getAgreement('crema-2026-2028')!)).toEqual({ amountBelow: '10000000.00', rowHoursMax: '744' });
    expect(getAgreement('crema-2026-2028')!.leadPartner).toBe('arcobaleno');
  });

  it('an agreement may lower them, and the rules follow', () => {
    const strict = AgreementSchema.parse({
      ...agreement,
      rules: { ...agreement.rules, limits: { amountBelow: '100.00', rowHoursMax: '10' } },
    });
    const rows = [beni({ amount: '122.00' }), pers({ hours: '20' })];
    const codes = validateRows(rows, ctx({ agreement: strict }))
      .findings.filter((f) => f.code === 'R02')
      .map((f) => `${f.field}:${f.params?.variant}`);
    expect(codes).toEqual(expect.arrayContaining(['amount:too_large.excluded', 'hours:too_large']));
    const relaxed = validateRows(rows, ctx()).findings.filter((f) => f.code === 'R02');
    expect(relaxed).toEqual([]);
  });
});
