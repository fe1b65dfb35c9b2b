// The benches time the product as it ships: the Functions and the CLI run tsc's output in dist/
// (plain `exports.x = x`), not the TypeScript sources as tsx loads them. tsx transpiles each file
// to CommonJS whose exports are getters (esbuild's `__export`, re-wrapped by `__toCommonJS`), so
// every call from one module to another in a pass goes through two getter calls: measured in
// docs/performance.md (tenth round), that loader alone adds a fifth or more to a validation pass.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..');
const BUILT = 'RENDICONTA_BENCH_COMPILED';

/**
 * Compiles dist/ with tsc once per `npm run bench` (bench/index.ts calls this before the benches
 * and tells its children through the environment), so no bench times a stale build.
 */
export function ensureCompiled(): void {
  if (process.env[BUILT] === '1') return;
  console.log('compilo dist/ (tsc -p tsconfig.build.json)…');
  execFileSync(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
  process.env[BUILT] = '1';
}

/** A module of dist/, typed as its source: `compiled<typeof import('../shared/x')>('shared/x')`. */
export function compiled<T>(modulePath: string): T {
  ensureCompiled();
  return require(path.join(ROOT, 'dist', `${modulePath}.js`)) as T;
}
