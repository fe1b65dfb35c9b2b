// The built pane in Office mode: office.js is replaced by an in-page fake Excel (fake-office.js),
// so the real bundle runs OfficeWorkbook end to end: block reads, the status column with its one
// conditional format, a finding that selects its Excel cell, and a user edit re-validated.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, listedFindings, paneUrl, screenshot } from './browser';
import { SYNONYM_INVOICE_HEADER as HEADER, synonymInvoiceRow as row } from '../fixtures/invoice-headers';

const FAKE_OFFICE = fs.readFileSync(path.join(__dirname, 'fake-office.js'), 'utf8');
const SHEET = 'Acquisti 2026';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(60_000);

async function paneInExcel(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1000 } });
  const cells = [HEADER, row('F-1'), row('F-2', '12345678901'), row('F-3', '01234567897', 'contanti')];
  await page.addInitScript(
    (sheets) => {
      (window as unknown as { __FAKE_SHEETS__: unknown }).__FAKE_SHEETS__ = sheets;
    },
    [{ name: SHEET, cells }],
  );
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE }),
  );
  await page.goto(`${paneUrl()}/taskpane.html?today=2026-11-20`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#findings li.finding');
  return page;
}

const fake = <T>(page: Page, read: string): Promise<T> => page.evaluate(`(${read})(window.__fakeExcel)`) as Promise<T>;

describe('task pane inside Excel (office.js replaced by a fake host)', () => {
  it('validates the open workbook and writes its status column with one conditional format', async () => {
    const page = await paneInExcel();
    expect(await page.textContent('#mode-badge')).toBe('In Excel');
    expect(await page.isHidden('#file-section')).toBe(true);
    // The findings CSV is for a dropped file; in Excel the status column carries them.
    expect(await page.isHidden('#csv-button')).toBe(true);
    expect((await listedFindings(page)).filter((f) => f.includes('!')).sort()).toEqual([
      `R09 ${SHEET}!B3`,
      `R10 ${SHEET}!I4`,
    ]);
    expect(
      await fake(
        page,
        '(x) => [x.cell("Acquisti 2026", "M1"), x.cell("Acquisti 2026", "N1"), x.cell("Acquisti 2026", "N2"), x.cell("Acquisti 2026", "N3")]',
      ),
    ).toEqual(['ID riga', 'Esito verifica', 'OK', 'Errore (R09)']);
    expect(await fake(page, '(x) => x.state.hidden')).toEqual([`${SHEET}!M`]);
    expect(await fake(page, '(x) => x.state.formats.map((f) => [f.address, f.type, f.textComparison.rule])')).toEqual([
      ['N2:N4', 'ContainsText', { operator: 'BeginsWith', text: 'Errore' }],
    ]);
    await screenshot(page, 'pane-office-mode');
    await page.close();
  });

  it('selects the Excel cell of a finding and re-validates the row the user fixes', async () => {
    const page = await paneInExcel();
    await page.focus('#findings li[data-code="R09"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeExcel: { state: { selections: string[] } } }).__fakeExcel.state.selections
          .length > 0,
    );
    expect(await fake(page, '(x) => x.state.selections')).toEqual([`${SHEET}!B3`]);

    const syncs = await fake<number>(page, '(x) => x.state.syncs');
    await fake(page, '(x) => x.userEdit("Acquisti 2026", "B3", "01234567897")');
    await page.waitForFunction(() => !document.querySelector('#findings li[data-code="R09"]'));
    expect(await fake(page, '(x) => x.cell("Acquisti 2026", "N3")')).toBe('OK');
    // One read of the edited row, one write of its status cell; the write's own event is ignored.
    await page.waitForTimeout(600);
    expect((await fake<number>(page, '(x) => x.state.syncs')) - syncs).toBe(2);
    await page.close();
  });
});
