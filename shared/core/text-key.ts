// The comparison key for cells matched against closed lists and titles (DOMAIN §7: case, accents,
// spaces and punctuation ignored).
const ACCENTS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;
const cache = new Map<string, string>();

/** "Materiale di consumo" -> "materialediconsumo"; "P1.A1" -> "p1a1". */
export function normaliseText(text: string): string {
  const cached = cache.get(text);
  if (cached !== undefined) return cached;
  const key = text.toLowerCase().normalize('NFD').replace(ACCENTS, '').replace(NON_ALNUM, '');
  // Cell vocabularies are small; the bound only protects memory against a pathological workbook.
  if (cache.size < 50_000) cache.set(text, key);
  return key;
}
