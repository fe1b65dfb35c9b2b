// Set-up of the PO browser tests. The browser project's global set-up serves the pane against a
// dev host whose clock and signing key live in the jest parent process; the PO flow needs to move
// the server clock past a window lock (rows of May–June first, the 2026-H1 draw after 30 Sep) and
// to mint PO tokens, so it runs its own API in this worker (the integration harness: Azurite in
// memory, real route table) in front of the pane the global set-up built.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startAzurite, type AzuriteInstance } from '../../scripts/azurite-process';
import { buildPane, ROOT } from './build-pane';

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
