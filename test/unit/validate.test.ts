// The engine's public contract: result shape, locations, rejected rows, the normalised row view.
import { validateRows, normaliseRow, IncrementalValidator } from '../../shared/rules/validate';
import { pers, beni, gen, cofin, validRows, ctx, agreement } from './rules/fixtures';

describe('validateRows', () => {
  it('returns findings sorted, by row, report-level apart, rejected rows and a summary', () => {
    const rows = [
      gen({ rowId: 'g1', row: 7, amount: 'dieci' }),
      beni({ rowId: 'b1', row: 3, paymentMethod: 'contanti', documents: 'fattura' }),
      pers({ rowId: 'p1', row: 4 }),
      cofin({ rowId: 'c1', row: 9 }),
    ];
    const result = validateRows(rows, ctx());
    expect(result.findings.map((f) => [f.code, f.severity, f.sheet, f.row, f.column, f.field, f.rowId]))
      .toMatchInlineSnapshot(`
[
  [
    "R23",
    "info",
    null,
    null,
    null,
    null,
    undefined,
  ],
  [
    "R10",
    "error",
    "Beni di consumo",
    3,
    "L",
    "paymentMethod",
    "b1",
  ],
  [
    "R15",
    "warning",
    "Beni di consumo",
    3,
    "R",
    "documents",
    "b1",
  ],
  [
    "R02",
    "error",
    "Spese generali",
    7,
    "D",
    "amount",
    "g1",
  ],
]
`);
    expect(result.reportFindings.map((f) => f.code)).toEqual(['R23']);
    expect([...result.rowFindings.keys()].sort()).toEqual(['b1', 'g1']);
    expect(result.rowFindings.get('b1')?.map((f) => f.code)).toEqual(['R10', 'R15']);
    expect(result.rejectedRowIds).toEqual(new Set(['b1', 'g1']));
    expect(result.summary).toEqual({ error: 2, warning: 1, info: 1 });
  });

  it('never throws on a non-array or on junk rows', () => {
    expect(() => validateRows(null as never, ctx())).not.toThrow();
    expect(() => validateRows([null, 42, 'x', {}] as never, ctx())).not.toThrow();
    expect(validateRows([{}] as never, ctx()).findings.map((f) => f.code)).toContain('R01');
  });

  it('gives null locations when the row carries no sheet, row or columns (API rows)', () => {
    const { sheet: _s, row: _r, columns: _c, ...bare } = gen({ amount: 'x' });
    const [finding] = validateRows([bare as never], ctx()).findings.filter((f) => f.rowId);
    expect(finding).toMatchObject({ code: 'R02', sheet: null, row: null, column: null, field: 'amount' });
  });

  it('is clean on a valid workbook of every category', () => {
    const result = validateRows(validRows(), ctx());
    expect(result.rejectedRowIds.size).toBe(0);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 1 });
  });
});

describe('normaliseRow: the values reconciliation reads', () => {
  it('resolves ids, splits amounts and dates the row', () => {
    const { values, findings } = normaliseRow(
      beni({
        programme: 'programma 1',
        action: 'azione 2',
        amount: '1.220,00',
        invoiceTotal: '1220',
        municipalShare: '1000',
        cofinancingShare: '220',
      }),
      agreement,
    );
    expect(findings).toEqual([]);
    expect({
      programme: values.programme,
      action: values.action,
      category: values.category,
      date: values.date,
      amount: values.amount?.toFixed(2),
      municipal: values.municipalShare?.toFixed(2),
      cofinancing: values.cofinancingShare?.toFixed(2),
    }).toEqual({
      programme: 'P1',
      action: 'P1.A2',
      category: 'BENI',
      date: '2026-02-10',
      amount: '1220.00',
      municipal: '1000.00',
      cofinancing: '220.00',
    });
  });

  it('charges empty shares to the municipal contribution; COFIN is all co-financing; PERS is dated by its month', () => {
    const p = normaliseRow(pers(), agreement).values;
    expect([p.date, p.month, p.municipalShare?.toFixed(2), p.cofinancingShare?.toFixed(2), p.taxCode]).toEqual([
      '2026-03-01',
      '2026-03',
      '1560.00',
      '0.00',
      'RSSMRA80A01H501U',
    ]);
    const c = normaliseRow(cofin(), agreement).values;
    expect([
      c.amount?.toFixed(2),
      c.municipalShare?.toFixed(2),
      c.cofinancingShare?.toFixed(2),
      c.resourceType,
    ]).toEqual(['300.00', '0.00', '300.00', 'volontariato']);
  });

  it('marks a row with an unusable amount as excluded from totals, with the finding that says why', () => {
    const { values, findings } = normaliseRow(gen({ amount: 'dieci' }), agreement);
    expect(values.amount).toBeNull();
    expect(values.excludedFromTotals).toBe(true);
    expect(findings.map((f) => [f.code, f.field])).toEqual([['R02', 'amount']]);
  });
});

describe('IncrementalValidator', () => {
  it('updates one row, its groups and the totals', () => {
    const v = new IncrementalValidator(ctx());
    v.load([pers({ hours: '100', amount: '1950' }), pers({ rowId: 'pers-2', row: 3, hours: '70', amount: '1365' })]);
    expect(v.result().rejectedRowIds.size).toBe(0);
    const after = v.upsert(pers({ rowId: 'pers-2', row: 3, hours: '80', amount: '1560' }));
    expect([...after.rejectedRowIds].sort()).toEqual(['pers-1', 'pers-2']); // R07: 180 h > 173.33 h
    const removed = v.remove('pers-2');
    expect(removed.rejectedRowIds.size).toBe(0);
    expect(removed.reportFindings.find((f) => f.code === 'R23')?.params).toMatchObject({ rendicontato: '1.950,00 €' });
  });

  it('replaces the first row of a duplicated id on upsert and removes all of them on remove', () => {
    const v = new IncrementalValidator(ctx());
    v.load([gen({ amount: '10' }), gen({ row: 3, amount: '20' })]);
    expect(v.result().rejectedRowIds).toEqual(new Set(['gen-1'])); // R17
    v.upsert(gen({ amount: '11' }));
    expect(v.rows().map((r) => r.amount)).toEqual(['20', '11']);
    const after = v.remove('gen-1');
    expect(v.rows()).toEqual([]);
    expect(after.rejectedRowIds.size).toBe(0);
  });

  it('returns results that later edits do not change', () => {
    const v = new IncrementalValidator(ctx());
    const first = v.load([gen({ amount: 'x' })]);
    v.upsert(gen({ amount: '10' }));
    expect(first.rejectedRowIds.has('gen-1')).toBe(true);
    expect(first.findings.some((f) => f.code === 'R02')).toBe(true);
  });
});
