// Recognising a header row: labels compared after normalisation, matched to canonical fields
// by header or synonym (DOMAIN.md §7), and a score telling which category the header belongs to.
import type { Category } from '../agreement/agreement';
import { FIELDS, REQUIRED } from './fields';
import { KeyLookup } from '../core/text-key';

/** Case, accents, spaces and punctuation ignored: "Modalità  pagamento:" → "modalitapagamento". */
export function normaliseLabel(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Header-level families: BENI and SERV share every column, so a header cannot tell them apart. */
export type HeaderFamily = 'PERS' | 'INVOICE' | 'GEN' | 'COFIN';
export const FAMILIES: readonly HeaderFamily[] = ['PERS', 'INVOICE', 'GEN', 'COFIN'];

export function familyOf(category: Category): HeaderFamily {
  return category === 'BENI' || category === 'SERV' ? 'INVOICE' : category;
}

/** The category whose fields describe a family (BENI stands for both invoice categories). */
export function familyFields(family: HeaderFamily): Category {
  return family === 'INVOICE' ? 'BENI' : family;
}

/**
 * Headers only one family uses; they break ties such as a GEN sheet carrying invoice columns.
 * The invoice family has none of its own because GEN may carry the invoice columns too.
 */
const DISTINCTIVE: Readonly<Record<HeaderFamily, readonly string[]>> = {
  PERS: ['taxCode', 'employment', 'hourlyCost', 'month'],
  INVOICE: [],
  GEN: ['allocationKey'],
  COFIN: ['resourceType', 'hourlyValue', 'volunteer'],
};

/**
 * A label as a family knows it: the field it names and its rank there, 0 for the field's canonical
 * header and 1 + the synonym's place in the field's list. When two columns name one field, the
 * lower rank names it ("Importo" over "Costo totale", "Cognome" over "Nome"); vaguer synonyms are
 * listed last.
 */
interface KnownLabel {
  field: string;
  rank: number;
}

function buildIndex(category: Category): ReadonlyMap<string, KnownLabel> {
  const index = new Map<string, KnownLabel>();
  // Canonical headers first, so a synonym of one field never shadows another field's header.
  for (const def of FIELDS[category]) {
    const key = normaliseLabel(def.header);
    if (!index.has(key)) index.set(key, { field: def.key, rank: 0 });
  }
  for (const def of FIELDS[category]) {
    def.synonyms.forEach((synonym, i) => {
      const key = normaliseLabel(synonym);
      if (!index.has(key)) index.set(key, { field: def.key, rank: i + 1 });
    });
  }
  return index;
}

const INDEX: Readonly<Record<HeaderFamily, ReadonlyMap<string, KnownLabel>>> = {
  PERS: buildIndex('PERS'),
  INVOICE: buildIndex('BENI'),
  GEN: buildIndex('GEN'),
  COFIN: buildIndex('COFIN'),
};

/** Text of a header cell, or '' for an empty or non-text-like cell. */
export function cellLabel(cell: unknown): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return '';
}

/** The canonical field a label names for a family, trying the label without "(…)" notes too. */
export function fieldForLabel(label: string, family: HeaderFamily): string | undefined {
  return knownLabel(label, family)?.field;
}

/** How a family knows a label (as it is, without its notes, or without its unit), if it does. */
function knownLabel(label: string, family: HeaderFamily): KnownLabel | undefined {
  const index = INDEX[family];
  const full = normaliseLabel(label);
  if (full === '') return undefined;
  const known =
    index.get(full) ??
    index.get(normaliseLabel(label.replace(/\([^)]*\)|\[[^\]]*\]/g, ''))) ??
    index.get(normaliseLabel(label.replace(UNIT_SUFFIX, '')));
  // "IVA %", "Aliquota IVA": the rate (22), not the VAT amount; read as one, every invoice's
  // taxable + VAT would miss its total (R11).
  return known?.field === 'vat' && RATE_LABEL.test(label) ? undefined : known;
}

const RATE_LABEL = /%|aliquota|percentuale/i;

/** A currency unit after the name: "Importo in €", "Costo orario euro", "Costo orario in €/h". */
const UNIT_SUFFIX = /\s+(?:in\s+)?(?:euro|eur|€)(?:\s*\/\s*(?:h|ora))?\s*$/i;

export interface HeaderMatch {
  family: HeaderFamily;
  /** Canonical field → 0-based column index (the better-ranked label, then the first column). */
  fields: Map<string, number>;
  /** Required fields of the family found in the row. */
  requiredFound: number;
  requiredTotal: number;
  score: number;
}

export function matchHeader(cells: readonly unknown[], family: HeaderFamily): HeaderMatch {
  const fields = new Map<string, number>();
  const ranks = new Map<string, number>();
  cells.forEach((cell, index) => {
    const known = knownLabel(cellLabel(cell), family);
    if (known === undefined) return;
    // The better-ranked label names the field; between equals, the first column.
    if (!fields.has(known.field) || known.rank < (ranks.get(known.field) as number)) {
      fields.set(known.field, index);
      ranks.set(known.field, known.rank);
    }
  });
  const required = REQUIRED[familyFields(family)];
  const requiredFound = required.filter((key) => fields.has(key)).length;
  const distinctive = DISTINCTIVE[family].some((key) => fields.has(key)) ? 1 : 0;
  return {
    family,
    fields,
    requiredFound,
    requiredTotal: required.length,
    score: requiredFound / required.length + distinctive,
  };
}

/**
 * A row is a header when it names at least three required columns and half of them: enough to
 * tolerate a missing column (reported as M02) without mistaking a title or a data row for a header.
 */
/** A header naming every required column of its family. */
export function isFullMatch(match: HeaderMatch): boolean {
  return match.requiredFound === match.requiredTotal;
}

export function isHeaderCandidate(match: HeaderMatch): boolean {
  return match.requiredFound >= 3 && match.requiredFound * 2 >= match.requiredTotal;
}

/** Best family for a row: highest score, ties broken by the order of FAMILIES. */
export function bestMatch(cells: readonly unknown[]): HeaderMatch {
  let best = matchHeader(cells, FAMILIES[0]);
  for (const family of FAMILIES.slice(1)) {
    const match = matchHeader(cells, family);
    if (match.score > best.score) best = match;
  }
  return best;
}

/** Every header and synonym of every family, as keys: a first look at whether a row could be a header. */
const ANY_LABEL = new KeyLookup(
  new Map(FAMILIES.flatMap((family) => [...INDEX[family].keys()].map((key) => [key, true] as const))),
);

/**
 * The header a row inside a table reads as, when it names every required column of a family: the
 * same header repeated, or another table's header below the first (DOMAIN §7). Most rows are
 * settled by counting their cells that are header labels (a walk of ANY_LABEL, no string built).
 */
export function fullHeaderMatch(cells: readonly unknown[]): HeaderMatch | null {
  let labels = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (typeof cell === 'string' && cell.length <= 80 && ANY_LABEL.get(cell)) labels += 1;
  }
  if (labels < 3) return null;
  for (const family of FAMILIES) {
    const match = matchHeader(cells, family);
    if (isFullMatch(match)) return match;
  }
  return null;
}
