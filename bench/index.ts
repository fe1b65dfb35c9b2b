// `npm run bench`: runs every bench/*.bench.ts in turn, prints their numbers and writes them to
// bench/results/latest.json (committed, so a change in numbers shows up in review). Each bench runs
// in a process of its own: the heap one bench leaves (the API bench's servers and 5,000-row
// reports) would otherwise slow the garbage collection of the next one's passes.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { ensureCompiled } from './compiled';

interface BenchModule {
  run: () => Promise<Record<string, unknown>>;
}

/** In the child: runs one bench file and writes its numbers to `out`. */
async function runOne(file: string, out: string): Promise<void> {
  const mod = (await import(path.join(__dirname, file))) as BenchModule;
  writeFileSync(out, JSON.stringify(await mod.run()));
}

async function main(): Promise<void> {
  const [flag, file, out] = process.argv.slice(2);
  if (flag === '--one') return runOne(file, out);
  const only = process.argv.slice(2);
  ensureCompiled(); // once, for the benches that time dist/ (their children inherit the flag)
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
    .sort();
  const results: Record<string, unknown> = {
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
    },
    at: new Date().toISOString(),
  };
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    console.log(`\n== ${name} ==`);
    const out = path.join(tmpdir(), `rendiconta-bench-${process.pid}-${name}.json`);
    // The same node and loader as this process (tsx), with the child's output shown as it comes.
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--one', file, out], {
      stdio: 'inherit',
    });
    if (child.status !== 0) throw new Error(`bench ${name} failed (exit ${child.status ?? child.signal})`);
    results[name] = JSON.parse(readFileSync(out, 'utf8'));
    rmSync(out, { force: true });
  }
  const dir = path.join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`\nresults written to bench/results/latest.json`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
