// Findings are a discriminated union on `code`: narrowing by code gives that code's params, the
// message table types what each rule may pass, and the R21 exclusion is a typed domain value.
import { isFindingOf, type Finding, type FindingOf } from '../../shared/findings/findings';
import { renderIt } from '../../shared/findings/messages.it';
import { reportFinding } from '../../shared/rules/emit';
import { Money } from '../../shared/core/money';
import {
  generalCostExclusion,
  partnersGeneralCostExclusion,
  splitGeneralCostExcess,
  statedGeneralCostExcess,
} from '../../shared/reconciliation/general-cost-excess';
import { pers, beni, gen, run } from './rules/fixtures';

const m = (v: string) => new Money(v);

describe('findings as a discriminated union', () => {
  const result = run([pers(), beni(), gen({ amount: '200' })]);

  it('narrows by code to the typed params of that code (R21: the wire excess)', () => {
    const r21 = result.reportFindings.find((f): f is FindingOf<'R21'> => isFindingOf(f, 'R21'));
    expect(r21?.params?.variant).toBe('direct');
    // Typed: `excess` is a string on every R21 variant; no cast, no typeof check.
    const excess: string | undefined = r21?.params?.excess;
    expect(excess).toBe('82.26');
  });

  it('a switch on code sees each code’s variants', () => {
    const variants = result.reportFindings.map((f: Finding) => {
      switch (f.code) {
        case 'R21':
          return f.params?.variant === 'direct' || f.params?.variant === 'personnel' ? `R21:${f.params.variant}` : '?';
        case 'R23':
          return `R23:${f.params?.variant}`;
        default:
          return f.code;
      }
    });
    expect(variants).toEqual(expect.arrayContaining(['R21:direct', 'R23:progress']));
  });

  it('the table types what a rule passes (compile-time checks, run by ts-jest)', () => {
    const ok = reportFinding('R22', 'info', 'noBudget', { programma: 'P1', anno: 2026 });
    expect(ok.message).toBe(
      "Programma P1: nessuna versione di budget approvata per l'anno 2026; il confronto con il budget non è applicabile.",
    );
    // @ts-expect-error a variant the table does not have
    reportFinding('R22', 'info', 'nuovo', { programma: 'P1', anno: 2026 });
    // @ts-expect-error a figure the sentence reads is missing
    reportFinding('R22', 'info', 'noBudgetLine', { programma: 'P1', anno: 2026 });
  });

  it('R20 as the reconciliation words it: configured rate, Italian decimal comma', () => {
    expect(renderIt('R20.reconciledProgramme', { programme: 'P4', share: '9.57', minimum: '12.50' })).toBe(
      "Programma P4: cofinanziamento ammesso al 9,57% del contributo, sotto il 12,50%. L'obbligo vale sull'intera ATS: segnalazione informativa (R20).",
    );
  });
});

describe('R21 exclusion as a domain value', () => {
  const rows = [
    { rowId: 'g-1', category: 'GEN', municipal: m('30.00') },
    { rowId: 'g-2', category: 'GEN', municipal: m('20.00') },
    { rowId: 'b-1', category: 'BENI', municipal: m('999.00') },
  ];

  it('lowers the municipal share of GEN rows first, the rest on co-financing', () => {
    const split = splitGeneralCostExcess(m('82.26'), rows);
    expect(split.municipal.toFixed(2)).toBe('50.00');
    expect(split.cofinancing.toFixed(2)).toBe('32.26');
    expect(split.rowIds).toEqual(['g-1', 'g-2']);
    const small = splitGeneralCostExcess(m('10.00'), rows);
    expect([small.municipal.toFixed(2), small.cofinancing.toFixed(2)]).toEqual(['10.00', '0.00']);
  });

  it('reads the excess of the validation’s R21 finding, none without one', () => {
    const findings = run([pers(), beni(), gen({ amount: '200' })]).reportFindings;
    expect(statedGeneralCostExcess(findings)?.amount.toFixed(2)).toBe('82.26');
    expect(statedGeneralCostExcess(run([pers(), beni(), gen({ amount: '100' })]).reportFindings)).toBeNull();
    expect(generalCostExclusion(findings, rows)?.note).toMatch(/Eccedenza esclusa: 82\.26 €\.$/);
  });

  it('adds up the partners’ reports of a programme with one note each', () => {
    const findings = run([pers(), beni(), gen({ amount: '200' })]).reportFindings;
    const total = partnersGeneralCostExclusion([
      { partner: 'ente-a', findings, rows: rows.map((r) => ({ ...r, rowId: `ente-a/${r.rowId}` })) },
      { partner: 'ente-b', findings: [], rows },
    ]);
    expect(total?.municipal.toFixed(2)).toBe('50.00');
    expect(total?.cofinancing.toFixed(2)).toBe('32.26');
    expect(total?.rowIds).toEqual(['ente-a/g-1', 'ente-a/g-2']);
    expect(total?.note).toBe('ente-a: eccedenza delle spese generali esclusa 82.26 € (R21).');
    expect(partnersGeneralCostExclusion([{ partner: 'ente-b', findings: [], rows }])).toBeUndefined();
  });
});
