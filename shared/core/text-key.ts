// The comparison key for cells matched against closed lists and titles (DOMAIN §7: case, accents,
// spaces and punctuation ignored).
const ACCENTS = /[\u0300-\u036f]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** "Materiale di consumo" -> "materialediconsumo"; "P1.A1" -> "p1a1". */
export function normaliseText(text: string): string {
  // ASCII text (most cells) in one scan: already a key (lower-case letters and digits) comes back as
  // it is, anything else costs one lower-casing and one replace, not a string per character.
  let upper = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return text.toLowerCase().normalize('NFD').replace(ACCENTS, '').replace(NON_ALNUM, '');
    if (code >= 65 && code <= 90) upper = true;
    else if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) other = true;
  }
  if (!other) return upper ? text.toLowerCase() : text;
  return (upper ? text.toLowerCase() : text).replace(NON_ALNUM, '');
}

/**
 * Whether normaliseText(text) contains `needle` (a key: [a-z0-9] only), without building the key
 * for ASCII text: the characters normaliseText drops are skipped, capitals compared as lower case.
 */
export function keyIncludes(text: string, needle: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 128) return normaliseText(text).includes(needle);
  for (let start = 0; start < text.length; start++) {
    let at = start;
    let matched = 0;
    while (matched < needle.length && at < text.length) {
      const code = keyChar(text.charCodeAt(at++));
      if (code < 0) {
        if (matched === 0) break; // a match starts on a key character
        continue;
      }
      if (code !== needle.charCodeAt(matched)) break;
      matched += 1;
    }
    if (matched === needle.length) return true;
  }
  return false;
}

/**
 * A character as it stands in a key (capitals lower-cased), or -1 when normaliseText drops it or
 * it is not ASCII (accents: normaliseText decomposes those).
 */
export function keyChar(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) return code;
  return -1;
}

/**
 * `text.trim()`, without the call for a text that starts and ends with a printable ASCII character
 * (nearly every cell): those are the ends trim() would keep, so the text comes back as it is.
 */
export function trimmed(text: string): string {
  const last = text.length - 1;
  if (last < 0) return text;
  const first = text.charCodeAt(0);
  const end = text.charCodeAt(last);
  return first > 32 && first < 127 && end > 32 && end < 127 ? text : text.trim();
}
