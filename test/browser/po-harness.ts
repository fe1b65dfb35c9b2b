// Set-up of the PO browser tests. The browser project's global set-up serves the pane against a
// dev host whose clock and signing key live in the jest parent process; the PO flow needs to move
// the server clock past a window lock (rows of May–June first, the 2026-H1 draw after 30 Sep) and
// to mint PO tokens, so it runs its own API in this worker (the integration harness: Azurite in
// memory, real route table) in front of the pane the global set-up built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteInstance } from '../../scripts/azurite-process';
import { demoGoodsRow } from '../../scripts/demo-data';
import { setClock, startTestApi, type TestApi } from '../integration/harness';
import { H1_DUE, goodsRows, personnelRows, range, submit } from '../integration/sample-fixtures';
import type { Browser } from 'playwright-core';
import { buildPane, ROOT } from './build-pane';
import { launch } from './browser';
import { startStaticServer, type StaticServer } from './static-server';

/** Azurite for this file unless the environment already names one. */
export async function ensureStorage(): Promise<AzuriteInstance | null> {
  if (process.env.RENDICONTA_TEST_STORAGE) return null;
  const azurite = await startAzurite();
  process.env.RENDICONTA_TEST_STORAGE = azurite.connectionString;
  return azurite;
}

/**
 * The production build of the pane: RENDICONTA_PANE_DIR when given; the global set-up's build
 * when it ran in this jest run (it sets RENDICONTA_PANE_URL); else built here once.
 */
export async function paneDirectory(): Promise<string> {
  const given = process.env.RENDICONTA_PANE_DIR;
  if (given && fs.existsSync(path.join(given, 'taskpane.html'))) return given;
  const globalBuild = path.join(ROOT, 'dist', 'addin-test');
  if (process.env.RENDICONTA_PANE_URL && fs.existsSync(path.join(globalBuild, 'taskpane.html'))) return globalBuild;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-pane-'));
  await buildPane(outDir);
  return outDir;
}

export interface PartnerPaneStack {
  api: TestApi;
  pane: StaticServer;
  browser: Browser;
  /** koala's partner token. */
  token: string;
  close(): Promise<void>;
}

/**
 * The partner pane against this worker's own API (its clock set to `today`): what a test needs to
 * submit the same report several times from fresh page loads.
 */
export async function startPartnerPaneStack(today: string): Promise<PartnerPaneStack> {
  const azurite = await ensureStorage();
  const api = await startTestApi();
  setClock(() => new Date(`${today}T09:00:00Z`));
  const pane = await startStaticServer(await paneDirectory(), api.url);
  const browser = await launch();
  const token = await api.partner('koala');
  return {
    api,
    pane,
    browser,
    token,
    async close() {
      await browser.close();
      await pane.close();
      await api.close();
      await azurite?.stop();
    },
  };
}

/** A row id a partner could type: Excel would evaluate it if it reached a cell as a formula. */
export const HOSTILE_ROW_ID = '=HYPERLINK("http://evil.example","clic")';

export interface PoScenario {
  api: TestApi;
  poToken: string;
  /** Koala's P1 report: 12 persons, 3 goods rows and one goods row with HOSTILE_ROW_ID. */
  koalaSubmission: string;
  close(): Promise<void>;
}

/**
 * Two partners report personnel of P1 in May–June 2026 (20 persons: a 2026-H1 sample of 2),
 * then the server clock passes the W2 lock (1 Oct 2026) so the semester can be drawn.
 */
export async function startPoScenario(): Promise<PoScenario> {
  const azurite = await ensureStorage();
  const api = await startTestApi();
  const hostile = { ...demoGoodsRow(3, { programme: 'P1', months: [5, 6] }), rowId: HOSTILE_ROW_ID };
  const koalaSubmission = await submit(api, 'koala', 'P1', [...personnelRows(range(0, 12)), ...goodsRows(3), hostile]);
  await submit(api, 'igea', 'P1', personnelRows(range(12, 20)));
  setClock(() => H1_DUE);
  const poToken = await api.po('P1', 'P4');
  return {
    api,
    poToken,
    koalaSubmission,
    async close() {
      await api.close();
      await azurite?.stop();
    },
  };
}
