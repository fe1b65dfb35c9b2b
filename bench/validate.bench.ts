// Validation engine benchmark: a deterministic 10,000-row mixed workbook (all categories), a full
// validateRows (median of 15 passes after warm-up) and an IncrementalValidator.upsert of one edited row,
// timed on the engine compiled in dist/ as the Functions and the CLI run it (bench/compiled.ts), with
// the same passes on the sources through tsx beside it. Targets (brief): full pass <= 50 ms, one-row
// upsert <= 1 ms. Prints and returns the numbers.
import { performance } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import * as sourceAgreements from '../shared/agreement/agreements';
import type { RowInput } from '../shared/rows/rows';
import * as sourceValidate from '../shared/rules/validate';
import type { ValidationContext } from '../shared/rules/validate';
import { vatCheckDigit, taxCodeCheckChar } from '../shared/core/tax-ids';
import { Money } from '../shared/core/money';
import { compiled } from './compiled';

const ROWS = 10_000;

/** Small deterministic generator (mulberry32) so every run benchmarks the same workbook. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const MONTH_LETTERS = 'ABCDEHLMPRST';

function taxCode(rand: () => number): string {
  let code = '';
  for (let i = 0; i < 6; i++) code += LETTERS[Math.floor(rand() * 26)];
  code += String(60 + Math.floor(rand() * 40));
  code += MONTH_LETTERS[Math.floor(rand() * 12)];
  code += String(10 + Math.floor(rand() * 18));
  code += `H${String(100 + Math.floor(rand() * 899))}`;
  return code + taxCodeCheckChar(code);
}

function vatNumber(rand: () => number): string {
  let first = '';
  for (let i = 0; i < 10; i++) first += String(Math.floor(rand() * 10));
  return first + String(vatCheckDigit(first));
}

const cents = (value: number) => {
  const c = Math.round(value * 100);
  return `${Math.floor(c / 100)},${String(c % 100).padStart(2, '0')}`;
};

/**
 * Builds the workbook: realistic values, about 2% of rows with a deliberate mistake. Every row is
 * dated in January–April 2026, the first reporting window, as a report sent on 15 May 2026 (the
 * benches' `today`) holds: R03 refuses dates after today, so rows dated later would all be errors.
 */
export function buildWorkbook(rows = ROWS, seed = 20260315): RowInput[] {
  const rand = random(seed);
  const persons = Array.from({ length: 1200 }, () => taxCode(rand));
  const suppliers = Array.from({ length: 150 }, () => vatNumber(rand));
  const types = [
    'materiale di consumo',
    'attrezzature minute',
    'alimentari',
    'materiale didattico',
    'servizi',
    'formazione',
    'utenze',
  ];
  const methods = ['bonifico', 'carta', 'RID/SDD', 'PagoPA'];
  const out: RowInput[] = [];
  for (let i = 0; i < rows; i++) {
    const r = rand();
    const month = 1 + Math.floor(rand() * 4);
    const mm = String(month).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const action = `A${1 + Math.floor(rand() * 5)}`;
    const base = { rowId: `r${i}`, row: i + 2, programme: rand() < 0.5 ? 'P1' : 'Programma 1', action };
    const mistake = rand() < 0.02;
    if (r < 0.5) {
      const hours = 5 + Math.floor(rand() * 40);
      const cost = 17 + Math.floor(rand() * 300) / 100;
      out.push({
        ...base,
        category: 'PERS',
        sheet: 'Personale',
        name: `Persona ${i % 1200}`,
        taxCode: persons[i % 1200],
        employment: rand() < 0.85 ? 'dipendente' : 'collaboratore',
        ccnl: 'Cooperative sociali',
        level: rand() < 0.5 ? 'A1' : 'C1',
        month: `${mm}/2026`,
        hours: String(hours),
        hourlyCost: cents(cost),
        amount: mistake ? 'da definire' : cents(hours * cost),
        documents: 'timesheet; bonifico; F24; fattura; relazione',
        columns: { hours: 'J', hourlyCost: 'K', amount: 'M', month: 'I', documents: 'P' },
      });
    } else if (r < 0.75) {
      const taxable = 20 + Math.floor(rand() * 200000) / 100;
      const total = taxable * 1.22;
      out.push({
        ...base,
        category: r < 0.65 ? 'BENI' : 'SERV',
        sheet: r < 0.65 ? 'Beni di consumo' : 'Servizi',
        supplier: `Fornitore ${i % 150}`,
        supplierId: suppliers[i % 150],
        invoiceNumber: `FT ${i}`,
        invoiceDate: `${day}/${mm}/2026`,
        description: 'Acquisto',
        expenseType: mistake ? 'omaggi e regalie' : types[i % types.length],
        taxable: cents(taxable),
        vat: cents(total - taxable),
        invoiceTotal: cents(total),
        amount: cents(total),
        paymentDate: `2026-${mm}-${day}`,
        paymentMethod: methods[i % 4],
        documents: 'fattura; bonifico',
        columns: { amount: 'J', invoiceDate: 'D', expenseType: 'F' },
      });
    } else if (r < 0.8) {
      out.push({
        ...base,
        category: 'GEN',
        sheet: 'Spese generali',
        description: 'Quota affitto',
        allocationKey: 'mq',
        date: `2026-${mm}-${day}`,
        amount: cents(10 + rand() * 100),
        documents: 'fattura; criterio di imputazione',
      });
    } else {
      const volunteer = rand() < 0.7;
      const hours = 1 + Math.floor(rand() * 10);
      out.push({
        ...base,
        category: 'COFIN',
        sheet: 'Cofinanziamento',
        resourceType: volunteer ? 'volontariato' : 'monetaria',
        description: 'Attività',
        volunteer: volunteer ? `Volontario ${i % 90}` : '',
        date: `2026-${mm}-${day}`,
        hours: volunteer ? String(hours) : '',
        hourlyValue: volunteer ? '15' : '',
        value: volunteer ? `${hours * 15}` : cents(50 + rand() * 500),
        documents: volunteer ? 'registro volontari' : '',
      });
    }
  }
  return JSON.parse(JSON.stringify(out.map(asTableRow))) as RowInput[];
}

/**
 * The row as the readers hand it over: readTable (pane and CLI) writes rowId, category, sheet, row
 * and columns, then each non-empty cell in the template's column order, and JSON.parse (the API)
 * keeps the keys in the order sent; so the rows of one table share their shape (V8's hidden
 * class), and their texts are flat strings (the JSON round trip above). The generator's object
 * spreads and concatenations would give most rows a shape of their own and texts as chains of
 * pieces, which no reader hands over.
 */
function asTableRow(built: RowInput): RowInput {
  const { rowId, category, sheet, row, columns, ...cells } = built;
  const table: RowInput = { rowId, category, sheet, row, columns };
  for (const key of Object.keys(cells)) if (cells[key] !== '') table[key] = cells[key];
  return table;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A number cell of the bench rows as a Decimal (the bench's own cells: plain or with a comma). */
function decimalOf(cell: unknown): Money | null {
  return typeof cell === 'string' && /^[0-9]/.test(cell) ? new Money(cell.replace(',', '.')) : null;
}

/**
 * The same figure work done in decimal.js, for comparison: the Decimals the rules would read from
 * every row, the R05 products (hours x cost, and x value for volunteers), the R11 sums (taxable +
 * VAT) and the totals. A pass does this work on exact Fixed integers (core/fixed.ts) and builds a
 * Decimal only for a finding's words; in decimal.js this work alone was most of the 50 ms target.
 */
function decimalWork(rows: readonly RowInput[]): number {
  let total = new Money(0);
  let checks = 0;
  for (const r of rows) {
    const amount = decimalOf(r.category === 'COFIN' ? r.value : r.amount);
    if (r.category === 'PERS') {
      const hours = decimalOf(r.hours);
      const cost = decimalOf(r.hourlyCost);
      if (hours && cost && amount && hours.times(cost).eq(amount)) checks += 1;
    } else if (r.category === 'BENI' || r.category === 'SERV') {
      const taxable = decimalOf(r.taxable);
      const vat = decimalOf(r.vat);
      const invoice = decimalOf(r.invoiceTotal);
      if (taxable && vat && invoice && taxable.plus(vat).eq(invoice)) checks += 1;
    } else if (r.category === 'COFIN') {
      const hours = decimalOf(r.hours);
      const value = decimalOf(r.hourlyValue);
      if (hours && value && amount && hours.times(value).eq(amount)) checks += 1;
    }
    if (amount) {
      total = total.plus(amount);
      if (amount.decimalPlaces() > 2) checks += 1;
    }
  }
  return checks + (total.isZero() ? 1 : 0);
}

type ValidateModule = typeof import('../shared/rules/validate');
type AgreementsModule = typeof import('../shared/agreement/agreements');

interface Engine {
  validate: ValidateModule;
  ctx: ValidationContext;
}

/** The engine from dist/ (as the Functions and the CLI run it) or from the sources through tsx. */
function engine(from: 'compiled' | 'sources'): Engine {
  const validate: ValidateModule =
    from === 'compiled' ? compiled<ValidateModule>('shared/rules/validate') : sourceValidate;
  const agreements: AgreementsModule =
    from === 'compiled' ? compiled<AgreementsModule>('shared/agreement/agreements') : sourceAgreements;
  const agreement = agreements.getAgreement('crema-2026-2028');
  if (!agreement) throw new Error('agreement crema-2026-2028 missing');
  return { validate, ctx: { agreement, programme: 'P1', partner: 'koala', year: 2026, today: '2026-05-15' } };
}

interface FullPasses {
  times: number[];
  cpu: number[];
  findings: number;
}

function timedPass({ validate, ctx }: Engine, rows: readonly RowInput[], into: FullPasses): void {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = validate.validateRows(rows, ctx);
  into.times.push(performance.now() - start);
  const used = process.cpuUsage(cpu);
  into.cpu.push((used.user + used.system) / 1000);
  into.findings = result.findings.length;
}

/** Passes of each engine in turn (A, B, A, B…), so a busy moment or the heap's growth hits both alike. */
function fullPasses(engines: readonly Engine[], rows: readonly RowInput[], passes: number): FullPasses[] {
  for (const e of engines) for (let i = 0; i < 3; i++) e.validate.validateRows(rows, e.ctx); // warm-up: JIT
  const out = engines.map((): FullPasses => ({ times: [], cpu: [], findings: 0 }));
  for (let i = 0; i < passes; i++) engines.forEach((e, k) => timedPass(e, rows, out[k]));
  return out;
}

function upserts({ validate, ctx }: Engine, rows: readonly RowInput[]): number[] {
  const validator = new validate.IncrementalValidator(ctx);
  validator.load(rows);
  const times: number[] = [];
  for (let i = 0; i < 600; i++) {
    const target = rows[(i * 7919) % rows.length];
    const edited: RowInput = { ...target, description: `modifica ${i}`, documents: i % 2 ? target.documents : '' };
    const start = performance.now();
    validator.upsert(edited);
    times.push(performance.now() - start);
  }
  return times.slice(100); // the first ones warm the JIT up
}

export async function run(): Promise<Record<string, unknown>> {
  const rows = buildWorkbook();
  const product = engine('compiled');

  // Cold: the first pass of the process (a server request, the CLI): JIT not warmed up yet.
  const coldStart = performance.now();
  product.validate.validateRows(rows, product.ctx);
  const coldMs = performance.now() - coldStart;
  // Beside them, the same passes on the sources as tsx loads them (what rounds one to nine of
  // docs/performance.md timed): the loader's share, side by side in one run.
  const [full, fromSources] = fullPasses([product, engine('sources')], rows, 15);

  for (let i = 0; i < 3; i++) decimalWork(rows);
  const decimalTimes: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    decimalWork(rows);
    decimalTimes.push(performance.now() - start);
  }

  const upsertTimes = upserts(product, rows);
  const fullMs = median(full.times);
  const upsertMs = median(upsertTimes);
  const numbers = {
    rows: rows.length,
    findings: full.findings,
    // The engine compiled by tsc (dist/), as the Functions and the CLI run it.
    engine: 'dist (tsc)',
    fullMedianMs: Number(fullMs.toFixed(2)),
    fullMinMs: Number(Math.min(...full.times).toFixed(2)),
    // CPU time of the process during a pass (includes GC threads): less sensitive to a busy machine.
    fullCpuMedianMs: Number(median(full.cpu).toFixed(2)),
    coldFullMs: Number(coldMs.toFixed(2)),
    fullRowsPerSecond: Math.round(rows.length / (fullMs / 1000)),
    // The same full pass on the TypeScript sources loaded by tsx (getter-wrapped exports).
    sourcesViaTsxMedianMs: Number(median(fromSources.times).toFixed(2)),
    sourcesViaTsxMinMs: Number(Math.min(...fromSources.times).toFixed(2)),
    // The figure work of a pass redone in decimal.js (decimalWork): what Fixed saves.
    sameChecksInDecimalMedianMs: Number(median(decimalTimes).toFixed(2)),
    upsertMedianMs: Number(upsertMs.toFixed(3)),
    upsertP95Ms: Number([...upsertTimes].sort((a, b) => a - b)[Math.floor(upsertTimes.length * 0.95)].toFixed(3)),
    targets: { fullMs: 50, upsertMs: 1 },
    meetsTargets: { full: fullMs <= 50, upsert: upsertMs <= 1 },
    // The machine may be shared: a high load average inflates every figure above.
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
  };
  if (fromSources.findings !== full.findings) throw new Error('dist/ and the sources disagree: rebuild dist/');
  console.log(
    `validate (dist): ${numbers.rows} righe, ${numbers.findings} rilievi; completa ${numbers.fullMedianMs} ms ` +
      `(${numbers.fullRowsPerSecond} righe/s, min ${numbers.fullMinMs} ms, CPU ${numbers.fullCpuMedianMs} ms, primo passaggio a freddo ${numbers.coldFullMs} ms; ` +
      `dai sorgenti via tsx ${numbers.sourcesViaTsxMedianMs} ms, min ${numbers.sourcesViaTsxMinMs} ms; le stesse verifiche in decimal.js ${numbers.sameChecksInDecimalMedianMs} ms); ` +
      `upsert di una riga ${numbers.upsertMedianMs} ms (p95 ${numbers.upsertP95Ms} ms); carico ${numbers.loadAverage1m}`,
  );
  return numbers;
}
