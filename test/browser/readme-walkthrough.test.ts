// README's demo walkthrough, run as written: the demo seeded as `npm start` seeds it, its
// workbook dropped on the pane with the partner token, submitted, the three named cells fixed,
// submitted again, then the PO's mid-year reconciliation. Every outcome README states is checked
// here word for word, so README cannot drift from what the product does.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seedDemo } from '../../scripts/seed-demo';
import { writeDemoWorkbook } from '../../scripts/demo-workbook';
import { setClock, startTestApi, type TestApi } from '../integration/harness';
import { dropFile, launch, listedFindings, screenshot } from './browser';
import { ensureStorage, paneDirectory } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';
import type { AzuriteInstance } from '../../scripts/azurite-process';
import { ROOT } from './build-pane';

jest.setTimeout(180_000);

const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const SEEDED_ON = new Date('2026-10-12T08:00:00Z'); // the first `npm start`: W3 open
const TODAY = '2026-11-20';

let azurite: AzuriteInstance | null;
let api: TestApi;
let pane: StaticServer;
let browser: Browser;
let page: Page;
let workbook: Uint8Array;

beforeAll(async () => {
  azurite = await ensureStorage();
  api = await startTestApi();
  const demo = await seedDemo(api.deps, SEEDED_ON);
  expect(demo.seeded.every((s) => s.rejected === 0)).toBe(true);
  setClock(() => new Date(`${TODAY}T09:00:00Z`));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'walkthrough-'));
  workbook = new Uint8Array(fs.readFileSync(await writeDemoWorkbook(dir, TODAY, demo.koalaRows)));
  pane = await startStaticServer(await paneDirectory(), api.url);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await api?.close();
  await azurite?.stop();
});

/** A sentence README states (quotes «…» included), checked to be in README before the pane. */
function stated(text: string): string {
  expect(README).toContain(text);
  return text;
}

async function open(token: string): Promise<Page> {
  const p = await browser.newPage({ viewport: { width: 480, height: 1100 } });
  await p.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await p.goto(`${pane.url}/taskpane.html?today=${TODAY}&token=${encodeURIComponent(token)}`);
  await p.waitForSelector('body[data-ready="true"]');
  return p;
}

const errors = async (p: Page) => (await listedFindings(p)).filter((f) => f.includes('!')).sort();

async function submit(p: Page, version: number): Promise<void> {
  await p.click('#submit-button');
  await p.waitForFunction(
    (v) => document.querySelector('#submit-result .answer')?.textContent?.startsWith(`Versione ${v} `) ?? false,
    version,
  );
}

async function fix(p: Page, code: string, value: string): Promise<void> {
  await p.click(`#findings li[data-code="${code}"]`);
  await p.fill('#cell-input', value);
  await p.press('#cell-input', 'Enter');
  await p.waitForFunction((c) => !document.querySelector(`#findings li[data-code="${c}"]`), code);
}

describe('README demo walkthrough', () => {
  it('step 2: the dropped demo workbook lists exactly R02, R10 and R05', async () => {
    page = await open(await api.partner('koala'));
    await dropFile(page, 'rendiconto-koala-P1-2026.xlsx', workbook);
    await page.waitForSelector('#findings li[data-code="R05"]');
    // The tables README names, and the three errors at the cells it names.
    for (const sheet of ['Personale', 'Beni di consumo', 'Servizi', 'Spese generali', 'Cofinanziamento'])
      expect(await page.$(`[data-sheet="${stated(sheet)}"]`)).not.toBeNull();
    expect(await errors(page)).toEqual([
      `R02 ${stated('Beni di consumo!J8')}`,
      `R05 ${stated('Personale!N6')}`,
      `R10 ${stated('Beni di consumo!L9')}`,
    ]);
    const others = (await listedFindings(page)).filter((f) => !f.includes('!'));
    expect(others).toEqual(['R23']);
    expect(await page.textContent('#summary')).toContain('3 errori');
  });

  it('step 3: the first submission accepts the 12 seeded rows and rejects the 3 planted ones', async () => {
    await submit(page, 2);
    expect(await page.textContent('#submit-result .answer')).toBe(
      stated('Versione 2 registrata: 12 righe accettate, 3 righe respinte.'),
    );
    expect(await page.textContent('#submit-result .changes')).toBe(
      stated('Nessuna modifica rispetto alla versione precedente (12 righe invariate).'),
    );
    expect(await page.getAttribute('#submit-result .answer', 'data-outcome')).toBe('partial');
    const rejected = await page.$$eval('#submit-result li[data-status="rejected"]', (items) =>
      items.map(
        (li) => `${li.querySelector('.where')?.textContent} ${li.querySelector('.message')?.textContent?.slice(0, 3)}`,
      ),
    );
    expect(rejected.sort()).toEqual([
      'Beni di consumo, riga 8 R02',
      'Beni di consumo, riga 9 R10',
      'Personale, riga 6 R05',
    ]);
    expect(README).toContain('`Beni di consumo, riga 8`, `riga 9`, `Personale, riga 6`');
    expect(await page.$('#submit-result .carried-over')).toBeNull();
    await screenshot(page, 'walkthrough-first-submission');
  });

  it('step 4: fixing the three named cells clears every error', async () => {
    await fix(page, 'R02', stated('`J8` → `122,00`').match(/`(\d+,\d+)`/)![1]);
    await fix(page, 'R10', stated('`L9` → `bonifico`').match(/→ `(\w+)`/)![1]);
    await fix(page, 'R05', stated('`N6` → `390,00`').match(/→ `(\d+,\d+)`/)![1]);
    expect(await errors(page)).toEqual([]);
  });

  it('step 5: the second submission adds the three rows and changes nothing else', async () => {
    await submit(page, 3);
    expect(await page.textContent('#submit-result .answer')).toBe(
      stated('Versione 3 registrata: 15 righe accettate, 0 righe respinte.'),
    );
    expect(await page.textContent('#submit-result .changes')).toBe(
      stated('Rispetto alla versione precedente: 3 righe aggiunte, 0 modificate, 0 eliminate, 12 invariate.'),
    );
    expect(await page.getAttribute('#submit-result .answer', 'data-outcome')).toBe('ok');
    await screenshot(page, 'walkthrough-second-submission');
    await page.close();
  });

  it('step 6: the PO’s reconciliation during the year shows figures to date and a labelled projection', async () => {
    const po = await open(await api.po('P1', 'P2'));
    await po.waitForSelector('[data-mode="po"]');
    await po.getByRole('tab', { name: 'Riconciliazione' }).click();
    await po.getByRole('button', { name: 'Aggiorna riconciliazione' }).click();
    await po.waitForSelector('[data-testid="reconciliation-table"]');
    const labels = await po.$$eval('[data-testid="reconciliation-table"] tr', (rows) =>
      rows.map((r) => r.querySelector('th, td')?.textContent ?? ''),
    );
    const recover = stated('«Da recuperare (solo a chiusura dell’anno)» at 0,00').match(/«(.+)»/)![1];
    expect(labels).toContain(recover);
    const amounts = await po.$$eval(
      '[data-testid="reconciliation-table"] tr',
      (rows, label) =>
        rows
          .filter((r) => (r.querySelector('th, td')?.textContent ?? '') === label)
          .map((r) => r.querySelectorAll('th, td')[1]?.textContent?.trim() ?? ''),
      recover,
    );
    expect(amounts.length).toBeGreaterThan(0);
    for (const amount of amounts) expect(amount).toMatch(/^0,00/);
    expect(labels).not.toContain('Da recuperare');
    const projection = labels.filter((l) => l.startsWith(stated('Proiezione a fine anno')));
    expect(projection.length).toBeGreaterThanOrEqual(4);
    await screenshot(po, 'walkthrough-reconciliation');
    await po.close();
  });
});
