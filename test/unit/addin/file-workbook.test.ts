// FileWorkbook: an .xlsx read with fflate + the small XML reader gives the values the CLI's
// exceljs reader gives (shared strings, rich text, dates by number format, booleans, formula
// results), and keeps edits in memory.
import ExcelJS from 'exceljs';
import { FileWorkbook } from '../../../addin/file/file-workbook';
import { isDateFormat } from '../../../formats/xlsx/xlsx-reader';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('FileWorkbook.fromXlsx', () => {
  it('reads sheets in order with strings, numbers, dates, booleans, rich text and formula results', async () => {
    const bytes = await xlsx((wb) => {
      const a = wb.addWorksheet('Beni & servizi <2026>');
      a.addRow(['Fornitore', 'Data fattura', 'Totale', 'CUP', 'Note']);
      a.addRow([
        'Rossi "srl"',
        new Date(Date.UTC(2026, 9, 5)),
        1234.56,
        true,
        { richText: [{ text: 'ricco ' }, { text: 'testo', font: { bold: true } }] },
      ]);
      a.getCell('C3').value = { formula: 'C2*2', result: 2469.12 };
      a.getCell('B4').value = 46300;
      a.getCell('B4').numFmt = 'dd/mm/yyyy';
      a.getCell('E4').value = '01234567897';
      wb.addWorksheet('Vuoto');
    });
    const workbook = FileWorkbook.fromXlsx(bytes);
    expect(await workbook.listSheets()).toEqual(['Beni & servizi <2026>', 'Vuoto']);
    const block = await workbook.readBlock('Beni & servizi <2026>');
    expect(block.values).toEqual([
      ['Fornitore', 'Data fattura', 'Totale', 'CUP', 'Note'],
      ['Rossi "srl"', new Date('2026-10-05T00:00:00Z'), 1234.56, true, 'ricco testo'],
      [null, null, 2469.12, null, null],
      [null, new Date('2026-10-05T00:00:00Z'), null, null, '01234567897'],
    ]);
    expect((await workbook.readBlock('Vuoto')).values).toEqual([]);
  });

  it('reads a range and keeps the pane’s writes, hidden columns and formats in memory', async () => {
    const workbook = FileWorkbook.fromXlsx(await xlsx((wb) => wb.addWorksheet('A').addRow(['x', 'y'])));
    await workbook.writeColumn('A', 'D', 1, ['ID riga', 'r-1']);
    await workbook.hideColumn('A', 'D');
    await workbook.setStatusFormat('A', 'E', 2, 9);
    expect((await workbook.readBlock('A', 'B1:D2')).values).toEqual([
      ['y', null, 'ID riga'],
      [null, null, 'r-1'],
    ]);
    expect(workbook.sheets[0].hiddenColumns).toEqual(new Set([4]));
    expect(workbook.sheets[0].statusFormat).toEqual({ column: 5, firstRow: 2, lastRow: 9 });
  });

  it('reports user edits, not its own writes, and records the selected cell', async () => {
    const workbook = FileWorkbook.fromXlsx(await xlsx((wb) => wb.addWorksheet('A').addRow(['x'])));
    const changes: unknown[] = [];
    const selections: unknown[] = [];
    workbook.onChange((c) => changes.push(c));
    workbook.onSelect((s) => selections.push(s));
    await workbook.writeColumn('A', 'B', 1, ['scritto dal riquadro']);
    workbook.editCell('A', 3, 1, 'scritto dall’utente');
    await workbook.selectCell('A', 'A3');
    expect(changes).toEqual([{ sheet: 'A', rows: { first: 3, last: 3 } }]);
    expect(selections).toEqual([{ sheet: 'A', address: 'A3' }]);
    expect(workbook.cell('A', 3, 1)).toBe('scritto dall’utente');
  });

  it('refuses a file that is not a workbook, in Italian', () => {
    // An empty zip archive: no Office parts in it.
    expect(() => FileWorkbook.fromXlsx(new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]))).toThrow(
      'Il file è un archivio compresso (.zip) che non contiene una cartella di lavoro Excel',
    );
    expect(() => FileWorkbook.fromXlsx(new TextEncoder().encode('appunto'))).toThrow(
      'Il file non è una cartella di lavoro Excel (.xlsx) leggibile.',
    );
  });
});

describe('isDateFormat', () => {
  it.each([
    ['dd/mm/yyyy', true],
    ['mm-dd-yy', true],
    ['[$-410]d mmmm yyyy', true],
    ['#,##0.00', false],
    ['0%', false],
    ['"Totale" #,##0', false],
    ['[Red]#,##0.00', false],
  ])('%s → %s', (code, expected) => {
    expect(isDateFormat(code)).toBe(expected);
  });
});
