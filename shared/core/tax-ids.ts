// Italian tax identifiers (R09): partita IVA (11 digits, Luhn-style check digit) and codice fiscale
// of persons (16 characters, check character, omocodia letters accepted in digit positions).
// An entity's codice fiscale is 11 digits and follows the partita IVA rule.

/** Check digit of the first 10 digits of a partita IVA. */
export function vatCheckDigit(first10: string): number {
  let total = 0;
  for (let i = 0; i < 10; i++) {
    const digit = first10.charCodeAt(i) - 48;
    if (i % 2 === 0) total += digit;
    else {
      const doubled = digit * 2;
      total += doubled > 9 ? doubled - 9 : doubled;
    }
  }
  return (10 - (total % 10)) % 10;
}

export function isValidVatNumber(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  if (value === '00000000000') return false;
  return vatCheckDigit(value.slice(0, 10)) === value.charCodeAt(10) - 48;
}

// Values of characters in odd (1st, 3rd, …) positions, per the DM 23/12/1976 table.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const OMOCODIA = 'LMNPQRSTUV'; // replaces 0..9 in digit positions when codes collide
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
const MONTH_LETTERS = 'ABCDEHLMPRST';

/** Check character of the first 15 characters of a personal codice fiscale (upper case). */
export function taxCodeCheckChar(first15: string): string {
  let total = 0;
  for (let i = 0; i < 15; i++) {
    const ch = first15.charCodeAt(i);
    const isDigit = ch >= 48 && ch <= 57;
    const index = isDigit ? ch - 48 : ch - 65; // digits and letters share the same value tables
    total += i % 2 === 0 ? ODD_VALUES[index] : index;
  }
  return String.fromCharCode(65 + (total % 26));
}

const PERSONAL_SHAPE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;

/** 16-character personal codice fiscale: shape, month letter, day, check character. */
export function isValidPersonalTaxCode(value: string): boolean {
  const code = value.toUpperCase();
  if (!PERSONAL_SHAPE.test(code)) return false;
  if (!MONTH_LETTERS.includes(code[8])) return false;
  const digits = code.split('');
  for (const p of DIGIT_POSITIONS) {
    const o = OMOCODIA.indexOf(digits[p]);
    if (o >= 0) digits[p] = String(o);
  }
  const day = Number(digits[9] + digits[10]);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  return taxCodeCheckChar(code.slice(0, 15)) === code[15];
}

export type SupplierIdKind = 'vat' | 'taxCode';

/** A supplier id is a partita IVA, an entity's numeric codice fiscale, or a personal codice fiscale. */
export function supplierIdKind(value: string): SupplierIdKind | null {
  return compactSupplierIdKind(
    value
      .toUpperCase()
      .replace(/[\s.\-/]/g, '')
      .replace(/^IT(?=\d{11}$)/, ''),
  );
}

/** supplierIdKind of an id already compacted (upper case, no separators, no IT before 11 digits). */
export function compactSupplierIdKind(compact: string): SupplierIdKind | null {
  if (isValidVatNumber(compact)) return 'vat';
  if (isValidPersonalTaxCode(compact)) return 'taxCode';
  return null;
}
