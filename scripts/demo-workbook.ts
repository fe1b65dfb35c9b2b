// The workbook `npm start` leaves in .data/demo/ so a newcomer has something to drop on the pane:
// the standard layout holding koala's seeded P1 rows (version 1 on the server, synthetic people and
// suppliers) exactly as they were sent, plus three planted mistakes under them — R02 (an amount in
// words), R10 (cash), R05 (hours × rate) — dated in the window open that day, so nothing is
// retroactive (R24). Submitting it as is gives "N accettate, 3 respinte", nothing else.
import fs from 'node:fs';
import path from 'node:path';
import { buildTemplateWorkbook } from '../cli/xlsx-write';
import { getAgreement, DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import type { IsoDate } from '../shared/core/dates';
import type { RowInput } from '../shared/rows/rows';
import { buildTemplate } from '../shared/mapping/template';
import { demoPlan, demoPlantedRows, demoReports } from './demo-data';

/** koala's P1 rows as seeded on `today` (what seed-demo.ts stores as version 1). */
export function demoSeededKoalaRows(today: IsoDate): RowInput[] {
  const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
  if (!agreement) throw new Error(`accordo ${DEFAULT_AGREEMENT_ID} non trovato`);
  const plan = demoPlan(agreement, today);
  return demoReports(agreement, plan).find((r) => r.partner === 'koala' && r.programme === 'P1')?.rows ?? [];
}

/**
 * Writes the demo workbook. `seeded` are the rows of koala's P1 version 1 as stored (start.ts reads
 * them from the server, so a demo seeded on an earlier day still matches); default: as seeded today.
 */
export async function writeDemoWorkbook(
  dir: string,
  today: IsoDate,
  seeded: readonly RowInput[] = demoSeededKoalaRows(today),
  options: { planted?: boolean; fileName?: string } = {},
): Promise<string> {
  const agreement = getAgreement(DEFAULT_AGREEMENT_ID);
  if (!agreement) throw new Error(`accordo ${DEFAULT_AGREEMENT_ID} non trovato`);
  const plan = demoPlan(agreement, today);
  const year = seeded.length > 0 ? Number(demoYear(seeded) ?? plan.year) : plan.year;
  const template = buildTemplate(agreement, { dataRows: 200 });
  const workbook = buildTemplateWorkbook(template);
  const planted = options.planted === false ? [] : demoPlantedRows(plan, seeded);
  for (const row of [...seeded, ...planted]) {
    const sheet = template.sheets.find((s) => s.name === row.sheet);
    if (!sheet || !row.row) continue;
    const worksheet = workbook.getWorksheet(sheet.name)!;
    for (const column of sheet.columns) {
      // The id column stays empty: a file opened afresh, matched by natural key (DOMAIN §5).
      const value = column.field === 'rowId' ? undefined : row[column.field];
      if (value !== undefined && value !== null)
        worksheet.getCell(`${column.letter}${row.row}`).value = value as string;
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, options.fileName ?? `rendiconto-koala-P1-${year}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return file;
}

function demoYear(rows: readonly RowInput[]): string | undefined {
  const dated = rows.map((r) => r.invoiceDate ?? r.month ?? r.date).find((d) => typeof d === 'string');
  return typeof dated === 'string' ? dated.slice(0, 4) : undefined;
}
