// Issue 11, items 1–3, over HTTP against Azurite: amounts an attacker writes (exponents, 17
// digits, above the bounds) are R02 in rows and 422 in PO bodies; nothing unbounded is stored, so
// the exported reconciliation never holds "Infinity"; a partial admission cannot exceed what the
// person reported (S5); expenses dated after today are R03.
import { unzipSync, strFromU8 } from 'fflate';
import { demoGoodsRow, demoPersonnelRow } from '../../scripts/demo-data';
import { BASE, startTestApi, type TestApi, setClock } from './harness';
import { H1_DUE, personnelRows, range, submit } from './sample-fixtures';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

type Finding = { code: string; field: string; params?: { variant?: string }; message: string };
const body = (partner: string, rows: unknown[]) => ({ programme: 'P1', partner, year: 2026, rows });
const codesOf = (res: { body: { rejected: { rowId: string; findings: Finding[] }[] } }, rowId: string) =>
  (res.body.rejected.find((r) => r.rowId === rowId)?.findings ?? []).map(
    (f) => `${f.code}.${f.field}.${f.params?.variant ?? ''}`,
  );

describe('R02 bounds in rows (validate and submissions)', () => {
  const hostile = [
    // The issue's exploit: a consistent row (total = amount, split left empty) that used to be stored.
    {
      ...demoGoodsRow(0, { prefix: 'exp' }),
      amount: '1e50000',
      invoiceTotal: '1e50000',
      taxable: '',
      vat: '',
      municipalShare: '',
      cofinancingShare: '',
    },
    { ...demoGoodsRow(1, { prefix: 'exp' }), amount: '1E5' },
    { ...demoGoodsRow(2, { prefix: 'dig' }), amount: '12345678901234567' },
    { ...demoGoodsRow(3, { prefix: 'big' }), amount: '10.000.000,00', invoiceTotal: '20000000.00' },
    { ...demoPersonnelRow(4, { prefix: 'hrs' }), hours: '745', amount: '13782.50', municipalShare: '13782.50' },
  ];
  const expected = {
    'exp-0': 'R02.amount.exponent.excluded',
    'exp-1': 'R02.amount.exponent.excluded',
    'dig-2': 'R02.amount.too_many_digits.excluded',
    'big-3': 'R02.amount.too_large.excluded',
    'hrs-4': 'R02.hours.too_large',
  };

  it('validate: each hostile cell is an R02 error on its cell, with an Italian message', async () => {
    setClock(() => new Date('2026-09-10T10:00:00Z'));
    const token = await api.partner('koala');
    const res = await api.call('POST', `${BASE}/validate`, { token, json: body('koala', hostile) });
    expect(res.status).toBe(200);
    for (const [rowId, code] of Object.entries(expected))
      expect({ rowId, codes: codesOf(res, rowId) }).toEqual({
        rowId,
        codes: expect.arrayContaining([code]),
      });
    const messages = res.body.findings.filter((f: Finding) => f.code === 'R02').map((f: Finding) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/notazione esponenziale/),
        expect.stringMatching(/più di 15 cifre significative/),
        expect.stringMatching(/inferiore a 10\.000\.000,00 €/),
        expect.stringMatching(/al massimo 744 ore/),
      ]),
    );
  });

  it('submissions: the hostile rows are rejected, the good one lands, nothing huge is stored', async () => {
    setClock(() => new Date('2026-09-10T10:00:00Z'));
    const token = await api.partner('koala');
    const good = demoGoodsRow(9, { prefix: 'ok' });
    const res = await api.call('POST', `${BASE}/submissions`, { token, json: body('koala', [...hostile, good]) });
    expect(res.status).toBe(201);
    expect(res.body.accepted).toEqual(['ok-9']);
    expect(res.body.rejected.map((r: { rowId: string }) => r.rowId).sort()).toEqual(Object.keys(expected).sort());
    const stored = await api.call('GET', `${BASE}/submissions/${res.body.submissionId}`, { token });
    expect(stored.body.rows.map((r: { rowId: string }) => r.rowId)).toEqual(['ok-9']);
  });

  it('a just-below-the-bound amount and 744 hours are accepted', async () => {
    setClock(() => new Date('2026-09-10T10:00:00Z'));
    const token = await api.partner('igea');
    const rows = [
      {
        ...demoGoodsRow(0, { prefix: 'max' }),
        amount: '9.999.999,99',
        invoiceTotal: '9999999.99',
        taxable: '',
        vat: '',
        municipalShare: '',
        cofinancingShare: '',
      },
      {
        ...demoPersonnelRow(1, { prefix: 'max' }),
        hours: '744',
        hourlyCost: '18.50',
        amount: '13764.00',
        municipalShare: '13764.00',
        contractHours: '744',
      },
    ];
    const res = await api.call('POST', `${BASE}/validate`, { token, json: body('igea', rows) });
    expect(res.status).toBe(200);
    const r02 = res.body.findings.filter((f: Finding) => f.code === 'R02');
    expect(r02).toEqual([]);
  });

  it('the reconciliation workbook never holds Infinity (the exponent row never reached storage)', async () => {
    setClock(() => new Date('2026-10-20T10:00:00Z'));
    const res = await api.call('GET', `${BASE}/reconciliation?year=2026&programme=P1&format=xlsx`, {
      token: await api.po('P1'),
    });
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.bytes));
    const sheets = Object.keys(files).filter((f) => f.startsWith('xl/worksheets/'));
    expect(sheets.length).toBeGreaterThan(0);
    for (const f of sheets) expect(strFromU8(files[f])).not.toMatch(/Infinity|NaN/);
  });
});

describe('R03: no date of a row after today (Europe/Rome)', () => {
  it('an invoice and a payment dated tomorrow are refused; today is fine', async () => {
    // 23:30 UTC on 14 Oct is already 15 Oct in Rome.
    setClock(() => new Date('2026-10-14T23:30:00Z'));
    const token = await api.partner('sentiero');
    const today = { ...demoGoodsRow(0, { prefix: 'today' }), invoiceDate: '2026-10-15', paymentDate: '2026-10-15' };
    const paidLater = { ...demoGoodsRow(1, { prefix: 'paid' }), invoiceDate: '2026-10-10', paymentDate: '2026-10-16' };
    const invoicedLater = {
      ...demoGoodsRow(2, { prefix: 'inv' }),
      invoiceDate: '2026-10-16',
      paymentDate: '2026-10-16',
    };
    const laterMonth = { ...demoPersonnelRow(3, { prefix: 'pers' }), month: '2026-11' };
    const res = await api.call('POST', `${BASE}/submissions`, {
      token,
      json: { programme: 'P1', partner: 'sentiero', year: 2026, rows: [today, paidLater, invoicedLater, laterMonth] },
    });
    expect(res.status).toBe(201);
    expect(res.body.accepted).toEqual(['today-0']);
    expect(codesOf(res, 'paid-1')).toContain('R03.paymentDate.future');
    expect(codesOf(res, 'inv-2')).toEqual(expect.arrayContaining(['R03.invoiceDate.future', 'R03.paymentDate.future']));
    expect(codesOf(res, 'pers-3')).toContain('R03.month.future');
    const message = res.body.rejected
      .find((r: { rowId: string }) => r.rowId === 'paid-1')
      .findings.find((f: Finding) => f.code === 'R03').message;
    expect(message).toMatch(/16\/10\/2026 è successiva a oggi \(15\/10\/2026\)/);
  });
});

describe('PO amounts: R02 bounds (422 with the JSON path) and S5 (at most the reported cost)', () => {
  const P1_H1 = `${BASE}/samples/P1/2026-H1`;
  let ranks: number[];
  beforeAll(async () => {
    await submit(api, 'auser', 'P1', personnelRows(range(60, 100)));
    setClock(() => H1_DUE);
    const drawn = await api.call('POST', `${P1_H1}/draw`, { token: await api.po('P1'), json: { seed: 'limiti' } });
    expect(drawn.status).toBe(201);
    ranks = drawn.body.selected.map((p: { rank: number }) => p.rank);
  });
  const decide = async (rank: number, json: unknown) =>
    api.call('POST', `${P1_H1}/outcomes/${rank}`, { token: await api.po('P1'), json });

  it.each([
    ['1e309', /notazione esponenziale/],
    ['1e40000', /notazione esponenziale/],
    [1e21, /notazione esponenziale/],
    ['123456789012345678', /15 cifre significative/],
    ['10000000', /inferiore a 10\.000\.000,00/],
  ])('amount %p is a 422 on $.amount', async (amount, message) => {
    setClock(() => new Date('2026-10-05T10:00:00Z'));
    const res = await decide(ranks[0], { outcome: 'ammesso_parzialmente', amount, reason: 'parziale' });
    expect(res.status).toBe(422);
    expect(res.body.error.details.issues).toEqual([{ path: '$.amount', message: expect.stringMatching(message) }]);
  });

  it('a partial admission above the person’s reported cost (370,00 €) is a 422 in Italian; at the cost it lands', async () => {
    setClock(() => new Date('2026-10-05T10:00:00Z'));
    const over = await decide(ranks[1], { outcome: 'ammesso_parzialmente', amount: '1.200,50', reason: 'parziale' });
    expect(over.status).toBe(422);
    expect(over.body.error.details.issues).toEqual([
      {
        path: '$.amount',
        message:
          "L'importo ammesso (1.200,50 €) supera il costo rendicontato per la persona nel semestre e nel programma (370,00 €).",
      },
    ]);
    const view = await api.call('GET', P1_H1, { token: await api.po('P1') });
    expect(view.body.selected.find((p: { rank: number }) => p.rank === ranks[1]).status).toBe('requested');
    const at = await decide(ranks[1], { outcome: 'ammesso_parzialmente', amount: '370.00', reason: 'parziale' });
    expect(at.status).toBe(201);
    expect(at.body.admittedAmount).toBe('370.00');
  });

  it('the same bound holds when the PO revises a decision on confirmation', async () => {
    setClock(() => new Date('2026-10-05T10:00:00Z'));
    expect((await decide(ranks[2], { outcome: 'non_ammesso', reason: 'mancano i cedolini' })).status).toBe(201);
    setClock(() => new Date('2026-11-05T10:00:00Z')); // after the observation deadline
    const revised = await decide(ranks[2], { confirm: true, outcome: 'ammesso_parzialmente', amount: '370.01' });
    expect(revised.status).toBe(422);
    expect(revised.body.error.details.issues[0].path).toBe('$.amount');
  });
});
