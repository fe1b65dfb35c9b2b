// Issue 11, item 6: `npm start`'s children never outlive it, and stopping never waits on a child
// that is already gone. Real processes: an Azurite under its parent guard, killed parents.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { parentGuard, stopChild } from '../../scripts/azurite-process';

const ROOT = path.resolve(__dirname, '..', '..');

/** Running (a zombie waiting for a parent that does not reap it counts as ended). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const ps = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' });
  return ps.stdout
    .split('\n')
    .map((l) => Number(l.trim()))
    .filter((n) => n > 0);
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return check();
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function startParent() {
  // `tsx` runs the script in a child process of its own: two parents to kill, two cases below.
  const tsx = spawn(
    process.execPath,
    [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(__dirname, 'children', 'azurite-parent.ts')],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const pattern = /script (\d+) guard (\d+) table (\d+)/;
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no Azurite: ${out}`)), 60_000);
    tsx.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    });
    tsx.stderr.on('data', (c: Buffer) => (out += c.toString()));
  });
  const [, script, guard, port] = pattern.exec(line)!.map(Number);
  const [server] = childrenOf(guard);
  expect(server).toBeGreaterThan(0);
  expect(await listening(port)).toBe(true);
  return { tsx, script, guard, server, port };
}

it('kill -9 of the process that started Azurite stops it (guard and server) within seconds', async () => {
  const p = await startParent();
  process.kill(p.script, 'SIGKILL'); // no handler of the parent runs
  expect(await until(() => !alive(p.guard) && !alive(p.server), 15_000)).toBe(true);
  expect(await listening(p.port)).toBe(false);
  p.tsx.kill('SIGKILL');
}, 90_000);

it('kill -9 of the tsx process above the script stops it too', async () => {
  const p = await startParent();
  p.tsx.kill('SIGKILL');
  expect(await until(() => !alive(p.script) && !alive(p.guard) && !alive(p.server), 20_000)).toBe(true);
  expect(await listening(p.port)).toBe(false);
}, 90_000);

it('the guard forwards a stop to the whole process group of its command', async () => {
  // A shell that starts a grandchild (as webpack starts workers): both must stop.
  const guard = spawn(process.execPath, [parentGuard(ROOT), '/bin/sh', '-c', 'sleep 300 & echo $!; wait'], {
    stdio: ['pipe', 'pipe', 'ignore'],
  });
  const grandchild = await new Promise<number>((resolve) =>
    guard.stdout.once('data', (c: Buffer) => resolve(Number(c.toString().trim()))),
  );
  expect(alive(grandchild)).toBe(true);
  await stopChild(guard, 5000);
  expect(await until(() => !alive(grandchild), 5000)).toBe(true);
}, 30_000);

it('stopping a child that already died by a signal resolves at once (no hang on Ctrl+C)', async () => {
  const child = spawn('sleep', ['300'], { stdio: 'ignore' });
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
  expect(child.exitCode).toBeNull(); // ended by a signal: exitCode stays null, signalCode is set
  const outcome = await Promise.race([
    stopChild(child, 60_000).then(() => 'stopped'),
    new Promise((r) => setTimeout(() => r('hung'), 2000)),
  ]);
  expect(outcome).toBe('stopped');
});
