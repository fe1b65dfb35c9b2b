// The workbook `npm start` leaves in .data/demo/ so a newcomer has something to drop on the pane:
// the standard layout, koala's P1 rows (synthetic people and suppliers) dated in the window that
// is open today — so they are not retroactive (R24) — and three planted mistakes the pane should
// point at (R02 text amount, R05 hours × rate, R10 cash).
import fs from 'node:fs';
import path from 'node:path';
import { buildTemplateWorkbook } from '../cli/xlsx-write';
import type { Agreement } from '../shared/agreement/agreement';
import { getAgreement, DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import type { IsoDate } from '../shared/core/dates';
import type { RowInput } from '../shared/rows/rows';
import { windowFor } from '../shared/agreement/windows';
import { buildTemplate } from '../shared/mapping/template';
import { demoGoodsRow, demoPersonnelRow } from './demo-data';

const SHEET_OF = { PERS: 'Personale', BENI: 'Beni di consumo' } as const;

/** Months of the window open on `today`, up to today's month (nothing dated in the future). */
function openMonths(today: IsoDate, agreement: Agreement): { year: number; months: number[] } {
  const window = windowFor(agreement, today);
  const year = Number(today.slice(0, 4));
  const last = Number(today.slice(5, 7));
  const first = window ? Number(window.from.slice(5, 7)) : last;
  return { year, months: Array.from({ length: last - first + 1 }, (_, i) => first + i) };
}

function demoRows(today: IsoDate, agreement: Agreement): RowInput[] {
  const options = { programme: 'P1', prefix: 'demo', ...openMonths(today, agreement) };
  const rows = [0, 1, 2, 3, 4, 5].map((i) => demoGoodsRow(i, options));
  const people = [0, 1, 2, 3].map((i) => demoPersonnelRow(i, { ...options, prefix: 'demo-p' }));
  rows[1] = { ...rows[1], amount: 'centoventidue' }; // R02: text where an amount belongs
  rows[3] = { ...rows[3], paymentMethod: 'contanti' }; // R10: cash is not traceable
  people[2] = { ...people[2], amount: '400.00', municipalShare: '400.00' }; // R05: 20 h × 18.50 = 370.00
  // Nothing dated after today (R03): this month's invoices and payments are moved back to today.
  const notAfterToday = (d: unknown) => (typeof d === 'string' && d > today ? today : d);
  return [
    ...rows.map((r) => ({
      ...r,
      invoiceDate: notAfterToday(r.invoiceDate),
      paymentDate: notAfterToday(r.paymentDate),
    })),
    ...people,
  ];
}

export async function writeDemoWorkbook(dir: string, today: IsoDate): Promise<string> {
  const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
  if (!agreement) throw new Error(`accordo ${DEFAULT_AGREEMENT_ID} non trovato`);
  const template = buildTemplate(agreement, { dataRows: 200 });
  const workbook = buildTemplateWorkbook(template);
  const next: Record<string, number> = {};
  for (const row of demoRows(today, agreement)) {
    const sheetName = SHEET_OF[row.category as keyof typeof SHEET_OF];
    const sheet = template.sheets.find((s) => s.name === sheetName);
    if (!sheet) continue;
    const excelRow = (next[sheetName] ??= sheet.firstDataRow);
    next[sheetName] = excelRow + 1;
    const worksheet = workbook.getWorksheet(sheetName)!;
    for (const column of sheet.columns) {
      const value = column.field === 'rowId' ? undefined : row[column.field];
      if (value !== undefined && value !== null)
        worksheet.getCell(`${column.letter}${excelRow}`).value = value as string;
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `rendiconto-koala-P1-${today.slice(0, 4)}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}
