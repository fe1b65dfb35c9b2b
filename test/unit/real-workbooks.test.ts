// Issue 9: workbooks shaped like the partners' real ones, fed as the same bytes to the task pane's
// file mode (FileWorkbook + ReportSession) and to the CLI (`rendiconta validate --json`). Every
// planted mistake is found on its row, nothing else is an error or a warning on a row, and both
// adapters give the same findings.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileWorkbook, type SettingsStorage } from '../../addin/file/file-workbook';
import { ReportSession } from '../../addin/app/report-session';
import { MAPPING_SETTINGS_KEY } from '../../addin/app/mapping-settings';
import { validateCommand } from '../../cli/validate';
import { runCli } from '../../cli/main';
import { getAgreement } from '../../shared/agreement/agreements';
import type { Agreement } from '../../shared/agreement/agreement';
import type { Finding } from '../../shared/findings/findings';
import { readXlsx } from '../../formats/xlsx/xlsx-reader';
import { workbookGrids } from '../../cli/xlsx-read';
import { detectTables } from '../../shared/mapping/mapping';
import { captureIo } from '../fixtures/cli-io';
import {
  GEN_MAPPING,
  GOODS_PLANTED,
  MAPPED_PLANTED,
  REAL_CONTEXT,
  REAL_PLANTED,
  goodsExcel,
  goodsLibreOffice,
  goodsWithChartSheet,
  personnelMergedDown,
  MERGED_DOWN_PLANTED,
  partnerHeaders,
  PARTNER_HEADERS_PLANTED,
  payrollExport,
  PAYROLL_EXPORT_PLANTED,
  dashesAndExemptVat,
  DASHES_PLANTED,
  wordsInCells,
  WORDS_PLANTED,
  paperLedger,
  PAPER_LEDGER_PLANTED,
  vatRateColumn,
  VAT_RATE_PLANTED,
  numberedTemplate,
  NUMBERED_PLANTED,
  lookupTemplate,
  LOOKUP_PLANTED,
  prefilledTemplate,
  PREFILLED_PLANTED,
  notesInCells,
  NOTES_PLANTED,
  stackedSections,
  STACKED_PLANTED,
  hoursAsTimeWorkbook,
  HOURS_AS_TIME_PLANTED,
  realWorkbook,
  workbook1904,
  personnelExcelTable,
  EXCEL_TABLE_PLANTED,
  type PlantedMistake,
} from '../fixtures/real-workbooks';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const CLI_ARGS = [
  '--agreement',
  'crema-2026-2028',
  '--programme',
  REAL_CONTEXT.programme,
  '--partner',
  REAL_CONTEXT.partner,
  '--year',
  String(REAL_CONTEXT.year),
  '--today',
  REAL_CONTEXT.today,
  '--json',
];

interface Seen {
  code: string;
  severity: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
}

const key = (f: Seen) => `${f.code} ${f.severity} ${f.sheet ?? '-'}!${f.column ?? ''}${f.row ?? ''}`;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rendiconta-real-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function viaCli(bytes: Uint8Array, name: string, mapping?: object): Promise<{ code: number; findings: Seen[] }> {
  const path = join(dir, `${name}.xlsx`);
  writeFileSync(path, bytes);
  const args = [path, ...CLI_ARGS];
  if (mapping) {
    const mappingPath = join(dir, `${name}.mapping.json`);
    writeFileSync(mappingPath, JSON.stringify(mapping));
    args.push('--mapping', mappingPath);
  }
  const captured = captureIo();
  const code = await validateCommand(args, captured.io);
  const out = captured.stdout();
  return { code, findings: out ? (JSON.parse(out) as { findings: Seen[] }).findings : [] };
}

function storageWith(fileName: string, mapping?: object): SettingsStorage {
  const data = new Map<string, string>();
  if (mapping) data.set(`rendiconta.file.${fileName}.${MAPPING_SETTINGS_KEY}`, JSON.stringify(mapping));
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

async function viaPane(bytes: Uint8Array, name: string, mapping?: object): Promise<Finding[]> {
  const fileName = `${name}.xlsx`;
  const workbook = FileWorkbook.fromXlsx(bytes, fileName, storageWith(fileName, mapping));
  const session = new ReportSession(workbook, { agreement, ...REAL_CONTEXT });
  await session.start();
  const findings = session.state.findings;
  session.stop();
  return findings;
}

/** Row-level errors and warnings: exactly the planted ones (no false errors). */
function rowProblems(findings: readonly Seen[]): string[] {
  return findings
    .filter((f) => f.row !== null && f.sheet !== null && (f.severity === 'error' || f.severity === 'warning'))
    .filter((f) => !f.code.startsWith('M'))
    .map((f) => `${f.code} ${f.sheet}!${f.row}`)
    .sort();
}

const planted = (list: readonly PlantedMistake[]) => list.map((p) => `${p.code} ${p.sheet}!${p.row}`).sort();

describe('a partner workbook shaped like the real ones', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await realWorkbook();
  });

  it('finds every planted mistake on its row and nothing else, in the CLI and in the pane alike', async () => {
    const cli = await viaCli(bytes, 'real');
    const pane = await viaPane(bytes, 'real');
    expect(cli.code).toBe(1);
    expect(rowProblems(cli.findings)).toEqual(planted(REAL_PLANTED));
    expect(rowProblems(pane)).toEqual(planted(REAL_PLANTED));
    // The same findings, code by code and cell by cell, from both adapters.
    expect(pane.map(key).sort()).toEqual(cli.findings.map(key).sort());
    // No error anywhere else, report-level findings included.
    const errors = cli.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.sheet}!${f.row}`);
    expect(errors.sort()).toEqual(planted(REAL_PLANTED));
  });

  it('says what it skipped: M04 per sheet for non-expense rows with amounts, M05 for sheets not read', async () => {
    const { findings } = await viaCli(bytes, 'real-infos');
    const infos = findings.filter((f) => f.code === 'M04' || f.code === 'M05');
    const byCode = (code: string) => infos.filter((f) => f.code === code);
    const m04 = byCode('M04') as (Seen & { message: string })[];
    expect(m04.map((f) => f.sheet)).toEqual(['Personale', 'Beni di consumo']);
    // Totals (SUM), subtotal (SUBTOTAL) and the total whose SUM shows #VALUE!; the template row
    // showing 0 and the sub-headings and footers hold no amount and are not listed.
    expect(m04[0].message).toContain(': 15.');
    expect(m04[1].message).toContain(': 8, 9.');
    expect(byCode('M05').map((f) => f.sheet)).toEqual([
      'Riepilogo',
      'Spese generali',
      'Istruzioni',
      'Elenchi',
      'Calcoli',
    ]);
    expect(infos.every((f) => f.severity === 'info')).toBe(true);
  });

  it('reads the unknown header once mapped (--mapping, the JSON the pane saves), with the same findings', async () => {
    const cli = await viaCli(bytes, 'real-mapped', GEN_MAPPING);
    const pane = await viaPane(bytes, 'real-mapped', GEN_MAPPING);
    const expected = planted([...REAL_PLANTED, ...MAPPED_PLANTED]);
    expect(rowProblems(cli.findings)).toEqual(expected);
    expect(rowProblems(pane)).toEqual(expected);
    expect(pane.map(key).sort()).toEqual(cli.findings.map(key).sort());
    expect(cli.findings.some((f) => f.code === 'M05' && f.sheet === 'Spese generali')).toBe(false);
  });

  it('rendiconta mapping prints what it recognised and a skeleton that, filled in, maps the sheet', async () => {
    const path = join(dir, 'real-skeleton.xlsx');
    writeFileSync(path, bytes);
    const text = captureIo();
    expect(await runCli(['mapping', path], text.io)).toBe(0);
    expect(text.stdout()).toContain('Foglio «Personale»: tabella riconosciuta');
    expect(text.stdout()).toContain('intestazioni non riconosciute: D «Importo imputato al progetto»');
    expect(text.stdout()).toContain('Foglio «Calcoli»: non letto: foglio nascosto');
    const json = captureIo();
    expect(await runCli(['mapping', path, '--json'], json.io)).toBe(0);
    const { sheets, skeleton } = JSON.parse(json.stdout()) as {
      sheets: { sheet: string; status: string }[];
      skeleton: Record<string, { category?: string; headerRow?: number; columns: Record<string, string> }>;
    };
    expect(sheets.map((s) => [s.sheet, s.status])).toEqual([
      ['Personale', 'table'],
      ['Beni di consumo', 'table'],
      ['Riepilogo', 'partial'],
      ['Spese generali', 'partial'],
      ['Istruzioni', 'none'],
      ['Elenchi', 'hidden'],
      ['Calcoli', 'hidden'],
    ]);
    expect(Object.keys(skeleton)).toEqual(['Riepilogo', 'Spese generali']);
    expect(skeleton['Spese generali']).toMatchObject({ category: 'GEN', headerRow: 3, columns: { amount: '' } });
    // The user fills in the column of the unknown header and keeps only the sheet they want read.
    const edited = {
      'Spese generali': {
        ...skeleton['Spese generali'],
        columns: { ...skeleton['Spese generali'].columns, amount: 'D' },
      },
    };
    const viaSkeleton = await viaCli(bytes, 'real-skeleton-mapped', edited);
    const viaHand = await viaCli(bytes, 'real-hand-mapped', GEN_MAPPING);
    expect(viaSkeleton.findings.map(key).sort()).toEqual(viaHand.findings.map(key).sort());
  });

  it('gives the pane and the CLI the same grids: values, Excel-precision inputs, hidden states', () => {
    const workbook = readXlsx(bytes);
    const personale = workbook.sheets.find((s) => s.name === 'Personale');
    expect(personale?.rows[6][9]).toBe(656.0099999999999);
    expect(personale?.formulas[6][9]).toBe('H7*I7');
    expect(personale?.formulas[14][9]).toBe('SUM(J7:J14)');
    expect(personale?.merges).toContainEqual({ top: 4, left: 11, bottom: 4, right: 12 });
    expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Personale', 'visible'],
      ['Beni di consumo', 'visible'],
      ['Riepilogo', 'visible'],
      ['Spese generali', 'visible'],
      ['Istruzioni', 'visible'],
      ['Elenchi', 'hidden'],
      ['Calcoli', 'veryHidden'],
    ]);
    const goods = workbook.sheets.find((s) => s.name === 'Beni di consumo');
    expect(goods?.rows[8][9]).toBe('#VALUE!');
  });
});

describe('other writers and date systems read the same', () => {
  it('a LibreOffice-style file (inline strings, no shared strings, prefixed namespaces) equals the Excel one', async () => {
    const excel = await goodsExcel();
    const libre = goodsLibreOffice();
    const a = readXlsx(excel).sheets[0];
    const b = readXlsx(libre).sheets[0];
    expect(b.rows).toEqual(a.rows);
    const fromExcel = await viaCli(excel, 'goods-excel');
    const fromLibre = await viaCli(libre, 'goods-libre');
    expect(rowProblems(fromLibre.findings)).toEqual(planted(GOODS_PLANTED));
    expect(fromLibre.findings.map(key).sort()).toEqual(fromExcel.findings.map(key).sort());
    expect((await viaPane(libre, 'goods-libre')).map(key).sort()).toEqual(fromExcel.findings.map(key).sort());
  });

  it('hours typed as hours and minutes ([h]:mm, h:mm) are read as the hours they show', async () => {
    const bytes = await hoursAsTimeWorkbook();
    const cli = await viaCli(bytes, 'hours-as-time');
    // 37:30 × 20 € = 750 € and 7:30 × 20 € = 150 €: no finding; 7:20 is 7,3333… hours.
    expect(rowProblems(cli.findings)).toEqual(planted(HOURS_AS_TIME_PLANTED));
    const r02 = cli.findings.find((f) => f.code === 'R02') as Seen & { message: string };
    expect(r02.column).toBe('H');
    expect(r02.message).toMatch(/al massimo 4 decimali.*7:20.*\(7,3333\)/);
    expect((await viaPane(bytes, 'hours-as-time')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  it('a person merged down over the rows of their months: each row reads the merged cells', async () => {
    const bytes = await personnelMergedDown();
    const cli = await viaCli(bytes, 'merged-down');
    expect(rowProblems(cli.findings)).toEqual(planted(MERGED_DOWN_PLANTED));
    expect(cli.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.row}`)).toEqual(['R05 4']);
    expect((await viaPane(bytes, 'merged-down')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  /** Every sheet read (no M error), the planted mistakes only, these errors, and the pane agreeing. */
  async function expectOnlyPlanted(
    bytes: Uint8Array,
    name: string,
    mistakes: readonly PlantedMistake[],
    errors: string[],
  ) {
    const cli = await viaCli(bytes, name);
    expect(cli.findings.filter((f) => f.code.startsWith('M') && f.severity !== 'info')).toEqual([]);
    expect(rowProblems(cli.findings)).toEqual(planted(mistakes));
    const errorCells = cli.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.column}${f.row}`);
    expect(errorCells).toEqual(errors);
    expect((await viaPane(bytes, name)).map(key).sort()).toEqual(cli.findings.map(key).sort());
  }

  it('headers as partners write them (C.F., Liv., Costo imputato, Quota a carico ente, Data fatt., Ore svolte…): every column read, the planted mistake only', async () => {
    await expectOnlyPlanted(await partnerHeaders(), 'partner-headers', PARTNER_HEADERS_PLANTED, ['R05 J5']);
  });

  it('a payroll export and a ledger in their own words (Cognome/Nome, Costo totale beside Importo imputato, codes with titles, documents with details): the planted mistake only', async () => {
    await expectOnlyPlanted(await payrollExport(), 'payroll-export', PAYROLL_EXPORT_PLANTED, ['R05 K3']);
  });

  it('cells that do not apply (dashes, n.a., exempt VAT), dates year first, one share typed: the planted mistake only', async () => {
    await expectOnlyPlanted(await dashesAndExemptVat(), 'dashes', DASHES_PLANTED, ['R02 K4']);
  });

  it('units and words in cells ("38 ore", "20,00 €/h", "Socio lavoratore dipendente", "Spese di trasporto", "in denaro"): the planted mistake only', async () => {
    await expectOnlyPlanted(await wordsInCells(), 'words', WORDS_PLANTED, ['R05 I3']);
  });

  it('a ledger kept as on paper ("Data documento", "A riportare" and "Riporto" rows carrying the total): the planted mistake only, the carried rows in M04', async () => {
    const bytes = await paperLedger();
    await expectOnlyPlanted(bytes, 'paper-ledger', PAPER_LEDGER_PLANTED, ['R10 H7']);
    const skipped = (await viaCli(bytes, 'paper-ledger')).findings.filter((f) => f.code === 'M04');
    expect(skipped.map((f) => (f as Seen & { message?: string }).message)).toEqual([
      expect.stringContaining('4, 6, 8'),
    ]);
  });

  it('a template numbered ahead of its rows ("N." typed, "#" by =ROW()-1, amount formulas copied down, an Excel table\'s SUBTOTAL(109) row): the planted mistake only, the empty numbered rows skipped', async () => {
    const bytes = await numberedTemplate();
    await expectOnlyPlanted(bytes, 'numbered', NUMBERED_PLANTED, ['R05 J4']);
    const skipped = (await viaCli(bytes, 'numbered')).findings.filter((f) => f.code === 'M04');
    // Only the totals row holds an amount; the empty numbered rows are not listed.
    expect(skipped.map((f) => [f.sheet, (f as Seen & { message?: string }).message])).toEqual([
      ['Personale', expect.stringMatching(/: 14\.$/)],
    ]);
  });

  it('lookups and check columns copied down the template (#N/D for want of a level, "OK" beside empty rows): the planted mistake only, nothing listed as skipped', async () => {
    const bytes = await lookupTemplate();
    await expectOnlyPlanted(bytes, 'lookups', LOOKUP_PLANTED, ['R05 J4']);
    const infos = (await viaCli(bytes, 'lookups')).findings.filter((f) => f.code.startsWith('M'));
    expect(infos.map((f) => [f.code, f.sheet])).toEqual([['M05', 'Livelli']]);
  });

  it('programme, action, contract, CCNL, expense type and payment dragged down the template before the rows are filled: the planted mistake only (a row started is an expense)', async () => {
    const bytes = await prefilledTemplate();
    await expectOnlyPlanted(bytes, 'prefilled', PREFILLED_PLANTED, ['R01 H4']);
  });

  it('the VAT rate ("IVA %": 22, "10%", "esente") beside the VAT amount: the amount column is the VAT, the planted mistake only', async () => {
    const bytes = await vatRateColumn();
    await expectOnlyPlanted(bytes, 'vat-rate', VAT_RATE_PLANTED, ['R11 J4']);
    const [table] = detectTables(workbookGrids(readXlsx(bytes)));
    expect(table.columns).toMatchObject({ taxable: 'F', vat: 'H', invoiceTotal: 'I' });
    expect(table.unmatchedHeaders).toEqual([{ column: 'G', label: 'IVA %' }]);
  });

  it('notes typed into cells (periods for the month, "bonifico del …", "IVA inclusa", "4 ore", "15 €/h", "Registro attività volontari"): the planted mistake only, with the formula-error hint', async () => {
    const bytes = await notesInCells();
    await expectOnlyPlanted(bytes, 'notes', NOTES_PLANTED, ['R02 D3']);
    const [error] = (await viaCli(bytes, 'notes')).findings.filter((f) => f.severity === 'error');
    expect((error as Seen & { message?: string }).message).toContain('errore della formula della cella');
  });

  it('one sheet with sections: a repeated header is skipped, a second table ends the first with an M05 info, never row errors', async () => {
    const bytes = await stackedSections();
    const cli = await viaCli(bytes, 'stacked');
    expect(rowProblems(cli.findings)).toEqual(planted(STACKED_PLANTED));
    expect(cli.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.column}${f.row}`)).toEqual([
      'R05 I4',
    ]);
    const infos = cli.findings.filter((f) => f.code === 'M05');
    expect(infos.map((f) => [f.row, f.severity])).toEqual([[9, 'info']]);
    expect((infos[0] as Seen & { message?: string }).message).toContain(
      "alla riga 9 inizia un'altra tabella di fatture",
    );
    // The personnel rows on both sides of the repeated header are read: 200 + 100, and the R05 row excluded.
    const progress = cli.findings.find((f) => f.code === 'R23') as Seen & { message: string };
    expect(progress.message).toContain('rendicontati 300,00 €');
    expect(progress.message).toContain('Righe escluse dai totali per errori: 1.');
    expect((await viaPane(bytes, 'stacked')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  it('a chart sheet ("Grafico") is listed and passed over, not taken for a damaged file', async () => {
    const bytes = await goodsWithChartSheet();
    expect(readXlsx(bytes).sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Beni di consumo', 7],
      ['Grafico', 0],
    ]);
    const cli = await viaCli(bytes, 'goods-chart');
    expect(cli.code).toBe(1);
    expect(rowProblems(cli.findings)).toEqual(planted(GOODS_PLANTED));
    expect(cli.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['R09', 'R10']);
    expect((await viaPane(bytes, 'goods-chart')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  it('an Excel Table with its totals row, filter, hidden row; dates, months and amounts as Italian text: the planted mistake only', async () => {
    const bytes = await personnelExcelTable();
    const cli = await viaCli(bytes, 'excel-table');
    expect(rowProblems(cli.findings)).toEqual(planted(EXCEL_TABLE_PLANTED));
    const r02 = cli.findings.find((f) => f.code === 'R02') as Seen & { message: string };
    // The value as Excel shows it in an Italian workbook, not the double behind it.
    expect(r02.message).toContain('(800,625)');
    // 656.0099999999999 is 656,01 and its row counts: 780,00 + 656,01 + 300,00 (row 7 is excluded),
    // and the goods typed as text: 1.220 (a thousands point) + 122,00.
    const r23 = cli.findings.find((f) => f.code === 'R23') as Seen & { message: string };
    expect(r23.message).toContain('rendicontati 3.078,01 €');
    expect((await viaPane(bytes, 'excel-table')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  it('a workbook in the 1904 date system gives the same dates and findings', async () => {
    const plain = readXlsx(await goodsExcel()).sheets[0];
    const mac = readXlsx(await workbook1904());
    expect(mac.date1904).toBe(true);
    expect(mac.sheets[0].rows[3][3]).toEqual(new Date('2026-10-05T00:00:00Z'));
    expect(mac.sheets[0].rows).toEqual(plain.rows);
    const cli = await viaCli(await workbook1904(), 'goods-1904');
    expect(rowProblems(cli.findings)).toEqual(planted(GOODS_PLANTED));
    expect((await viaPane(await workbook1904(), 'goods-1904')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });
});

// Saved by a real LibreOffice Calc 7.4 (scripts/make-libreoffice-fixtures.sh), not imitated: Calc
// writes its own styles, shared strings, cached results (656.01, not 656.0099999999999; it also
// recomputes the SUM that showed #VALUE!) and merge order.
describe('files saved by LibreOffice Calc', () => {
  const file = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../fixtures/files/libreoffice', name)));

  it('the real workbook saved again by Calc: the planted mistakes only, the same findings as the Excel file', async () => {
    const calc = file('real-workbook.xlsx');
    const cli = await viaCli(calc, 'calc-real');
    const pane = await viaPane(calc, 'calc-real');
    expect(rowProblems(cli.findings)).toEqual(planted(REAL_PLANTED));
    expect(pane.map(key).sort()).toEqual(cli.findings.map(key).sort());
    const excel = await viaCli(await realWorkbook(), 'calc-real-excel');
    expect(cli.findings.map(key).sort()).toEqual(excel.findings.map(key).sort());
  });

  it('a goods sheet typed in Calc (Italian locale, its own formulas): the planted mistakes only', async () => {
    const calc = file('beni-di-consumo.xlsx');
    const [sheet] = readXlsx(calc).sheets;
    // Calc keeps what it computed: G4+H4 of 1.234,56 + 271,60, and the P.IVA it turned into a number.
    expect(sheet.formulas[3][8]).toBe('G4+H4');
    expect(sheet.rows[3][8]).toBe(1506.16);
    expect(sheet.rows[3][1]).toBe(1234567897);
    const cli = await viaCli(calc, 'calc-goods');
    expect(rowProblems(cli.findings)).toEqual(['R09 Beni di consumo!5', 'R10 Beni di consumo!6']);
    const m04 = cli.findings.find((f) => f.code === 'M04') as Seen & { message: string };
    expect(m04.message).toContain(': 7.'); // the total; the place, date and signature lines hold no amount
    expect((await viaPane(calc, 'calc-goods')).map(key).sort()).toEqual(cli.findings.map(key).sort());
  });

  it.each([
    ['real-workbook.ods', /OpenDocument \(\.ods.*Excel 2007-365 \(\.xlsx\)/],
    ['real-workbook.xls', /Excel 97-2003 \(\.xls\).*\.xlsx/],
  ])(
    '%s saved by Calc: the Italian message that names the format (CLI exit 2, the pane the same)',
    async (name, message) => {
      const bytes = file(name);
      expect(() => FileWorkbook.fromXlsx(bytes, name, null)).toThrow(message);
      const path = join(dir, name);
      writeFileSync(path, bytes);
      const captured = captureIo();
      expect(await validateCommand([path, ...CLI_ARGS], captured.io)).toBe(2);
      expect(captured.stderr()).toMatch(message);
      expect(captured.stderr()).not.toMatch(/\n\s+at /);
    },
  );
});
