// The one .xlsx reader of the product: the task pane's file mode and the CLI both read workbooks
// with it, so they see the same sheets, values and hidden states. Bytes in, plain grids out; no I/O.
//
// What comes out, per sheet in workbook order: the values (shared and inline strings, numbers as
// stored, booleans, error texts such as '#VALUE!', dates as Date for date-formatted cells, in the
// 1900 or 1904 date system of the workbook), the cached result of every formula cell and its
// formula text (shared formulas carry the text of their master cell, unshifted: enough to tell a
// SUM from a product), merged ranges, the number format of date and percent cells, and whether the
// sheet is visible, hidden or very hidden. The zip entries themselves are not touched.
//
// Parsing is saxen's (bpmn.io's small streaming XML parser), with namespace prefixes dropped, so
// LibreOffice's and Google Sheets' exports (inline strings, no shared strings, prefixed or
// strict-OOXML namespaces) read the same as Excel's. Sheets are streamed, never built into a tree;
// data validations and conditional formats are passed over as the tags they are, so whole-column
// rules cost nothing (exceljs expands them to a million cells). saxen hands a tag's attributes over
// only when asked and leaves entities alone: the reader reads the attributes of the few tags it
// needs and decodes entities itself (every code point, XML's line ends). Measured before choosing:
// fast-xml-parser 2.0-2.9 s to build the tree of a 10,000-row workbook's 5 MB sheet; saxes ~160 ms
// and saxen ~100 ms to stream its 2.1 MB PERS sheet in a fresh process.
//
// Files that are not .xlsx raise an XlsxReadError whose Italian message names the format and
// says how to save the file as .xlsx (.xls, .ods, password-protected, corrupt, empty, other).
import { inflateSync, strFromU8, unzipSync, type Unzipped } from 'fflate';
import { Parser } from 'saxen';
import { otherFormatOf } from './other-formats';

export type XlsxCellValue = string | number | boolean | Date | null;
export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

/** A merged range, 1-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface XlsxSheet {
  name: string;
  visibility: SheetVisibility;
  /** Zip entry of the sheet's part ("xl/worksheets/sheet1.xml"), for writers that patch the file; '' if none. */
  part: string;
  /** rows[0] is Excel row 1, rows[r][0] column A; holes are null. */
  rows: XlsxCellValue[][];
  /** Formula text (no leading '=') at the same positions as `rows`; undefined where a cell is typed. */
  formulas: (string | undefined)[][];
  merges: MergedRange[];
  /** Number format code of date and percent cells only, at the same positions as `rows`. */
  numberFormats: (string | undefined)[][];
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** The workbook counts serial dates from 1904-01-01 (old Mac files) instead of 1900. */
  date1904: boolean;
}

export type XlsxErrorKind =
  'empty' | 'xls' | 'xlsb' | 'ods' | 'encrypted' | 'corrupt' | 'csv' | 'html' | 'xml2003' | 'pdf' | 'zip' | 'not-xlsx';

const SAVE_AS_XLSX = 'aprirlo e salvarlo come «Cartella di lavoro di Excel (*.xlsx)» (File › Salva con nome)';

export const XLSX_ERROR_MESSAGES: Readonly<Record<XlsxErrorKind, string>> = {
  empty: `Il file è vuoto (0 byte): non contiene una cartella di lavoro Excel (.xlsx). Salvare di nuovo il rendiconto da Excel come .xlsx.`,
  xls:
    'Il file è nel vecchio formato Excel 97-2003 (.xls), che non viene letto: ' +
    `${SAVE_AS_XLSX} e usare il file .xlsx.`,
  xlsb:
    'Il file è una cartella di lavoro binaria di Excel (.xlsb), che non viene letta: ' +
    `${SAVE_AS_XLSX} e usare il file .xlsx.`,
  ods:
    'Il file è un foglio di calcolo OpenDocument (.ods, LibreOffice/OpenOffice), che non viene letto: ' +
    'in LibreOffice Calc scegliere File › Salva con nome › tipo «Excel 2007-365 (.xlsx)» e usare il file .xlsx.',
  encrypted:
    'Il file è protetto da password (cartella di lavoro crittografata) e non può essere letto: in Excel ' +
    'togliere la password (File › Informazioni › Proteggi cartella di lavoro › Crittografa con password, ' +
    'cancellare la password) e salvarlo di nuovo come .xlsx.',
  corrupt:
    'Il file .xlsx è danneggiato o incompleto (archivio non leggibile): ' +
    `${SAVE_AS_XLSX} di nuovo, oppure recuperare una copia integra.`,
  csv:
    'Il file è un testo CSV (valori separati da «;» o «,»), non una cartella di lavoro Excel: ' +
    `${SAVE_AS_XLSX} e usare il file .xlsx.`,
  html:
    'Il file è una pagina HTML (come la esportano molti gestionali, anche con il nome .xls), non una ' +
    `cartella di lavoro Excel: ${SAVE_AS_XLSX} e usare il file .xlsx.`,
  xml2003:
    'Il file è un foglio di calcolo XML di Excel 2003, che non viene letto: ' +
    `${SAVE_AS_XLSX} e usare il file .xlsx.`,
  pdf:
    'Il file è un PDF, non un foglio di calcolo: serve il rendiconto in Excel (.xlsx), non la sua stampa ' +
    'o scansione (i PDF dei giustificativi si allegano come documenti).',
  zip:
    'Il file è un archivio compresso (.zip) che non contiene una cartella di lavoro Excel: estrarre il ' +
    'rendiconto .xlsx dall’archivio e usare quello.',
  'not-xlsx':
    'Il file non è una cartella di lavoro Excel (.xlsx) leggibile. ' +
    `Se è un foglio di calcolo di un altro programma, ${SAVE_AS_XLSX}.`,
};

/** Why a file cannot be read as a workbook; the message is Italian and names no cell content. */
export class XlsxReadError extends Error {
  constructor(readonly kind: XlsxErrorKind) {
    super(XLSX_ERROR_MESSAGES[kind]);
    this.name = 'XlsxReadError';
  }
}

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
const BUILTIN_PERCENT_FORMATS = new Map([
  [9, '0%'],
  [10, '0.00%'],
]);
const BUILTIN_DATE_CODE = 'dd/mm/yyyy';
/** The built-in times keep their own code: hours typed as 37:30 are read as hours (DOMAIN R02). */
const BUILTIN_TIME_CODES = new Map([
  [18, 'h:mm AM/PM'],
  [19, 'h:mm:ss AM/PM'],
  [20, 'h:mm'],
  [21, 'h:mm:ss'],
  [45, 'mm:ss'],
  [46, '[h]:mm:ss'],
  [47, 'mmss.0'],
]);

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

type Attributes = Record<string, string>;
/** A tag's attributes, read (and entity-decoded) only when the visitor asks. */
type AttributeReader = () => Attributes;

interface Visitor {
  open(name: string, attrs: AttributeReader): void;
  close(name: string): void;
  text(text: string): void;
}

/** Local name of a tag or attribute: namespace prefixes ("x:c", "r:id") are dropped. */
function local(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function localAttributes(attrs: Attributes): Attributes {
  let prefixed = false;
  for (const key in attrs) if (key.includes(':')) prefixed = true;
  if (!prefixed) return attrs;
  const out: Attributes = {};
  for (const key in attrs) out[local(key)] = attrs[key];
  return out;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entity(_: string, decimal: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED_ENTITIES[name];
  // fromCodePoint, not fromCharCode: "&#128512;" is one character beyond the 16-bit range; a code
  // point out of Unicode's range throws, and the part is corrupt.
  return String.fromCodePoint(decimal !== undefined ? Number(decimal) : parseInt(hex as string, 16));
}

/**
 * Character data as XML defines it: line ends typed in the file (CR LF, CR) become LF, then the
 * predefined and numeric character references are replaced ("&#13;" stays a CR, as written).
 */
function xmlText(raw: string): string {
  const lines = lfLineEnds(raw);
  return lines.indexOf('&') < 0 ? lines : lines.replace(ENTITY, entity);
}

/** CR LF and lone CR as LF (XML's end-of-line handling, also inside CDATA). */
function lfLineEnds(text: string): string {
  return text.indexOf('\r') < 0 ? text : text.replace(/\r\n?/g, '\n');
}

/** saxen's attributes with entities decoded; `false` (attributes it could not parse, warned) reads as none. */
function decodedAttributes(raw: Attributes | false): Attributes {
  if (raw === false) return {};
  for (const key in raw) {
    const value = raw[key];
    if (value.indexOf('&') >= 0 || value.indexOf('\r') >= 0) raw[key] = xmlText(value);
  }
  return raw;
}

/** Streams an XML part through saxen; malformed XML (unclosed or mismatched tags, bad attributes) throws. */
function scan(xml: string, visitor: Visitor): void {
  const parser = new Parser();
  let malformed = false;
  // saxen's warnings are malformed attributes and text outside the root: an Office part has neither.
  parser.on('error', () => {
    malformed = true;
  });
  parser.on('warn', () => {
    malformed = true;
  });
  // A part without '&' or CR (most sheets: their texts are in the shared strings) has nothing to
  // decode: one scan of the part instead of a look at every attribute and text. Otherwise saxen
  // parses a tag's attributes on the first call of its getter and keeps them: they are decoded
  // once per tag too (twice would turn "&amp;lt;" into "<"). Attributes keep their prefixes
  // ("r:id"): only the few places that read a prefixed one localise them.
  const plain = xml.indexOf('&') < 0 && xml.indexOf('\r') < 0;
  let attributesOfTag: () => Attributes | false = () => ({});
  let decoded: Attributes | null = null;
  const read: AttributeReader = plain
    ? () => attributesOfTag() || {}
    : () => (decoded ??= decodedAttributes(attributesOfTag()));
  parser.on('openTag', (name, attrs) => {
    attributesOfTag = attrs;
    decoded = null;
    visitor.open(local(name), read);
  });
  parser.on('closeTag', (name) => visitor.close(local(name)));
  parser.on('text', plain ? (raw) => visitor.text(raw) : (raw) => visitor.text(xmlText(raw)));
  parser.on('cdata', (text) => visitor.text(lfLineEnds(text)));
  parser.parse(xml);
  if (malformed) throw new XlsxReadError('corrupt');
}

export interface ReadOptions {
  /**
   * Raw DEFLATE decoder for the zip entries; default fflate's (pure JS, runs in the browser). The
   * CLI passes Node's zlib.inflateRawSync, several times faster on a large sheet.
   */
  inflateRaw?: (data: Uint8Array, size: number) => Uint8Array;
}

const fflateInflate = (data: Uint8Array, size: number): Uint8Array => inflateSync(data, { out: new Uint8Array(size) });

/** The error of a file that is not a zip package: its format when its first bytes tell it. */
function notZipKind(bytes: Uint8Array): XlsxErrorKind {
  const format = otherFormatOf(bytes);
  return format === 'unknown' ? 'not-xlsx' : format;
}

/** Reads a workbook; throws XlsxReadError for anything that is not a readable .xlsx. */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): XlsxWorkbook {
  if (bytes.length === 0) throw new XlsxReadError('empty');
  if (startsWith(bytes, CFB_MAGIC)) throw new XlsxReadError(isEncryptedPackage(bytes) ? 'encrypted' : 'xls');
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxReadError(notZipKind(bytes));
  let entry: (path: string) => Uint8Array | null;
  try {
    entry = zipEntries(bytes, options.inflateRaw ?? fflateInflate);
  } catch {
    throw new XlsxReadError('corrupt');
  }
  const mimetype = entry('mimetype');
  if (mimetype && strFromU8(mimetype).trim().startsWith(ODS_MIME)) throw new XlsxReadError('ods');
  try {
    return readPackage(entry);
  } catch (error) {
    if (error instanceof XlsxReadError) throw error;
    throw new XlsxReadError('corrupt');
  }
}

const u16 = (b: Uint8Array, i: number): number => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number): number => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

/**
 * The entries of a zip, decompressed on demand (a workbook's theme, thumbnails and printer settings
 * are never inflated). Reads the central directory; a zip64 archive goes through fflate's unzipSync.
 * Throws on a malformed archive.
 */
export function zipEntries(
  bytes: Uint8Array,
  inflateRaw: (data: Uint8Array, size: number) => Uint8Array,
): (path: string) => Uint8Array | null {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  const count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) {
    const files: Unzipped = unzipSync(bytes);
    return (path) => files[path] ?? null;
  }
  const entries = new Map<string, { method: number; start: number; compressed: number; size: number }>();
  for (let n = 0; n < count; n++) {
    if (u32(bytes, offset) !== 0x02014b50) throw new Error('bad central directory');
    const method = u16(bytes, offset + 10);
    const compressed = u32(bytes, offset + 20);
    const size = u32(bytes, offset + 24);
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    const local = u32(bytes, offset + 42);
    const name = strFromU8(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (u32(bytes, local) !== 0x04034b50) throw new Error('bad local header');
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + compressed > bytes.length) throw new Error('truncated entry');
    entries.set(name, { method, start, compressed, size });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return (path) => {
    const e = entries.get(path);
    if (!e) return null;
    const data = bytes.subarray(e.start, e.start + e.compressed);
    if (e.method === 0) return data;
    if (e.method !== 8) throw new XlsxReadError('corrupt');
    const out = inflateRaw(data, e.size);
    if (out.length !== e.size) throw new XlsxReadError('corrupt');
    return out;
  };
}

function readPackage(entry: (path: string) => Uint8Array | null): XlsxWorkbook {
  const text = (path: string): string | null => {
    const data = entry(path);
    return data ? strFromU8(data) : null;
  };
  const workbookPath = mainPart(text('_rels/.rels')) ?? 'xl/workbook.xml';
  // Excel's binary workbook (.xlsb) is the same package with .bin parts instead of XML.
  if (workbookPath.endsWith('.bin')) throw new XlsxReadError('xlsb');
  const workbookXml = text(workbookPath);
  if (workbookXml === null) {
    // A package without the Office parts is another archive (a folder of scans sent as .zip).
    const office = entry('[Content_Types].xml') !== null;
    throw new XlsxReadError(entry('xl/workbook.bin') ? 'xlsb' : office ? 'not-xlsx' : 'zip');
  }
  const workbook = workbookEntries(workbookXml);
  const dir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const rels = relationships(text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`), dir);

  let sharedPath = `${dir}sharedStrings.xml`;
  let stylesPath = `${dir}styles.xml`;
  for (const rel of rels.values()) {
    if (rel.type.endsWith('/sharedStrings')) sharedPath = rel.target;
    else if (rel.type.endsWith('/styles')) stylesPath = rel.target;
  }
  const sharedXml = text(sharedPath);
  const stylesXml = text(stylesPath);
  const shared = sharedXml === null ? [] : sharedStrings(sharedXml);
  const styles = stylesXml === null ? [] : styleFormats(stylesXml);

  const sheets: XlsxSheet[] = workbook.sheets.map((sheet) => {
    const rel = rels.get(sheet.relId);
    // Chart sheets (a sheet that is only a chart), dialog and macro sheets hold no data table: they
    // are listed with an empty grid, not parsed as worksheets (their root element is not <worksheet>).
    const xml = rel && !isNonWorksheet(rel) ? text(rel.target) : null;
    const grid = xml === null ? emptyGrid() : readSheet(xml, shared, styles, workbook.date1904);
    return { name: sheet.name, visibility: sheet.visibility, part: rel?.target ?? '', ...grid };
  });
  return { sheets, date1904: workbook.date1904 };
}

/**
 * A sheet of another kind than a worksheet (transitional or strict OOXML relationship types). Only
 * these are passed over: a worksheet whose relationship type is missing or odd is still read.
 */
const NON_WORKSHEET_TYPES = ['/chartsheet', '/dialogsheet', '/xlMacrosheet', '/xlIntlMacrosheet'];
function isNonWorksheet(rel: Relationship): boolean {
  return NON_WORKSHEET_TYPES.some((type) => rel.type.endsWith(type));
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A compound file holding an "EncryptedPackage" stream is an encrypted OOXML file (MS-OFFCRYPTO). */
function isEncryptedPackage(bytes: Uint8Array): boolean {
  const name = 'EncryptedPackage';
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + name.length * 2 <= limit; i++) {
    for (let j = 0; j < name.length; j++) {
      if (bytes[i + j * 2] !== name.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

const NO_TEXT = (): void => {};

interface WorkbookEntries {
  date1904: boolean;
  sheets: { name: string; visibility: SheetVisibility; relId: string }[];
}

function workbookEntries(xml: string): WorkbookEntries {
  const out: WorkbookEntries = { date1904: false, sheets: [] };
  let root = true;
  scan(xml, {
    open(name, read) {
      if (root && name !== 'workbook') throw new XlsxReadError('not-xlsx');
      root = false;
      if (name === 'workbookPr') {
        const flag = read().date1904;
        out.date1904 = flag === '1' || flag === 'true';
      } else if (name === 'sheet') {
        const attrs = localAttributes(read());
        const state = attrs.state;
        out.sheets.push({
          name: attrs.name ?? '',
          visibility: state === 'hidden' ? 'hidden' : state === 'veryHidden' ? 'veryHidden' : 'visible',
          relId: attrs.id ?? '',
        });
      }
    },
    close: NO_TEXT,
    text: NO_TEXT,
  });
  return out;
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | null, dir: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === null) return out;
  scan(xml, {
    open(name, read) {
      if (name !== 'Relationship') return;
      const attrs = read();
      if (attrs.TargetMode !== 'External') {
        out.set(attrs.Id ?? '', { type: attrs.Type ?? '', target: resolveTarget(dir, attrs.Target ?? '') });
      }
    },
    close: NO_TEXT,
    text: NO_TEXT,
  });
  return out;
}

function mainPart(xml: string | null): string | null {
  for (const rel of relationships(xml, '').values()) if (rel.type.endsWith('/officeDocument')) return rel.target;
  return null;
}

/** A relationship target as a zip entry name ("/xl/worksheets/sheet1.xml", "worksheets/../x.xml"). */
function resolveTarget(dir: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : dir + target;
  const parts: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;

/** OOXML escapes characters XML cannot carry as _xHHHH_ (e.g. _x000D_ for a carriage return). */
function unescapeOoxml(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/**
 * Collects the text of string items (<si> of the shared strings, <is> of an inline string): every
 * <t>, plain or in rich-text runs, except the phonetic runs (<rPh>).
 */
class StringCollector {
  private depthInPhonetic = 0;
  private inT = false;
  text = '';
  open(name: string): void {
    if (name === 'rPh') this.depthInPhonetic++;
    else if (name === 't' && this.depthInPhonetic === 0) this.inT = true;
  }
  close(name: string): void {
    if (name === 'rPh') this.depthInPhonetic--;
    else if (name === 't') this.inT = false;
  }
  add(text: string): void {
    if (this.inT) this.text += text;
  }
  take(): string {
    const text = unescapeOoxml(this.text);
    this.text = '';
    return text;
  }
}

function sharedStrings(xml: string): string[] {
  const out: string[] = [];
  const collector = new StringCollector();
  let inSi = false;
  scan(xml, {
    open(name) {
      if (name === 'si') inSi = true;
      else if (inSi) collector.open(name);
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        out.push(collector.take());
      } else if (inSi) collector.close(name);
    },
    text(text) {
      if (inSi) collector.add(text);
    },
  });
  return out;
}

/** A date or percent number format of a cellXfs index (other formats are not kept). */
interface StyleFormat {
  date: boolean;
  code: string;
}
/** Per cellXfs index, once per workbook: cells refer to these, no string is cut per cell. */
type StyleFormats = (StyleFormat | undefined)[];

function styleFormats(xml: string): StyleFormats {
  const custom = new Map<number, string>();
  const xfIds: number[] = [];
  let inCellXfs = false;
  scan(xml, {
    open(name, read) {
      if (name === 'numFmt') {
        const attrs = read();
        custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfIds.push(Number(read().numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: NO_TEXT,
  });
  return xfIds.map((id) => {
    const code = custom.get(id);
    if (code !== undefined) {
      if (isDateFormat(code)) return { date: true, code };
      if (isPercentFormat(code)) return { date: false, code };
      return undefined;
    }
    if (BUILTIN_DATE_FORMATS.has(id)) return { date: true, code: BUILTIN_TIME_CODES.get(id) ?? BUILTIN_DATE_CODE };
    const percent = BUILTIN_PERCENT_FORMATS.get(id);
    return percent ? { date: false, code: percent } : undefined;
  });
}

/** Outside quotes, escapes and [colour]/[locale] brackets, without the digit placeholders. */
function bareFormat(code: string): string {
  return code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
}

/** A format is a date when, outside quotes and brackets, it has d, m, y (or h:s of a time). */
export function isDateFormat(code: string): boolean {
  const bare = bareFormat(code.split(';')[0] ?? '');
  return /[dmyhs]/i.test(bare.replace(/General/gi, '')) && !/^[#0.,\s%]*$/.test(bare);
}

export function isPercentFormat(code: string): boolean {
  return bareFormat(code).includes('%');
}

/** "B12" → [row 12, column 2] (1-based); null when it is not a cell reference. */
export function cellRef(ref: string): [number, number] | null {
  let column = 0;
  let i = ref.charCodeAt(0) === 36 /* $ */ ? 1 : 0;
  const start = i;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) & ~32; // upper case
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === start || i === ref.length) return null;
  let row = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code === 36 /* $ */ && row === 0) continue;
    if (code < 48 || code > 57) return null;
    row = row * 10 + (code - 48);
  }
  return row > 0 ? [row, column] : null;
}

function mergedRange(ref: string): MergedRange | null {
  const [a, b = a] = ref.split(':');
  const first = cellRef(a.replace(/\$/g, ''));
  const last = cellRef(b.replace(/\$/g, ''));
  if (!first || !last) return null;
  return {
    top: Math.min(first[0], last[0]),
    left: Math.min(first[1], last[1]),
    bottom: Math.max(first[0], last[0]),
    right: Math.max(first[1], last[1]),
  };
}

interface SheetGridParts {
  rows: XlsxCellValue[][];
  formulas: (string | undefined)[][];
  merges: MergedRange[];
  numberFormats: (string | undefined)[][];
}

function emptyGrid(): SheetGridParts {
  return { rows: [], formulas: [], merges: [], numberFormats: [] };
}

/** Where the sheet scanner is: inside a cell's <v>, <f> or inline string, or elsewhere. */
const enum In {
  Other,
  Value,
  Formula,
  Inline,
}

function readSheet(xml: string, shared: readonly string[], styles: StyleFormats, date1904: boolean): SheetGridParts {
  const rows: XlsxCellValue[][] = [];
  const formulas: (string | undefined)[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  const merges: MergedRange[] = [];
  const sharedFormulas = new Map<string, string>();
  const inline = new StringCollector();
  let root = true;
  let inSheetData = false;
  let rowNumber = 0;
  let column = 0;
  // The cell being read.
  let type = 'n';
  let style: StyleFormat | undefined;
  let value = '';
  let hasValue = false;
  let formula: string | undefined;
  let formulaShared: string | undefined;
  let where: In = In.Other;

  scan(xml, {
    open(name, read) {
      if (root) {
        if (name !== 'worksheet') throw new XlsxReadError('corrupt');
        root = false;
      }
      if (where === In.Inline) {
        inline.open(name);
        return;
      }
      if (!inSheetData) {
        if (name === 'sheetData') inSheetData = true;
        else if (name === 'mergeCell') {
          const range = mergedRange(read().ref ?? '');
          if (range) merges.push(range);
        }
        return;
      }
      switch (name) {
        case 'row': {
          const r = Number(read().r);
          rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
          column = 0;
          break;
        }
        case 'c': {
          const attrs = read();
          const at = attrs.r ? cellRef(attrs.r) : null;
          if (at) {
            rowNumber = at[0];
            column = at[1];
          } else column += 1;
          type = attrs.t ?? 'n';
          style = attrs.s === undefined ? undefined : styles[Number(attrs.s)];
          value = '';
          hasValue = false;
          formula = undefined;
          formulaShared = undefined;
          break;
        }
        case 'v':
          where = In.Value;
          hasValue = true;
          break;
        case 'f': {
          where = In.Formula;
          formula = '';
          const attrs = read();
          formulaShared = attrs.t === 'shared' ? (attrs.si ?? '') : undefined;
          break;
        }
        case 'is':
          where = In.Inline;
          hasValue = true;
          break;
        default:
          break;
      }
    },
    close(name) {
      if (where === In.Inline) {
        if (name !== 'is') {
          inline.close(name);
          return;
        }
        value = inline.take();
        where = In.Other;
        return;
      }
      if (!inSheetData) return;
      switch (name) {
        case 'v':
        case 'f':
          where = In.Other;
          break;
        case 'c': {
          const cell = hasValue ? cellValue(type, value, shared, style, date1904) : null;
          if (cell !== null) {
            // Cells come left to right: the row grows densely, holes filled with null as it goes.
            const cells = (rows[rowNumber - 1] ??= []);
            while (cells.length < column - 1) cells.push(null);
            if (cells.length === column - 1) cells.push(cell);
            else cells[column - 1] = cell;
          }
          if (formula !== undefined) {
            let text = formula.trim();
            if (formulaShared !== undefined) {
              if (text !== '') sharedFormulas.set(formulaShared, text);
              else text = sharedFormulas.get(formulaShared) ?? '';
            }
            (formulas[rowNumber - 1] ??= [])[column - 1] = text.startsWith('=') ? text.slice(1) : text;
          }
          if (style !== undefined && cell !== null) {
            (numberFormats[rowNumber - 1] ??= [])[column - 1] = style.code;
          }
          break;
        }
        case 'sheetData':
          inSheetData = false;
          break;
        default:
          break;
      }
    },
    text(text) {
      if (where === In.Value) value += text;
      else if (where === In.Formula) formula += text;
      else if (where === In.Inline) inline.add(text);
    },
  });

  // Rows missing from the file become empty rows, so every reader sees the same shape.
  for (let r = 0; r < rows.length; r++) if (rows[r] === undefined) rows[r] = [];
  return { rows, formulas, merges, numberFormats };
}

function cellValue(
  type: string,
  raw: string,
  shared: readonly string[],
  style: StyleFormat | undefined,
  date1904: boolean,
): XlsxCellValue {
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? null;
    case 'inlineStr':
    case 'str':
      return unescapeOoxml(raw);
    case 'b':
      return raw === '1' || raw === 'true';
    case 'e':
      return raw;
    case 'd': {
      const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(raw) ? raw : `${raw}${raw.includes('T') ? 'Z' : 'T00:00:00Z'}`);
      return Number.isNaN(date.getTime()) ? raw : date;
    }
    default: {
      if (raw.trim() === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      if (style !== undefined && style.date) return serialDate(n, date1904) ?? n;
      return n;
    }
  }
}

/** An Excel serial date as a Date (UTC), in the workbook's date system; null out of range. */
export function serialDate(serial: number, date1904: boolean): Date | null {
  if (serial < 0 || serial > 2_958_465) return null;
  // 1900 system: Excel counts a 29 February 1900 that never was; serials before it are one day off.
  const days = date1904 ? serial : serial < 60 ? serial + 1 : serial;
  const ms = Math.round(((date1904 ? EPOCH_1904 : EPOCH_1900) + days * DAY_MS) / 1000) * 1000;
  return new Date(ms);
}
