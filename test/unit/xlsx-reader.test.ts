// The product's one xlsx reader (formats/xlsx/xlsx-reader): cell types, formulas and their cached
// results, merges, number formats, visibility, namespaces; and bad files refused with an Italian
// message that names the format and says how to save as .xlsx — in the pane and in the CLI (exit 2,
// no stack trace).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { readXlsx, XlsxReadError, serialDate, cellRef } from '../../formats/xlsx/xlsx-reader';
import { FileWorkbook } from '../../addin/file/file-workbook';
import { runCli } from '../../cli/main';
import { captureIo } from '../fixtures/cli-io';
import { BAD_FILES, tweakZip } from '../fixtures/real-workbooks';

async function xlsx(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package around one hand-written sheet (and optional shared strings / styles). */
function rawWorkbook(sheetXml: string, extra: Record<string, string> = {}, workbookExtra = ''): Uint8Array {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>`];
  if (extra['xl/sharedStrings.xml'])
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  if (extra['xl/styles.xml']) rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
  const files: Record<string, string> = {
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<workbook xmlns="${NS}" xmlns:r="${REL}">${workbookExtra}<sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
    ...extra,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('readXlsx', () => {
  it('reads strings, numbers, booleans, errors, rich text, dates and formula results with their formulas', async () => {
    const bytes = await xlsx((wb) => {
      const ws = wb.addWorksheet('Dati');
      ws.addRow(['Testo & <simboli>', 1234.56, true, { richText: [{ text: 'ricco ' }, { text: 'testo' }] }]);
      ws.getCell('A2').value = { formula: 'B1*2', result: 2469.12 } as ExcelJS.CellValue;
      ws.getCell('B2').value = { formula: 'SUM(B1:B1)', result: { error: '#VALUE!' } } as ExcelJS.CellValue;
      ws.getCell('C2').value = { formula: 'A1&"!"', result: 'Testo!' } as ExcelJS.CellValue;
      ws.getCell('D2').value = new Date(Date.UTC(2026, 2, 15));
      ws.getCell('E2').value = 0.22;
      ws.getCell('E2').numFmt = '0%';
      ws.mergeCells('A4:C4');
    });
    const [sheet] = readXlsx(bytes).sheets;
    expect(sheet.rows[0]).toEqual(['Testo & <simboli>', 1234.56, true, 'ricco testo']);
    expect(sheet.rows[1]).toEqual([2469.12, '#VALUE!', 'Testo!', new Date('2026-03-15T00:00:00Z'), 0.22]);
    expect(sheet.formulas[1]).toEqual(['B1*2', 'SUM(B1:B1)', 'A1&"!"']);
    expect(sheet.formulas[0]).toBeUndefined();
    expect(sheet.numberFormats[1][4]).toBe('0%');
    expect(sheet.numberFormats[1][3]).toMatch(/[dmy]/i);
    expect(sheet.merges).toEqual([{ top: 4, left: 1, bottom: 4, right: 3 }]);
  });

  it('gives shared formulas the text of their master cell, and reads inline strings and _xHHHH_ escapes', () => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData>
      <row r="1"><c r="A1" t="inlineStr"><is><t xml:space="preserve"> a capo_x000D_</t></is></c>
        <c r="B1" t="inlineStr"><is><r><t>ric</t></r><r><t>co</t></r><rPh><t>ふりがな</t></rPh></is></c></row>
      <row r="2"><c r="C2"><f t="shared" ref="C2:C3" si="0">A2*B2</f><v>6</v></c></row>
      <row r="3"><c r="C3"><f t="shared" si="0"/><v>12</v></c><c r="D3" t="s"><v>0</v></c></row>
    </sheetData></worksheet>`;
    const shared = `<sst xmlns="${NS}"><si><r><t>Uno</t></r><r><t xml:space="preserve"> due</t></r></si></sst>`;
    const [s] = readXlsx(rawWorkbook(sheet, { 'xl/sharedStrings.xml': shared })).sheets;
    expect(s.rows[0]).toEqual([' a capo\r', 'ricco']);
    expect(s.rows[2]).toEqual([null, null, 12, 'Uno due']);
    expect(s.formulas[2][2]).toBe('A2*B2');
  });

  it('reads the 1904 date system and custom date formats, cells without references, and strict namespaces', () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="170" formatCode="[$-410]d mmmm yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>`;
    const sheet = `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row><x:c s="1"><x:v>44999</x:v></x:c><x:c><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = readXlsx(rawWorkbook(sheet, { 'xl/styles.xml': styles }, '<workbookPr date1904="1"/>'));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets[0].rows[0]).toEqual([new Date('2027-03-15T00:00:00Z'), 7]);
    expect(serialDate(44999, false)).toEqual(new Date('2023-03-14T00:00:00Z'));
    expect(serialDate(1, false)).toEqual(new Date('1900-01-01T00:00:00Z'));
    expect(cellRef('AB12')).toEqual([12, 28]);
    expect(cellRef('$C$3')).toEqual([3, 3]);
  });

  it('decodes character references in text and attributes once, keeps a typed CR and normalises line ends', () => {
    const styles = `<styleSheet xmlns="${NS}"><numFmts><numFmt numFmtId="171" formatCode="&quot;€&quot; #,##0.00;[Red]&quot;-€&quot; #,##0.00"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    const sheet = `<worksheet xmlns="${NS}"><sheetData><row r="1">
      <c r="A1" t="inlineStr"><is><t>Caff&#232; &amp; t&#xE8; &#128512; &amp;lt;</t></is></c>
      <c r="B1" t="inlineStr"><is><t>riga 1\r\nriga 2\rriga 3&#13;</t></is></c>
      <c r="C1" t="str"><f>A1&amp;"!"</f><v>x</v></c>
      <c r="D1" s="1"><v>0.1</v></c></row></sheetData></worksheet>`;
    const [s] = readXlsx(rawWorkbook(sheet, { 'xl/styles.xml': styles })).sheets;
    expect(s.rows[0]).toEqual(['Caffè & tè 😀 &lt;', 'riga 1\nriga 2\nriga 3\r', 'x', 0.1]);
    expect(s.formulas[0][2]).toBe('A1&"!"');
    expect(s.numberFormats[0][3]).toBe('0.00%');
    const renamed = tweakZip(rawWorkbook(sheet), (name, xml) =>
      name === 'xl/workbook.xml' ? xml.replace('name="Foglio1"', 'name="Spese &amp; costi &quot;2026&quot;"') : xml,
    );
    expect(readXlsx(renamed).sheets[0].name).toBe('Spese & costi "2026"');
    // A part with line ends typed as CR LF but no character reference is still normalised.
    const crlf = `<worksheet xmlns="${NS}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>uno\r\ndue</t></is></c></row></sheetData></worksheet>`;
    expect(readXlsx(rawWorkbook(crlf)).sheets[0].rows[0]).toEqual(['uno\ndue']);
  });

  it.each([
    ['a mismatched closing tag', '<row r="1"><c r="A1"><v>1</v></row>'],
    ['an unclosed sheet', '<row r="1"><c r="A1"><v>1</v></c></row>'],
    ['an attribute given twice', '<row r="1"><c r="A1" r="B1"><v>1</v></c></row></sheetData></worksheet>'],
  ])('refuses a sheet with %s as a corrupt file', (_, body) => {
    const sheet = `<worksheet xmlns="${NS}"><sheetData>${body}`;
    expect(() => readXlsx(rawWorkbook(sheet))).toThrow(new XlsxReadError('corrupt'));
  });

  it('keeps hidden and very hidden sheets with their visibility', async () => {
    const bytes = await xlsx((wb) => {
      wb.addWorksheet('Visibile').addRow(['a']);
      wb.addWorksheet('Nascosto', { state: 'hidden' }).addRow(['b']);
      wb.addWorksheet('Molto', { state: 'veryHidden' }).addRow(['c']);
    });
    expect(readXlsx(bytes).sheets.map((s) => s.part)).toEqual([
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
      'xl/worksheets/sheet3.xml',
    ]);
    expect(readXlsx(bytes).sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Visibile', 'visible'],
      ['Nascosto', 'hidden'],
      ['Molto', 'veryHidden'],
    ]);
  });

  it('passes over whole-column data validations and conditional formats without expanding them', async () => {
    const bytes = tweakZip(await xlsx((wb) => wb.addWorksheet('A').addRow(['x', 1])), (name, xml) =>
      name.startsWith('xl/worksheets/')
        ? xml.replace(
            '</sheetData>',
            '</sheetData><conditionalFormatting sqref="A:XFD"><cfRule type="expression" priority="1"><formula>TRUE</formula></cfRule></conditionalFormatting>' +
              '<dataValidations count="1"><dataValidation type="list" sqref="A:A B1:B1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>',
          )
        : xml,
    );
    const [sheet] = readXlsx(bytes).sheets;
    expect(sheet.rows).toEqual([['x', 1]]);
  });
});

describe('files that are not readable workbooks', () => {
  it('names an HTML export written with a UTF-8 byte-order mark, and leaves prose unnamed', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('\n<html><body><table>')]);
    expect(() => readXlsx(withBom)).toThrow(/pagina HTML/);
    expect(() => readXlsx(new TextEncoder().encode('Rendiconto, ottobre; da completare'))).toThrow(
      /non è una cartella di lavoro Excel \(\.xlsx\) leggibile/,
    );
  });

  const cases: [keyof typeof BAD_FILES, RegExp][] = [
    ['xls', /Excel 97-2003 \(\.xls\).*salvarlo come «Cartella di lavoro di Excel \(\*\.xlsx\)»/],
    ['xlsb', /binaria di Excel \(\.xlsb\).*salvarlo come «Cartella di lavoro di Excel \(\*\.xlsx\)»/],
    ['ods', /OpenDocument \(\.ods.*LibreOffice Calc.*Excel 2007-365 \(\.xlsx\)/],
    ['encrypted', /protetto da password.*salvarlo di nuovo come \.xlsx/],
    ['corrupt', /danneggiato o incompleto.*\.xlsx/],
    ['empty', /vuoto \(0 byte\).*\.xlsx/],
    ['csv', /testo CSV.*salvarlo come «Cartella di lavoro di Excel \(\*\.xlsx\)»/],
    ['html', /pagina HTML.*anche con il nome \.xls.*salvarlo come «Cartella di lavoro di Excel \(\*\.xlsx\)»/],
    ['xml2003', /XML di Excel 2003.*salvarlo come «Cartella di lavoro di Excel \(\*\.xlsx\)»/],
    ['pdf', /è un PDF, non un foglio di calcolo.*\(\.xlsx\)/],
    ['text', /non è una cartella di lavoro Excel \(\.xlsx\) leggibile.*\.xlsx/],
    ['zip', /archivio compresso \(\.zip\) che non contiene una cartella di lavoro Excel/],
  ];

  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rendiconta-bad-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(cases)(
    '%s: a typed error with an Italian message, in the pane and in the CLI (exit 2, no stack)',
    async (kind, message) => {
      const bytes = await BAD_FILES[kind]();
      let thrown: unknown;
      try {
        readXlsx(bytes);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(XlsxReadError);
      expect((thrown as Error).message).toMatch(message);
      // The pane's file mode shows the same sentence (pane-app renders error.message).
      expect(() => FileWorkbook.fromXlsx(bytes, `${kind}.xlsx`, null)).toThrow(message);

      const path = join(dir, `${kind}.xlsx`);
      writeFileSync(path, bytes);
      for (const command of [
        [
          'validate',
          path,
          '--agreement',
          'crema-2026-2028',
          '--programme',
          'P1',
          '--partner',
          'koala',
          '--year',
          '2026',
        ],
        ['mapping', path],
      ]) {
        const captured = captureIo();
        expect(await runCli(command, captured.io)).toBe(2);
        expect(captured.stderr()).toMatch(new RegExp(`^Errore: impossibile leggere «.*${kind}\\.xlsx»: `));
        expect(captured.stderr()).toMatch(message);
        expect(captured.stderr()).not.toMatch(/\n\s+at /);
        expect(captured.stdout()).toBe('');
      }
    },
  );

  it('a missing file and an unreadable mapping file are exit 2 with a sentence', async () => {
    const captured = captureIo();
    expect(await runCli(['mapping', join(dir, 'manca.xlsx')], captured.io)).toBe(2);
    expect(captured.stderr()).toContain('il file non esiste');
    const good = join(dir, 'ok.xlsx');
    writeFileSync(good, await xlsx((wb) => wb.addWorksheet('A').addRow(['x'])));
    const badMapping = join(dir, 'mapping.json');
    writeFileSync(badMapping, '{ non json');
    const args = ['--agreement', 'crema-2026-2028', '--programme', 'P1', '--partner', 'koala', '--year', '2026'];
    const second = captureIo();
    expect(await runCli(['validate', good, ...args, '--mapping', badMapping], second.io)).toBe(2);
    expect(second.stderr()).toContain('non è un JSON valido');
  });
});
