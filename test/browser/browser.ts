// Headless Debian Chromium through playwright-core (never a downloaded browser). Office.js cannot
// load here (no network): its CDN URL is aborted, so the pane starts in file mode as in a plain browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './build-pane';

export const ARTIFACTS = path.join(ROOT, 'test-artifacts');

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openPane(browser: Browser, query = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 420, height: 1100 } });
  await page.route('https://appsforoffice.microsoft.com/**', (route) => route.abort());
  await page.goto(`${paneUrl()}/taskpane.html${query}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

export function paneUrl(): string {
  const url = process.env.RENDICONTA_PANE_URL;
  if (!url) throw new Error('RENDICONTA_PANE_URL not set: run through the browser jest project');
  return url;
}

/** Drops a file on the drop zone the way a user's drag and drop does. */
export async function dropFile(page: Page, fileName: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, base64 }) => {
      const binary = atob(base64);
      const data = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([data], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
      return transfer;
    },
    { name: fileName, base64: Buffer.from(bytes).toString('base64') },
  );
  await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Screenshots shown in README: under test-artifacts/ always, in docs/screenshots/ with UPDATE_SCREENSHOTS=1. */
export async function docScreenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    const dir = path.join(ROOT, 'docs', 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(ARTIFACTS, `${name}.png`), path.join(dir, `${name}.png`));
  }
}

/** Codes and cells of the findings the pane lists, e.g. "R09 Acquisti 2026!C3". */
export function listedFindings(page: Page): Promise<string[]> {
  return page.$$eval('#findings li.finding', (items) =>
    items.map((li) => `${li.getAttribute('data-code')} ${li.getAttribute('data-cell') ?? ''}`.trim()),
  );
}
