// R22/R23 for an agreement without an approved budget (the Ambito's, seed 003) or a budget version
// without the programme's line: nothing to compare, so an info says so instead of a comparison.
import { getAgreement, type Agreement } from '../../../shared';
import { beni, cofin, ctx, gen, pers, run } from './fixtures';

const ambito = getAgreement('ambito-poverta-2026-2028')!;
const crema = getAgreement('crema-2026-2028')!;
const report = (agreement: Agreement, year = 2026, programme = 'P1') =>
  run([pers(), beni(), gen({ amount: '500' }), cofin()], ctx({ agreement, year, programme }));

describe('R22/R23 without an approved budget', () => {
  it('validates a full report of the Ambito without errors: R22 and R23 are info', () => {
    const result = report(ambito);
    expect(result.summary.error).toBe(0);
    expect(result.reportFindings.filter((f) => f.code === 'R22' || f.code === 'R23')).toEqual([
      expect.objectContaining({
        code: 'R22',
        severity: 'info',
        params: expect.objectContaining({ variant: 'noBudget' }),
      }),
      expect.objectContaining({
        code: 'R23',
        severity: 'info',
        params: expect.objectContaining({ variant: 'noBudget' }),
      }),
    ]);
    expect(result.reportFindings.find((f) => f.code === 'R22')?.message).toBe(
      "Programma P1: nessuna versione di budget approvata per l'anno 2026; il confronto con il budget non è applicabile.",
    );
  });

  it('never warns on R22 in any year of the agreement', () => {
    for (const year of ambito.years) {
      const rows = [pers({ month: `03/${year}` })];
      const result = run(rows, ctx({ agreement: ambito, year, today: `${year}-04-01` }));
      const r22 = result.reportFindings.filter((f) => f.code === 'R22');
      expect(r22.map((f) => [f.severity, f.params?.variant, f.params?.anno])).toEqual([['info', 'noBudget', year]]);
    }
  });

  it('an empty report of the Ambito gives the two infos and nothing else', () => {
    const result = run([], ctx({ agreement: ambito }));
    expect(result.reportFindings.map((f) => `${f.code} ${f.severity}`)).toEqual(['R22 info', 'R23 info']);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 2 });
  });

  it('a budget version without the programme line says so (noBudgetLine), with the version number', () => {
    const partial: Agreement = {
      ...crema,
      budgets: [
        ...crema.budgets,
        { version: 2, year: 2026, approvedOn: '2026-07-15', approvedBy: 'Cabina di Regia', lines: [] },
      ],
    };
    const r22 = report(partial).reportFindings.filter((f) => f.code === 'R22');
    expect(r22).toEqual([
      expect.objectContaining({
        severity: 'info',
        params: expect.objectContaining({ variant: 'noBudgetLine', versione: 2 }),
      }),
    ]);
    expect(r22[0].message).toBe(
      'Programma P1: la versione 2 del budget 2026 non ha una riga per il programma; il confronto con il budget non è applicabile.',
    );
  });

  it('leaves the Crema agreement as it was: a budget line, so no R22 info', () => {
    expect(report(crema).reportFindings.filter((f) => f.code === 'R22')).toEqual([]);
  });
});
