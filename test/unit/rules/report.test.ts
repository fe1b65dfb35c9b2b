// Whole-report rules: R20 co-financing, R21 general costs cap, R22 budget lines, R23 progress.
import { pers, beni, gen, cofin, run, ctx, agreement } from './fixtures';
import { checkAtsCofinancing } from '../../../shared/rules/validate';
import { Money } from '../../../shared/core/money';
import type { Agreement } from '../../../shared';

const codes = (result: ReturnType<typeof run>, code: string) =>
  result.reportFindings
    .filter((f) => f.code === code)
    .map((f) => [f.code, f.severity, f.sheet, f.row, f.column, f.params?.variant]);

describe('R20 co-financing', () => {
  it('is silent at 10% or more of the municipal share', () => {
    // municipal 1560 (PERS) -> 10% = 156; volunteers 160
    expect(codes(run([pers(), cofin({ hours: '10', hourlyValue: '16', value: '160' })]), 'R20')).toEqual([]);
  });

  it('stays a warning per programme even at year close (the duty binds the ATS)', () => {
    const result = run([pers(), cofin({ hours: '10', hourlyValue: '15', value: '150' })], ctx({ phase: 'yearClose' }));
    expect(codes(result, 'R20')).toEqual([['R20', 'warning', null, null, null, 'programme']]);
  });

  it('warns per programme below 10%', () => {
    const result = run([pers(), cofin({ hours: '10', hourlyValue: '15', value: '150' })]);
    expect(codes(result, 'R20')).toEqual([['R20', 'warning', null, null, null, 'programme']]);
    expect(result.reportFindings.find((f) => f.code === 'R20')?.message).toMatchInlineSnapshot(
      `"Programma P1: cofinanziamento 150,00 € pari al 9,62% della quota Comune (1.560,00 €), sotto il minimo del 10,00% (l'obbligo vale sul totale dell'ATS)."`,
    );
  });

  it('ATS-wide: an error at year close, a warning during the year, nothing when met', () => {
    const programmes = [
      { programme: 'P1', municipal: new Money('1000'), cofinancing: new Money('120') },
      { programme: 'P4', municipal: new Money('1000'), cofinancing: new Money('80') },
    ];
    // P4 alone is at 8%, the ATS at exactly 10%: the duty binds the whole.
    expect(checkAtsCofinancing(programmes, agreement, 'yearClose')).toBeNull();
    const low = [{ ...programmes[0], cofinancing: new Money('119.99') }, programmes[1]];
    expect(checkAtsCofinancing(low, agreement, 'yearClose')).toMatchObject({
      code: 'R20',
      severity: 'error',
      sheet: null,
    });
    expect(checkAtsCofinancing(low, agreement)).toMatchObject({ code: 'R20', severity: 'warning' });
  });
});

describe('R21 general costs cap', () => {
  it('passes GEN within 7% of direct costs', () => {
    // direct: PERS 1560 + BENI 122 = 1682 -> cap 117.74
    expect(codes(run([pers(), beni(), gen({ amount: '117,74' })]), 'R21')).toEqual([]);
  });

  it('warns above the cap and states the excluded excess', () => {
    const result = run([pers(), beni(), gen({ amount: '200' })]);
    expect(codes(result, 'R21')).toEqual([['R21', 'warning', null, null, null, 'direct']]);
    expect(result.reportFindings.find((f) => f.code === 'R21')?.params).toMatchObject({
      tetto: '117,74 €',
      eccedenza: '82,26 €',
      excess: '82.26',
      cap: '117.74',
    });
  });

  it('uses the configured basis (15% of personnel)', () => {
    const personnelBasis: Agreement = {
      ...agreement,
      rules: { ...agreement.rules, generalCosts: { rate: '0.15', basis: 'personnel' } },
    };
    // 15% of 1560 = 234
    expect(codes(run([pers(), beni(), gen({ amount: '234' })], ctx({ agreement: personnelBasis })), 'R21')).toEqual([]);
    expect(codes(run([pers(), beni(), gen({ amount: '234,01' })], ctx({ agreement: personnelBasis })), 'R21')).toEqual([
      ['R21', 'warning', null, null, null, 'personnel'],
    ]);
  });
});

describe('R22 budget lines', () => {
  const tight: Agreement = {
    ...agreement,
    budgets: [
      ...agreement.budgets,
      {
        version: 2,
        year: 2026,
        approvedOn: '2026-07-15',
        approvedBy: 'Cabina di Regia',
        lines: [
          {
            programme: 'P1',
            municipal: '2000.00',
            cofinancing: '200.00',
            byAction: { 'P1.A1': '1500.00' },
            byCategory: { BENI: '100.00' },
          },
        ],
      },
    ],
  };

  it('is silent within the latest approved version', () => {
    expect(codes(run([gen({ amount: '100' })], ctx({ agreement: tight })), 'R22')).toEqual([]);
  });

  it('warns per programme, action and category above the line', () => {
    const result = run([pers(), beni(), gen({ amount: '500' })], ctx({ agreement: tight }));
    expect(
      codes(result, 'R22')
        .map((c) => c[5])
        .sort(),
    ).toEqual(['action', 'category', 'programme']);
    expect(
      codes(result, 'R22').every(
        ([, severity, sheet, row, column]) => severity === 'warning' && !sheet && !row && !column,
      ),
    ).toBe(true);
  });
});

describe('R23 progress', () => {
  it('reports reported vs budget and the share of the year elapsed', () => {
    const result = run([pers({ month: '06/2026' })], ctx({ today: '2026-07-02' }));
    expect(result.reportFindings.filter((f) => f.code === 'R23').map((f) => f.message)).toMatchInlineSnapshot(`
[
  "Programma P1, anno 2026: rendicontati 1.560,00 € su 722.461,31 € (0,22%); trascorso il 50,14% dell'anno. Cofinanziamento: 0,00 €.",
]
`);
  });

  it('says when no budget is approved for the year', () => {
    const noBudget = { ...agreement, budgets: [] };
    const progress = run([], ctx({ agreement: noBudget })).reportFindings.find((f) => f.code === 'R23');
    expect(progress).toMatchObject({ code: 'R23', severity: 'info', params: { variant: 'noBudget' } });
  });

  it('is info, never blocking', () => {
    const result = run([]);
    expect(result.reportFindings).toEqual([expect.objectContaining({ code: 'R23', severity: 'info' })]);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 1 });
  });
});
