// Resubmission in file mode (DOMAIN §5): the same workbook, opened afresh in two page loads and
// submitted twice, is the same report — the second answer adds, changes and removes nothing — and
// a document attached to a row after the first submission still hangs on that row afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { demoSeededKoalaRows, writeDemoWorkbook } from '../../scripts/demo-workbook';
import { BASE, setClock, type TestApi } from '../integration/harness';
import { dropFile, screenshot } from './browser';
import { startPartnerPaneStack, type PartnerPaneStack } from './po-harness';
import type { StaticServer } from './static-server';

jest.setTimeout(120_000);

const TODAY = '2026-11-20';
let stack: PartnerPaneStack;
let api: TestApi;
let pane: StaticServer;
let browser: Browser;
let token: string;
let workbook: Uint8Array;

beforeAll(async () => {
  stack = await startPartnerPaneStack(TODAY);
  ({ api, pane, browser, token } = stack);
  // koala's P1 rows as the demo seeds them, without planted mistakes and without an id column.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resubmission-'));
  const file = await writeDemoWorkbook(dir, TODAY, demoSeededKoalaRows(TODAY), { planted: false });
  workbook = new Uint8Array(fs.readFileSync(file));
});

afterAll(async () => {
  await stack?.close();
});

/** A fresh page load (its own browser context: nothing kept from the previous one). */
async function paneWithWorkbook(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1100 } });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${pane.url}/taskpane.html?today=${TODAY}&token=${encodeURIComponent(token)}`);
  await page.waitForSelector('body[data-ready="true"]');
  await dropFile(page, 'rendiconto-koala-P1-2026.xlsx', workbook);
  await page.waitForFunction(() =>
    /Invia il rendiconto/.test(document.querySelector('#submit-button')?.textContent ?? ''),
  );
  await page.waitForFunction(() => !(document.querySelector('#submit-button') as HTMLButtonElement).disabled);
  return page;
}

const seededName = (row: number) =>
  String(demoSeededKoalaRows(TODAY).find((r) => r.sheet === 'Personale' && r.row === row)?.name);

async function submitAndRead(page: Page): Promise<any> {
  const response = page.waitForResponse((r) => r.url().endsWith('/submissions') && r.request().method() === 'POST');
  await page.click('#submit-button');
  const answer = await (await response).json();
  await page.waitForSelector('#submit-result .answer');
  return answer;
}

it('submits the same workbook twice from two page loads without changing anything; one edited cell changes one row', async () => {
  const rows = demoSeededKoalaRows(TODAY).length;
  const first = await paneWithWorkbook();
  const v1 = await submitAndRead(first);
  expect(v1.version).toBe(1);
  expect(v1.rejected).toEqual([]);
  expect(v1.changes).toEqual({ added: rows, changed: 0, removed: 0, unchanged: 0 });
  expect(await first.textContent('#submit-result .answer')).toBe(
    `Versione 1 registrata: ${rows} righe accettate, 0 righe respinte.`,
  );

  // A document on the first personnel row (Personale, riga 2), selected in the grid preview.
  await first.click('#grid td[data-address="B2"]');
  await first.setInputFiles('#doc-file', {
    name: 'cedolino.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
  });
  await first.selectOption('#doc-kind', 'cedolino');
  const uploaded = first.waitForResponse((r) => r.url().includes('/documents/') && r.request().method() === 'PUT');
  await first.click('#documents button');
  const document = await (await uploaded).json();
  expect(await first.textContent('#doc-status')).toBe(
    'Documento «cedolino.pdf» (cedolino) caricato per Personale, riga 2.',
  );
  const v1Rows = (await api.call('GET', `${BASE}/submissions/${v1.submissionId}`, { token })).body.rows;
  const personnel = v1Rows.find((r: any) => r.sheet === 'Personale' && r.row === 2);
  expect(document.rowId).toBe(personnel.rowId);
  await first.close();

  const second = await paneWithWorkbook();
  // The pane matched the rows to the report before sending: no R24, no fresh ids.
  const v2 = await submitAndRead(second);
  expect(v2.version).toBe(2);
  expect(v2.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: rows });
  expect(v2.changedRows).toEqual([]);
  expect(v2.rowIds.slice().sort()).toEqual(v1.rowIds.slice().sort());
  expect(await second.textContent('#submit-result .changes')).toBe(
    `Nessuna modifica rispetto alla versione precedente (${rows} righe invariate).`,
  );
  // The document still hangs on a row of the report, the same one.
  const v2Rows = (await api.call('GET', `${BASE}/submissions/${v2.submissionId}`, { token })).body.rows;
  const same = v2Rows.find((r: any) => r.rowId === document.rowId);
  expect(same).toMatchObject({ sheet: 'Personale', row: 2, taxCode: personnel.taxCode });
  const meta = await api.call('GET', `${BASE}/documents/${document.docId}`, { token });
  expect(meta.status).toBe(200);

  // One cell edited (a name, Personale riga 3): exactly that row changes, under its id, and the
  // pane says where it was; put back, the same row changes back.
  const rename = async (name: string) => {
    await second.click('#grid td[data-address="A3"]');
    await second.fill('#cell-input', name);
    await second.press('#cell-input', 'Enter');
    return submitAndRead(second);
  };
  const original = seededName(3);
  const edited = await rename('Operatore Demo rinominato');
  expect(edited.changes).toEqual({ added: 0, changed: 1, removed: 0, unchanged: rows - 1 });
  expect(await second.textContent('#submit-result .changed-rows li')).toBe(
    'Modificataera Personale, riga 3 (data 01/10/2026)',
  );
  expect((await rename(original)).changes).toEqual({ added: 0, changed: 1, removed: 0, unchanged: rows - 1 });
  await second.close();
});

it('after the window locks, keeps a row missing from the file and says so as a warning', async () => {
  // W3 2026 locked on 31 January 2027; the same file without its last goods row (Beni, riga 7).
  const LATER = '2027-02-02';
  setClock(() => new Date(`${LATER}T09:00:00Z`));
  const seeded = demoSeededKoalaRows(TODAY);
  const missing = seeded.find((r) => r.sheet === 'Beni di consumo' && r.row === 7)!;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resubmission-'));
  const file = await writeDemoWorkbook(
    dir,
    TODAY,
    seeded.filter((r) => r !== missing),
    { planted: false },
  );
  const page = await browser.newPage({ viewport: { width: 420, height: 1100 } });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${pane.url}/taskpane.html?today=${LATER}&token=${encodeURIComponent(token)}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.selectOption('#year', '2026');
  await dropFile(page, 'rendiconto-koala-P1-2026.xlsx', new Uint8Array(fs.readFileSync(file)));
  // Matched to the report: the locked rows in the file are not retroactive, nothing will be rejected.
  await page.waitForFunction(
    (n) => document.querySelector('#submit-intro')?.textContent === `${n} righe da inviare.`,
    seeded.length - 1,
  );
  const answer = await submitAndRead(page);
  expect(answer.rejected).toEqual([]);
  expect(answer.carriedOverRows).toEqual([
    expect.objectContaining({
      reason: 'removed',
      window: 'W3',
      previous: { sheet: 'Beni di consumo', row: 7, date: missing.invoiceDate },
    }),
  ]);
  expect(answer.changes).toEqual({ added: 0, changed: 0, removed: 0, unchanged: seeded.length });
  expect(await page.getAttribute('#submit-result .answer', 'data-outcome')).toBe('partial');
  expect(await page.$$('#submit-result li[data-status="rejected"]')).toHaveLength(0);
  const [y, m, d] = String(missing.invoiceDate).split('-');
  expect(await page.textContent('#submit-result li[data-status="kept"]')).toBe(
    `MantenutaBeni di consumo, riga 7 (data ${d}/${m}/${y}): non è nel file, ma la finestra W3 è chiusa dal 31/01/2027; resta com’era nella versione precedente.`,
  );
  await screenshot(page, 'resubmission-kept-row');
  await page.close();
});
