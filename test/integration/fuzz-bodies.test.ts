// Issue 11, item 1: no request body makes the API do more than a bounded amount of work. fast-check
// generates hostile bodies for /validate, /submissions, the outcome route and /reviews (huge
// exponents, long digit runs, long strings, deep nesting, wrong types, random JSON) and sends them
// over HTTP to the dev host. Asserted, never timed: no 500; only the documented statuses; answers
// bounded in size (issues capped at 200, findings bounded per row, nothing echoed beyond a preview);
// and, below HTTP, no text ever becomes a Decimal of more than 15 significant digits.
import fc from 'fast-check';
import { JSON_BODY_LIMIT, MAX_ISSUES } from '../../functions/lib/request-body';
import { MAX_ROWS } from '../../functions/lib/request-schemas';
import { demoGoodsRow, demoPersonnelRow } from '../../scripts/demo-data';
import { parseAmount, parseQuantity } from '../../shared/core/money';
import { BASE, startTestApi, type TestApi, setClock } from './harness';
import { H1_DUE, personnelRows, range, submit } from './sample-fixtures';

let api: TestApi;
let partnerToken: string;
let poToken: string;
let submissionId: string;
const ALLOWED = new Set([200, 201, 400, 403, 404, 409, 413, 422]);
/** No hostile body below needs more than this to be answered (a 30-row validate answer ~ 60 kB). */
const ANSWER_CAP = 512 * 1024;

beforeAll(async () => {
  api = await startTestApi();
  submissionId = await submit(api, 'koala', 'P1', personnelRows(range(0, 20)));
  setClock(() => H1_DUE);
  poToken = await api.po('P1');
  partnerToken = await api.partner('koala');
  const drawn = await api.call('POST', `${BASE}/samples/P1/2026-H1/draw`, { token: poToken, json: { seed: 'fuzz' } });
  expect(drawn.status).toBe(201);
}, 60_000);
afterAll(async () => {
  await api.close();
});

const digits = (n: number) =>
  fc.array(fc.constantFrom(...'0123456789'), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Cells an attacker types: exponents, long digit runs, separators, long text, numbers, objects. */
const hostileCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }).map((e) => `1e${e}`),
  fc.integer({ min: 300, max: 400 }).map((e) => `9.99E+${e}`),
  fc.integer({ min: 14, max: 400 }).chain(digits),
  fc
    .tuple(fc.integer({ min: 1, max: 20 }).chain(digits), fc.integer({ min: 1, max: 20 }).chain(digits))
    .map(([a, b]) => `${a},${b}`),
  fc.constantFrom('1.234,56', '€ 9.999.999,99', '10000000', '-0', 'Infinity', 'NaN', '0x1F', '1_000', '٣٤٥'),
  fc.string({ maxLength: 60 }),
  fc.integer({ min: 3000, max: 5000 }).map((n) => '9'.repeat(n)),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 5 }),
  fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.dictionary(fc.string(), tie('node'))) }))
    .node,
);
const FIELDS = [
  'amount',
  'hours',
  'hourlyCost',
  'invoiceTotal',
  'taxable',
  'vat',
  'municipalShare',
  'cofinancingShare',
  'invoiceDate',
  'paymentDate',
  'month',
  'taxCode',
  'supplierId',
  'programme',
  'action',
  'documents',
  'contractHours',
  'value',
  'hourlyValue',
];
const hostileRow = fc
  .tuple(fc.nat(40), fc.boolean(), fc.dictionary(fc.constantFrom(...FIELDS), hostileCell, { maxKeys: 6 }))
  .map(([i, pers, cells]) => ({
    ...(pers ? demoPersonnelRow(i, { prefix: 'fz' }) : demoGoodsRow(i, { prefix: 'fz' })),
    ...cells,
  }));
const reportBody = fc.oneof(
  fc.record({
    programme: fc.constantFrom('P1', 'P1', 'P9', 'Zebedeo QRTZZB80A01D142X'),
    partner: fc.constantFrom('koala', 'koala', 'igea', '../koala'),
    year: fc.constantFrom(2026, 2026, 1e308, '2026'),
    rows: fc.array(fc.oneof(hostileRow, hostileRow, hostileCell), { maxLength: 30 }),
  }),
  fc.jsonValue({ maxDepth: 6 }),
);
const amountLike = fc.oneof(hostileCell, fc.constantFrom('370.00', '1200,50', '0'));
const outcomeBody = fc.oneof(
  fc.record(
    {
      outcome: fc.constantFrom('ammesso', 'ammesso_parzialmente', 'non_ammesso', 'integrazioni_richieste', 'x'),
      amount: amountLike,
      reason: fc.oneof(fc.string({ maxLength: 50 }), hostileCell),
      deadline: fc.oneof(fc.constant('2026-12-01'), hostileCell),
    },
    { requiredKeys: ['outcome'] },
  ),
  fc.record({
    confirm: fc.oneof(fc.constant(true), hostileCell),
    outcome: fc.constantFrom('ammesso_parzialmente', 'non_ammesso'),
    amount: amountLike,
  }),
  fc.record({ observations: hostileCell }),
  fc.jsonValue({ maxDepth: 6 }),
);
const reviewBody = fc.oneof(
  fc.record({
    submissionId: fc.oneof(fc.constant('koala.P1.2026.v1'), hostileCell),
    rowId: fc.oneof(fc.constant('p-0'), hostileCell),
    decision: fc.oneof(fc.constant('non_ammesso'), hostileCell),
    reason: fc.oneof(fc.string({ maxLength: 50 }), hostileCell),
  }),
  fc.jsonValue({ maxDepth: 6 }),
);

interface Answer {
  status: number;
  bytes: Buffer;
  body: { findings?: unknown[]; error?: { details?: { issues?: unknown[] } } } | undefined;
}

function checkAnswer(res: Answer, rows: number): void {
  expect(ALLOWED.has(res.status)).toBe(true);
  expect(res.bytes.length).toBeLessThanOrEqual(ANSWER_CAP);
  const issues = res.body?.error?.details?.issues;
  if (issues) expect(issues.length).toBeLessThanOrEqual(MAX_ISSUES);
  // Findings are bounded per row: a few per cell, never a function of a cell's content length.
  if (Array.isArray(res.body?.findings)) expect(res.body.findings.length).toBeLessThanOrEqual(10 + rows * 40);
  // Nothing is echoed beyond a short preview: no run of 60 digits ever comes back.
  expect(res.bytes.toString('utf8')).not.toMatch(/\d{60}/);
}

const rowCount = (body: unknown) =>
  body && typeof body === 'object' && Array.isArray((body as { rows?: unknown }).rows)
    ? (body as { rows: unknown[] }).rows.length
    : 0;

describe.each([
  ['validate', 'POST', `${BASE}/validate`, () => partnerToken, reportBody],
  ['submissions', 'POST', `${BASE}/submissions`, () => partnerToken, reportBody],
  ['outcomes (PO)', 'POST', `${BASE}/samples/P1/2026-H1/outcomes/1`, () => poToken, outcomeBody],
  ['outcomes (partner)', 'POST', `${BASE}/samples/P1/2026-H1/outcomes/2`, () => partnerToken, outcomeBody],
  ['reviews', 'POST', `${BASE}/reviews`, () => poToken, reviewBody],
] as const)('%s', (_name, method, path, token, arbitrary) => {
  it('answers every hostile body with a bounded 2xx/4xx, never a 500', async () => {
    setClock(() => new Date('2026-10-05T10:00:00Z'));
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(arbitrary as fc.Arbitrary<unknown>, async (body) => {
        const res = await api.call(method, path, { token: token(), json: body });
        statuses.add(res.status);
        checkAnswer(res, rowCount(body));
      }),
      { numRuns: 40, seed: 11 },
    );
    // The bodies reach past the schema too: some are answered by the rules or the service.
    expect([...statuses].some((s) => s !== 422 && s !== 400)).toBe(true);
  }, 240_000);
});

describe('the caps that bound the work', () => {
  it('a body above the JSON cap is a 413 before parsing', async () => {
    const big = Buffer.alloc(JSON_BODY_LIMIT + 1, 0x20);
    const res = await api.call('POST', `${BASE}/validate`, {
      token: partnerToken,
      body: big,
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(413);
  });

  it('more rows than MAX_ROWS is a 422 with at most MAX_ISSUES issues', async () => {
    const rows = Array.from({ length: MAX_ROWS + 1 }, () => ({ rowId: 1, category: 'X' }));
    const res = await api.call('POST', `${BASE}/validate`, {
      token: partnerToken,
      json: { programme: 'P1', partner: 'koala', year: 2026, rows },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues.length).toBeLessThanOrEqual(MAX_ISSUES);
  });

  it('a 1 MB string in a cell and 10,000 levels of nesting are 422/400, not work', async () => {
    const long = await api.call('POST', `${BASE}/validate`, {
      token: partnerToken,
      json: {
        programme: 'P1',
        partner: 'koala',
        year: 2026,
        rows: [{ ...demoGoodsRow(0), amount: '9'.repeat(1 << 20) }],
      },
    });
    expect(long.status).toBe(422);
    expect(long.body.error.details.issues).toEqual([{ path: '$.rows[0].amount', message: expect.any(String) }]);
    const deep = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const nested = await api.call('POST', `${BASE}/validate`, {
      token: partnerToken,
      body: deep,
      headers: { 'Content-Type': 'application/json' },
    });
    expect([400, 422]).toContain(nested.status);
  });

  it('no text becomes a Decimal of more than 15 significant digits or a large exponent', () => {
    fc.assert(
      fc.property(fc.oneof(hostileCell, fc.string({ maxLength: 500 })), (cell) => {
        for (const parsed of [parseAmount(cell, null), parseQuantity(cell, 10, null)]) {
          if (!parsed.ok || typeof cell === 'number') continue;
          expect(parsed.value.precision(true)).toBeLessThanOrEqual(15);
          expect(Math.abs(parsed.value.e)).toBeLessThanOrEqual(15);
        }
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('the submission used by the review bodies exists (reviews reach the store)', () => {
    expect(submissionId).toBe('koala.P1.2026.v1');
  });
});
