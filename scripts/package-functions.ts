// `npm run package:functions`: assembles the Function App's deployment folder (.deploy/api by
// default) with host.json, a production package.json, the compiled JavaScript the entry point
// actually loads (walked from package.json "main", so cli/, scripts/ and the add-in never go) and
// the production dependencies resolved from package-lock.json (no dev or optional tools). Nothing
// else: no .data/ (local signing keys, Azurite), no local.settings.json, no tests, no TypeScript.
// azure.yaml deploys that folder; `func azure functionapp publish <app>` can be run inside it.
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
/** Bundled into the pane by webpack: never needed by the Functions. */
const PANE_ONLY = new Set(['@azure/msal-browser']);

interface Manifest {
  name: string;
  version: string;
  main: string;
  license?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
}

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  link?: boolean;
  resolved?: string;
}

/** Files matched by a v4-model "main": `dir/{a.js,sub/*.js}`, `dir/*.js` or a plain file. */
export function expandMain(root: string, main: string): string[] {
  const brace = /^(.*)\{([^}]+)\}(.*)$/.exec(main);
  const patterns = brace ? brace[2].split(',').map((alt) => `${brace[1]}${alt}${brace[3]}`) : [main];
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!pattern.includes('*')) {
      if (fs.existsSync(path.join(root, pattern))) files.push(path.join(root, pattern));
      continue;
    }
    const dir = path.join(root, path.dirname(pattern));
    const re = new RegExp(`^${path.basename(pattern).replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (re.test(f)) files.push(path.join(dir, f));
  }
  return [...new Set(files)];
}

/** Compiled CommonJS files reachable by relative require() from the entry files. */
export function localClosure(entries: string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      const base = path.resolve(path.dirname(file), m[1]);
      const found = [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')].find(
        (c) => fs.existsSync(c) && fs.statSync(c).isFile(),
      );
      if (!found) throw new Error(`${path.relative(ROOT, file)}: require("${m[1]}") non trovato`);
      queue.push(found);
    }
  }
  return [...seen].sort();
}

/**
 * Production dependency closure in the lock file's node_modules layout: each dependency is looked
 * up from the requiring package's folder upwards, as Node resolves it.
 */
export function productionPackages(lock: { packages: Record<string, LockEntry> }, roots: string[]): string[] {
  const found = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = dir ? `${dir}/node_modules/${name}` : `node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (!dir) return undefined;
      const up = dir.lastIndexOf('/node_modules/');
      dir = up < 0 ? '' : dir.slice(0, up);
    }
  };
  const visit = (from: string, name: string, optional: boolean) => {
    const key = resolve(from, name);
    if (!key) {
      if (optional) return;
      throw new Error(`package-lock.json: dipendenza ${name} (da ${from || 'radice'}) non trovata`);
    }
    if (found.has(key)) return;
    found.add(key);
    const entry = lock.packages[key];
    for (const dep of Object.keys(entry.dependencies ?? {})) visit(key, dep, false);
    // Optional and peer dependencies only when the lock actually installed them.
    for (const dep of Object.keys(entry.optionalDependencies ?? {})) visit(key, dep, true);
    for (const dep of Object.keys(entry.peerDependencies ?? {})) visit(key, dep, true);
  };
  for (const name of roots) visit('', name, false);
  return [...found].sort();
}

export interface PackageResult {
  out: string;
  files: string[];
  packages: string[];
}

/** Builds the deployment folder from an already compiled `dist` (tsc -p tsconfig.build.json). */
export function packageFunctions(options: { dist?: string; out?: string; root?: string } = {}): PackageResult {
  const root = options.root ?? ROOT;
  const dist = path.resolve(root, options.dist ?? 'dist');
  const out = path.resolve(root, options.out ?? '.deploy/api');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
  const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockEntry>;
  };
  // "main" is relative to the package root and names dist/…: map it onto the compiled folder.
  if (!manifest.main.startsWith('dist/')) throw new Error('package.json "main" deve puntare a dist/');
  const mainInDist = manifest.main.slice('dist/'.length);
  const entries = expandMain(dist, mainInDist);
  if (entries.length === 0)
    throw new Error(`nessun file compilato per "main" in ${dist}: eseguire npm run build:functions`);

  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const files: string[] = [];
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(path.join(out, to)), { recursive: true });
    fs.copyFileSync(from, path.join(out, to));
    files.push(to);
  };
  for (const file of localClosure(entries)) copy(file, path.join('dist', path.relative(dist, file)));
  copy(path.join(root, 'host.json'), 'host.json');

  const dependencies = Object.fromEntries(
    Object.entries(manifest.dependencies ?? {}).filter(([name]) => !PANE_ONLY.has(name)),
  );
  const production = {
    name: manifest.name,
    version: manifest.version,
    private: true,
    license: manifest.license,
    main: manifest.main,
    engines: manifest.engines,
    dependencies,
  };
  fs.writeFileSync(path.join(out, 'package.json'), `${JSON.stringify(production, null, 2)}\n`);
  files.push('package.json');
  // The lock of exactly what is copied, so an `npm install`/`npm ci` in the folder (azd's restore
  // step) reproduces these versions instead of resolving the ranges again.
  const packages = productionPackages(lock, Object.keys(dependencies));
  const pruned = {
    name: manifest.name,
    version: manifest.version,
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: manifest.name,
        version: manifest.version,
        license: manifest.license,
        dependencies,
        engines: manifest.engines,
      },
      ...Object.fromEntries(packages.map((key) => [key, lock.packages[key]])),
    },
  };
  fs.writeFileSync(path.join(out, 'package-lock.json'), `${JSON.stringify(pruned, null, 2)}\n`);
  files.push('package-lock.json');
  // A deployment folder that is also a Core Tools project: nothing in it is to be left out but maps.
  fs.writeFileSync(path.join(out, '.funcignore'), '*.js.map\nlocal.settings.json\n');
  files.push('.funcignore');

  for (const key of packages) {
    // Nested node_modules of a copied package come with it.
    if (packages.some((p) => p !== key && key.startsWith(`${p}/`))) continue;
    const from = path.join(root, key);
    if (!fs.existsSync(from)) throw new Error(`${key} non è installato: eseguire npm ci`);
    fs.cpSync(from, path.join(out, key), {
      recursive: true,
      dereference: true,
      filter: (src) => !/[\\/]\.bin$/.test(src),
    });
  }
  return { out, files: files.sort(), packages };
}

/** Every file of a folder, relative, with / separators (what a zip of it would hold). */
export function listFiles(dir: string, base = dir): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))],
    )
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const result = packageFunctions({ dist: arg('--dist'), out: arg('--out') });
  const all = listFiles(result.out);
  console.log(
    `✓ ${path.relative(ROOT, result.out) || result.out}: ${result.files.length} file dell'app, ` +
      `${result.packages.length} pacchetti di produzione, ${all.length} file in tutto.`,
  );
}
