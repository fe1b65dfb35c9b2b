// The partner's own workbook given back with the pane's columns: the original package is patched
// (styles, other sheets, other parts untouched), new cells land in order, a corrected cell keeps
// its style, the id column is hidden, and both exceljs and the pane's reader see the new values.
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { FileWorkbook } from '../../../addin/file/file-workbook';
import { patchSheet, writeBackWorkbook, WritebackError } from '../../../formats/xlsx/workbook-writeback';
import { templateToXlsx } from '../../../formats/xlsx/template-workbook';
import { buildTemplate } from '../../../shared/mapping/template';
import { getAgreement } from '../../../shared/agreement/agreements';
import { detectTables } from '../../../shared/mapping/mapping';
import type { Agreement } from '../../../shared/agreement/agreement';

async function partnerFile(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Acquisti');
  ws.addRow(['Fornitore', 'Importo', 'Data']);
  ws.addRow(['Rossi srl', 120.5, new Date(Date.UTC(2026, 9, 5))]);
  ws.addRow(['Bianchi spa', 80, new Date(Date.UTC(2026, 9, 6))]);
  ws.getCell('A1').font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getCell('B2').numFmt = '#,##0.00 €';
  ws.getColumn(1).width = 31;
  wb.addWorksheet('Note').addRow(['non toccare']);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

describe('writeBackWorkbook', () => {
  it('adds two columns, keeps styles, widths and the other parts byte for byte', async () => {
    const original = await partnerFile();
    const out = writeBackWorkbook(
      original,
      [
        { sheet: 'Acquisti', row: 1, column: 4, value: 'ID riga' },
        { sheet: 'Acquisti', row: 1, column: 5, value: 'Stato' },
        { sheet: 'Acquisti', row: 2, column: 4, value: 'r-abc' },
        { sheet: 'Acquisti', row: 2, column: 5, value: 'OK' },
        { sheet: 'Acquisti', row: 3, column: 4, value: 'r-def' },
        { sheet: 'Acquisti', row: 3, column: 5, value: 'ERRORE (R02) <&>' },
        { sheet: 'Acquisti', row: 2, column: 2, value: 130.25 },
      ],
      { hiddenColumns: [{ sheet: 'Acquisti', column: 4 }] },
    );
    const wb = await load(out);
    const ws = wb.getWorksheet('Acquisti')!;
    expect(ws.getCell('D1').value).toBe('ID riga');
    expect(ws.getCell('D2').value).toBe('r-abc');
    expect(ws.getCell('E3').value).toBe('ERRORE (R02) <&>');
    expect(ws.getCell('B2').value).toBe(130.25);
    expect(ws.getCell('B2').numFmt).toBe('#,##0.00 €');
    expect(ws.getCell('A1').font?.color?.argb).toBe('FFC00000');
    expect(ws.getColumn(1).width).toBe(31);
    expect(ws.getColumn(4).hidden).toBe(true);
    expect((ws.getCell('C3').value as Date).toISOString().slice(0, 10)).toBe('2026-10-06');
    expect(wb.getWorksheet('Note')!.getCell('A1').value).toBe('non toccare');

    const before = unzipSync(original);
    const after = unzipSync(out);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    const changed = Object.keys(before).filter((k) => Buffer.compare(before[k], after[k]) !== 0);
    expect(changed).toEqual(['xl/worksheets/sheet1.xml']);
  });

  it('replaces a cell that already exists instead of adding a second one, and adds missing rows in order', () => {
    const xml =
      '<worksheet><dimension ref="A1:B2"/><sheetData><row r="1" spans="1:2"><c r="A1" s="3" t="s"><v>0</v></c><c r="C1"><v>1</v></c></row>' +
      '<row r="3"><c r="A3"><v>5</v></c></row></sheetData></worksheet>';
    const out = patchSheet(xml, [
      { sheet: 'x', row: 1, column: 2, value: 'b' },
      { sheet: 'x', row: 1, column: 1, value: 'nuovo' },
      { sheet: 'x', row: 2, column: 1, value: true },
    ]);
    expect(out).toBe(
      '<worksheet><dimension ref="A1:C3"/><sheetData><row r="1"><c r="A1" s="3" t="inlineStr"><is><t xml:space="preserve">nuovo</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><t xml:space="preserve">b</t></is></c><c r="C1"><v>1</v></c></row>' +
        '<row r="2"><c r="A2" t="b"><v>1</v></c></row><row r="3"><c r="A3"><v>5</v></c></row></sheetData></worksheet>',
    );
  });

  it('a workbook read by the pane, given ids, downloaded and read again has the same ids', async () => {
    const agreement = getAgreement('crema-2026-2028') as Agreement;
    const original = templateToXlsx(buildTemplate(agreement));
    const first = FileWorkbook.fromXlsx(original, 'modello.xlsx', null);
    await first.writeColumn('Personale', 'Z', 1, ['Stato', 'OK', 'ERRORE (R05)']);
    await first.writeColumn('Personale', 'R', 2, ['r-000001', 'r-000002']);
    const edits = first.edits();
    expect(edits).toHaveLength(5);
    const again = FileWorkbook.fromXlsx(writeBackWorkbook(original, edits), 'modello-con-id.xlsx', null);
    expect((await again.readBlock('Personale', 'R2:R3')).values).toEqual([['r-000001'], ['r-000002']]);
    expect((await again.readBlock('Personale', 'Z1:Z3')).values).toEqual([['Stato'], ['OK'], ['ERRORE (R05)']]);
    expect(again.edits()).toEqual([]);
  });

  it('says in Italian when the original is not a package or the sheet is missing', async () => {
    expect(() => writeBackWorkbook(new Uint8Array([1, 2, 3]), [])).toThrow(WritebackError);
    expect(() => writeBackWorkbook(new Uint8Array([1, 2, 3]), [])).toThrow(/non è un pacchetto/);
    const file = await partnerFile();
    expect(() => writeBackWorkbook(file, [{ sheet: 'Altro', row: 1, column: 1, value: 'x' }])).toThrow(
      'Il foglio «Altro» non è nel file originale.',
    );
  });
});

describe('templateToXlsx (the light template writer of the pane)', () => {
  const agreement = getAgreement('crema-2026-2028') as Agreement;
  const template = buildTemplate(agreement);
  const bytes = templateToXlsx(template);

  it('opens in exceljs with the five sheets, their headers, widths, formats and validations', async () => {
    const wb = await load(bytes);
    const lists = template.lists ? [template.lists.name] : [];
    expect(wb.worksheets.map((w) => w.name)).toEqual([...template.sheets.map((s) => s.name), ...lists]);
    for (const name of lists) expect(wb.getWorksheet(name)!.state).toBe('veryHidden');
    for (const sheet of template.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      sheet.columns.forEach((c, i) => {
        expect(ws.getCell(sheet.headerRow, i + 1).value).toBe(c.header);
        expect(ws.getColumn(i + 1).width).toBe(c.width);
        expect(ws.getColumn(i + 1).hidden).toBe(c.hidden ?? false);
        if (c.numberFormat) expect(ws.getColumn(i + 1).numFmt).toBe(c.numberFormat);
      });
      expect(ws.getCell(sheet.headerRow, 1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: sheet.headerRow });
      const model = (ws as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations
        .model;
      // exceljs expands each range into its cells when reading: the first and last cell of each.
      for (const c of sheet.columns.filter((col) => col.validation)) {
        const [first, last] = c.validation!.range.split(':');
        expect(model[first]?.type).toBe(c.validation!.rule.kind);
        expect(model[last]?.type).toBe(c.validation!.rule.kind);
      }
    }
  });

  it('is recognised by the pane’s reader and the mapping with zero mapping findings', () => {
    const workbook = FileWorkbook.fromXlsx(bytes, 'modello.xlsx', null);
    const tables = detectTables(workbook.sheets.filter((s) => s.name !== 'Elenchi'));
    expect(tables.map((t) => [t.sheet, t.category])).toEqual(template.sheets.map((s) => [s.name, s.category]));
    expect(tables.flatMap((t) => t.findings)).toEqual([]);
  });
});
