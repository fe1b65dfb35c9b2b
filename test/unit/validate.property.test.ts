// Properties of the engine: junk never makes it throw, unreadable amounts and dates always surface
// as findings (never a silent zero), and incremental updates equal a full validation.
import fc from 'fast-check';
import { validateRows, IncrementalValidator, type ValidationResult } from '../../shared/rules/validate';
import { FIELDS } from '../../shared/mapping/fields';
import { parseAmount, parseQuantity } from '../../shared/core/money';
import { excelNumber } from '../../shared/core/excel-number';
import { isBlankText } from '../../shared/core/text-key';
import { figureWithoutUnit, isVatExemptText } from '../../shared/rows/figure-words';
import { dateAmongWords, parseDate, parseMonth } from '../../shared/core/dates';
import { REQUIRED } from '../../shared/mapping/fields';
import type { RowInput } from '../../shared/rows/rows';
import { pers, beni, serv, gen, cofin, ctx } from './rules/fixtures';

const ALL_KEYS = [...new Set(Object.values(FIELDS).flatMap((defs) => defs.map((d) => d.key)))];

/** Anything a cell, a JSON body or a careless caller may hold. */
const anyCell = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    ' ',
    '1.234,56',
    '12,5',
    '-3',
    '1e400',
    'NaN',
    '31/02/2026',
    '2026-13-01',
    '€',
    '0,001',
    'P1',
    'A1',
    '-',
    '/',
    'n.a.',
    '3 h',
    '20 €/h',
    '80 IVA inclusa',
    'esente',
    'ore 3',
    'pagato il 10/04/2026',
    '10/04/2026 e 20/04/2026',
  ),
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e21, 45000.5),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, true, false),
  fc.object({ maxDepth: 1 }),
  fc.array(fc.string(), { maxLength: 2 }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);

const junkRow = fc.record(
  {
    rowId: fc.oneof(fc.string({ maxLength: 3 }), anyCell),
    category: fc.oneof(fc.constantFrom('PERS', 'BENI', 'SERV', 'GEN', 'COFIN'), anyCell),
    sheet: fc.oneof(fc.string({ maxLength: 5 }), anyCell),
    row: fc.oneof(fc.integer({ min: 1, max: 500 }), anyCell),
    columns: fc.oneof(
      fc.dictionary(fc.constantFrom(...ALL_KEYS), fc.oneof(fc.constantFrom('A', 'B', 'AA'), anyCell)),
      anyCell,
    ),
    ...Object.fromEntries(ALL_KEYS.map((k) => [k, anyCell])),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<RowInput>;

describe('robustness', () => {
  it('validateRows never throws, whatever the cells hold, and every finding is well formed', () => {
    fc.assert(
      fc.property(
        fc.array(junkRow, { maxLength: 8 }),
        fc.array(junkRow, { maxLength: 3 }),
        fc.array(junkRow, { maxLength: 3 }),
        fc.constantFrom('live', 'lock', 'yearClose') as fc.Arbitrary<'live' | 'lock' | 'yearClose'>,
        (rows, otherRows, previousRows, phase) => {
          const result = validateRows(rows, ctx({ otherRows, previousRows, phase, today: '2026-10-15' }));
          for (const f of result.findings) {
            expect(typeof f.message).toBe('string');
            expect(f.message).not.toMatch(/undefined|\[object/);
            expect(['error', 'warning', 'info']).toContain(f.severity);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every unreadable amount cell is a finding on that cell, never a silent zero', () => {
    const bases = [pers(), beni(), serv(), gen(), cofin()];
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.nat(), anyCell, (base, pick, cell) => {
        const numeric = FIELDS[base.category].filter((d) => d.kind === 'amount' || d.kind === 'quantity');
        const def = numeric[pick % numeric.length];
        const row = { ...base, [def.key]: cell };
        const findings = validateRows([row], ctx()).findings.filter((f) => f.field === def.key);
        // R02: an Excel number is read at Excel's 15 significant digits first (DOMAIN §3).
        const read = typeof cell === 'number' ? excelNumber(cell) : cell;
        const parse = (value: unknown) => (def.kind === 'amount' ? parseAmount(value) : parseQuantity(value));
        let parsed = parse(read);
        // As the rows reader takes a cell (§7): a placeholder ('-', '/', 'n.a.') is an empty cell, a
        // figure written with its unit or its VAT words ('3 h', '80 IVA inclusa') is that figure, and
        // an IVA cell saying the invoice has none is VAT 0.
        const placeholder = typeof cell === 'string' && isBlankText(cell);
        const figure = figureWithoutUnit(def.key, read);
        if (!parsed.ok && parsed.reason === 'not_a_number' && figure !== null) parsed = parse(figure);
        const exempt = def.key === 'vat' && isVatExemptText(read);
        if (!parsed.ok && parsed.reason !== 'empty' && !placeholder && !exempt) {
          expect(findings.map((f) => f.code)).toContain('R02');
        }
        const blank = cell === null || cell === undefined || placeholder;
        if (blank && REQUIRED[base.category].includes(def.key)) {
          expect(findings.map((f) => f.code)).toContain('R01');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('every unreadable date cell is a finding on that cell', () => {
    const cases: [RowInput, string][] = [
      [beni(), 'invoiceDate'],
      [beni(), 'paymentDate'],
      [gen(), 'date'],
      [cofin(), 'date'],
      [pers(), 'month'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...cases), anyCell, ([base, field], cell) => {
        const row = { ...base, [field]: cell };
        const findings = validateRows([row], ctx()).findings.filter((f) => f.field === field);
        // A placeholder ('-', 'n.a.') is an empty cell; a date cell with words is its one date (§7).
        const blank = cell === null || cell === undefined || (typeof cell === 'string' && isBlankText(cell));
        if (blank) return;
        const read = field === 'month' ? parseMonth(cell) : (dateAmongWords(cell) ?? parseDate(cell));
        if (!read.ok && read.reason === 'invalid')
          expect(findings.map((f) => f.code)).toContain(field === 'paymentDate' ? 'R10' : 'R03');
      }),
      { numRuns: 400 },
    );
  });
});

/** A small pool of rows that collide on row ids, person-months and invoices. */
const editRow: fc.Arbitrary<RowInput> = fc
  .record({
    kind: fc.constantFrom('PERS', 'BENI', 'SERV', 'GEN', 'COFIN'),
    rowId: fc.constantFrom('a', 'b', 'c', 'd', 'e', ''),
    row: fc.integer({ min: 2, max: 9 }),
    taxCode: fc.constantFrom('RSSMRA80A01H501U', 'MRTMTT25D09F205Z'),
    month: fc.constantFrom('03/2026', '06/2026', 'marzo 2026', 'x'),
    hours: fc.constantFrom('80', '100', '100,5', '', 'tante'),
    amount: fc.constantFrom('1560', '122', '61', '50', 'abc', '-1', ''),
    invoiceNumber: fc.constantFrom('FT 12', 'ft12', 'FT 13'),
    date: fc.constantFrom('2026-02-10', '2026-05-10', '2026-10-01', '2025-12-01'),
    documents: fc.constantFrom('', 'fattura; pagamento', 'timesheet; pagamento; F24', 'registro volontari'),
    programme: fc.constantFrom('P1', 'P2', '1'),
  })
  .map((r) => {
    const common = { rowId: r.rowId, row: r.row, documents: r.documents, programme: r.programme };
    switch (r.kind) {
      case 'PERS':
        return pers({ ...common, taxCode: r.taxCode, month: r.month, hours: r.hours, amount: r.amount });
      case 'BENI':
        return beni({
          ...common,
          invoiceNumber: r.invoiceNumber,
          amount: r.amount,
          invoiceDate: r.date,
          paymentDate: r.date,
        });
      case 'SERV':
        return serv({
          ...common,
          invoiceNumber: r.invoiceNumber,
          amount: r.amount,
          invoiceDate: r.date,
          paymentDate: r.date,
        });
      case 'GEN':
        return gen({ ...common, amount: r.amount, date: r.date });
      default:
        return cofin({ ...common, value: r.amount, date: r.date });
    }
  });

type Op = { op: 'upsert'; row: RowInput } | { op: 'remove'; rowId: string };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: editRow.map((row) => ({ op: 'upsert' as const, row })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('a', 'b', 'c', 'd', 'e', '').map((rowId) => ({ op: 'remove' as const, rowId })),
  },
);

function comparable(result: ValidationResult) {
  return {
    findings: result.findings,
    rowFindings: [...result.rowFindings.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    reportFindings: result.reportFindings,
    rejected: [...result.rejectedRowIds].sort(),
    summary: result.summary,
  };
}

describe('incremental validation', () => {
  it('after any sequence of edits equals a full validation of the same rows', () => {
    fc.assert(
      fc.property(
        fc.array(editRow, { maxLength: 8 }),
        fc.array(op, { minLength: 1, maxLength: 12 }),
        fc.array(editRow, { maxLength: 3 }),
        fc.array(editRow, { maxLength: 4 }),
        fc.constantFrom('2026-03-15', '2026-06-01', '2027-02-01'),
        fc.constantFrom('live', 'lock') as fc.Arbitrary<'live' | 'lock'>,
        (initial, ops, otherRows, previousRows, today, phase) => {
          const context = ctx({
            today,
            phase,
            otherRows,
            previousRows: previousRows.length ? previousRows : undefined,
          });
          const validator = new IncrementalValidator(context);
          // Every result stays what it was when it was given, whatever edits come after it (the
          // validator hands its per-row views out without copying them and changes copies later).
          const given: [ValidationResult, ReturnType<typeof comparable>][] = [];
          const loaded = validator.load(initial);
          given.push([loaded, comparable(loaded)]);
          for (const o of ops) {
            const incremental = o.op === 'upsert' ? validator.upsert(o.row) : validator.remove(o.rowId);
            const full = validateRows(validator.rows(), context);
            expect(comparable(incremental)).toEqual(comparable(full));
            given.push([incremental, comparable(incremental)]);
          }
          for (const [result, then] of given) expect(comparable(result)).toEqual(then);
        },
      ),
      { numRuns: 200 },
    );
  });
});
