// Reads the values of an .xlsx (fflate unzip + xlsx-xml): sheets in workbook order, shared
// strings, and which number formats are dates, so a date cell comes back as a Date like the
// CLI's reader gives it. Formulas give their cached value. Nothing else (styles, charts) is kept.
import { strFromU8, unzipSync } from 'fflate';
import type { CellValue } from '../port/workbook-port';
import { parseRange } from '../port/a1';
import { findAll, textOf, decodeEntities } from './xlsx-xml';
import { fromExcelSerial } from '../../shared/core/dates';

export interface SheetData {
  name: string;
  /** rows[0] is Excel row 1; cells[0] column A; missing cells are null. */
  rows: CellValue[][];
}

/** Built-in number formats that are dates (ECMA-376 §18.8.30). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

export function readXlsx(data: Uint8Array): SheetData[] {
  const files = unzipSync(data, { filter: (f) => f.name.startsWith('xl/') });
  const text = (path: string): string => (files[path] ? strFromU8(files[path]) : '');
  const workbook = text('xl/workbook.xml');
  if (!workbook) throw new Error('Il file non è una cartella di lavoro Excel (.xlsx) leggibile.');
  const targets = new Map(
    findAll(text('xl/_rels/workbook.xml.rels'), 'Relationship').map((r) => [r.attrs.Id, r.attrs.Target]),
  );
  const shared = findAll(text('xl/sharedStrings.xml'), 'si').map((si) => textOf(si.inner));
  const dateStyles = readDateStyles(text('xl/styles.xml'));
  return findAll(workbook, 'sheet').map((sheet) => {
    const target = targets.get(sheet.attrs['r:id'] ?? sheet.attrs.id) ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    return { name: sheet.attrs.name, rows: readSheet(text(path), shared, dateStyles) };
  });
}

function readDateStyles(styles: string): boolean[] {
  const custom = new Map(findAll(styles, 'numFmt').map((f) => [Number(f.attrs.numFmtId), f.attrs.formatCode]));
  const cellXfs = findAll(styles, 'cellXfs')[0]?.inner ?? '';
  return findAll(cellXfs, 'xf').map((xf) => {
    const id = Number(xf.attrs.numFmtId ?? 0);
    if (BUILTIN_DATE_FORMATS.has(id)) return true;
    const code = custom.get(id);
    return code !== undefined && isDateFormat(code);
  });
}

/** A format is a date when, outside quotes and [colour]/[locale] brackets, it has d, m or y. */
export function isDateFormat(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare);
}

function readSheet(xml: string, shared: string[], dateStyles: boolean[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const c of findAll(xml, 'c')) {
    const ref = parseRange(c.attrs.r ?? '');
    if (!ref) continue;
    const value = cellValue(c.attrs, c.inner, shared, dateStyles);
    if (value === null) continue;
    const row = (rows[ref.first.row - 1] ??= []);
    row[ref.first.column - 1] = value;
  }
  // Dense rows: holes become null so every reader sees the same shape.
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (v) => v ?? null);
  return rows;
}

function cellValue(attrs: Record<string, string>, inner: string, shared: string[], dateStyles: boolean[]): CellValue {
  const v = findAll(inner, 'v')[0];
  const raw = v ? decodeEntities(v.inner) : null;
  switch (attrs.t) {
    case 's':
      return raw === null ? null : (shared[Number(raw)] ?? null);
    case 'inlineStr':
      return textOf(findAll(inner, 'is')[0]?.inner ?? '');
    case 'str':
      return raw;
    case 'b':
      return raw === null ? null : raw === '1';
    case 'e':
      return raw;
    case 'd':
      return raw === null ? null : new Date(raw);
    default: {
      if (raw === null || raw === '') return null;
      const n = Number(raw);
      if (!Number.isFinite(n)) return raw;
      if (dateStyles[Number(attrs.s ?? 0)] && Number.isInteger(n)) {
        const iso = fromExcelSerial(n);
        if (iso) return new Date(`${iso}T00:00:00Z`);
      }
      return n;
    }
  }
}
