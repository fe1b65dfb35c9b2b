// Issue 12: a publishable Function App. The functions are compiled into a temporary folder
// (tsc -p tsconfig.build.json), assembled by scripts/package-functions.ts as `npm run
// package:functions` does, and then (a) the package's own entry point ("main", the v4 model's
// glob) is loaded with the package's own real @azure/functions, whose app.http/app.timer are
// spied on: every route of functions/routes.ts and the sampling timer register, once each; (b) the
// package holds host.json, package.json, compiled functions and production dependencies only, and
// the root .funcignore (for `func azure functionapp publish` from the root) keeps the rest out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expandMain, listFiles, packageFunctions, type PackageResult } from '../../../scripts/package-functions';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const KEY_FILE = /(^|\/)(private\.jwk\.json|jwks\.json|local\.settings\.json)$|\.(pem|key|pfx|p12)$/i;

interface RouteLike {
  name: string;
  route: string;
  methods: string[];
}

let tmp: string;
let pkg: PackageResult;
let files: string[];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rendiconta-func-'));
  execFileSync(
    process.execPath,
    [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(tmp, 'dist')],
    { cwd: ROOT, stdio: 'pipe' },
  );
  pkg = packageFunctions({ dist: path.join(tmp, 'dist'), out: path.join(tmp, 'api') });
  files = listFiles(pkg.out);
}, 600_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('function registration (v4 model) from the package entry point', () => {
  it('registers every HTTP route of functions/routes.ts and the sampling timer, once each', () => {
    const main = (JSON.parse(fs.readFileSync(path.join(pkg.out, 'package.json'), 'utf8')) as { main: string }).main;
    expect(main).toBe('dist/functions/{index.js,http/*.js,timers/*.js}');
    const entries = expandMain(pkg.out, main);
    // Every function file is matched by the glob, so each registers itself even without index.js.
    const httpFiles = fs.readdirSync(path.join(ROOT, 'functions', 'http')).filter((f) => f.endsWith('.ts'));
    expect(entries.filter((f) => f.includes(`${path.sep}http${path.sep}`)).map((f) => path.basename(f, '.js'))).toEqual(
      httpFiles.map((f) => path.basename(f, '.ts')).sort(),
    );

    // The package's own copy of the SDK: the one the Functions worker would hand the app.
    const sdk = require(path.join(pkg.out, 'node_modules', '@azure', 'functions')) as typeof import('@azure/functions');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // "not in the host" notices
    const http = jest.spyOn(sdk.app, 'http');
    const timer = jest.spyOn(sdk.app, 'timer');
    try {
      for (const file of entries) require(file);
    } finally {
      warn.mockRestore();
    }

    // The route table, from the package's compiled routes.js (what the host runs)...
    const { ROUTES } = require(path.join(pkg.out, 'dist', 'functions', 'routes.js')) as { ROUTES: RouteLike[] };
    // ...is the source table (functions/routes.ts lists these route files).
    const source = fs.readFileSync(path.join(ROOT, 'functions', 'routes.ts'), 'utf8');
    const listed = [...source.matchAll(/^\s{2}(\w+Route),$/gm)].map((m) => m[1]);
    expect(ROUTES).toHaveLength(listed.length);
    expect(ROUTES.length).toBeGreaterThanOrEqual(14);

    const registered = http.mock.calls.map(([name, options]) => ({
      name,
      route: options.route,
      methods: options.methods,
      authLevel: options.authLevel,
      handler: typeof options.handler,
    }));
    expect(registered).toHaveLength(ROUTES.length); // once each: the glob and index.js do not double up
    expect(new Set(registered.map((r) => r.name)).size).toBe(ROUTES.length);
    for (const def of ROUTES) {
      expect(registered).toContainEqual({
        name: def.name,
        route: def.route,
        methods: def.methods,
        authLevel: 'anonymous',
        handler: 'function',
      });
    }
    expect(registered.find((r) => r.name === 'health')).toMatchObject({ route: 'health', methods: ['GET'] });

    expect(timer).toHaveBeenCalledTimes(1);
    const [timerName, timerOptions] = timer.mock.calls[0];
    expect(timerName).toBe('semesterSampling');
    expect(timerOptions.schedule).toBe('0 30 2 * * *');
    expect(timerOptions.runOnStartup).toBe(false);
  });
});

describe('publish package', () => {
  it('holds host.json, package.json, compiled functions and production dependencies only', () => {
    const app = files.filter((f) => !f.startsWith('node_modules/'));
    expect(app).toEqual(expect.arrayContaining(['host.json', 'package.json', 'dist/functions/index.js']));
    for (const f of app)
      expect(f).toMatch(
        /^(host\.json|package\.json|package-lock\.json|\.funcignore|dist\/(functions|shared|formats)\/.+\.(js|json))$/,
      );
    // Nothing of ours beyond that: no local data, keys, tests, add-in, CLI, scripts or TypeScript.
    for (const f of files) {
      expect(f).not.toMatch(/(^|\/)\.data\//);
      expect(f).not.toMatch(KEY_FILE);
    }
    for (const f of app)
      expect(f).not.toMatch(/^(test|addin|cli|scripts|bench|infra|docs)\/|^dist\/(addin|cli|scripts)\/|\.ts$/);
    expect(files.filter((f) => /^node_modules\/[^/]+\/?$/.test(f))).toEqual([]); // sanity of listFiles

    // Dependencies: what package.json needs at run time, none of the dev tools, not the pane's MSAL.
    const manifest = JSON.parse(fs.readFileSync(path.join(pkg.out, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies?: unknown;
      scripts?: unknown;
    };
    expect(manifest.devDependencies).toBeUndefined();
    expect(manifest.scripts).toBeUndefined();
    expect(Object.keys(manifest.dependencies)).toEqual(
      expect.arrayContaining(['@azure/functions', '@azure/identity', '@azure/data-tables', '@azure/storage-blob']),
    );
    expect(manifest.dependencies['@azure/msal-browser']).toBeUndefined();
    const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
    };
    for (const key of pkg.packages) {
      expect({ key, dev: lock.packages[key].dev ?? lock.packages[key].devOptional ?? false }).toEqual({
        key,
        dev: false,
      });
    }
    const top = new Set(
      files
        .filter((f) => f.startsWith('node_modules/'))
        .map((f) =>
          f
            .split('/')
            .slice(0, f.startsWith('node_modules/@') ? 3 : 2)
            .join('/'),
        ),
    );
    for (const dev of [
      'node_modules/jest',
      'node_modules/typescript',
      'node_modules/webpack',
      'node_modules/azurite',
      'node_modules/azure-functions-core-tools',
      'node_modules/@azure/msal-browser',
    ])
      expect(top.has(dev)).toBe(false);
    expect(top.has('node_modules/decimal.js')).toBe(true);

    // The package's lock lists exactly the copied packages, at the root lock's versions.
    const packaged = JSON.parse(fs.readFileSync(path.join(pkg.out, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dependencies?: Record<string, string> }>;
    };
    expect(Object.keys(packaged.packages).sort()).toEqual(['', ...pkg.packages].sort());
    expect(packaged.packages[''].dependencies).toEqual(manifest.dependencies);
    for (const key of pkg.packages) {
      const installed = JSON.parse(fs.readFileSync(path.join(pkg.out, key, 'package.json'), 'utf8')) as {
        version: string;
      };
      expect({ key, version: packaged.packages[key].version }).toEqual({ key, version: installed.version });
    }
  });

  it('root .funcignore (git ignore rules) lets only host.json, package.json and compiled functions through', () => {
    // A scratch repository with the root's tracked files plus what a working copy also has.
    const scratch = path.join(tmp, 'funcignore');
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    const local = [
      '.data/keys/private.jwk.json',
      '.data/keys/jwks.json',
      '.data/azurite/__blobstorage__/x',
      'local.settings.json',
      'dist/functions/index.js',
      'dist/functions/index.js.map',
      'dist/functions/http/health.js',
      'dist/shared/index.js',
      'dist/formats/xlsx.js',
      'dist/addin/taskpane.abc.js',
      'dist/cli/index.js',
      'dist/scripts/dev-host.js',
      'node_modules/jest/index.js',
      '.deploy/api/host.json',
    ];
    for (const f of [...tracked, ...local]) {
      fs.mkdirSync(path.dirname(path.join(scratch, f)), { recursive: true });
      fs.writeFileSync(path.join(scratch, f), '');
    }
    fs.copyFileSync(path.join(ROOT, '.funcignore'), path.join(scratch, '.gitignore'));
    execFileSync('git', ['init', '-q'], { cwd: scratch });
    const kept = execFileSync('git', ['ls-files', '--others', '--exclude-standard'], { cwd: scratch, encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort();
    expect(kept).toEqual(
      [
        'dist/formats/xlsx.js',
        'dist/functions/http/health.js',
        'dist/functions/index.js',
        'dist/shared/index.js',
        'host.json',
        'package.json',
      ].sort(),
    );
  });
});
