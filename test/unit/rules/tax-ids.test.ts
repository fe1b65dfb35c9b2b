// R09 building blocks: partita IVA check digit and codice fiscale check character (with omocodia).
import fc from 'fast-check';
import {
  isValidVatNumber,
  isValidPersonalTaxCode,
  supplierIdKind,
  taxCodeCheckChar,
  vatCheckDigit,
} from '../../../shared/core/tax-ids';

/**
 * An independent re-statement of the codice fiscale algorithm (DM 23/12/1976), written from the
 * published tables rather than from shared/core/tax-ids.ts, so that the two can check each other.
 */
const ODD: Record<string, number> = {
  0: 1,
  1: 0,
  2: 5,
  3: 7,
  4: 9,
  5: 13,
  6: 15,
  7: 17,
  8: 19,
  9: 21,
  A: 1,
  B: 0,
  C: 5,
  D: 7,
  E: 9,
  F: 13,
  G: 15,
  H: 17,
  I: 19,
  J: 21,
  K: 2,
  L: 4,
  M: 18,
  N: 20,
  O: 11,
  P: 3,
  Q: 6,
  R: 8,
  S: 12,
  T: 14,
  U: 16,
  V: 10,
  W: 22,
  X: 25,
  Y: 24,
  Z: 23,
};
const EVEN = (ch: string) => (/\d/.test(ch) ? Number(ch) : ch.charCodeAt(0) - 65);
function referenceCheckChar(first15: string): string {
  let sum = 0;
  [...first15].forEach((ch, i) => {
    sum += (i + 1) % 2 === 1 ? ODD[ch] : EVEN(ch);
  });
  return String.fromCharCode(65 + (sum % 26));
}

describe('partita IVA', () => {
  // Published VAT numbers of Italian companies (ENI, TIM, Poste Italiane) and the classic test number.
  it.each([['00905811006'], ['00488410010'], ['01114601006'], ['12345678903']])('%s is valid', (vat) => {
    expect(isValidVatNumber(vat)).toBe(true);
    expect(vatCheckDigit(vat.slice(0, 10))).toBe(Number(vat[10]));
  });

  it.each([['00905811007'], ['1234567890'], ['123456789012'], ['0090581100A'], ['00000000000']])('%s is not', (vat) => {
    expect(isValidVatNumber(vat)).toBe(false);
  });

  it('detects every single-digit change of a valid number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^\d{10}$/),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 9 }),
        (first, pos, delta) => {
          const vat = first + vatCheckDigit(first);
          fc.pre(vat !== '00000000000');
          expect(isValidVatNumber(vat)).toBe(true);
          const changed = vat.slice(0, pos) + ((Number(vat[pos]) + delta) % 10) + vat.slice(pos + 1);
          expect(isValidVatNumber(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('codice fiscale', () => {
  // Widely published examples: Mario Rossi (Rome, 1 Jan 1980) and Matteo Moretti (Milan, 9 Apr 1925).
  it.each([['RSSMRA80A01H501U'], ['MRTMTT25D09F205Z']])('%s is valid by both algorithms', (code) => {
    expect(referenceCheckChar(code.slice(0, 15))).toBe(code[15]);
    expect(taxCodeCheckChar(code.slice(0, 15))).toBe(code[15]);
    expect(isValidPersonalTaxCode(code)).toBe(true);
    expect(isValidPersonalTaxCode(code.toLowerCase())).toBe(true);
  });

  it('accepts omocodia letters in digit positions, with the check character recomputed', () => {
    const omocode = 'RSSMRA80A01H50M'; // last digit 1 -> M
    const code = omocode + referenceCheckChar(omocode);
    expect(code).toBe('RSSMRA80A01H50MM');
    expect(isValidPersonalTaxCode(code)).toBe(true);
    expect(isValidPersonalTaxCode('RSSMRA80A01H50MU')).toBe(false); // old check character
  });

  it.each([
    ['RSSMRA80A01H501A', 'wrong check character'],
    ['RSSMRA80Z01H501U', 'month letter Z does not exist'],
    ['RSSMRA80A32H501U', 'day 32'],
    ['RSSMRA80A01H501', 'too short'],
  ])('%s is rejected (%s)', (code) => {
    expect(isValidPersonalTaxCode(code)).toBe(false);
  });

  it('agrees with the reference algorithm on arbitrary well-formed codes', () => {
    const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const digit = fc.constantFrom(...'0123456789');
    fc.assert(
      fc.property(fc.array(fc.oneof(letter, digit), { minLength: 15, maxLength: 15 }), (chars) => {
        const first15 = chars.join('');
        expect(taxCodeCheckChar(first15)).toBe(referenceCheckChar(first15));
      }),
    );
  });
});

describe('supplier id', () => {
  it('reads a VAT number (with or without IT), an entity tax code (11 digits) or a personal one', () => {
    expect(supplierIdKind('IT 00905811006')).toBe('vat');
    expect(supplierIdKind('00488410010')).toBe('vat');
    expect(supplierIdKind('RSSMRA80A01H501U')).toBe('taxCode');
    expect(supplierIdKind('RSSMRA80A01H501')).toBeNull();
  });
});
