// PO flow in headless Chromium against the real route table: a PO token opens the pane in PO
// mode, draws the 2026-H1 sample of P1, records a non-admission, sees the partner's observation
// (formula-looking text shown as text), refreshes the reconciliation and checks every figure of
// the pane's `Riconciliazione` table, and of the downloaded workbook, against the API's answer.
import '../../scripts/quiet-registration';
import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { BASE, type TestApi } from '../integration/harness';
import { reconciliationLayout } from '../../shared/reconciliation/sheet-layout';
import type { ReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer';
import { ARTIFACTS, launch } from './browser';
import { paneDirectory, startPoScenario, type PoScenario } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(240_000);

const SEED = 'estrazione lotto 2026-10-01';
const OBSERVATION = '=HYPERLINK("http://evil.example","clic") allegate le buste paga';

let scenario: PoScenario;
let api: TestApi;
let pane: StaticServer;
let browser: Browser;
let page: Page;
let poToken: string;
let koalaSubmission: string;

/** Italian display ("1.234,56 €", "12,94 %") → the API's wire form ("1234.56", "12.94"). */
function wireFromDisplay(text: string): string {
  return new Decimal(
    text
      .replace(/[%€\s]/g, '')
      .replace(/\./g, '')
      .replace(',', '.'),
  ).toFixed(2);
}

async function shot(name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage });
}

beforeAll(async () => {
  scenario = await startPoScenario();
  ({ api, poToken, koalaSubmission } = scenario);
  pane = await startStaticServer(await paneDirectory(), api.url);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 480, height: 900 }, acceptDownloads: true });
  // No network in tests: office.js from the CDN is refused at once, so the pane starts in file mode.
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await scenario?.close();
});

describe('PO mode of the task pane', () => {
  it('opens in PO mode from the token, with the PO’s programmes', async () => {
    await page.goto(`${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(poToken)}`);
    await page.waitForSelector('[data-mode="po"]');
    expect(await page.locator('[data-mode="po"] h2').first().textContent()).toBe('Verifica della PO');
    const programmes = await page.locator('select').first().locator('option').allTextContents();
    expect(programmes.map((p) => p.slice(0, 2))).toEqual(['P1', 'P4']);
    expect(await page.locator('select').nth(1).inputValue()).toBe('2026-H1');
    // The token left the address bar at once (kept for the session only).
    expect(page.url()).not.toContain('token=');
  });

  it('draws the sample with a seed and shows what the API recorded', async () => {
    await page.getByRole('button', { name: 'Estrai il campione' }).waitFor();
    await page.getByLabel('Seme (facoltativo)').fill(SEED);
    await page.getByRole('button', { name: 'Estrai il campione' }).click();
    await page.waitForSelector('[data-testid="sample-list"]');
    const answer = await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: poToken });
    expect(answer.status).toBe(200);
    const facts = await page.locator('[data-testid="sample-facts"]').innerText();
    expect(facts).toContain(SEED);
    expect(facts).toContain(answer.body.populationHash);
    expect(facts).toContain(`${answer.body.population} persone`);
    const rows = page.locator('[data-testid="sample-list"] > li');
    expect(await rows.count()).toBe(answer.body.n);
    expect(answer.body.n).toBe(2); // ceil(10% × 20)
    const first = answer.body.selected[0];
    expect(await rows.first().getAttribute('data-person')).toBe(first.personId);
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('Campione estratto');
    await shot('po-sample-drawn.png');
  });

  it('records a non-admission from the keyboard and shows the partner’s observation as text', async () => {
    const sample = (await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: poToken })).body;
    const person = sample.selected[0];
    await page.getByRole('button', { name: `Registra esito per ${person.personId}` }).click();
    // Focus starts on the first choice; arrows move between the radio buttons.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Non ammesso', { exact: true }).isChecked()).toBe(true);
    const form = page.getByRole('form', { name: `Esito per ${person.personId}` });
    await form.getByRole('button', { name: 'Registra esito', exact: true }).click();
    await expect(form.getByRole('alert').first().textContent()).resolves.toContain('motivazione');
    await form.getByLabel('Motivazione').fill('Buste paga di maggio mancanti');
    await form.getByLabel('Motivazione').press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText(`Esito registrato per ${person.personId}`).waitFor();

    const after = (await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: poToken })).body;
    expect(after.selected[0]).toMatchObject({
      status: 'non_ammesso',
      reason: 'Buste paga di maggio mancanti',
      final: false,
    });
    const row = page.locator(`li[data-person="${person.personId}"]`);
    expect(await row.locator('[data-testid="outcome"]').innerText()).toContain('Non ammesso');

    // The partner concerned answers within the contradictory step.
    const partner = (person.rowIds[0] as string).split('/')[0];
    const obs = await api.call('POST', `${BASE}/samples/P1/2026-H1/outcomes/${person.rank}`, {
      token: await api.partner(partner),
      json: { observations: OBSERVATION },
    });
    expect(obs.status).toBe(201);
    await page.locator('select').nth(1).selectOption('2026-H2');
    await page.locator('select').nth(1).selectOption('2026-H1');
    await page.locator(`li[data-person="${person.personId}"] .po-observation`).waitFor();
    expect(
      await page.locator(`li[data-person="${person.personId}"] [data-testid="observations"]`).innerText(),
    ).toContain(OBSERVATION);
    await shot('po-outcome-recorded.png');
  });

  it('does not admit a single row (S6) with a reason', async () => {
    await page.getByRole('tab', { name: 'Campione' }).focus();
    await page.keyboard.press('ArrowRight');
    const form = page.getByRole('form', { name: /Non ammissione di una singola riga/ });
    // The PO's submissions are suggested, then the rows of the one chosen (ids only, no names).
    await form.getByLabel('ID invio').focus();
    await page.waitForSelector(`datalist option[value="${koalaSubmission}"]`, { state: 'attached' });
    expect(await page.locator(`datalist option[value="${koalaSubmission}"]`).textContent()).toBe(
      'koala · P1 · 2026 · versione 1, 16 righe',
    );
    await form.getByLabel('ID invio').fill(koalaSubmission);
    await form.getByLabel('ID riga').focus();
    await page.waitForSelector('datalist option[value="b-1"]', { state: 'attached' });
    expect(await page.locator('datalist option[value="b-1"]').textContent()).toMatch(/^BENI \d{1,3}(\.\d{3})*,\d{2} €/);
    await form.getByLabel('ID riga').fill('b-1');
    await form.getByRole('button', { name: 'Non ammettere la riga' }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('motivazione');
    await form.getByLabel('Motivazione').fill('Acquisto non pertinente alle azioni del programma');
    await form.getByRole('button', { name: 'Non ammettere la riga' }).click();
    await form.getByText('Riga b-1 non ammessa').waitFor();
    await shot('po-review.png', false);
  });

  it('refreshes the reconciliation: every figure in the pane equals the API’s', async () => {
    await page.getByRole('tab', { name: 'Non ammissioni' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Riconciliazione' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('button', { name: 'Aggiorna riconciliazione' }).click();
    await page.waitForSelector('[data-testid="reconciliation-table"]');

    const answer = (await api.call('GET', `${BASE}/reconciliation?year=2026`, { token: poToken }))
      .body as ReconciliationAnswer;
    expect(answer.programmes.map((p) => p.programme)).toEqual(['P1', 'P4']);
    const layout = reconciliationLayout(answer);
    const cells = await page.$$eval('[data-figure-key]', (els) =>
      els.map((e) => ({
        key: e.getAttribute('data-figure-key') as string,
        cell: e.getAttribute('data-cell') as string,
        text: e.textContent ?? '',
      })),
    );
    expect(cells.length).toBe(layout.figures.length);
    for (const figure of layout.figures) {
      const shown = cells.find((c) => c.cell === `${figure.row}:${figure.col}`);
      expect(shown?.key).toBe(figure.key);
      expect(wireFromDisplay(shown!.text)).toBe(figure.wire);
    }
    // The figures the issue names, straight from the answer.
    const p1 = answer.programmes[0];
    const byKey = (key: string) => wireFromDisplay(cells.filter((c) => c.key === key).pop()!.text);
    expect(byKey('P1.budget.municipal')).toBe(p1.budget.municipal);
    expect(byKey('P1.admitted.total')).toBe(p1.admitted.total);
    expect(byKey('P1.contribution.due')).toBe(p1.contribution.due);
    expect(byKey('P1.tranches.first')).toBe(p1.tranches.first);
    expect(byKey('ats.due')).toBe(answer.ats?.due);
    // The S6 decision is an exclusion of its own, with the row behind it.
    const s6 = p1.excluded.findIndex((e) => e.reason === 'S6');
    expect(s6).toBeGreaterThanOrEqual(0);
    expect(p1.excluded[s6].rowIds.join(' ')).toContain('b-1');
    expect(await page.getByText(/Escluso: S6/).count()).toBe(1);
    // The calculation trail sits next to the figure.
    const due = layout.figures.filter((f) => f.key === 'P1.contribution.due').pop()!;
    expect(await page.locator(`[data-cell="${due.row}:2"]`).innerText()).toMatch(/^C4 · D = /);
    await shot('po-reconciliation.png');
    await shot('po-reconciliation-top.png', false);
  });

  it('downloads the same reconciliation as a workbook with the figures of the API', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scarica Excel' }).click(),
    ]);
    const target = path.join(ARTIFACTS, 'po-riconciliazione.xlsx');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await download.saveAs(target);
    const answer = (await api.call('GET', `${BASE}/reconciliation?year=2026`, { token: poToken }))
      .body as ReconciliationAnswer;
    const layout = reconciliationLayout(answer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.getWorksheet('Riconciliazione')!;
    for (const f of layout.figures) {
      const v = sheet.getCell(f.row + 1, f.col + 1).value;
      const wire =
        f.kind === 'percent' ? new Decimal(String(v)).times(100).toFixed(2) : new Decimal(String(v)).toFixed(2);
      expect(wire).toBe(f.wire);
    }
  });
});
