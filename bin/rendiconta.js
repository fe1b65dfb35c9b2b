#!/usr/bin/env node
'use strict';
// Runs the compiled CLI when built (npm run build), else the TypeScript sources through tsx.
// RENDICONTA_FROM_SOURCE=1 forces the sources (a stale dist/ must not hide a change).
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, '..', 'dist', 'cli', 'main.js');
let cli;
if (fs.existsSync(compiled) && !process.env.RENDICONTA_FROM_SOURCE) {
  cli = require(compiled);
} else {
  require('tsx/cjs');
  cli = require('../cli/main.ts');
}
cli.runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
