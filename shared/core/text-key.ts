// The comparison key for cells matched against closed lists and titles (DOMAIN §7: case, accents,
// spaces and punctuation ignored).
const ACCENTS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** "Materiale di consumo" -> "materialediconsumo"; "P1.A1" -> "p1a1". */
export function normaliseText(text: string): string {
  // ASCII text (most cells) in one scan: already a key (lower-case letters and digits) comes back as
  // it is, anything else costs one lower-casing and one replace, not a string per character.
  let key = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return text.toLowerCase().normalize('NFD').replace(ACCENTS, '').replace(NON_ALNUM, '');
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) key = false;
  }
  return key ? text : text.toLowerCase().replace(NON_ALNUM, '');
}
