// npm start: Azurite (data under .data/azurite) on 10000-10002, the API on 7071 (Core Tools' `func
// start` when installed, else the dev host), demo data, and ready-made tokens. Ctrl+C stops all.
// Every child runs under scripts/parent-guard.js: a kill -9 of this process still stops Azurite,
// func and webpack (their guard sees its stdin close). Ctrl+C never waits on a child that is gone.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { auditKeysFromEnv } from '../functions/lib/audit-key';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, LOCAL_KEYS_DIR } from '../functions/lib/auth';
import { loadOrCreateLocalKey, mintToken } from '../functions/lib/dev-keys';
import { azuriteConnectionString, createStorage } from '../functions/lib/storage';
import {
  hasExited,
  parentGuard,
  startAzurite,
  stopChild,
  whenParentDies,
  type AzuriteInstance,
} from './azurite-process';
import { seedDemo } from './seed-demo';
import { writeDemoWorkbook } from './demo-workbook';
import { DEFAULT_AGREEMENT_ID } from '../shared/agreement/agreements';
import { romeDate } from '../shared/core/dates';
import { poScopeEntry } from '../shared/contract/po-scope-claim';

const ROOT = path.resolve(__dirname, '..');
const API_PORT = Number(process.env.PORT ?? 7071);
const AZURITE_PORTS = { blob: 10000, queue: 10001, table: 10002 };

export interface ProcessSpec {
  name: string;
  command: string;
  args: string[];
  /** Printed once started. */
  url?: string;
  env?: Record<string, string>;
}

/**
 * Extra processes started once the API is up. The task pane's dev server adds its line here, e.g.
 * { name: 'taskpane', command: process.execPath, args: [webpackCli, 'serve', '--mode', 'development'], url: 'https://localhost:3000' }
 */
export const EXTRA_PROCESSES: ProcessSpec[] = [
  {
    name: 'taskpane',
    command: process.execPath,
    args: [path.join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'), 'serve', '--mode', 'development'],
    url: 'https://localhost:3000/taskpane.html',
  },
];

const children: ChildProcess[] = [];
let azurite: AzuriteInstance | undefined;

function startChild(spec: ProcessSpec, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [parentGuard(ROOT), spec.command, ...spec.args], {
    cwd: ROOT,
    env: { ...env, ...spec.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split(/\r?\n/)
      .filter(Boolean)
      .map((l) => `[${spec.name}] ${l}`)
      .join('\n') + '\n';
  child.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  child.on('exit', (code) => console.log(`[${spec.name}] terminato (codice ${code})`));
  children.push(child);
  return child;
}

function hasFuncBinary(): boolean {
  const result = spawnSync(process.platform === 'win32' ? 'func.cmd' : 'func', ['--version'], {
    cwd: ROOT,
    stdio: 'ignore',
    env: {
      ...process.env,
      PATH: `${path.join(ROOT, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH ?? ''}`,
    },
  });
  return result.status === 0;
}

async function main(): Promise<void> {
  if (process.env.NODE_ENV === 'production')
    throw new Error('npm start è solo per lo sviluppo locale (NODE_ENV=production).');
  const key = await loadOrCreateLocalKey();

  let connectionString = azuriteConnectionString(AZURITE_PORTS);
  try {
    azurite = await startAzurite({
      location: path.join(ROOT, '.data', 'azurite'),
      blobPort: AZURITE_PORTS.blob,
      queuePort: AZURITE_PORTS.queue,
      tablePort: AZURITE_PORTS.table,
    });
    connectionString = azurite.connectionString;
  } catch (err) {
    // Ports taken: most likely an Azurite already running (VS Code extension…). Use it if it answers.
    console.warn(
      `Azurite non avviato (${err instanceof Error ? err.message.split('\n')[0] : err}); provo quello già in ascolto su ${AZURITE_PORTS.table}.`,
    );
  }
  const storage = createStorage({ connectionString });
  await storage.ensure();

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    STORAGE_CONNECTION_STRING: connectionString,
    AzureWebJobsStorage: connectionString,
    AUTH_ISSUER: LOCAL_ISSUER,
    AUTH_AUDIENCE: LOCAL_AUDIENCE,
    AUTH_JWKS_FILE: path.join(LOCAL_KEYS_DIR, 'jwks.json'),
    FUNCTIONS_WORKER_RUNTIME: 'node',
  };
  Object.assign(process.env, env);

  const demo = await seedDemo({ storage, auditKeys: auditKeysFromEnv() });
  console.log(
    `Dati demo: ${demo.seeded.map((s) => `${s.submissionId}${s.replayed ? ' (già presente)' : ''}${s.rejected ? ` (${s.rejected} righe respinte)` : ''}`).join(', ')}`,
  );
  // The workbook holds koala's version 1 as stored (so a demo seeded on an earlier day still matches).
  const demoWorkbook = await writeDemoWorkbook(
    path.join(ROOT, '.data', 'demo'),
    romeDate(new Date()),
    demo.koalaRows.length > 0 ? demo.koalaRows : undefined,
  );
  console.log(`Cartella demo da trascinare nel pannello: ${path.relative(ROOT, demoWorkbook)}`);

  if (hasFuncBinary()) {
    console.log('Azure Functions Core Tools trovati: compilo e avvio `func start`.');
    const settings = path.join(ROOT, 'local.settings.json');
    if (!fs.existsSync(settings)) fs.copyFileSync(path.join(ROOT, 'local.settings.example.json'), settings);
    const build = spawnSync(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
      { cwd: ROOT, stdio: 'inherit' },
    );
    if (build.status !== 0) throw new Error('compilazione non riuscita');
    startChild(
      {
        name: 'func',
        command: process.platform === 'win32' ? 'func.cmd' : 'func',
        args: ['start', '--port', String(API_PORT)],
      },
      env,
    );
  } else {
    await import('./quiet-registration');
    const { startDevHost } = await import('./dev-host');
    const { buildRoutes } = await import('../functions/routes');
    const { depsFromEnv } = await import('../functions/lib/deps');
    // The same storage client as the seed; the JWKS from the settings set above.
    await startDevHost({ routes: buildRoutes(depsFromEnv(process.env, { storage })), port: API_PORT });
    console.log('Core Tools non installati: API servita dal dev host (stessi handler).');
  }
  for (const spec of EXTRA_PROCESSES) startChild(spec, env);

  const partner = await mintToken(key, { roles: ['partner'], partner: 'koala' });
  // Qualified entries: programme ids repeat across agreements (shared/contract/po-scope-claim.ts).
  const po = await mintToken(key, {
    roles: ['po'],
    programmes: ['P1', 'P2'].map((p) => poScopeEntry(DEFAULT_AGREEMENT_ID, p)),
  });
  console.log(`
API            http://localhost:${API_PORT}/api   (health: http://localhost:${API_PORT}/api/health)
Azurite        blob ${AZURITE_PORTS.blob} · queue ${AZURITE_PORTS.queue} · table ${AZURITE_PORTS.table}   (dati in .data/azurite)
${EXTRA_PROCESSES.filter((s) => s.url)
  .map((s) => `${s.name.padEnd(15)}${s.url}`)
  .join('\n')}
Token partner (koala), 8 h:
${partner}

Token PO (crema-2026-2028: P1, P2), 8 h:
${po}

Esempio: curl -H "Authorization: Bearer <token>" http://localhost:${API_PORT}/api/agreements/crema-2026-2028/submissions
Altri token: npm run token -- --role partner --partner igea | --role po --programme P3 | --role po --programme P1 --agreement ambito-poverta-2026-2028 | --role admin
Ctrl+C per fermare tutto.`);

  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));
  // kill -9 of the `tsx`/npm process above this one: stop like Ctrl+C (the guards cover our own death).
  whenParentDies(() => void stopAll(1));
}

/** Stops every child (already ended ones are skipped) and Azurite, then exits; never hangs. */
async function stopAll(code: number): Promise<void> {
  // A last resort: whatever still runs after 15 s, exit anyway (the guards stop their children).
  setTimeout(() => process.exit(code), 15_000).unref();
  await Promise.all([...children.filter((c) => !hasExited(c)).map((c) => stopChild(c, 5000)), azurite?.stop()]);
  process.exit(code);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await stopAll(1);
});
