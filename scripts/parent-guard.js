#!/usr/bin/env node
// Runs a command and makes sure it does not outlive the process that started it (npm start):
//   node scripts/parent-guard.js <command> [args…]
// The parent holds this guard's stdin open; when the parent dies — even by kill -9, which runs no
// handler — the pipe closes and the guard stops the command's whole process group (webpack and
// Azurite start workers of their own), SIGTERM then SIGKILL after 3 s. SIGTERM/SIGINT sent to the
// guard are forwarded the same way. Plain JavaScript: it must start fast and need no compiler.
'use strict';
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: parent-guard.js <command> [args…]\n');
  process.exit(2);
}
let stopping = false;
let child;

function stop(signal) {
  if (stopping) return;
  stopping = true;
  const kill = (sig) => {
    try {
      process.kill(-child.pid, sig); // the whole group
    } catch {
      /* already gone */
    }
  };
  kill(signal);
  setTimeout(() => kill('SIGKILL'), 3000).unref();
}

// Handlers first: the command may print (and the parent react) before this script goes on.
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGTERM'));
child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], detached: true });

child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
child.on('error', (err) => {
  process.stderr.write(`parent-guard: ${err.message}\n`);
  process.exit(1);
});
process.stdin.on('end', () => stop('SIGTERM'));
process.stdin.on('close', () => stop('SIGTERM'));
process.stdin.resume();
// A second line of defence: the parent pid changes (re-parented to init) when the parent is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 1000).unref();
