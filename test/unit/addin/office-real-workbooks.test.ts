// Issue 9 inside Excel: the workbooks shaped like the partners' real ones, opened in (mocked) Excel
// and read through the Office adapter, give the same findings as the pane's file mode on the same
// bytes. Excel's values alone cannot tell a SUM total from typed numbers, a template row of
// formulas showing 0 from a row of zeros, or a person merged down over the rows of their months
// from blank cells: the adapter reads the formula cells and the merged areas too.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExcelMock, mockSheetsFromXlsx, type ExcelMockOptions } from './excel-mock';
import { OfficeWorkbook, type OfficeWorkbookOptions } from '../../../addin/office/office-workbook';
import { FileWorkbook } from '../../../addin/file/file-workbook';
import { ReportSession } from '../../../addin/app/report-session';
import type { SheetInfo, WorkbookPort } from '../../../addin/port/workbook-port';
import { readXlsx } from '../../../formats/xlsx/xlsx-reader';
import { getAgreement } from '../../../shared/agreement/agreements';
import type { Agreement } from '../../../shared/agreement/agreement';
import type { Finding } from '../../../shared/findings/findings';
import {
  GOODS_PLANTED,
  HOURS_AS_TIME_PLANTED,
  MERGED_DOWN_PLANTED,
  hoursAsTimeWorkbook,
  REAL_CONTEXT,
  REAL_PLANTED,
  goodsWithChartSheet,
  personnelMergedDown,
  realWorkbook,
  workbook1904,
  type PlantedMistake,
} from '../../fixtures/real-workbooks';

const agreement = getAgreement('crema-2026-2028') as Agreement;
const libreOffice = (name: string) =>
  new Uint8Array(readFileSync(join(__dirname, '../../fixtures/files/libreoffice', name)));

afterEach(() => {
  delete (global as Record<string, unknown>).Excel;
});

async function findingsOf(port: WorkbookPort): Promise<Finding[]> {
  const session = new ReportSession(port, { agreement, ...REAL_CONTEXT });
  await session.start();
  const findings = session.state.findings;
  session.stop();
  return findings;
}

function inExcel(bytes: Uint8Array, options: ExcelMockOptions = {}): { mock: ExcelMock; port: OfficeWorkbook } {
  const workbook = readXlsx(bytes);
  const mock = new ExcelMock(mockSheetsFromXlsx(workbook), { date1904: workbook.date1904, ...options });
  (global as Record<string, unknown>).Excel = mock.excel;
  // ExcelApi 1.13 (merged areas) as the mock's host has it; the other sets keep their defaults.
  const mergedAreas = options.mergedAreas !== false;
  const isSetSupported = (_name: string, version: string) => version === '1.13' && mergedAreas;
  return { mock, port: new OfficeWorkbook({ debounceMs: 0, rescanMs: 0, isSetSupported }) };
}

/** A sheet "Calcoli" in mocked Excel: its structure read after the listing, and the cells each trip carried. */
async function structureOf(
  cells: (string | number)[][],
  formulas: (string | undefined)[][],
  options: OfficeWorkbookOptions = {},
): Promise<{ info: SheetInfo; trips: number[] }> {
  const mock = new ExcelMock([{ name: 'Calcoli', cells, formulas }]);
  (global as Record<string, unknown>).Excel = mock.excel;
  const port = new OfficeWorkbook({ debounceMs: 0, rescanMs: 0, ...options });
  await port.listSheets();
  const before = mock.syncCells.length;
  const info = await port.sheetInfo('Calcoli');
  return { info, trips: mock.syncCells.slice(before) };
}

const key = (f: Finding) => `${f.code} ${f.severity} ${f.sheet ?? '-'}!${f.column ?? ''}${f.row ?? ''}`;
const rowProblems = (findings: readonly Finding[]) =>
  findings
    .filter((f) => f.row !== null && !f.code.startsWith('M') && (f.severity === 'error' || f.severity === 'warning'))
    .map((f) => `${f.code} ${f.sheet}!${f.row}`)
    .sort();
const planted = (list: readonly PlantedMistake[]) => list.map((p) => `${p.code} ${p.sheet}!${p.row}`).sort();

describe.each([
  ['the real workbook (title blocks, merged headers, totals, template rows, footers)', realWorkbook, REAL_PLANTED],
  ['the real workbook saved again by LibreOffice Calc', async () => libreOffice('real-workbook.xlsx'), REAL_PLANTED],
  ['a person merged down over the rows of their months', personnelMergedDown, MERGED_DOWN_PLANTED],
  ['a goods sheet with a chart sheet', goodsWithChartSheet, GOODS_PLANTED],
  ['a goods sheet in the 1904 date system', workbook1904, GOODS_PLANTED],
  ['hours typed as hours and minutes ([h]:mm, h:mm)', hoursAsTimeWorkbook, HOURS_AS_TIME_PLANTED],
])('%s, opened in Excel', (_name, make, mistakes) => {
  it('finds the planted mistakes only, with the same findings as the file mode', async () => {
    const bytes = await make();
    const inFile = await findingsOf(FileWorkbook.fromXlsx(bytes, 'cartella.xlsx', null));
    const { port } = inExcel(bytes);
    const office = await findingsOf(port);
    expect(rowProblems(office)).toEqual(planted(mistakes));
    expect(office.map(key).sort()).toEqual(inFile.map(key).sort());
  });
});

describe('what Excel can tell the adapter', () => {
  it('reads formula cells and merged areas in two round trips for the whole workbook', async () => {
    const bytes = await realWorkbook();
    const { mock, port } = inExcel(bytes);
    await port.listSheets();
    const before = mock.syncs;
    const personale = await port.sheetInfo('Personale');
    expect(mock.syncs - before).toBe(2);
    // Every other sheet's comes with it: no round trip more.
    await port.sheetInfo('Beni di consumo');
    await port.sheetInfo('Calcoli');
    expect(mock.syncs - before).toBe(2);
    expect(personale.formulas?.[6]?.[9]).toBe('H7*I7');
    expect(personale.formulas?.[14]?.[9]).toBe('SUM(J7:J14)');
    expect(personale.formulas?.[6]?.[0]).toBeUndefined();
    expect(personale.merges).toContainEqual({ top: 4, left: 11, bottom: 4, right: 12 });
  });

  it('reads a long column of formulas in bounded round trips', async () => {
    const rows = 1_000;
    const cells = [['Importo'], ...Array.from({ length: rows }, (_, i) => [i])];
    const formulas = [[], ...Array.from({ length: rows }, (_, i) => [`B${i + 2}*2`])];
    // 400 cells per values block: formula texts go 100 cells per round trip.
    const { info, trips } = await structureOf(cells, formulas, { blockCells: 400 });
    expect(trips).toHaveLength(rows / 100);
    expect(Math.max(...trips)).toBeLessThanOrEqual(100);
    expect(info.formulas?.[1]?.[0]).toBe('B2*2');
    expect(info.formulas?.[rows]?.[0]).toBe(`B${rows + 1}*2`);
    expect(info.formulas?.filter((row) => row?.[0] !== undefined)).toHaveLength(rows);
  });

  it('a formula filled down a whole column: only the rows that hold values have their texts read', async () => {
    const cells = [['Ore', 'Importo'], ...Array.from({ length: 9 }, (_, i) => [i + 1, (i + 1) * 20])];
    const formulas = [[], ...Array.from({ length: 100_000 }, (_, i) => [undefined, `A${i + 2}*20`])];
    const { info, trips } = await structureOf(cells, formulas);
    // One trip for the texts, of the 9 rows with values (rows 11–100,001 show nothing: blank rows).
    expect(trips).toEqual([9]);
    expect(info.formulas?.[9]?.[1]).toBe('A10*20');
    expect(info.formulas?.[10]).toBeUndefined();
  });

  it('formula cells scattered among typed ones are read as one box, not a range each', async () => {
    // A formula in every other row of column B: 1,000 areas of one cell.
    const cells = [['Ore', 'Importo'], ...Array.from({ length: 2_000 }, (_, i) => [i + 1, (i + 1) * 20])];
    const formulas = [[], ...Array.from({ length: 2_000 }, (_, i) => [undefined, i % 2 ? undefined : `A${i + 2}*20`])];
    const { info, trips } = await structureOf(cells, formulas);
    expect(trips).toEqual([1_999]); // B2:B2000, one range
    expect(info.formulas?.[1]?.[1]).toBe('A2*20');
    expect(info.formulas?.[2]?.[1]).toBeUndefined(); // typed: its value is not taken for a formula
    expect(info.formulas?.filter((row) => row?.[1] !== undefined)).toHaveLength(1_000);
  });

  it('without merged areas (below ExcelApi 1.13) formulas still arrive and merges are unknown', async () => {
    const { port } = inExcel(await realWorkbook(), { mergedAreas: false });
    await port.listSheets();
    const info = await port.sheetInfo('Personale');
    expect(info.formulas?.[14]?.[9]).toBe('SUM(J7:J14)');
    expect(info.merges).toBeUndefined();
  });

  it('a host that refuses the formula lookup: the listing is asked again without it, dates and values as before', async () => {
    const { mock, port } = inExcel(await workbook1904(), { refuseSpecialCells: true });
    const findings = await findingsOf(port);
    expect(rowProblems(findings)).toEqual(planted(GOODS_PLANTED));
    expect(port.dateSystem()).toBe(1904);
    // Later passes do not ask again: no failed round trip each time.
    const before = mock.syncs;
    await port.listSheets();
    expect(await port.sheetInfo('Beni di consumo')).toEqual({ visibility: 'visible' });
    expect(mock.syncs - before).toBe(1);
  });

  it('a host that refuses the structure reads keeps the values: the pane still validates', async () => {
    const bytes = await realWorkbook();
    const { mock, port } = inExcel(bytes);
    await port.listSheets();
    mock.failures.push('GeneralException');
    const info = await port.sheetInfo('Personale');
    expect(info).toEqual({ visibility: 'visible' });
  });
});

describe('edits in Excel re-read with their formulas and merges', () => {
  // The adapter reports edits after its debounce (0 ms here): one timer tick, then the session's queue.
  const settled = async (session: ReportSession) => {
    await new Promise((r) => setTimeout(r, 20));
    await session.whenIdle();
  };
  const openInExcel = async (bytes: Uint8Array) => {
    const { mock, port } = inExcel(bytes);
    const session = new ReportSession(port, { agreement, ...REAL_CONTEXT });
    await session.start();
    return { mock, session };
  };
  const errors = (session: ReportSession) =>
    session.state.findings
      .filter((f) => f.severity === 'error' && f.row !== null)
      .map((f) => `${f.code} ${f.column}${f.row}`)
      .sort();

  it('an edited row inside a person merged down keeps the merged name and tax code', async () => {
    const { mock, session } = await openInExcel(await personnelMergedDown());
    expect(errors(session)).toEqual(['R05 J4']);
    await mock.userEdit('Personale', 'J4', 160); // 8 h × 20 €: the planted mistake mended
    await settled(session);
    expect(errors(session)).toEqual([]);
    await mock.userEdit('Personale', 'H3', 13); // 13 h × 20 € is not 240 €
    await settled(session);
    expect(errors(session)).toEqual(['R05 J3']);
    session.stop();
  });

  it('hours typed again as 40:00 in a cell formatted [h]:mm are read as 40 hours', async () => {
    const { mock, session } = await openInExcel(await hoursAsTimeWorkbook());
    expect(errors(session)).toEqual(['R02 H4']);
    await mock.userEdit('Personale', 'H2', 40 / 24); // 40 h × 20 € is not 750 €
    await settled(session);
    expect(errors(session)).toEqual(['R02 H4', 'R05 J2']);
    expect(session.rowAt('Personale', 2)?.hours).toBe(40);
    await mock.userEdit('Personale', 'H4', 7.5 / 24); // 7:30, and the amount mended below
    await mock.userEdit('Personale', 'J4', 150);
    await settled(session);
    expect(errors(session)).toEqual(['R05 J2']);
    session.stop();
  });

  it('a SUM typed under the table is a total, not an expense row', async () => {
    const { mock, session } = await openInExcel(await personnelMergedDown());
    await mock.userFormula('Personale', 'J7', 'SUM(J2:J5)', 1010);
    await settled(session);
    expect(errors(session)).toEqual(['R05 J4']);
    const m04 = session.state.findings.find((f) => f.code === 'M04');
    expect(m04?.message).toContain(': 7.');
    // Typed over with a number, the same cell makes row 7 an expense: its gaps are findings.
    await mock.userEdit('Personale', 'J7', 1010);
    await settled(session);
    expect(errors(session).filter((e) => e.endsWith('7')).length).toBeGreaterThan(0);
    session.stop();
  });
});
