// Browser mode as a bookkeeper meets it: wrong files get a specific Italian message that goes
// away when a good workbook is loaded; the blank template and the workbook with its id and status
// columns are real downloads, and the downloaded workbook dropped again gives the same ids; the
// token is checked when the pane opens. axe-core finds no violation in any of these states.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { axeViolations } from './axe';
import { docScreenshot, dropFile, launch, openPane, screenshot } from './browser';
import { GOODS_SHEET, partnerWorkbook } from './workbook-fixture';
import { getAgreement } from '../../shared/agreement/agreements';
import { buildTemplate } from '../../shared/mapping/template';
import { ROW_ID_HEADER, STATUS_HEADER } from '../../addin/port/workbook-port';

const TODAY = '2026-11-20';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(90_000);

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file as string) };
}

const WRONG_FILES: [string, Uint8Array, RegExp][] = [
  [
    'testo.xlsx',
    strToU8('Fornitore Rossi, importo 120 euro.\nNessuna tabella qui.'),
    /non è una cartella di lavoro Excel \(\.xlsx\) leggibile/,
  ],
  ['fattura.xlsx', strToU8('%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n'), /è un PDF/],
  ['spese.xlsx', strToU8('Fornitore;Importo;Data\nRossi;120,50;05/10/2026\nBianchi;80,00;06/10/2026\n'), /testo CSV/],
  [
    'vecchio.xls',
    new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    /vecchio formato Excel 97-2003/,
  ],
  [
    'export-gestionale.xls',
    strToU8('<html><body><table><tr><td>Fornitore</td></tr></table></body></html>'),
    /pagina HTML/,
  ],
  ['scansioni.zip', zipSync({ 'fattura.pdf': strToU8('%PDF-1.4') }), /archivio compresso/],
  [
    'calc.ods',
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8('<office:document-content/>'),
    }),
    /OpenDocument/,
  ],
];

describe('wrong files in browser mode', () => {
  it('says in Italian what each file is, and the message goes when a good workbook is loaded', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    const good = await partnerWorkbook();
    for (const [name, bytes, expected] of [
      ...WRONG_FILES,
      ['rotto.xlsx', good.subarray(0, 400), /danneggiato/] as [string, Uint8Array, RegExp],
    ]) {
      await dropFile(page, name, bytes);
      await page.waitForFunction((n) => document.querySelector('#file-error')?.textContent?.includes(n), name);
      const message = (await page.textContent('#file-error')) ?? '';
      expect(message).toMatch(expected);
      expect(message).not.toMatch(/invalid zip data|undefined|Error/);
      expect(await axeViolations(page)).toEqual([]);
    }
    await screenshot(page, 'pane-wrong-file');
    await dropFile(page, 'rendiconto-koala.xlsx', good);
    await page.waitForSelector('#findings li.finding');
    expect(await page.textContent('#file-error')).toBe('');
    // And a wrong file after a good one says so again (the good workbook stays open).
    await dropFile(page, 'fattura.xlsx', WRONG_FILES[1][1]);
    await page.waitForFunction(() => /PDF/.test(document.querySelector('#file-error')?.textContent ?? ''));
    expect(await page.isVisible('#workspace')).toBe(true);
    await page.close();
  });
});

describe('downloads in browser mode', () => {
  it('downloads the blank template, which opens in exceljs with the sheets and headers of the model', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    expect(await page.textContent('#template-button')).toBe('Scarica il modello vuoto (.xlsx)');
    const { name, bytes } = await downloadOf(page, () => page.click('#template-button'));
    expect(name).toBe('modello-rendicontazione.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const template = buildTemplate(getAgreement('crema-2026-2028')!);
    for (const sheet of template.sheets) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect(sheet.columns.map((_, i) => ws.getCell(1, i + 1).value)).toEqual(sheet.columns.map((c) => c.header));
    }
    expect(await page.textContent('#template-status')).toContain('Scaricato «modello-rendicontazione.xlsx»');
    // The downloaded template dropped on the pane is recognised with no findings about its layout.
    await dropFile(page, name, new Uint8Array(bytes));
    await page.waitForSelector('#mapping [data-sheet="Personale"]');
    expect(await page.textContent('#file-error')).toBe('');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('downloads the workbook with the id and status columns and the grid corrections; dropped again it has the same ids', async () => {
    const page = await openPane(browser, `?today=${TODAY}`);
    const original = await partnerWorkbook();
    await dropFile(page, 'rendiconto-koala.xlsx', original);
    await page.waitForSelector('#findings li.finding');
    // A correction in the grid preview travels with the download.
    await page.click('#findings li[data-code="R09"]');
    await page.fill('#cell-input', '01234567897');
    await page.press('#cell-input', 'Enter');
    await page.waitForFunction(() => !document.querySelector('#findings li[data-code="R09"]'));
    const ids = () =>
      page.$$eval('#grid td[data-address^="N"]', (cells) =>
        cells.map((c) => `${c.getAttribute('data-address')}=${c.textContent}`),
      );
    const before = await ids();
    expect(before.length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await docScreenshot(page, 'partner-pane');

    const { name, bytes } = await downloadOf(page, () => page.click('#workbook-download-button'));
    expect(name).toBe('rendiconto-koala-con-id.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const goods = wb.getWorksheet(GOODS_SHEET)!;
    expect(goods.getCell('N1').value).toBe(ROW_ID_HEADER);
    expect(goods.getCell('O1').value).toBe(STATUS_HEADER);
    expect(goods.getCell('O2').value).toBe('OK');
    expect(String(goods.getCell('O4').value)).toBe('Errore (R02)');
    expect(goods.getCell('B3').value).toBe('01234567897');
    expect(goods.getColumn('N').hidden).toBe(true);
    // Partner's formatting kept: the text format of the VAT column.
    expect(goods.getCell('B2').numFmt).toBe('@');

    const again = await openPane(browser, `?today=${TODAY}`);
    await dropFile(again, name, new Uint8Array(bytes));
    await again.waitForSelector('#findings li.finding');
    const after = await again.$$eval('#grid td[data-address^="N"]', (cells) =>
      cells.map((c) => `${c.getAttribute('data-address')}=${c.textContent}`),
    );
    expect(after).toEqual(before);
    expect(await again.$('#findings li[data-code="R09"]')).toBeNull();
    await again.close();
    await page.close();
  });
});

describe('grid preview', () => {
  it('the sticky row numbers stay beside their own row and never cover the selected cell, scrolled either way', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Largo');
    ws.addRow(Array.from({ length: 26 }, (_, i) => `Colonna con un titolo lungo ${i + 1}`));
    for (let r = 0; r < 40; r++) ws.addRow(Array.from({ length: 26 }, (_, i) => `valore lungo ${r + 2}-${i + 1}`));
    const page = await openPane(browser, `?today=${TODAY}`);
    await dropFile(page, 'largo.xlsx', new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    await page.waitForSelector('#grid table');
    await page.focus('#grid table');
    const overlap = () =>
      page.evaluate(() => {
        const cell = document.querySelector('#grid td.selected') as HTMLElement;
        const rowHeader = cell.parentElement?.querySelector('th') as HTMLElement;
        const scroller = document.querySelector('#grid .grid-scroll') as HTMLElement;
        return {
          covered: rowHeader.getBoundingClientRect().right - cell.getBoundingClientRect().left,
          scrolled: scroller.scrollLeft,
          address: cell.getAttribute('data-address'),
        };
      });
    // Right to the last column (the view scrolls sideways), then back to A.
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
    expect((await overlap()).address).toBe('Z1');
    expect((await overlap()).scrolled).toBeGreaterThan(0);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('ArrowLeft');
      const state = await overlap();
      expect(state.covered).toBeLessThanOrEqual(0.5);
    }
    expect((await overlap()).address).toBe('A1');
    // Scrolled by hand, down and sideways: each row number stays in its own row beside the
    // cells (never stacked over other rows), opaque and above the cells sliding under it.
    const layout = await page.evaluate(() => {
      const scroller = document.querySelector('#grid .grid-scroll') as HTMLElement;
      scroller.scrollTop = 120;
      scroller.scrollLeft = 400;
      const box = scroller.getBoundingClientRect();
      return [...document.querySelectorAll('#grid tbody tr')].map((tr) => {
        const th = tr.querySelector('th') as HTMLElement;
        const rect = th.getBoundingClientRect();
        const cells = tr.querySelectorAll('td');
        const firstCell = cells[0].getBoundingClientRect();
        const y = rect.top + rect.height / 2;
        const visible = y > box.top + 30 && y < box.bottom - 5;
        return {
          rowOffset: Math.abs(rect.top - firstCell.top),
          stuckLeft: Math.abs(rect.left - box.left) < 2,
          onTop: !visible || document.elementFromPoint(rect.left + rect.width / 2, y) === th,
          background: getComputedStyle(th).backgroundColor,
        };
      });
    });
    for (const row of layout) {
      expect(row.rowOffset).toBeLessThan(1);
      expect(row.stuckLeft).toBe(true);
      expect(row.onTop).toBe(true);
      expect(row.background).not.toBe('rgba(0, 0, 0, 0)');
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

describe('the token checked when the pane opens', () => {
  it('a valid partner token: entity fixed, token verified', async () => {
    const page = await openPane(browser, `?today=${TODAY}&token=${process.env.RENDICONTA_PARTNER_TOKEN}`);
    expect(await page.textContent('details.token summary')).toBe('Accesso di sviluppo: token verificato');
    expect(await page.isDisabled('#partner')).toBe(true);
    expect(await page.inputValue('#partner')).toBe('koala');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'pane-token-valid');
    await page.close();
  });

  it('a garbage token: an Italian message and no list of organisations', async () => {
    const page = await openPane(browser, `?today=${TODAY}&token=garbage-token-123`);
    expect(await page.textContent('details.token summary')).toBe('Accesso di sviluppo: token non valido');
    expect(await page.textContent('#access-status')).toMatch(/^Il token di accesso non è valido/);
    const options = await page.$$eval('#partner option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options).toEqual(['']);
    expect(await page.isDisabled('#partner')).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'pane-token-invalid');
    // Pasting a good token fixes the entity at once.
    await page.fill('#dev-token', process.env.RENDICONTA_PARTNER_TOKEN ?? '');
    await page.click('text=Salva token');
    await page.waitForSelector('#partner-lock');
    expect(await page.inputValue('#partner')).toBe('koala');
    await page.close();
  });

  it('an expired token: said so in Italian, no organisation offered', async () => {
    const page = await openPane(browser, `?today=${TODAY}&token=${process.env.RENDICONTA_EXPIRED_TOKEN}`);
    expect(await page.textContent('details.token summary')).toBe('Accesso di sviluppo: token scaduto');
    expect(await page.textContent('#access-status')).toMatch(/^Il token di accesso è scaduto/);
    const options = await page.$$eval('#partner option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(options).toEqual(['']);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
