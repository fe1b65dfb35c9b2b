// Issue 12: a production build for the real hosts. One webpack production build with the two
// build-time origins (as `ADDIN_BASE_URL=… ADDIN_API_BASE_URL=… npm run build`), then the built
// files are read: the manifest points at the pane's host only, the bundle calls the Function App.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { apiBaseFrom } from '../../../addin/api/api-base';
import { checkManifest } from '../../../scripts/validate-manifest';
import { buildPane, ROOT } from '../../browser/build-pane';

const PANE = 'https://rendiconta-pane.example.it';
const API = 'https://func-rendiconta-test.azurewebsites.net';

describe('API base of the pane', () => {
  it('is same-origin /api when no origin was built in, the Function App otherwise', () => {
    expect(apiBaseFrom('')).toBe('/api');
    expect(apiBaseFrom(undefined)).toBe('/api');
    expect(apiBaseFrom(API)).toBe(`${API}/api`);
    expect(apiBaseFrom(`${API}/`)).toBe(`${API}/api`);
    expect(apiBaseFrom(`${API}/api/`)).toBe(`${API}/api`);
  });
});

describe('production build with ADDIN_BASE_URL and ADDIN_API_BASE_URL', () => {
  let out: string;
  const read = (name: string) => fs.readFileSync(path.join(out, name), 'utf8');
  const scripts = () =>
    fs
      .readdirSync(out)
      .filter((f) => f.endsWith('.js'))
      .map((f) => read(f))
      .join('\n');

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-pane-'));
    await buildPane(out, { ADDIN_BASE_URL: PANE, ADDIN_API_BASE_URL: API });
  }, 300_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('writes the pane host into every manifest URL and no localhost', () => {
    const xml = read('manifest.xml');
    expect(xml).not.toMatch(/localhost/i);
    const urls = [...xml.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]);
    const own = urls.filter((u) => u !== 'https://login.microsoftonline.com');
    expect(own.length).toBeGreaterThanOrEqual(8);
    for (const url of own) expect(url.startsWith(`${PANE}/`)).toBe(true);
    expect(xml).toContain(`<SourceLocation DefaultValue="${PANE}/taskpane.html"/>`);
    expect(xml).toContain(`<bt:Url id="Commands.Url" DefaultValue="${PANE}/commands.html"/>`);
  });

  it('passes the offline manifest check (npm run validate:manifest), icons resolved on the pane host', () => {
    const report = checkManifest(read('manifest.xml'), path.join(ROOT, 'addin', 'assets'), { production: true });
    expect(report.problems).toEqual([]);
    // The development manifest is refused as a production one, and only for its localhost URLs.
    const dev = checkManifest(
      fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'),
      path.join(ROOT, 'addin', 'assets'),
      {
        production: true,
      },
    );
    expect(dev.problems.length).toBeGreaterThanOrEqual(8);
    for (const p of dev.problems)
      expect(p).toMatch(/^URL di sviluppo in un manifest di produzione .*https:\/\/localhost:3000\//);
    // The check does resolve icons on that host: a missing one is reported.
    const broken = read('manifest.xml').replace(`${PANE}/assets/icon-16.png`, `${PANE}/assets/icon-17.png`);
    expect(checkManifest(broken, path.join(ROOT, 'addin', 'assets')).problems).toEqual([
      expect.stringContaining('icon-17.png'),
    ]);
  });

  it('bundles the Function App origin as the API base', () => {
    const js = scripts();
    expect(js).toContain(API);
    // The default-origin path is gone: no bare "/api" base built from an empty origin remains
    // next to the built-in origin (the base is folded at build time).
    expect(js).not.toContain('__ADDIN_API_BASE_URL__');
  });

  it('refuses an origin that is not https', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-pane-bad-'));
    try {
      await expect(buildPane(bad, { ADDIN_BASE_URL: 'http://pane.example.it' })).rejects.toThrow(
        /ADDIN_BASE_URL.*https origin/,
      );
    } finally {
      fs.rmSync(bad, { recursive: true, force: true });
    }
  });
});
