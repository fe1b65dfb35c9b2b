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

/** Dashes (also '€ -', a zero as the accounting format shows it), slashes, n.a., n/a, n.d. */
const PLACEHOLDER = /^(?:(?:€\s*)?[-\u2010-\u2015\u2212]+(?:\s*€)?|\/+|n\.?\s?[ad]\.?|n\/[ad])$/i;

/**
 * A cell text with nothing in it as the rules read it: empty, spaces only, or a placeholder that
 * only says "nothing here". Bookkeepers put a dash, a slash or "n.a." in the cells that do not
 * apply to a row (the VAT of an exempt invoice, a share not used, an annual cost not known): an
 * optional cell left empty, a required one R01 (DOMAIN §7), not a number that is not one. Most
 * cells are let go on their first character, without a trim.
 */
export function isBlankText(text: string): boolean {
  if (text === '') return true;
  const first = text.charCodeAt(0);
  if (first > 32 && first < 127 && first !== 45 && first !== 47 && first !== 78 && first !== 110) return false;
  const core = trimmed(text);
  return core === '' || (core.length <= 8 && PLACEHOLDER.test(core));
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

/**
 * The one of `keys` that `key` starts with and goes on after (a value followed by its details:
 * "bonifico n. 123", "dipendente part-time"), among keys at least `shortest` characters long.
 */
export function leadingKeyOf(key: string, keys: Iterable<string>, shortest: number): string | undefined {
  for (const k of keys) if (k.length >= shortest && key.length > k.length && key.startsWith(k)) return k;
  return undefined;
}

const KEY_CHARS = 36;
/** KeyLookup walk states besides a node: no key starts so; a non-ASCII character was seen. */
const NO_KEY = -1;
const ACCENTED = -2;

/** A character's place among a key's characters (a-z 0-25, 0-9 26-35), or -1 when normaliseText drops it. */
function keyCharIndex(code: number): number {
  const key = keyChar(code);
  return key < 0 ? -1 : key >= 97 ? key - 97 : key - 22;
}

/**
 * A closed list of normaliseText keys, looked up by a cell's text without building the text's key:
 * `get(text)` is `byKey.get(normaliseText(text))`. The keys form a trie over their characters
 * (node × 36 + character -> next node; 0: none, the root is never a child); an ASCII text walks it
 * as it is scanned, skipping what normaliseText drops and lower-casing capitals, and a text with a
 * non-ASCII character (accents, which normaliseText decomposes) is read by normaliseText. Built
 * from the agreement or the field lists, never from row data.
 */
export class KeyLookup<V> {
  // A typed array sized once for the longest the trie can be (one node per key character): the
  // agreement's tries are built on every validation, and a growing number[] of 36 slots a node was
  // ~2.5 MB of garbage-collected heap a pass for the programme and action titles.
  private readonly next: Int32Array;
  private readonly values: (V | undefined)[];

  constructor(private readonly byKey: ReadonlyMap<string, V>) {
    let nodes = 1;
    for (const key of byKey.keys()) nodes += key.length;
    this.next = new Int32Array(nodes * KEY_CHARS);
    this.values = [byKey.get('')];
    for (const [key, value] of byKey) this.insert(key, value);
  }

  get(text: string): V | undefined {
    return this.within(text, 0, text.length);
  }

  /** `get(text.slice(start, end))`, without the slice. */
  within(text: string, start: number, end: number): V | undefined {
    let node = 0;
    for (let i = start; i < end && node !== ACCENTED && node !== NO_KEY; i++)
      node = this.step(node, text.charCodeAt(i));
    return this.valueAt(node, text, start, end);
  }

  /**
   * The walk one character further, for a caller scanning a text itself: from the root (0), the
   * node after `code`; NO_KEY when no key starts like the text so far; ACCENTED once a non-ASCII
   * character is seen (then valueAt reads the text by normaliseText).
   */
  step(node: number, code: number): number {
    // No key starts like the text's ASCII start: none can start like the whole text's key either
    // (normaliseText keeps an ASCII start as it is), whatever comes after.
    if (node === NO_KEY) return NO_KEY;
    if (node === ACCENTED || code >= 128) return ACCENTED;
    const c = keyCharIndex(code);
    return c < 0 ? node : this.next[node * KEY_CHARS + c] || NO_KEY;
  }

  /** The value of the text[start, end) whose walk ended at `node`. */
  valueAt(node: number, text: string, start: number, end: number): V | undefined {
    if (node === ACCENTED) return this.byKey.get(normaliseText(text.slice(start, end)));
    return node === NO_KEY ? undefined : this.values[node];
  }

  private insert(key: string, value: V): void {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = keyCharIndex(key.charCodeAt(i));
      if (c < 0 || keyChar(key.charCodeAt(i)) !== key.charCodeAt(i)) return; // not a key: normaliseText never gives it
      const slot = node * KEY_CHARS + c;
      if (this.next[slot] === 0) {
        this.next[slot] = this.values.length;
        this.values.push(undefined);
      }
      node = this.next[slot];
    }
    this.values[node] = value;
  }
}
