// "Scarica le segnalazioni (.csv)" in file mode: the download the browser receives is the list of
// findings as Italian Excel reads it (UTF-8 BOM, ";"), with formula-like cells disarmed.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { dropFile, launch, openPane } from './browser';
import { GOODS_SHEET, PLANTED, partnerWorkbook } from './workbook-fixture';
import { INVOICE_HEADERS } from '../fixtures/invoice-headers';

const TODAY = '2026-11-20';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(60_000);

async function downloadedCsv(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv-button')]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

describe('findings CSV download (file mode)', () => {
  it('downloads every finding with code, severity, sheet, row, column, field and message', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    await dropFile(page, 'rendiconto-koala.xlsx', await partnerWorkbook());
    await page.waitForSelector('#findings li.finding');
    expect(await page.textContent('#csv-button')).toBe('Scarica le segnalazioni (.csv)');

    const { name, bytes } = await downloadedCsv(page);
    expect(name).toBe('segnalazioni rendiconto-koala.csv');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe('Codice;Gravità;Foglio;Riga;Colonna;Campo;Messaggio');
    const listed = await page.$$eval('#findings li.finding', (items) => items.length);
    expect(lines.filter((l) => l !== '')).toHaveLength(listed + 1);
    // Each planted finding is a line: code;Errore;sheet;row;column;…
    for (const [code, cell] of Object.entries(PLANTED)) {
      const [sheet, address] = cell.split('!');
      const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
      expect(lines.some((l) => l.startsWith(`${code};Errore;${sheet};${row};${column};`))).toBe(true);
    }
    expect(lines.find((l) => l.startsWith('R09;'))).toContain(`;${GOODS_SHEET};3;B;supplierId;`);
    await page.close();
  });

  it('disarms a sheet name that Excel would read as a formula', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('=Acquisti+1');
    sheet.addRow([...INVOICE_HEADERS, 'Documenti']);
    sheet.addRow([
      'Rossi srl',
      '12345678901',
      'F-1',
      new Date('2026-10-05T00:00:00Z'),
      'materiale di consumo',
      100,
      100,
      new Date('2026-10-15T00:00:00Z'),
      'bonifico',
      'P1',
      'A1',
      'fattura; pagamento',
    ]);
    sheet.getColumn(2).numFmt = '@';
    const page = await openPane(browser, `?today=${TODAY}`);
    await dropFile(page, 'fatture.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await page.waitForSelector('#findings li[data-code="R09"]');

    const text = (await downloadedCsv(page)).bytes.toString('utf8');
    const r09 = text.split('\r\n').find((l) => l.startsWith('R09;'));
    expect(r09).toMatch(/^R09;Errore;'=Acquisti\+1;2;B;supplierId;/);
    expect(text).not.toMatch(/;=Acquisti/);
    await page.close();
  });
});
