// R17 unique row ids; R24 locked windows (added, changed, removed; without server state).
import { pers, beni, gen, rowFindingsOf, located, ctx, run } from './fixtures';

describe('R17 row ids', () => {
  it('passes distinct ids', () => {
    expect(located(rowFindingsOf([gen(), gen({ rowId: 'gen-2', row: 3 })]), 'R17')).toEqual([]);
  });

  it('fails every row sharing an id, and a missing id', () => {
    const findings = rowFindingsOf([gen(), gen({ row: 3 }), gen({ rowId: '', row: 4 })]);
    expect(located(findings, 'R17')).toEqual([
      ['R17', 'error', 'Spese generali', 2, 'J', 'rowId'],
      ['R17', 'error', 'Spese generali', 3, 'J', 'rowId'],
      ['R17', 'error', 'Spese generali', 4, 'J', 'rowId'],
    ]);
  });
});

describe('R24 locked windows', () => {
  const afterW1 = ctx({ today: '2026-06-01' });

  it('accepts rows of an open window, and of W1 up to its lock day (31 May, Rome)', () => {
    expect(located(rowFindingsOf([gen({ date: '2026-04-30' })], ctx({ today: '2026-05-31' })), 'R24')).toEqual([]);
    expect(located(rowFindingsOf([gen({ date: '2026-05-02' })], afterW1), 'R24')).toEqual([]);
  });

  it('without server state, a row dated in a locked window is a retroactive addition', () => {
    const findings = rowFindingsOf([gen({ date: '2026-04-30' }), pers()], afterW1);
    expect(located(findings, 'R24')).toEqual([
      ['R24', 'error', 'Personale', 2, 'I', 'month'],
      ['R24', 'error', 'Spese generali', 2, 'C', 'date'],
    ]);
    expect(findings.find((f) => f.code === 'R24')?.message).toMatchInlineSnapshot(
      `"«Mese»: la finestra W1 è chiusa dal 31/05/2026; non si possono aggiungere spese retroattive."`,
    );
  });

  it('with server state, only new, changed or removed rows of a locked window are R24', () => {
    const previousRows = [
      gen({ date: '2026-04-30' }),
      gen({ rowId: 'gen-2', date: '2026-04-01' }),
      gen({ rowId: 'gen-3', date: '2026-03-01' }),
    ];
    const rows = [
      gen({ date: '30/04/2026', amount: '50,00' }), // same content, typed differently
      gen({ rowId: 'gen-2', row: 3, date: '2026-04-01', amount: '60' }), // changed
      gen({ rowId: 'gen-4', row: 4, date: '2026-04-15' }), // added
    ];
    const result = run(rows, ctx({ today: '2026-06-01', previousRows }));
    const r24 = result.findings.filter((f) => f.code === 'R24');
    expect(r24.map((f) => [f.rowId, f.params?.variant, f.row])).toEqual([
      ['gen-3', 'removed', null],
      ['gen-2', 'changed', 3],
      ['gen-4', 'added', 4],
    ]);
    expect(result.rejectedRowIds).toEqual(new Set(['gen-2', 'gen-3', 'gen-4']));
  });

  it('moving an accepted row out of a locked window is a change of a locked row', () => {
    const previousRows = [gen({ date: '2026-04-30' })];
    const findings = rowFindingsOf([gen({ date: '2026-06-15' })], ctx({ today: '2026-06-01', previousRows }));
    expect(findings.filter((f) => f.code === 'R24').map((f) => [f.params?.variant, f.params?.finestra])).toEqual([
      ['changed', 'W1'],
    ]);
  });

  it('W3 locks on 31 January of the next year', () => {
    const row = beni({ invoiceDate: '2026-12-01', paymentDate: '2026-12-02' });
    expect(located(rowFindingsOf([row], ctx({ today: '2027-01-31' })), 'R24')).toEqual([]);
    expect(located(rowFindingsOf([row], ctx({ today: '2027-02-01' })), 'R24')).toEqual([
      ['R24', 'error', 'Beni di consumo', 2, 'D', 'invoiceDate'],
    ]);
  });
});
