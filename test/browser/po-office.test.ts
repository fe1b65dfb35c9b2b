// The PO pane in Office mode: the built pane runs in Chromium with a stand-in for Office.js
// (po-fake-excel.ts), so the real `Riconciliazione` writer writes into a recorded workbook. The
// sheet's figures must equal the API's answer, partner text must arrive as text, the chart must be
// one clustered column chart, and the whole write must take a bounded number of syncs.
import fs from 'node:fs';
import path from 'node:path';
import Decimal from 'decimal.js';
import type { Browser, Page } from 'playwright-core';
import { reconciliationLayout, RECONCILIATION_SHEET } from '../../shared/reconciliation/sheet-layout';
import type { ReconciliationAnswer } from '../../shared/reconciliation/reconciliation-answer';
import { startsLikeFormula } from '../../shared/reconciliation/text-safety';
import { BASE } from '../integration/harness';
import { ARTIFACTS, launch } from './browser';
import { installFakeExcel, type FakeExcelState } from './po-fake-excel';
import { HOSTILE_ROW_ID, paneDirectory, startPoScenario, type PoScenario } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(240_000);

let scenario: PoScenario;
let pane: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  scenario = await startPoScenario();
  // The PO does not admit the partner's row whose id looks like a formula (S6).
  const review = await scenario.api.call('POST', `${BASE}/reviews`, {
    token: scenario.poToken,
    json: {
      submissionId: scenario.koalaSubmission,
      rowId: HOSTILE_ROW_ID,
      decision: 'non_ammesso',
      reason: 'Spesa non pertinente',
    },
  });
  expect(review.status).toBe(201);
  pane = await startStaticServer(await paneDirectory(), scenario.api.url);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 420, height: 900 } });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.addInitScript(installFakeExcel);
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await scenario?.close();
});

const fake = (): Promise<FakeExcelState> =>
  page.evaluate(() => (window as unknown as { __fakeExcel: FakeExcelState }).__fakeExcel);

describe('PO mode inside Excel (Office.js stand-in)', () => {
  it('writes the Riconciliazione sheet with the API’s figures, text-safe, in at most 3 syncs', async () => {
    await page.goto(`${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(scenario.poToken)}`);
    await page.waitForSelector('[data-mode="po"]');
    expect(await page.textContent('#mode-badge')).toBe('PO · In Excel');
    // Inside Excel the sheet is the export: no download buttons.
    expect(await page.getByRole('button', { name: /^Scarica/ }).count()).toBe(0);
    await page.getByRole('tab', { name: 'Riconciliazione' }).click();
    await page.getByRole('button', { name: 'Aggiorna riconciliazione' }).click();
    const outcome = page.locator('.po-reconciliation .po-status-success, .po-reconciliation .po-status-error');
    await outcome.waitFor();
    expect(await outcome.textContent()).toContain('Foglio «Riconciliazione» aggiornato');

    const state = await fake();
    expect(state.runs).toBe(1);
    expect(state.syncs).toBeLessThanOrEqual(3);
    const sheet = state.sheets.find((s) => s.name === RECONCILIATION_SHEET && !s.deleted)!;
    expect(sheet.active).toBe(true);
    expect(sheet.assignments).toEqual(['numberFormat', 'values']);

    const answer = (await scenario.api.call('GET', `${BASE}/reconciliation?year=2026`, { token: scenario.poToken }))
      .body as ReconciliationAnswer;
    const layout = reconciliationLayout(answer);
    for (const f of layout.figures) {
      const value = sheet.values[`${f.row}:${f.col}`];
      expect(typeof value).toBe('number');
      const wire =
        f.kind === 'percent' ? new Decimal(String(value)).times(100).toFixed(2) : new Decimal(String(value)).toFixed(2);
      expect(wire).toBe(f.wire);
    }
    const p1 = answer.programmes.find((p) => p.programme === 'P1')!;
    const s6 = p1.excluded.find((e) => e.reason === 'S6')!;
    expect(s6.rowIds.some((id) => id.endsWith(HOSTILE_ROW_ID))).toBe(true);

    // Every string reaches Excel Text-formatted, and none would start a formula.
    let hostile = 0;
    for (const [cell, value] of Object.entries(sheet.values)) {
      if (typeof value !== 'string' || value === '') continue;
      expect(sheet.formats[cell]).toBe('@');
      expect(startsLikeFormula(value)).toBe(false);
      if (value.includes(HOSTILE_ROW_ID)) hostile += 1;
    }
    expect(hostile).toBe(1);

    expect(sheet.chartsAdded).toHaveLength(1);
    expect(sheet.chartsAdded[0]).toMatchObject({
      type: 'ColumnClustered',
      seriesBy: 'Columns',
      source: [layout.chart!.source.row, 0, 3, 4],
    });

    // A picture of what the sheet holds, drawn from the recorded cells.
    const rows = Array.from(
      { length: layout.rows },
      (_, r) =>
        `<tr>${Array.from({ length: layout.columns }, (_, c) => {
          const v = sheet.values[`${r}:${c}`];
          const text =
            typeof v === 'number' ? v.toLocaleString('it-IT', { minimumFractionDigits: 2 }) : String(v ?? '');
          return `<td${sheet.bold.includes(r) ? ' style="font-weight:600"' : ''}>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</td>`;
        }).join('')}</tr>`,
    ).join('');
    const view = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await view.setContent(
      `<style>body{font:13px Calibri,sans-serif}td{border:1px solid #ddd;padding:2px 6px;white-space:nowrap}</style><h3>Foglio «Riconciliazione» scritto dal componente</h3><table>${rows}</table>`,
    );
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await view.screenshot({ path: path.join(ARTIFACTS, 'po-office-sheet.png'), fullPage: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'po-office-pane.png'), fullPage: false });
    await view.close();
  });

  it('rewrites the sheet on the next refresh instead of adding a second one', async () => {
    await page.getByRole('button', { name: 'Aggiorna riconciliazione' }).click();
    await page.waitForFunction(() => (window as unknown as { __fakeExcel: FakeExcelState }).__fakeExcel.runs === 2);
    const state = await fake();
    expect(state.sheets.filter((s) => s.name === RECONCILIATION_SHEET && !s.deleted)).toHaveLength(1);
    expect(state.sheets.filter((s) => s.name === RECONCILIATION_SHEET && s.deleted)).toHaveLength(1);
    expect(state.syncs).toBeLessThanOrEqual(6);
  });
});
