// The built task pane in headless Chromium, in file mode (no Office): a dropped partner workbook
// shows its planted findings, a finding selects its cell, fixing the cell clears it, and the
// report is submitted to the real API (dev host + Azurite) with per-row outcomes.
import type { Browser, Page, Request } from 'playwright-core';
import { dropFile, launch, listedFindings, openPane, screenshot } from './browser';
import { GOODS_SHEET, PLANTED, partnerWorkbook } from './workbook-fixture';

const TODAY = '2026-11-20';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

jest.setTimeout(60_000);

async function paneWithWorkbook(query = ''): Promise<Page> {
  const page = await openPane(browser, `?today=${TODAY}${query}`);
  expect(await page.textContent('#mode-badge')).toBe('File nel browser');
  await dropFile(page, 'rendiconto-koala.xlsx', await partnerWorkbook());
  await page.waitForSelector('#findings li.finding');
  return page;
}

describe('task pane in a plain browser (file mode)', () => {
  it('shows the planted findings of a workbook with renamed and reordered headers', async () => {
    const page = await paneWithWorkbook();
    const rowFindings = (await listedFindings(page)).filter((f) => f.includes('!'));
    expect(rowFindings.sort()).toEqual(
      Object.entries(PLANTED)
        .map(([code, cell]) => `${code} ${cell}`)
        .sort(),
    );
    expect(await page.textContent('#summary')).toContain('4 errori');
    // The mapping view shows both tables and the column it did not recognise.
    expect(await page.textContent(`[data-sheet="${GOODS_SHEET}"] h3`)).toBe(`${GOODS_SHEET} — Beni di consumo`);
    expect(await page.textContent(`[data-sheet="${GOODS_SHEET}"] .unmatched`)).toContain('H «Note interne»');
    await screenshot(page, 'pane-findings');
    await page.close();
  });

  it('selects the cell of a clicked finding, by mouse and by keyboard', async () => {
    const page = await paneWithWorkbook();
    await page.click('#findings li[data-code="R09"]');
    expect(await page.textContent('#cell-name')).toBe(PLANTED.R09);
    expect(await page.getAttribute('#grid td.selected', 'data-address')).toBe('B3');

    await page.focus('#findings li[data-code="R02"]');
    await page.keyboard.press('Enter');
    expect(await page.textContent('#cell-name')).toBe(PLANTED.R02);
    expect(await page.getAttribute('#grid td.selected', 'data-address')).toBe('F4');
    await screenshot(page, 'pane-selected-cell');

    // The preview grid moves with the arrow keys; Enter goes to the cell's value.
    await page.focus('#grid table');
    await page.keyboard.press('ArrowDown');
    expect(await page.textContent('#cell-name')).toBe(`${GOODS_SHEET}!F5`);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('cell-input');
    await page.close();
  });

  it('clears a finding when the cell is fixed', async () => {
    const page = await paneWithWorkbook();
    await page.click('#findings li[data-code="R09"]');
    await page.fill('#cell-input', '01234567897');
    await page.press('#cell-input', 'Enter');
    await page.waitForFunction(() => !document.querySelector('#findings li[data-code="R09"]'));
    const remaining = (await listedFindings(page)).filter((f) => f.includes('!'));
    expect(remaining.sort()).toEqual([`R02 ${PLANTED.R02}`, `R05 ${PLANTED.R05}`, `R10 ${PLANTED.R10}`]);
    // The status column the pane keeps for the row now says OK.
    expect(await page.textContent('#grid td[data-address="O3"]')).toBe('OK');
    await page.close();
  });

  it('submits to the API and shows which rows were accepted and rejected', async () => {
    const page = await paneWithWorkbook(`&token=${process.env.RENDICONTA_PARTNER_TOKEN}`);
    const keys: string[] = [];
    page.on('request', (request: Request) => {
      // The pane also reads the report's last version (GET): count the submissions sent.
      if (request.url().includes('/submissions') && request.method() === 'POST')
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    expect(await page.inputValue('#partner')).toBe('koala');
    await page.click('#submit-button');
    await page.waitForSelector('#submit-result .answer');
    expect(await page.textContent('#submit-result .answer')).toBe(
      'Versione 1 registrata: 2 righe accettate, 4 righe respinte.',
    );
    const statuses = await page.$$eval('#submit-result li[data-status]', (items) =>
      items.map((li) => `${li.querySelector('.where')?.textContent} ${li.getAttribute('data-status')}`),
    );
    expect(statuses.sort()).toEqual([
      `${GOODS_SHEET}, riga 2 accepted`,
      `${GOODS_SHEET}, riga 3 rejected`,
      `${GOODS_SHEET}, riga 4 rejected`,
      `${GOODS_SHEET}, riga 5 rejected`,
      'Personale, riga 2 accepted',
      'Personale, riga 3 rejected',
    ]);
    expect(keys).toHaveLength(1);
    await screenshot(page, 'pane-submitted');
    await page.close();
  });

  it('attaches a document to the row of the selected finding', async () => {
    const page = await paneWithWorkbook(`&token=${process.env.RENDICONTA_PARTNER_TOKEN}`);
    await page.click('#findings li[data-code="R10"]');
    await page.setInputFiles('#doc-file', {
      name: 'fattura F-104.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n'),
    });
    await page.selectOption('#doc-kind', 'fattura');
    await page.click('#documents button');
    await page.waitForFunction(() => /caricato/.test(document.querySelector('#doc-status')?.textContent ?? ''));
    expect(await page.textContent('#doc-status')).toBe(
      `Documento «fattura F-104.pdf» (fattura) caricato per ${GOODS_SHEET}, riga 5.`,
    );
    await page.close();
  });

  it('keeps a submission in the outbox while the API is unreachable and retries it with the same key', async () => {
    const page = await paneWithWorkbook(`&token=${process.env.RENDICONTA_PARTNER_TOKEN}`);
    const keys: string[] = [];
    page.on('request', (request: Request) => {
      // The pane also reads the report's last version (GET): count the submissions sent.
      if (request.url().includes('/submissions') && request.method() === 'POST')
        keys.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.route('**/api/agreements/*/submissions', (route) => route.abort('internetdisconnected'));
    await page.click('#submit-button');
    await page.waitForSelector('#outbox button');
    expect(await page.textContent('#outbox')).toContain('1 invio in attesa');
    await screenshot(page, 'pane-outbox');

    await page.unroute('**/api/agreements/*/submissions');
    await page.click('#outbox button');
    await page.waitForSelector('#submit-result .answer');
    expect(await page.textContent('#submit-result .answer')).toMatch(/^Versione \d+ registrata/);
    expect(await page.textContent('#outbox')).toBe('');
    expect(keys.length).toBe(2);
    expect(new Set(keys).size).toBe(1);
    await page.close();
  });
});
