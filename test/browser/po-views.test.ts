// What a PO and the ATS lead meet in the pane, in headless Chromium against the real route table:
// one message per semester state, sample cards with partner, reported cost and documents, the
// population download (its bytes are the recorded hash and `sample-verify` reproduces the draw),
// a confirmation step before any final outcome, Italian formats, the reconciliation chart (SVG)
// and the collapsible trail; the lead partner's ATS view without personal data. axe-core finds
// no violation in any of these states.
import '../../scripts/quiet-registration';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { BASE, type TestApi } from '../integration/harness';
import { taxCodes, range } from '../integration/sample-fixtures';
import { sampleVerify } from '../../cli/sample-verify';
import { getAgreement } from '../../shared/agreement/agreements';
import { axeViolations } from './axe';
import { docScreenshot, launch } from './browser';
import { paneDirectory, startPoScenario, type PoScenario } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(240_000);

const SEED = 'estrazione lotto 2026-10-01';
const agreement = getAgreement('crema-2026-2028')!;
const partnerName = (id: string) => agreement.partners.find((p) => p.id === id)!.name;

let scenario: PoScenario;
let api: TestApi;
let pane: StaticServer;
let browser: Browser;
let page: Page;
let poToken: string;

const sampleNow = async () => (await api.call('GET', `${BASE}/samples/P1/2026-H1`, { token: poToken })).body;

beforeAll(async () => {
  scenario = await startPoScenario();
  ({ api, poToken } = scenario);
  pane = await startStaticServer(await paneDirectory(), api.url);
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 480, height: 900 }, acceptDownloads: true });
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(poToken)}`);
  await page.waitForSelector('[data-mode="po"] [data-testid="semester-state"]');
});

afterAll(async () => {
  await browser?.close();
  await pane?.close();
  await scenario?.close();
});

describe('PO: the semester sample', () => {
  it('says one thing per semester state: drawable now, or not yet (no form)', async () => {
    const state = page.locator('[data-testid="semester-state"]');
    expect(await state.getAttribute('data-state')).toBe('due');
    expect(await state.innerText()).toContain('si può estrarre ora');
    expect(await state.innerText()).not.toContain('non si può ancora');
    expect(await axeViolations(page)).toEqual([]);

    await page.locator('select').nth(1).selectOption('2026-H2');
    await page.waitForSelector('[data-testid="semester-state"][data-state="not-due"]');
    const notDue = await page.locator('[data-testid="semester-state"]').innerText();
    expect(notDue).toContain('Il semestre 2026 H2 non si può ancora estrarre');
    expect(notDue).toContain('31/01/2027');
    expect(notDue).not.toContain('si può estrarre ora');
    expect(await page.getByRole('button', { name: 'Estrai il campione' }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('select').nth(1).selectOption('2026-H1');
    await page.waitForSelector('[data-testid="semester-state"][data-state="due"]');
  });

  it('draws, and each card names the partner, the reported cost (Italian) and the documents', async () => {
    await page.getByLabel('Seme (facoltativo)').fill(SEED);
    await page.getByRole('button', { name: 'Estrai il campione' }).click();
    await page.waitForSelector('[data-testid="sample-list"]');
    const sample = await sampleNow();
    for (const person of sample.selected) {
      const card = page.locator(`li[data-person="${person.personId}"]`);
      expect(await card.locator('[data-testid="partners"]').innerText()).toBe(
        person.partners.map(partnerName).join(', '),
      );
      const cost = await card.locator('[data-testid="reported-cost"]').innerText();
      expect(cost).toMatch(/^\d{1,3}(\.\d{3})*,\d{2} €$/);
      expect(cost.replace(/[.\s€]/g, '').replace(',', '.')).toBe(person.reportedCost);
      expect(await card.innerText()).toContain('non ancora ricevuti');
    }
    const facts = await page.locator('[data-testid="sample-facts"]').innerText();
    expect(facts).toContain('10,00 %');
    expect(facts).toContain('01/10/2026');
    expect(facts.replace(SEED, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('downloads the population beside the hash: the bytes of the hash, and sample-verify gives the same draw', async () => {
    const sample = await sampleNow();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid="population-download"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('popolazione-crema-2026-2028-P1-2026-H1.txt');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'popolazione-pane-'));
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(sample.populationHash);
    expect(bytes.toString('utf8').split('\n')).toEqual(taxCodes(range(0, 20)).sort());
    let out = '';
    const code = await sampleVerify(
      [
        '--population',
        file,
        '--seed',
        SEED,
        '--agreement',
        'crema-2026-2028',
        '--programme',
        'P1',
        '--semester',
        '2026-H1',
        '--json',
      ],
      { stdout: (t) => (out += t), stderr: () => undefined },
    );
    expect(code).toBe(0);
    expect(JSON.parse(out).selected).toEqual(sample.selected.map((p: { personId: string }) => p.personId));
    await page.getByText('verificalo con rendiconta sample-verify').waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('"Ammesso" is final, so the form asks once more before sending it', async () => {
    const person = (await sampleNow()).selected[1];
    await page.getByRole('button', { name: `Registra esito per ${person.personId}` }).click();
    const form = page.getByRole('form', { name: `Esito per ${person.personId}` });
    await form.getByLabel('Ammesso', { exact: true }).check();
    await form.getByRole('button', { name: 'Registra esito', exact: true }).click();
    await form.locator('[data-testid="confirm-step"]').waitFor();
    expect(await form.locator('[data-testid="confirm-step"]').innerText()).toContain('è definitivo');
    // Nothing was sent yet.
    expect((await sampleNow()).selected[1]).toMatchObject({ status: 'requested', final: false });
    expect(await axeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Conferma esito definitivo' }).click();
    await page.getByText(`Esito registrato per ${person.personId}`).waitFor();
    expect((await sampleNow()).selected[1]).toMatchObject({ status: 'ammesso', final: true });
  });

  it('"Conferma esito" after a non-admission is not final after one click', async () => {
    const person = (await sampleNow()).selected[0];
    await page.getByRole('button', { name: `Registra esito per ${person.personId}` }).click();
    const form = page.getByRole('form', { name: `Esito per ${person.personId}` });
    await form.getByLabel('Non ammesso', { exact: true }).check();
    await form.getByLabel('Motivazione').fill('Buste paga mancanti');
    await form.getByRole('button', { name: 'Registra esito', exact: true }).click();
    await page.getByText(`Esito registrato per ${person.personId}`).waitFor();
    const card = page.locator(`li[data-person="${person.personId}"]`);
    expect(await card.locator('[data-testid="outcome"]').innerText()).toBe('Non ammesso — Buste paga mancanti');
    // The ATS answers in the contradictory step; then the PO may confirm.
    const partner = (person.rowIds[0] as string).split('/')[0];
    const obs = await api.call('POST', `${BASE}/samples/P1/2026-H1/outcomes/${person.rank}`, {
      token: await api.partner(partner),
      json: { observations: 'Le buste paga sono state inviate per posta.' },
    });
    expect(obs.status).toBe(201);
    await page.locator('select').nth(1).selectOption('2026-H2');
    await page.locator('select').nth(1).selectOption('2026-H1');
    await card.locator('.po-observation').waitFor();

    await card.getByRole('button', { name: `Conferma esito per ${person.personId}` }).click();
    const step = card.locator('[data-testid="confirm-step"]');
    await step.waitFor();
    expect(await step.innerText()).toContain('Confermi l’esito «Non ammesso»');
    expect((await sampleNow()).selected[0].final).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // "Annulla" goes back without sending anything.
    await step.getByRole('button', { name: 'Annulla' }).click();
    expect(await card.locator('[data-testid="confirm-step"]').count()).toBe(0);
    expect((await sampleNow()).selected[0].final).toBe(false);

    await card.getByRole('button', { name: `Conferma esito per ${person.personId}` }).click();
    await card.getByRole('button', { name: 'Sì, conferma definitivamente' }).click();
    await page.getByText(`Esito di ${person.personId} confermato`).waitFor();
    expect((await sampleNow()).selected[0]).toMatchObject({ status: 'non_ammesso', final: true });
    await docScreenshot(page, 'po-sample');
  });
});

describe('PO: the reconciliation', () => {
  it('draws the chart in the pane (SVG), with the figures of the API, Italian formats and a collapsible trail', async () => {
    await page.getByRole('tab', { name: 'Riconciliazione' }).click();
    await page.getByRole('button', { name: 'Aggiorna riconciliazione' }).click();
    await page.waitForSelector('[data-testid="reconciliation-chart"]');
    const answer = (await api.call('GET', `${BASE}/reconciliation?year=2026`, { token: poToken })).body;
    const bars = await page.$$eval('[data-testid="reconciliation-chart"] rect[data-series]', (rects) =>
      rects.map((r) => ({
        programme: r.getAttribute('data-programme'),
        series: r.getAttribute('data-series'),
        value: r.getAttribute('data-value'),
        height: Number(r.getAttribute('height')),
      })),
    );
    expect(bars).toHaveLength(answer.programmes.length * 3);
    for (const p of answer.programmes) {
      const of = (series: string) => bars.find((b) => b.programme === p.programme && b.series === series)!;
      expect(of('budget').value).toBe(p.budget.planned);
      expect(of('admitted').value).toBe(p.admitted.total);
    }
    // The tallest bar is the largest figure.
    const tallest = bars.reduce((a, b) => (b.height > a.height ? b : a));
    expect(Math.max(...bars.map((b) => Number(b.value)))).toBe(Number(tallest.value));

    const text = await page.locator('[data-testid="reconciliation-preview"]').innerText();
    expect(text).not.toMatch(/reduce —|\d\.\d{2}%|\d{4}-\d{2}-\d{2}/);
    expect(text).toMatch(/Situazione al\s+02\/10\/2026|Situazione al\s+01\/10\/2026/);
    expect(text).toMatch(/\d,\d{2} %/);
    expect(text).toMatch(/\d{1,3}(\.\d{3})*,\d{2} €/);
    expect(await page.getByText(/^Riconciliazione aggiornata \(situazione al \d{2}\/\d{2}\/\d{4}\)\.$/).count()).toBe(
      1,
    );

    // Each trail is a details element, closed: the formula shows, the inputs open on demand.
    const details = page.locator('[data-testid="reconciliation-table"] details');
    expect(await details.count()).toBeGreaterThan(5);
    expect(await details.first().getAttribute('open')).toBeNull();
    const inner = details.first().locator('p');
    expect(await inner.isVisible()).toBe(false);
    await details.first().locator('summary').click();
    expect(await inner.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await docScreenshot(page, 'po-reconciliation');
  });
});

describe('the ATS lead partner', () => {
  it('sees each member’s last version per programme and the ATS-wide R20, no personal data', async () => {
    const lead = await browser.newPage({ viewport: { width: 480, height: 1000 }, acceptDownloads: true });
    await lead.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    const token = await api.partner('arcobaleno');
    await lead.goto(`${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(token)}`);
    await lead.waitForSelector('[data-testid="ats-r20"]');
    const p1 = lead.locator('.ats-programme[data-programme="P1"]');
    const rows = await p1.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-partner')));
    expect(rows.sort()).toEqual(['igea', 'koala']);
    const koala = await p1.locator('tr[data-partner="koala"]').innerText();
    expect(koala).toContain(partnerName('koala'));
    expect(koala).toContain('10/07/2026');
    expect(koala).toMatch(/\d,\d{2} %/);
    const answer = (await api.call('GET', `${BASE}/ats-status?year=2026`, { token })).body;
    expect(await lead.locator('[data-testid="ats-r20"]').getAttribute('data-r20')).toBe(answer.ats.r20);
    // Counts and amounts only: no tax code of any member's staff on the page.
    const all = await lead.locator('[data-testid="ats-section"]').innerText();
    for (const code of taxCodes(range(0, 20))) expect(all).not.toContain(code);
    // The lead downloads the frozen population of the drawn sample: the bytes of the recorded hash.
    const [download] = await Promise.all([
      lead.waitForEvent('download'),
      lead.locator('[data-testid="ats-population-P1-2026-H1"]').click(),
    ]);
    const file = (await download.path()) as string;
    const sample = await sampleNow();
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(sample.populationHash);
    expect(await lead.locator('.ats-programme[data-programme="P1"] .ats-sample').innerText()).toContain(
      sample.populationHash,
    );
    expect(await axeViolations(lead)).toEqual([]);
    await docScreenshot(lead, 'ats-lead');

    // Another partner has no such section.
    const other = await browser.newPage();
    await other.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
    await other.goto(
      `${pane.url}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(await api.partner('koala'))}`,
    );
    await other.waitForSelector('body[data-ready="true"]');
    expect(await other.locator('[data-testid="ats-section"]').count()).toBe(0);
    await other.close();
    await lead.close();
  });
});
