// Partner side of the semester sample in headless Chromium: after the PO draws 2026-H1 of P1, the
// partner's pane lists only the requests addressed to it, with deadlines; after a non-admission
// the partner sends observations from the pane and the API records them.
import '../../scripts/quiet-registration';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BASE, type TestApi } from '../integration/harness';
import { ARTIFACTS, launch } from './browser';
import { paneDirectory, startPoScenario, type PoScenario } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(240_000);

const OBSERVATION = 'Le buste paga di maggio sono allegate alla PEC del 5 ottobre';

let scenario: PoScenario;
let api: TestApi;
let pane: StaticServer;
let browser: Browser;
let page: Page;
let partner: string;
let partnerToken: string;
let sample: {
  selected: { rank: number; personId: string; requestDeadline: string; rowIds: string[] }[];
};

const ownerOf = (rowIds: string[]) => rowIds[0].split('/')[0];

async function openAsPartner(): Promise<void> {
  await page.goto(`${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(partnerToken)}`);
  await page.waitForSelector('[data-semester="2026-H1"] li[data-person], [data-semester="2026-H1"] .error-text');
}

beforeAll(async () => {
  scenario = await startPoScenario();
  api = scenario.api;
  const drawn = await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, {
    token: scenario.poToken,
    json: { seed: 'richieste ai partner' },
  });
  expect(drawn.status).toBe(201);
  sample = (await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: scenario.poToken })).body;
  partner = ownerOf(sample.selected[0].rowIds);
  partnerToken = await api.partner(partner);
  pane = await startStaticServer(await paneDirectory(), api.url);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 480, height: 900 } });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await scenario?.close();
});

describe('documentation requests in the partner pane', () => {
  it('lists only the partner’s persons with their deadlines, and no H2 sample yet', async () => {
    await openAsPartner();
    const mine = sample.selected.filter((p) => ownerOf(p.rowIds) === partner);
    const items = page.locator('[data-semester="2026-H1"] li[data-person]');
    expect(await items.count()).toBe(mine.length);
    for (const person of mine) {
      const item = page.locator(`li[data-person="${person.personId}"]`);
      const [y, m, d] = person.requestDeadline.split('-');
      expect(await item.locator('[data-testid="deadline"]').innerText()).toBe(`Scadenza: ${d}/${m}/${y}`);
      expect(await item.locator('[data-testid="request-status"]').innerText()).toBe('Stato: Documentazione richiesta');
    }
    expect(await page.locator('[data-semester="2026-H2"]').innerText()).toContain('Nessun campione estratto');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('section[aria-labelledby="requests-title"]').screenshot({
      path: path.join(ARTIFACTS, 'partner-requests.png'),
    });
  });

  it('uploads a document for a request with the chosen kind', async () => {
    const person = sample.selected[0];
    const item = page.locator(`li[data-person="${person.personId}"]`);
    await item.getByLabel('Scegli un file…').setInputFiles({
      name: 'cedolino-maggio.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n'),
    });
    await item.getByLabel('Tipo di documento').selectOption('cedolino');
    await item.getByRole('button', { name: 'Invia documenti' }).click();
    await item.getByText('Documento «cedolino-maggio.pdf» (cedolino) inviato.').waitFor();
  });

  it('sends observations after a non-admission, and the API records them', async () => {
    const person = sample.selected[0];
    const decided = await api.call('POST', `${BASE}/samples/P1/2026-H1/outcomes/${person.rank}`, {
      token: scenario.poToken,
      json: { outcome: 'non_ammesso', reason: 'Buste paga di maggio mancanti' },
    });
    expect(decided.status).toBe(201);
    await openAsPartner();
    const item = page.locator(`li[data-person="${person.personId}"]`);
    expect(await item.locator('[data-testid="request-status"]').innerText()).toContain('Non ammesso');
    await item.getByLabel('Osservazioni').fill(OBSERVATION);
    await item.getByRole('button', { name: 'Invia osservazioni' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Osservazioni inviate.').waitFor();
    const after = (await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: scenario.poToken })).body;
    expect(after.selected[0].contradictory.observations.text).toBe(OBSERVATION);
  });
});
