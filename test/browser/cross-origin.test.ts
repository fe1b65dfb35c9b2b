// Issue 12: the pane on one origin, the API on another, as in Azure (Static Web App + Function
// App). The pane is built with ADDIN_API_BASE_URL = the dev host's origin and served by a static
// server that has NO /api of its own (it answers 502 there), so only the built-in API base can
// work; the dev host admits the pane's origin by CORS. A second copy of the same pane on another
// origin is refused by CORS: only the listed origin gets in.
import '../../scripts/quiet-registration';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { buildRoutes } from '../../functions/routes';
import { startDevHost, type DevHost } from '../../scripts/dev-host';
import { startTestApi, type TestApi } from '../integration/harness';
import { launch } from './browser';
import { buildPane } from './build-pane';
import { ensureStorage } from './po-harness';
import { startStaticServer, type StaticServer } from './static-server';

jest.setTimeout(300_000);

let out: string;
let azurite: Awaited<ReturnType<typeof ensureStorage>>;
let api: TestApi;
let corsHost: DevHost;
let pane: StaticServer;
let otherPane: StaticServer;
let browser: Browser;
let token: string;
let apiOrigin: string;

beforeAll(async () => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-pane-xorigin-'));
  // Served before it is built: the server reads files per request.
  pane = await startStaticServer(out);
  otherPane = await startStaticServer(out);
  azurite = await ensureStorage();
  api = await startTestApi(); // storage namespace and signing key of this file
  corsHost = await startDevHost({
    routes: buildRoutes(api.deps),
    port: 0,
    host: '127.0.0.1',
    corsOrigins: [pane.url],
    log: () => undefined,
  });
  apiOrigin = new URL(corsHost.url).origin; // the host's url ends with /api
  await buildPane(out, { ADDIN_API_BASE_URL: apiOrigin });
  token = await api.partner('koala');
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await corsHost?.close();
  await pane?.close();
  await otherPane?.close();
  await api?.close();
  await azurite?.stop();
  fs.rmSync(out, { recursive: true, force: true });
});

async function open(origin: string): Promise<{ page: Page; urls: string[]; failed: string[] }> {
  const page = await browser.newPage();
  const urls: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  page.on('requestfailed', (r) => failed.push(r.url()));
  await page.route(/appsforoffice\.microsoft\.com/, (route) => route.abort());
  await page.goto(`${origin}/taskpane.html?today=2026-10-02&token=${encodeURIComponent(token)}`);
  return { page, urls, failed };
}

const agreementUrl = () => `${apiOrigin}/api/agreements/crema-2026-2028`;

it('calls the built-in API origin, admitted by CORS for the pane origin', async () => {
  const { page, urls } = await open(pane.url);
  const answer: Response = await page.waitForResponse((r) => r.url() === agreementUrl());
  expect(answer.status()).toBe(200);
  expect(answer.headers()['access-control-allow-origin']).toBe(pane.url);
  expect((await answer.json()).id).toBe('crema-2026-2028');
  // The partner's documentation requests (PO client of addin/po) go to the same API.
  const samples = `${apiOrigin}/api/agreements/crema-2026-2028/samples/`;
  for (let i = 0; i < 200 && !urls.some((u) => u.startsWith(samples)); i++) await page.waitForTimeout(100);
  expect(urls.filter((u) => u.startsWith(samples)).length).toBeGreaterThan(0);
  expect(urls.filter((u) => u.startsWith(`${pane.url}/api`))).toEqual([]);
  await page.close();
});

it('is refused by CORS from an origin the API does not list', async () => {
  const { page, urls, failed } = await open(otherPane.url);
  await page.waitForSelector('body[data-ready="true"]');
  // The blocked answer shows up as a failed request (Chromium reports CORS refusals so).
  for (let i = 0; i < 200 && !failed.includes(agreementUrl()); i++) await page.waitForTimeout(100);
  expect(failed).toContain(agreementUrl());
  expect(urls).toContain(agreementUrl());
  await page.close();
});
