// The CLI's whole process on a 10,000-row workbook (all rules) beside tableschema-js type-checking
// the same rows as CSV, in one run (issue 9 item 5). Both are separate `node` processes started
// the same way and timed from spawn to exit (median of runs, after one warm-up run each):
//   - `rendiconta validate <10k.xlsx> … --json` from the compiled CLI (dist/, as `npm run build`
//     leaves it; compiled once per `npm run bench` by bench/compiled.ts);
//   - a script that loads the same rows as one CSV per sheet with tableschema-js (Table.load with
//     a schema of the columns' types) and casts every row (table.read({ forceCast: true })).
// Also printed, in-process: the xlsx reader alone and read + map + validate.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { buildWorkbook } from './validate.bench';
import { FIELDS, type FieldDef } from '../shared/mapping/fields';
import type { Category } from '../shared/agreement/agreement';
import type { RowInput } from '../shared/rows/rows';
import { readXlsx } from '../formats/xlsx/xlsx-reader';
import { workbookGrids } from '../cli/xlsx-read';
import { detectTables, isReadableTable, readTable } from '../shared/mapping/mapping';
import { validateRows } from '../shared/rules/validate';
import { getAgreement } from '../shared/agreement/agreements';
import { ensureCompiled, ROOT } from './compiled';

const WORK = path.join(tmpdir(), 'rendiconta-bench-cli');
const RUNS = 5;
const SHEETS: [Category, string][] = [
  ['PERS', 'Personale'],
  ['BENI', 'Beni di consumo'],
  ['SERV', 'Servizi'],
  ['GEN', 'Spese generali'],
  ['COFIN', 'Cofinanziamento'],
];

const ITALIAN_NUMBER = /^\d+(,\d+)?$/;
const ITALIAN_DATE = /^(\d{2})\/(\d{2})\/(\d{4})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A cell as a partner's workbook holds it: numbers as numbers, dates as dates, the rest as typed. */
function nativeValue(def: FieldDef, value: unknown): string | number | Date | null {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value);
  if ((def.kind === 'amount' || def.kind === 'quantity') && ITALIAN_NUMBER.test(text))
    return Number(text.replace(',', '.'));
  if (def.kind === 'date') {
    const it = ITALIAN_DATE.exec(text);
    if (it) return new Date(`${it[3]}-${it[2]}-${it[1]}T00:00:00Z`);
    if (ISO_DATE.test(text)) return new Date(`${text}T00:00:00Z`);
  }
  if (def.kind === 'month') {
    const m = /^(\d{2})\/(\d{4})$/.exec(text);
    if (m) return new Date(`${m[2]}-${m[1]}-01T00:00:00Z`);
  }
  return text;
}

function csvValue(value: string | number | Date | null): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** tableschema-js types of the same columns (what a CSV validator can check of them). */
function tableSchema(defs: readonly FieldDef[]): object {
  return {
    fields: defs.map((d) => ({
      name: d.key,
      type:
        d.kind === 'amount' || d.kind === 'quantity'
          ? 'number'
          : d.kind === 'date' || d.kind === 'month'
            ? 'date'
            : 'string',
      ...(d.key === 'taxCode' || d.key === 'supplierId' ? { constraints: { pattern: '[A-Z0-9]{11,16}' } } : {}),
    })),
  };
}

async function prepare(): Promise<{ xlsx: string; csvs: { csv: string; schema: string }[] }> {
  mkdirSync(WORK, { recursive: true });
  const xlsx = path.join(WORK, 'rendiconto-10k.xlsx');
  const rows = buildWorkbook();
  const csvs: { csv: string; schema: string }[] = [];
  const workbook = new ExcelJS.Workbook();
  for (const [category, sheet] of SHEETS) {
    const defs = FIELDS[category].filter((d) => d.key !== 'rowId');
    const mine = rows.filter(
      (r: RowInput) =>
        r.sheet === sheet && (category === 'BENI' || category === 'SERV' ? r.category === category : true),
    );
    const ws = workbook.addWorksheet(sheet);
    ws.addRow(defs.map((d) => d.header));
    const lines = [defs.map((d) => d.key).join(',')];
    for (const row of mine) {
      const values = defs.map((d) => nativeValue(d, row[d.key]));
      ws.addRow(values);
      lines.push(values.map(csvValue).join(','));
    }
    const csv = path.join(WORK, `${category}.csv`);
    const schema = path.join(WORK, `${category}.schema.json`);
    writeFileSync(csv, lines.join('\n') + '\n');
    writeFileSync(schema, JSON.stringify(tableSchema(defs)));
    csvs.push({ csv, schema });
  }
  await workbook.xlsx.writeFile(xlsx);
  return { xlsx, csvs };
}

const TABLESCHEMA_SCRIPT = `
const { Table } = require(${JSON.stringify(path.join(ROOT, 'node_modules', 'tableschema'))});
const fs = require('fs');
(async () => {
  let rows = 0, errors = 0;
  for (const [csv, schema] of JSON.parse(process.argv[process.argv.length - 1])) {
    const table = await Table.load(csv, { schema: JSON.parse(fs.readFileSync(schema, 'utf8')) });
    const read = await table.read({ forceCast: true });
    rows += read.length;
    for (const r of read) if (r instanceof Error) errors += 1;
  }
  process.stdout.write(JSON.stringify({ rows, errors }));
})();
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Preloaded into both processes: reports the process's own CPU time (user + system) at exit. */
const CPU_REPORT = `process.on('exit', () => require('fs').writeSync(2, '\\n@@cpu ' + JSON.stringify(process.cpuUsage())));`;

function timed(command: string, args: string[]): { ms: number; cpuMs: number; stdout: string; status: number | null } {
  const preload = path.join(WORK, 'cpu-report.js');
  if (!existsSync(preload)) writeFileSync(preload, CPU_REPORT);
  const start = performance.now();
  const result = spawnSync(command, ['-r', preload, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  const cpu = /@@cpu (\{.*\})/.exec(result.stderr ?? '');
  const usage = cpu ? (JSON.parse(cpu[1]) as { user: number; system: number }) : { user: NaN, system: NaN };
  return { ms, cpuMs: (usage.user + usage.system) / 1000, stdout: result.stdout, status: result.status };
}

function compiledCli(): string {
  ensureCompiled();
  return path.join(ROOT, 'bin', 'rendiconta.js');
}

export async function run(): Promise<Record<string, unknown>> {
  const { xlsx, csvs } = await prepare();
  const bin = compiledCli();
  const cliArgs = [bin, 'validate', xlsx, '--agreement', 'crema-2026-2028', '--programme', 'P1', '--partner', 'koala'];
  cliArgs.push('--year', '2026', '--today', '2026-05-15', '--json');
  const schemaArgs = ['-e', TABLESCHEMA_SCRIPT, JSON.stringify(csvs.map((c) => [c.csv, c.schema]))];

  // Warm-up (file cache), then alternate the two so a busy moment hits both alike.
  const first = timed(process.execPath, cliArgs);
  const findings = (JSON.parse(first.stdout) as { findings: unknown[] }).findings.length;
  const checked = JSON.parse(timed(process.execPath, schemaArgs).stdout) as { rows: number; errors: number };
  const cliTimes: number[] = [];
  const schemaTimes: number[] = [];
  const cliCpu: number[] = [];
  const schemaCpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cli = timed(process.execPath, cliArgs);
    const schema = timed(process.execPath, schemaArgs);
    cliTimes.push(cli.ms);
    cliCpu.push(cli.cpuMs);
    schemaTimes.push(schema.ms);
    schemaCpu.push(schema.cpuMs);
  }

  // In-process: the reader, then read + map + validate, on the same bytes.
  const bytes = new Uint8Array(readFileSync(xlsx));
  const agreement = getAgreement('crema-2026-2028');
  if (!agreement) throw new Error('agreement crema-2026-2028 missing');
  const readTimes: number[] = [];
  const pipelineTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let start = performance.now();
    const grids = workbookGrids(readXlsx(bytes));
    readTimes.push(performance.now() - start);
    start = performance.now();
    const again = workbookGrids(readXlsx(bytes));
    const rows = detectTables(again)
      .filter(isReadableTable)
      .flatMap((t) => readTable(t, again.find((g) => g.name === t.sheet) ?? grids[0]).rows);
    validateRows(rows, { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-05-15' });
    pipelineTimes.push(performance.now() - start);
  }

  const numbers = {
    rows: checked.rows,
    xlsxKB: Math.round(bytes.length / 1024),
    cliFindings: findings,
    tableschemaCastErrors: checked.errors,
    cliProcessMedianMs: Math.round(median(cliTimes)),
    tableschemaProcessMedianMs: Math.round(median(schemaTimes)),
    cliTimesMs: cliTimes.map(Math.round),
    tableschemaTimesMs: schemaTimes.map(Math.round),
    ratio: Number((median(cliTimes) / median(schemaTimes)).toFixed(2)),
    meetsTarget: median(cliTimes) <= median(schemaTimes),
    // CPU time of each process (user + system): what the machine's load does not inflate.
    cliCpuMedianMs: Math.round(median(cliCpu)),
    tableschemaCpuMedianMs: Math.round(median(schemaCpu)),
    cpuRatio: Number((median(cliCpu) / median(schemaCpu)).toFixed(2)),
    inProcessReadMedianMs: Math.round(median(readTimes)),
    inProcessReadMapValidateMedianMs: Math.round(median(pipelineTimes)),
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
  console.log(
    `CLI validate (processo intero, ${numbers.rows} righe, ${numbers.xlsxKB} KB xlsx): ${numbers.cliProcessMedianMs} ms ` +
      `| tableschema-js sulle stesse righe in CSV: ${numbers.tableschemaProcessMedianMs} ms ` +
      `| rapporto ${numbers.ratio} (obiettivo <= 1: ${numbers.meetsTarget ? 'ok' : 'NON RAGGIUNTO'}); ` +
      `CPU ${numbers.cliCpuMedianMs} ms contro ${numbers.tableschemaCpuMedianMs} ms (rapporto ${numbers.cpuRatio}); ` +
      `in processo: lettura xlsx ${numbers.inProcessReadMedianMs} ms, lettura+mappatura+verifica ${numbers.inProcessReadMapValidateMedianMs} ms; carico ${numbers.loadAverage1m}`,
  );
  return numbers;
}

if (require.main === module) {
  run().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
