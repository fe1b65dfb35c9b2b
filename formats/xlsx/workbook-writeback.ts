// The partner's own .xlsx given back with the add-in's columns (row id, status) and the cells
// corrected in the pane, by patching the original package: only the <sheetData> (and the <cols>,
// <dimension>) of the sheets that changed are rewritten; every other part (styles, shared
// strings, tables, drawings, defined names, other sheets) is copied byte for byte. A changed cell
// keeps its style (`s`); a new cell takes the style of its row, if any. Values are written as
// inline strings, numbers, booleans or date serials, never formulas. A formula cell that is
// changed loses its formula (the pane only knows its value); a corrected cell that was a shared
// string becomes an inline string (Excel reads both alike).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { toExcelSerial } from '../../shared/core/dates';
import { columnIndex, columnLetter } from '../../shared/findings/findings';

export type WritebackValue = string | number | boolean | Date | null;

export interface CellEdit {
  sheet: string;
  /** Excel row number (1-based). */
  row: number;
  /** 1-based column index. */
  column: number;
  value: WritebackValue;
}

export interface WritebackOptions {
  /** Columns to hide (the row id column), when no existing <col> range already covers them. */
  hiddenColumns?: { sheet: string; column: number }[];
}

export class WritebackError extends Error {
  override name = 'WritebackError';
}

const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[<>&"]/g, (ch) => XML_ESCAPES[ch]);

/** Characters XML 1.0 cannot carry at all (control characters other than tab, LF, CR). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function writeBackWorkbook(
  original: Uint8Array,
  edits: readonly CellEdit[],
  options: WritebackOptions = {},
): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(original);
  } catch {
    throw new WritebackError('Il file originale non è un pacchetto .xlsx leggibile.');
  }
  const paths = sheetPaths(files);
  const bySheet = new Map<string, CellEdit[]>();
  for (const edit of edits) {
    const list = bySheet.get(edit.sheet) ?? [];
    list.push(edit);
    bySheet.set(edit.sheet, list);
  }
  const hidden = options.hiddenColumns ?? [];
  const touched = new Set([...bySheet.keys(), ...hidden.map((h) => h.sheet)]);
  const out: Zippable = {};
  const patched = new Map<string, Uint8Array>();
  for (const sheet of touched) {
    const path = paths.get(sheet);
    if (!path || !files[path]) throw new WritebackError(`Il foglio «${sheet}» non è nel file originale.`);
    const xml = strFromU8(files[path]);
    const columns = hidden.filter((h) => h.sheet === sheet).map((h) => h.column);
    patched.set(path, strToU8(patchSheet(xml, bySheet.get(sheet) ?? [], columns)));
  }
  // Same parts, same order ([Content_Types].xml stays first).
  for (const [name, bytes] of Object.entries(files)) out[name] = patched.get(name) ?? bytes;
  return zipSync(out, { level: 6 });
}

/** Sheet name → part path, from workbook.xml and its relationships. */
function sheetPaths(files: Record<string, Uint8Array>): Map<string, string> {
  const text = (p: string) => (files[p] ? strFromU8(files[p]) : '');
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new WritebackError('Il file originale non contiene una cartella di lavoro.');
  const targets = new Map<string, string>();
  for (const m of text('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b([^>]*)\/?>/g)) {
    const id = attr(m[1], 'Id');
    const target = attr(m[1], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const name = attr(m[1], 'name');
    const rid = attr(m[1], 'r:id') ?? attr(m[1], 'id');
    const path = rid ? targets.get(rid) : undefined;
    if (name !== undefined && path) out.set(decode(name), path);
  }
  return out;
}

function attr(raw: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name.replace(':', '\\:')}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(raw);
  return m ? (m[2] ?? m[3]) : undefined;
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

interface RowXml {
  index: number;
  /** The <row …> opening tag's attributes. */
  attrs: string;
  cells: { column: number; xml: string }[];
}

const SHEET_DATA = /<sheetData\s*\/>|<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export function patchSheet(xml: string, edits: readonly CellEdit[], hiddenColumns: readonly number[] = []): string {
  const match = SHEET_DATA.exec(xml);
  if (!match) throw new WritebackError('Foglio senza dati (sheetData mancante).');
  const rows = parseRows(match[1] ?? '');
  for (const edit of edits) {
    let row = rows.find((r) => r.index === edit.row);
    if (!row) {
      row = { index: edit.row, attrs: ` r="${edit.row}"`, cells: [] };
      rows.push(row);
    }
    const at = row.cells.findIndex((c) => c.column === edit.column);
    const previous = at >= 0 ? row.cells[at].xml : undefined;
    const style = previous ? attr(cellAttrs(previous), 's') : attr(row.attrs, 's');
    const cell = cellXml(`${columnLetter(edit.column)}${edit.row}`, edit.value, style);
    if (at >= 0) row.cells[at] = { column: edit.column, xml: cell };
    else row.cells.push({ column: edit.column, xml: cell });
  }
  rows.sort((a, b) => a.index - b.index);
  const sheetData = `<sheetData>${rows.map(rowXml).join('')}</sheetData>`;
  let out = xml.slice(0, match.index) + sheetData + xml.slice(match.index + match[0].length);
  out = updateDimension(out, rows);
  if (hiddenColumns.length) out = hideColumns(out, hiddenColumns);
  return out;
}

function parseRows(inner: string): RowXml[] {
  const rows: RowXml[] = [];
  let last = 0;
  for (const m of inner.matchAll(ROW)) {
    const r = Number(attr(m[1], 'r') ?? last + 1);
    last = r;
    const cells: RowXml['cells'] = [];
    let lastColumn = 0;
    for (const c of (m[2] ?? '').matchAll(CELL)) {
      const ref = attr(c[1], 'r');
      const column = ref ? columnIndex(ref.replace(/\d+$/, '')) : lastColumn + 1;
      lastColumn = column;
      // A cell without its reference gets one, so its position survives the reordering.
      cells.push({ column, xml: ref ? c[0] : c[0].replace(/^<c\b/, `<c r="${columnLetter(column)}${r}"`) });
    }
    rows.push({ index: r, attrs: m[1].includes(' r=') || /^r=/.test(m[1].trim()) ? m[1] : ` r="${r}"${m[1]}`, cells });
  }
  return rows;
}

function cellAttrs(cell: string): string {
  return /^<c\b([^>]*?)\/?>/.exec(cell)?.[1] ?? '';
}

function rowXml(row: RowXml): string {
  row.cells.sort((a, b) => a.column - b.column);
  // `spans` is an optimisation hint that may now be wrong: dropped, Excel recomputes it.
  const attrs = row.attrs.replace(/\sspans="[^"]*"/, '');
  return row.cells.length ? `<row${attrs}>${row.cells.map((c) => c.xml).join('')}</row>` : `<row${attrs}/>`;
}

function cellXml(ref: string, value: WritebackValue, style: string | undefined): string {
  const s = style !== undefined ? ` s="${style}"` : '';
  if (value === null || value === '') return `<c r="${ref}"${s}/>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const serial = toExcelSerial(value.toISOString().slice(0, 10));
    return `<c r="${ref}"${s}><v>${serial}</v></c>`;
  }
  const text = String(value).replace(INVALID_XML, '');
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

function updateDimension(xml: string, rows: readonly RowXml[]): string {
  const used = rows.filter((r) => r.cells.length > 0);
  if (used.length === 0) return xml;
  const lastRow = Math.max(...used.map((r) => r.index));
  const firstRow = Math.min(...used.map((r) => r.index));
  const columns = used.flatMap((r) => r.cells.map((c) => c.column));
  const ref = `${columnLetter(Math.min(...columns))}${firstRow}:${columnLetter(Math.max(...columns))}${lastRow}`;
  return /<dimension\b[^>]*\/>/.test(xml) ? xml.replace(/<dimension\b[^>]*\/>/, `<dimension ref="${ref}"/>`) : xml;
}

/** Adds a hidden <col> for each column no existing range covers (an existing range is kept as it is). */
function hideColumns(xml: string, columns: readonly number[]): string {
  const colsMatch = /<cols>([\s\S]*?)<\/cols>/.exec(xml);
  const existing = colsMatch
    ? [...colsMatch[1].matchAll(/<col\b([^>]*)\/?>/g)].map((m) => ({
        min: Number(attr(m[1], 'min')),
        max: Number(attr(m[1], 'max')),
        xml: m[0],
      }))
    : [];
  const added = columns
    .filter((c) => !existing.some((e) => e.min <= c && c <= e.max))
    .map((c) => ({ min: c, max: c, xml: `<col min="${c}" max="${c}" width="9.140625" hidden="1" customWidth="1"/>` }));
  if (added.length === 0) return xml;
  const all = [...existing, ...added].sort((a, b) => a.min - b.min);
  const cols = `<cols>${all.map((c) => c.xml).join('')}</cols>`;
  if (colsMatch) return xml.slice(0, colsMatch.index) + cols + xml.slice(colsMatch.index + colsMatch[0].length);
  // <cols> goes right before <sheetData> (CT_Worksheet order).
  return xml.replace(/<sheetData\b/, `${cols}<sheetData`);
}
