// Starts the pinned Azurite from node_modules as a child process and reports the ports it bound
// (port 0 = let the OS choose; Azurite prints the chosen ones). Used by npm start (persistent under
// .data/azurite), the integration tests' global setup and the bench (both in memory).
// Azurite runs under scripts/parent-guard.js, so it never outlives the process that started it
// (even after a kill -9 of that process), and is always stopped with SIGTERM first: Azurite saves
// its LokiJS metadata on a clean shutdown, otherwise only every 5 s (its fixed autosave interval).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { azuriteConnectionString } from '../functions/lib/storage';

export interface AzuriteOptions {
  /** Directory for persistent data; omitted → --inMemoryPersistence. */
  location?: string;
  blobPort?: number;
  queuePort?: number;
  tablePort?: number;
  host?: string;
  /** Echo Azurite's output (npm start). */
  inheritOutput?: boolean;
}

export interface AzuriteInstance {
  process: ChildProcess;
  ports: { blob: number; queue: number; table: number };
  connectionString: string;
  stop(): Promise<void>;
}

export function azuriteBinary(root = path.resolve(__dirname, '..')): string {
  const bin = path.join(root, 'node_modules', 'azurite', 'dist', 'src', 'azurite.js');
  if (!fs.existsSync(bin)) throw new Error('azurite is not installed: run npm ci');
  return bin;
}

export async function startAzurite(options: AzuriteOptions = {}): Promise<AzuriteInstance> {
  const host = options.host ?? '127.0.0.1';
  const args = [
    azuriteBinary(),
    '--skipApiVersionCheck',
    '--disableTelemetry',
    '--loose',
    '--blobHost',
    host,
    '--queueHost',
    host,
    '--tableHost',
    host,
    '--blobPort',
    String(options.blobPort ?? 0),
    '--queuePort',
    String(options.queuePort ?? 0),
    '--tablePort',
    String(options.tablePort ?? 0),
  ];
  if (options.location) {
    fs.mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location, '--debug', path.join(options.location, 'debug.log'));
  } else {
    args.push('--inMemoryPersistence');
  }
  // stdin is the guard's lifeline: it closes when this process dies, however it dies.
  const child = spawn(process.execPath, [parentGuard(), process.execPath, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const ports: Partial<Record<'blob' | 'queue' | 'table', number>> = {};
  let output = '';
  let started = false;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Azurite did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      if (options.inheritOutput) process.stdout.write(text);
      if (started) return; // keep draining the pipe, stop collecting
      output += text;
      for (const m of output.matchAll(
        /Azurite (Blob|Queue|Table) service is successfully listening at http:\/\/[^:]+:(\d+)/g,
      )) {
        ports[m[1].toLowerCase() as 'blob' | 'queue' | 'table'] = Number(m[2]);
      }
      if (ports.blob && ports.queue && ports.table) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with code ${code}:\n${output}`));
    });
  });
  child.removeAllListeners('exit');
  const bound = ports as { blob: number; queue: number; table: number };
  return {
    process: child,
    ports: bound,
    connectionString: azuriteConnectionString(bound, host),
    stop: () => stopChild(child, 10_000),
  };
}

/** True once the process has ended, by exit code or by signal (exitCode stays null for a signal). */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves at once for a process that already ended. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (hasExited(child)) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => {
      if (!hasExited(child)) child.kill('SIGKILL');
    }, graceMs).unref();
  });
}

/**
 * Calls `onGone` once when this process's parent is gone (re-parented: `tsx` runs a script in a
 * child of its own, so a kill -9 of the `tsx` process leaves the script running otherwise).
 */
export function whenParentDies(onGone: () => void, everyMs = 1000): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
}

export function parentGuard(root = path.resolve(__dirname, '..')): string {
  return path.join(root, 'scripts', 'parent-guard.js');
}
