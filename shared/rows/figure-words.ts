// Figure cells that carry words besides the figure, as partners type them in workbooks without
// formats: a unit after hours ("7,5 h", "38 ore"), "per hour" after a rate ("18,62 €/h"), "IVA
// inclusa" after an amount, or an IVA cell that says the invoice has none ("esente art. 10").
// Read only for a cell that is not a number as it stands (rows.ts readNumber), so the common
// forms never come here.
import { normaliseText } from '../core/text-key';

/** Longest cell these readings look at: beyond it the cell stays "not a number" (R02). */
const MAX_WORDS_CELL = 60;

/** A figure, then the hours unit: "38 ore", "7,5 h", "38h", "1.720 ore annue". */
const HOURS_UNIT = /^(.*\d)\s*(?:h|hh|hrs?|ore|ora)\.?(?:\s*(?:annue|annuali|mensili|\/\s*(?:anno|mese)))?$/i;
/** A rate, then "per hour": "18,62 €/h", "€ 18,62/ora", "15 euro l'ora", "15,00 € orari". */
const RATE_UNIT = /^(.*\d)\s*(?:€|euro|eur)?\s*(?:\/\s*(?:h|ora|ore)|(?:all|l)\s*['’]\s*ora|orari[eo]?)\.?$/i;

/**
 * An amount said to include VAT: "80,00 IVA inclusa", "80,00 (IVA compresa)", "80,00 € i.i.",
 * "441,42 ivato". ("+ IVA" says the opposite and stays R02.)
 */
const VAT_INCLUDED =
  /^(.*\d)\s*(?:€|euro|eur)?\s*\(?\s*(?:iva\s+(?:inclusa|compresa|incl|compr)\.?|i\.\s?i\.?|ivat[oa])\s*\)?\.?$/i;

/** Fields whose cells may carry each unit (FIELDS keys). */
const HOURS_FIELDS: ReadonlySet<string> = new Set(['hours', 'contractHours']);
const RATE_FIELDS: ReadonlySet<string> = new Set(['hourlyCost', 'hourlyValue']);
/** The amounts that include VAT: what is reported and the invoice's total (never its taxable). */
const VAT_INCLUSIVE_FIELDS: ReadonlySet<string> = new Set(['amount', 'invoiceTotal']);

/**
 * The figure of a cell of `field` written with its unit ("7,5 h" -> "7,5", "€ 18,62/ora" ->
 * "€ 18,62", which the amount reading takes as it is), or null when the cell has no such unit.
 * Only the unit goes: what is left must still read as a number, or the cell stays R02.
 */
export function figureWithoutUnit(field: string, cell: unknown): string | null {
  if (typeof cell !== 'string' || cell.length > MAX_WORDS_CELL) return null;
  const unit = HOURS_FIELDS.has(field)
    ? HOURS_UNIT
    : RATE_FIELDS.has(field)
      ? RATE_UNIT
      : VAT_INCLUSIVE_FIELDS.has(field)
        ? VAT_INCLUDED
        : null;
  const match = unit?.exec(cell.trim());
  return match ? match[1] : null;
}

/** How an IVA cell says that the invoice carries no VAT, as the start of its key (DOMAIN §7). */
const VAT_EXEMPT_KEYS = [
  'esente',
  'esenzione',
  'ivaesente',
  'fuoricampo',
  'nonimponibile',
  'nonsoggett',
  'escluso',
  'esclusa',
];

/**
 * An IVA cell of an invoice without VAT: "esente", "Esente art. 10", "fuori campo IVA", "non
 * imponibile", "N.I. art. 8", "escluso art. 15". Its VAT is 0, which is what the words say; any
 * other text in the cell is still not a number (R02).
 */
export function isVatExemptText(cell: unknown): boolean {
  if (typeof cell !== 'string' || cell.length > MAX_WORDS_CELL) return false;
  const key = normaliseText(cell);
  return key === 'ni' || key.startsWith('niart') || VAT_EXEMPT_KEYS.some((word) => key.startsWith(word));
}
