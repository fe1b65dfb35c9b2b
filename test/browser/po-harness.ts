// Set-up of the PO browser tests: Azurite in memory, the real route table on the dev host (the
// integration harness), the built task pane served on loopback with /api proxied to the dev host
// (same origin, as the webpack dev server does), and headless Chromium from the system.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { startAzurite, type AzuriteInstance } from '../../scripts/azurite-process';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const ARTIFACTS = path.resolve(__dirname, '..', '..', 'test-artifacts');

/** Azurite for this file unless a global set-up already gave one. */
export async function ensureStorage(): Promise<AzuriteInstance | null> {
  if (process.env.RENDICONTA_TEST_STORAGE) return null;
  const azurite = await startAzurite();
  process.env.RENDICONTA_TEST_STORAGE = azurite.connectionString;
  return azurite;
}

/**
 * The production build of the pane: a directory given by the browser project's global set-up
 * (RENDICONTA_PANE_DIR), else built here once per run with the project's webpack config.
 */
export async function paneDirectory(): Promise<string> {
  const given = process.env.RENDICONTA_PANE_DIR;
  if (given && fs.existsSync(path.join(given, 'taskpane.html'))) return given;
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-pane-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.resolve(__dirname, '..', '..', 'webpack.config.js')) as (env: object, argv: object) => Promise<import('webpack').Configuration>;
  const config = await makeConfig({ outDir }, { mode: 'production' });
  await new Promise<void>((resolve, reject) => {
    webpack({ ...config, mode: 'production', devtool: false }, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
  return outDir;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

export interface PaneServer {
  url: string;
  close(): Promise<void>;
}

/** Static files of `dir`, and /api/* forwarded to `apiUrl` (the dev host's …/api). */
export async function servePane(dir: string, apiUrl: string): Promise<PaneServer> {
  const apiOrigin = new URL(apiUrl).origin;
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/api/')) {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.headers)) {
          if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name)) headers[name] = value;
        }
        const upstream = await fetch(`${apiOrigin}${url.pathname}${url.search}`, {
          method: req.method,
          headers,
          body: chunks.length && req.method !== 'GET' && req.method !== 'HEAD' ? Buffer.concat(chunks) : undefined,
        });
        const body = Buffer.from(await upstream.arrayBuffer());
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(body);
        return;
      }
      const file = path.join(dir, path.normalize(url.pathname === '/' ? '/taskpane.html' : url.pathname));
      if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      fs.createReadStream(file).pipe(res);
    })().catch(() => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
