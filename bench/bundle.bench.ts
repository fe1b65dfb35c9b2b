// Task-pane bundle size: builds the pane for production (or reads an existing build with
// BENCH_REUSE_BUILD=1) and prints the JS the pane loads at start, raw and gzip. Target: <= 200 KB
// gzip. Office.js (Microsoft's CDN) is not part of the bundle; msal-browser is a lazy chunk that
// only Excel loads, reported apart.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildPane } from '../test/browser/build-pane';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'dist', 'addin');
const TARGET_GZIP_KB = 200;

interface Sizes {
  rawKB: number;
  gzipKB: number;
}

function sizes(files: string[]): Sizes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(OUT, file));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { rawKB: Math.round((raw / 1024) * 10) / 10, gzipKB: Math.round((gzip / 1024) * 10) / 10 };
}

/** The scripts taskpane.html loads at start. */
function startScripts(): string[] {
  const html = fs.readFileSync(path.join(OUT, 'taskpane.html'), 'utf8');
  return [...html.matchAll(/<script[^>]*src="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
}

export async function run(): Promise<Record<string, unknown>> {
  if (process.env.BENCH_REUSE_BUILD !== '1' || !fs.existsSync(path.join(OUT, 'taskpane.html'))) await buildPane(OUT);
  const taskpane = sizes(startScripts());
  const lazy = fs.readdirSync(OUT).filter((f) => f.startsWith('msal.') && f.endsWith('.js'));
  const msal = sizes(lazy);
  const withinTarget = taskpane.gzipKB <= TARGET_GZIP_KB;
  console.log(
    `task pane JS at start: ${taskpane.rawKB} KB raw, ${taskpane.gzipKB} KB gzip (target <= ${TARGET_GZIP_KB} KB gzip: ${withinTarget ? 'ok' : 'OVER'})`,
  );
  console.log(`msal-browser lazy chunk (Excel sign-in only): ${msal.rawKB} KB raw, ${msal.gzipKB} KB gzip`);
  return { taskpane, msalLazyChunk: msal, targetGzipKB: TARGET_GZIP_KB, withinTarget };
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
