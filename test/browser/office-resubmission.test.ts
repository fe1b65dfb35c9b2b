// Row ids in Excel (DOMAIN §5): the pane writes the hidden `ID riga` column once and sends those
// ids, so the same workbook submitted again — or reopened later — changes nothing; a copy that lost
// its id column gets the report's ids back by natural key, written into the hidden column.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPartnerPaneStack, type PartnerPaneStack } from './po-harness';
import type { StaticServer } from './static-server';
import { SYNONYM_INVOICE_HEADER as HEADER, synonymInvoiceRow as row } from '../fixtures/invoice-headers';

jest.setTimeout(120_000);

const FAKE_OFFICE = fs.readFileSync(path.join(__dirname, 'fake-office.js'), 'utf8');
const SHEET = 'Acquisti 2026';
const TODAY = '2026-11-20';

let stack: PartnerPaneStack;
let pane: StaticServer;
let browser: Browser;
let token: string;

beforeAll(async () => {
  stack = await startPartnerPaneStack(TODAY);
  ({ pane, browser, token } = stack);
});

afterAll(async () => {
  await stack?.close();
});

async function paneInExcel(cells: unknown[][]): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1000 } });
  await page.addInitScript(
    (sheets) => {
      (window as unknown as { __FAKE_SHEETS__: unknown }).__FAKE_SHEETS__ = sheets;
    },
    [{ name: SHEET, cells }],
  );
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_OFFICE }),
  );
  await page.goto(`${pane.url}/taskpane.html?today=${TODAY}&token=${encodeURIComponent(token)}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('#submit-intro')?.textContent === '3 righe da inviare.');
  return page;
}

const idColumn = (page: Page) =>
  page.evaluate(() => {
    const x = (window as unknown as { __fakeExcel: { cell(s: string, a: string): unknown } }).__fakeExcel;
    return ['M2', 'M3', 'M4'].map((a) => x.cell('Acquisti 2026', a));
  }) as Promise<string[]>;

async function submit(page: Page): Promise<any> {
  const response = page.waitForResponse((r) => r.url().endsWith('/submissions') && r.request().method() === 'POST');
  await page.click('#submit-button');
  return (await response).json();
}

it('sends the hidden ids it wrote, so the same workbook again changes nothing', async () => {
  const page = await paneInExcel([HEADER, row('F-1'), row('F-2'), row('F-3')]);
  const ids = await idColumn(page);
  for (const id of ids) expect(id).toMatch(/^r-[0-9a-z]{12}$/);
  const v1 = await submit(page);
  expect(v1.rowIds).toEqual(ids);
  expect(v1.changes).toEqual({ added: 3, changed: 0, removed: 0, unchanged: 0 });
  await page.waitForSelector('#submit-result .answer');
  const again = await submit(page);
  expect(again.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
  await page.close();

  // Reopened later: the workbook carries its ids, the pane keeps them.
  const saved = [
    [...HEADER, 'ID riga'],
    [...row('F-1'), ids[0]],
    [...row('F-2'), ids[1]],
    [...row('F-3'), ids[2]],
  ];
  const reopened = await paneInExcel(saved);
  expect(await idColumn(reopened)).toEqual(ids);
  expect((await submit(reopened)).changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
  await reopened.close();

  // A copy without the id column: the server gives the report's ids back by natural key, and the
  // pane writes them into the hidden column. (Before the first submission the pane of this copy
  // does not yet write the matched ids in Excel mode: a known gap since the issue-15 adapter, see
  // the issue note; file mode does, test/browser/pane-resubmission.test.ts.)
  const copy = await paneInExcel([HEADER, row('F-1'), row('F-2'), row('F-3')]);
  const fromCopy = await submit(copy);
  expect(fromCopy.rowIds).toEqual(ids);
  expect(fromCopy.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: 3 });
  await copy.waitForFunction(
    (expected) => {
      const x = (window as unknown as { __fakeExcel: { cell(s: string, a: string): unknown } }).__fakeExcel;
      return ['M2', 'M3', 'M4'].every((a, i) => x.cell('Acquisti 2026', a) === expected[i]);
    },
    ids,
    { timeout: 10_000 },
  );
  await copy.close();
});
