// Just enough XML for the parts of an .xlsx the pane reads (workbook, rels, shared strings,
// styles, sheets). OOXML is machine-written and well formed, so a tag scanner is enough and keeps
// a full XML or spreadsheet library out of the task-pane bundle.

export interface XmlTag {
  name: string;
  attrs: Record<string, string>;
  /** Raw inner text between the opening and closing tag ('' for self-closing tags). */
  inner: string;
}

const ENTITY = /&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g;

export function decodeEntities(text: string): string {
  return text.replace(ENTITY, (_, e: string) => {
    switch (e) {
      case 'amp':
        return '&';
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    }
  });
}

const ATTR = /([\w:]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

export function readAttrs(raw: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of raw.matchAll(ATTR)) attrs[localName(m[1])] = decodeEntities(m[3] ?? m[4] ?? '');
  return attrs;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon >= 0 && !name.startsWith('xmlns') && !name.startsWith('r:') ? name.slice(colon + 1) : name;
}

/** Every element named `name` (namespace prefix ignored), with attributes and inner XML. */
export function findAll(xml: string, name: string): XmlTag[] {
  const pattern = new RegExp(`<(?:\\w+:)?${name}(\\s[^>]*?)?(/>|>([\\s\\S]*?)</(?:\\w+:)?${name}>)`, 'g');
  const tags: XmlTag[] = [];
  for (const m of xml.matchAll(pattern)) tags.push({ name, attrs: readAttrs(m[1] ?? ''), inner: m[3] ?? '' });
  return tags;
}

/** Concatenated text of every <t> inside (rich text runs included, phonetic runs excluded). */
export function textOf(inner: string): string {
  const withoutPhonetic = inner.replace(/<(?:\w+:)?rPh[\s\S]*?<\/(?:\w+:)?rPh>/g, '');
  return findAll(withoutPhonetic, 't')
    .map((t) => decodeEntities(t.inner))
    .join('');
}
